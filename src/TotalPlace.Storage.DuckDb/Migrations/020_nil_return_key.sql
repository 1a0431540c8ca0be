-- The same-file key (issue 15). A file is stored once per place, whoever imports it: the same bytes with lines for a
-- second agency are refused (one published file is almost never two partners' spend). A nil return (a well-formed
-- header and no lines) is the exception: two partners may publish byte-identical nil returns from one template, and
-- each is that partner's statement that it spent nothing over the threshold. nil_agency is '' for a batch with lines
-- and the agency's name (trimmed, lower case) for a nil return, so the unique key stays (place, bytes) for files with
-- lines and becomes (place, bytes, agency) for nil returns only.
--
-- DuckDB cannot drop a table's UNIQUE constraint, so the table is rebuilt with the new key (it has no foreign keys
-- and no views depend on it; the rows are copied as they are: every existing batch is keyed as before). PostgreSQL
-- alters its table in place (the twin of this file in TotalPlace.Storage.Postgres/Migrations).
CREATE TABLE import_batch_020 (
    place_id      INTEGER NOT NULL,
    batch_id      BIGINT  NOT NULL,
    kind          TEXT    NOT NULL,
    agency        TEXT    NOT NULL,
    file_name     TEXT    NOT NULL,
    sha256        TEXT    NOT NULL,
    rows_read     INTEGER NOT NULL,
    rows_loaded   INTEGER NOT NULL,
    rows_rejected INTEGER NOT NULL,
    total         DECIMAL(38,4) NOT NULL,
    imported_by   TEXT    NOT NULL,
    imported_at   TIMESTAMPTZ NOT NULL,
    nil_agency    TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (place_id, batch_id),
    UNIQUE (place_id, sha256, nil_agency)
);

INSERT INTO import_batch_020
SELECT place_id, batch_id, kind, agency, file_name, sha256, rows_read, rows_loaded, rows_rejected, total, imported_by, imported_at, ''
FROM import_batch;

DROP TABLE import_batch;

ALTER TABLE import_batch_020 RENAME TO import_batch;
