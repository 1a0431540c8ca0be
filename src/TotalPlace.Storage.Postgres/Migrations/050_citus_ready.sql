-- Citus readiness (PostgreSQL only; a plain PostgreSQL server runs it, Citus is not needed). See docs/scaling.md.
--
-- The core schema is already laid out for distribution by place: every place-scoped table carries place_id, its keys
-- start with place_id, there are no foreign keys across places, and `place` (the code -> place_id directory) and
-- `theme` are small place-free tables that Citus copies to every node (deploy/citus/distribute.sql).
--
-- What this migration adds: the line tables (spend_transaction, spend_statement, import_reject) have no primary key
-- on purpose (bulk loaded, scanned by column; an index would slow every load and grow with the data). Citus moves
-- shards between nodes with logical replication, which can only carry UPDATE and DELETE (re-classification,
-- deleting a batch) for tables that have a replica identity. REPLICA IDENTITY FULL gives them one without an index;
-- it costs nothing unless wal_level is logical, that is only while a shard is being moved.
ALTER TABLE spend_transaction REPLICA IDENTITY FULL;
ALTER TABLE spend_statement REPLICA IDENTITY FULL;
ALTER TABLE import_reject REPLICA IDENTITY FULL;
