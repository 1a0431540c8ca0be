-- The same-file key (issue 15), PostgreSQL's twin of TotalPlace.Storage.DuckDb/Migrations/020_nil_return_key.sql
-- (which rebuilds the table because DuckDB cannot drop a UNIQUE constraint). nil_agency is '' for a batch with lines
-- and the agency's name (trimmed, lower case) for a nil return: the unique key stays (place, bytes) for files with
-- lines and becomes (place, bytes, agency) for nil returns, which two partners may publish byte-identically.
ALTER TABLE import_batch ADD COLUMN nil_agency TEXT NOT NULL DEFAULT '';
ALTER TABLE import_batch DROP CONSTRAINT import_batch_place_id_sha256_key;
ALTER TABLE import_batch ADD CONSTRAINT import_batch_place_id_sha256_nil_agency_key UNIQUE (place_id, sha256, nil_agency);
