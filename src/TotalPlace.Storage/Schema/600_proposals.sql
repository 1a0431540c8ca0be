-- Proposals (issue 16): cost-benefit proposals built in the browser or imported, kept beside their place in the
-- proposal file format the CLI's `appraise` reads (docs/proposal.schema.json), whole, so a proposal round-trips
-- exactly. Figures are not stored: every reader appraises the document with the engine, so a list can never show a
-- stale NPV. Portable SQL: both engines run this file. Citus-ready: the key starts with place_id.

CREATE TABLE proposal (
    place_id      INTEGER NOT NULL,
    proposal_id   TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    document      TEXT    NOT NULL,              -- the proposal file, JSON
    offer_id      TEXT,                          -- the offer it is attached to, when attached
    saved_by      TEXT    NOT NULL,
    saved_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (place_id, proposal_id)
);
