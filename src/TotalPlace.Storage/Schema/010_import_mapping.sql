-- Column mappings a person confirmed in the import wizard (or with --mapping), remembered per publisher and header
-- signature (SHA-256 of the normalised header cells) so the next file from that publisher with the same header is
-- read the same way. Portable SQL: the PostgreSQL engine applies this file too. Citus-ready: keyed by place_id first.
CREATE TABLE import_mapping (
    place_id         INTEGER NOT NULL,
    agency_key       TEXT    NOT NULL,          -- the publisher's name, trimmed and lower-cased
    header_signature TEXT    NOT NULL,          -- 64 hex digits
    agency           TEXT    NOT NULL,          -- as written
    header_text      TEXT    NOT NULL,          -- the header cells, one a line
    mapping          TEXT    NOT NULL,          -- mapping-file JSON
    file_name        TEXT    NOT NULL,
    saved_by         TEXT    NOT NULL,
    saved_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (place_id, agency_key, header_signature)
);
