-- Waste: findings of the last run, reviewers' decisions on them (history, latest wins), reviewers' supplier merges and
-- splits, and the asset register. Portable SQL: both engines run this file (DOUBLE PRECISION is spelt the
-- PostgreSQL way, which DuckDB also reads). Citus-ready: every table carries place_id, its key starts with it, and no key
-- refers to another place.

CREATE TABLE waste_finding (
    place_id       INTEGER NOT NULL,
    finding_key    TEXT    NOT NULL,          -- stable across runs: dup:…, supplier:…, overlap:…, assets:…
    kind           TEXT    NOT NULL,          -- FindingKind name
    title          TEXT    NOT NULL,
    money_at_stake DECIMAL(38,4) NOT NULL,
    explanation    TEXT    NOT NULL,          -- one sentence per line
    found_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (place_id, finding_key)
);

CREATE TABLE waste_decision (
    place_id     INTEGER NOT NULL,
    decision_no  INTEGER NOT NULL,
    finding_key  TEXT    NOT NULL,
    state        TEXT    NOT NULL,            -- Open | Confirmed | FalsePositive
    decided_by   TEXT    NOT NULL,
    decided_at   TIMESTAMPTZ NOT NULL,
    note         TEXT,
    PRIMARY KEY (place_id, decision_no)
);

CREATE TABLE supplier_decision (
    place_id     INTEGER NOT NULL,
    decision_no  INTEGER NOT NULL,
    kind         TEXT    NOT NULL,            -- Merge | Split
    name_a       TEXT    NOT NULL,
    name_b       TEXT    NOT NULL,
    note         TEXT,
    decided_by   TEXT    NOT NULL,
    decided_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (place_id, decision_no)
);

CREATE TABLE asset (
    place_id        INTEGER NOT NULL,
    asset_no        INTEGER NOT NULL,
    agency          TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    uprn            TEXT,
    address         TEXT,
    postcode        TEXT,
    easting         DOUBLE PRECISION,
    northing        DOUBLE PRECISION,
    latitude        DOUBLE PRECISION,
    longitude       DOUBLE PRECISION,
    tenure          TEXT,
    tenure_category TEXT,
    floor_area      DECIMAL(18,2),
    running_cost    DECIMAL(18,2),
    utilisation     DECIMAL(9,4),
    condition       TEXT,
    source_row      INTEGER NOT NULL,
    PRIMARY KEY (place_id, asset_no)
);
