-- TotalPlace core store, version 1. Portable SQL: the same text runs on DuckDB and PostgreSQL.
-- Every table but the reference table `theme` carries place_id, the distribution key when a place outgrows one
-- machine (Citus: distributed by place_id; theme is a reference table). No foreign keys across places.

CREATE TABLE place (
    place_id      INTEGER NOT NULL PRIMARY KEY,
    code          TEXT    NOT NULL UNIQUE,  -- ONS GSS code
    name          TEXT    NOT NULL
);

CREATE TABLE place_population (
    place_id      INTEGER NOT NULL,
    census_year   INTEGER NOT NULL,         -- calendar year of the census or mid-year estimate
    population    BIGINT  NOT NULL,
    PRIMARY KEY (place_id, census_year)
);

CREATE TABLE agency (
    place_id       INTEGER NOT NULL,
    agency_id      INTEGER NOT NULL,
    name           TEXT    NOT NULL,
    kind           TEXT    NOT NULL,        -- AgencyKind name
    funding_source TEXT    NOT NULL,        -- FundingSource name
    PRIMARY KEY (place_id, agency_id),
    UNIQUE (place_id, name)
);

CREATE TABLE theme (
    code          TEXT    NOT NULL PRIMARY KEY,
    name          TEXT    NOT NULL,
    is_default    BOOLEAN NOT NULL,
    sort_order    INTEGER NOT NULL
);

CREATE TABLE classification_rule (
    place_id      INTEGER NOT NULL,
    rule_no       INTEGER NOT NULL,         -- list order; ties in priority go to the lower number
    field         TEXT    NOT NULL,         -- service_code | expense_area | expense_type | description | supplier
    match_kind    TEXT    NOT NULL,         -- exact | prefix | contains | regex
    pattern       TEXT    NOT NULL,
    theme         TEXT    NOT NULL,
    priority      INTEGER NOT NULL,
    note          TEXT    NOT NULL,
    PRIMARY KEY (place_id, rule_no)
);

CREATE SEQUENCE import_batch_id START 1;

CREATE TABLE import_batch (
    place_id      INTEGER NOT NULL,
    batch_id      BIGINT  NOT NULL,
    kind          TEXT    NOT NULL,         -- transactions | statements
    agency        TEXT    NOT NULL,
    file_name     TEXT    NOT NULL,
    sha256        TEXT    NOT NULL,
    rows_read     INTEGER NOT NULL,
    rows_loaded   INTEGER NOT NULL,
    rows_rejected INTEGER NOT NULL,
    total         DECIMAL(38,4) NOT NULL,
    imported_by   TEXT    NOT NULL,
    imported_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (place_id, batch_id),
    UNIQUE (place_id, sha256)               -- the same file is never loaded twice into a place
);

CREATE TABLE import_reject (
    place_id      INTEGER NOT NULL,
    batch_id      BIGINT  NOT NULL,
    row_no        INTEGER NOT NULL,
    column_name   TEXT    NOT NULL,
    cell_value    TEXT    NOT NULL,
    message       TEXT    NOT NULL
);

-- Published spend lines. No primary key or index: it is loaded by the bulk path (appender / COPY) and scanned
-- column-wise; a line is identified by (place_id, batch_id, line_no).
-- Money is DECIMAL(18,4): published amounts can have 3 decimal places, 18 digits fit an int64 (fast scans and
-- sums) and sums come back as exact DECIMAL(38,4). Never DOUBLE.
CREATE TABLE spend_transaction (
    place_id      INTEGER NOT NULL,
    batch_id      BIGINT  NOT NULL,
    line_no       INTEGER NOT NULL,
    agency_id     INTEGER NOT NULL,
    payment_date  DATE    NOT NULL,
    fiscal_year   INTEGER NOT NULL,         -- start year: 2024 for 2024-25
    amount        DECIMAL(18,4) NOT NULL,
    supplier      TEXT,
    supplier_id   TEXT,
    body          TEXT,
    reference     TEXT,
    expense_type  TEXT,
    expense_area  TEXT,
    service_code  TEXT,
    description   TEXT,
    source_row    INTEGER NOT NULL,
    theme         TEXT    NOT NULL
);

-- Aggregate money with no supplier: outturn, budgets, benefits paid.
CREATE TABLE spend_statement (
    place_id       INTEGER NOT NULL,
    batch_id       BIGINT  NOT NULL,
    line_no        INTEGER NOT NULL,
    agency_id      INTEGER NOT NULL,
    service        TEXT    NOT NULL,        -- the theme or service as written
    theme          TEXT    NOT NULL,        -- the classified theme code
    funding_stream TEXT    NOT NULL,
    fiscal_year    INTEGER NOT NULL,
    kind           TEXT    NOT NULL,        -- Outturn | Budget | BenefitsPaid
    amount         DECIMAL(18,4) NOT NULL,
    source_row     INTEGER NOT NULL
);
