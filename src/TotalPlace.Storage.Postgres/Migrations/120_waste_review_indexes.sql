-- The waste review pages in the store's query (LIMIT/OFFSET) and a decision loads only the finding it changes; on the
-- server engine these indexes serve both: the latest decision per finding (place, key, number), a finding by its key
-- (the primary key already), and the review's orders (money at stake, score). PostgreSQL only: DuckDB answers these
-- queries by scanning with a top-N (an ART index does not serve ORDER BY … LIMIT there), and an explicit DuckDB index
-- would stop later migrations from adding a column to these tables. Citus: indexes follow their distributed table's
-- shards, nothing to add to distribute.sql.
CREATE INDEX waste_decision_finding ON waste_decision (place_id, finding_key, decision_no);
CREATE INDEX waste_finding_money ON waste_finding (place_id, money_at_stake DESC);
CREATE INDEX waste_finding_score ON waste_finding (place_id, score DESC);
