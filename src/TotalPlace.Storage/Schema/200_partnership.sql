-- Partnership: offers, their pool contributions, outcomes and recorded actuals. Portable SQL: both engines run
-- this file. Citus-ready: keys start with place_id, no cross-place references.
-- Every table carries place_id (the distribution key) and offer_id; an offer belongs to one place.
-- The offer file (JSON, docs/offers.md) is kept whole in offer.document so an offer round-trips exactly; the
-- other tables hold the same figures as rows so they can be summed and joined in SQL.

CREATE TABLE offer (
    place_id            INTEGER NOT NULL,
    offer_id            TEXT    NOT NULL,
    title               TEXT    NOT NULL,
    kind                TEXT    NOT NULL,        -- Single | InnovativePolicy
    policy_domain       TEXT,
    status              TEXT    NOT NULL,        -- Draft | Submitted | Agreed | InDelivery | Closed
    start_date          DATE    NOT NULL,
    term_years          INTEGER NOT NULL,
    interim_report_date DATE    NOT NULL,
    version             TEXT    NOT NULL,
    document_date       DATE    NOT NULL,
    pool_kind           TEXT,                    -- Pooled | Aligned; null when no pool yet
    accountable_body    TEXT,
    document            TEXT    NOT NULL,        -- the offer file, JSON
    PRIMARY KEY (place_id, offer_id)
);

CREATE TABLE offer_partner (
    place_id      INTEGER NOT NULL,
    offer_id      TEXT    NOT NULL,
    partner_no    INTEGER NOT NULL,
    name          TEXT    NOT NULL,
    kind          TEXT    NOT NULL,              -- AgencyKind name
    PRIMARY KEY (place_id, offer_id, partner_no)
);

-- Money as in the core store: DECIMAL(18,4), never DOUBLE.
CREATE TABLE pool_contribution (
    place_id      INTEGER NOT NULL,
    offer_id      TEXT    NOT NULL,
    line_no       INTEGER NOT NULL,
    partner       TEXT    NOT NULL,
    fiscal_year   TEXT    NOT NULL,              -- "2027-28"
    cash          DECIMAL(18,4) NOT NULL,
    in_kind       DECIMAL(18,4) NOT NULL,
    PRIMARY KEY (place_id, offer_id, line_no)
);

CREATE TABLE offer_outcome (
    place_id       INTEGER NOT NULL,
    offer_id       TEXT    NOT NULL,
    outcome_no     INTEGER NOT NULL,
    name           TEXT    NOT NULL,
    indicator      TEXT    NOT NULL,
    unit           TEXT    NOT NULL,
    baseline_value DECIMAL(28,8),
    baseline_date  DATE,
    target_value   DECIMAL(28,8),
    target_date    DATE,
    measured_by    TEXT    NOT NULL,
    PRIMARY KEY (place_id, offer_id, outcome_no)
);

CREATE TABLE outcome_actual (
    place_id      INTEGER NOT NULL,
    offer_id      TEXT    NOT NULL,
    line_no       INTEGER NOT NULL,
    outcome       TEXT    NOT NULL,
    measured_on   DATE    NOT NULL,
    value         DECIMAL(28,8) NOT NULL,
    PRIMARY KEY (place_id, offer_id, line_no)
);
