-- Counting a place both ways (issue 12): place packages, their partners with shares and basis, the package's files by
-- role, and official-return statements (outturn and budget, gross/income/net/pay kept apart). Portable SQL: both
-- engines run this file. Citus-ready: every table carries place_id and its key starts with it.

CREATE TABLE place_package (
    place_id          INTEGER NOT NULL,
    fiscal_year       INTEGER NOT NULL,          -- start year: 2023 is 2023-24
    package           TEXT    NOT NULL,
    format            TEXT    NOT NULL,
    population        BIGINT,
    population_source TEXT,
    gaps              TEXT    NOT NULL,          -- one gap a line
    sha256            TEXT    NOT NULL,          -- of place.json, so an unchanged package re-imported changes nothing
    imported_by       TEXT    NOT NULL,
    imported_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (place_id, fiscal_year)
);

CREATE TABLE place_partner (
    place_id          INTEGER NOT NULL,
    fiscal_year       INTEGER NOT NULL,
    partner_key       TEXT    NOT NULL,
    position          INTEGER NOT NULL,          -- package order
    name              TEXT    NOT NULL,          -- also the agency its lines are stored under
    kind              TEXT    NOT NULL,          -- AgencyKind name
    code              TEXT,
    code_scheme       TEXT    NOT NULL,
    share_value       DECIMAL(38,18) NOT NULL,   -- applied as numerator / denominator when both are present
    share_numerator   DECIMAL(38,10),
    share_denominator DECIMAL(38,10),
    share_basis       TEXT    NOT NULL,
    aliases           TEXT    NOT NULL,          -- one name a line
    threshold         TEXT,
    missing           TEXT    NOT NULL,          -- one item a line
    PRIMARY KEY (place_id, fiscal_year, partner_key)
);

CREATE TABLE package_file (
    place_id     INTEGER NOT NULL,
    fiscal_year  INTEGER NOT NULL,
    partner_key  TEXT    NOT NULL,
    path         TEXT    NOT NULL,
    role         TEXT    NOT NULL,               -- transactions | outturn | budget | allocation
    period       TEXT    NOT NULL,
    batch_id     BIGINT,                         -- the import batch holding its lines or statements; null for allocations
    sha256       TEXT    NOT NULL,
    rows_loaded  INTEGER NOT NULL,
    total        DECIMAL(38,4) NOT NULL,
    detail       TEXT    NOT NULL,               -- per sheet rows and totals, share computed, … one item a line
    PRIMARY KEY (place_id, fiscal_year, partner_key, path)
);

CREATE TABLE official_statement (
    place_id      INTEGER NOT NULL,
    batch_id      BIGINT  NOT NULL,
    line_no       INTEGER NOT NULL,
    body_code     TEXT    NOT NULL,
    body_name     TEXT    NOT NULL,
    return_code   TEXT    NOT NULL,              -- RS | RSX | RA | …
    line_code     TEXT    NOT NULL,              -- the return's asset code
    service       TEXT    NOT NULL,
    theme         TEXT    NOT NULL,
    measure       TEXT    NOT NULL,              -- Gross | Income | Net | Employees
    kind          TEXT    NOT NULL,              -- Outturn | Budget
    fiscal_year   INTEGER NOT NULL,
    amount        DECIMAL(18,4) NOT NULL,
    is_total      BOOLEAN NOT NULL,
    source_row    INTEGER NOT NULL,
    source_column TEXT    NOT NULL,
    PRIMARY KEY (place_id, batch_id, line_no)
);
