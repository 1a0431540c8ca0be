-- Audit trail (PostgreSQL): the same table as the DuckDB engine's 300_audit.sql, plus triggers that make it
-- append-only, so not even a mistaken script run through the application's account can rewrite history.
-- Citus: SELECT create_distributed_table('audit_log', 'place_code'); (needs citus.enable_unsafe_triggers = on for
-- the triggers, or drop them and REVOKE UPDATE, DELETE, TRUNCATE ON audit_log from the application's role).

CREATE SEQUENCE audit_id START 1;

CREATE TABLE audit_log (
    place_code   TEXT        NOT NULL,          -- GSS code, or '' for store-wide subjects
    audit_id     BIGINT      NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,          -- commit time, UTC
    actor        TEXT        NOT NULL,          -- signed-in user, --as NAME / OS user, or 'system'
    action       TEXT        NOT NULL,          -- subject.verb, e.g. batch.imported (AuditActions)
    subject_kind TEXT        NOT NULL,
    subject_id   TEXT        NOT NULL,
    agency       TEXT        NOT NULL,
    summary      TEXT        NOT NULL,
    details      TEXT        NOT NULL,          -- JSON object (kept as text so both engines read it the same way)
    PRIMARY KEY (place_code, audit_id)
);

CREATE INDEX audit_log_occurred_at ON audit_log (occurred_at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END
$$;

CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
