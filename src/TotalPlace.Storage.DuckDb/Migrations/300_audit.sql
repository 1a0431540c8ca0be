-- Audit trail: who changed what, when, and what changed. Append-only: the store only ever INSERTs here, in the same
-- transaction as the change an entry records. Portable SQL; the PostgreSQL version (same number, in the Postgres
-- project) adds a trigger that refuses UPDATE, DELETE and TRUNCATE.
-- Keyed by place_code (the GSS code, '' for store-wide subjects such as themes and users) rather than place_id, so an
-- entry stays readable when it is about a place that is not in the store (or never got created) and needs no join;
-- there are no foreign keys, so a place's entries can live on the place's shard (Citus: distribute by place_code).

CREATE SEQUENCE audit_id START 1;

CREATE TABLE audit_log (
    place_code   TEXT        NOT NULL,          -- GSS code, or '' for store-wide subjects
    audit_id     BIGINT      NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,          -- commit time, UTC
    actor        TEXT        NOT NULL,          -- signed-in user, --as NAME / OS user, or 'system'
    action       TEXT        NOT NULL,          -- subject.verb, e.g. batch.imported (AuditActions)
    subject_kind TEXT        NOT NULL,          -- batch | place | agency | rule | theme | offer | finding | …
    subject_id   TEXT        NOT NULL,
    agency       TEXT        NOT NULL,          -- the agency concerned, or ''
    summary      TEXT        NOT NULL,          -- one readable sentence
    details      TEXT        NOT NULL,          -- JSON object: before/after, counts, totals, money moved
    PRIMARY KEY (place_code, audit_id)
);

CREATE INDEX audit_log_occurred_at ON audit_log (occurred_at);
