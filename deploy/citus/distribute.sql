-- TotalPlace on Citus: distribute the schema by place. Optional; a single PostgreSQL server needs none of this.
-- See docs/scaling.md for when to use it and the steps around it.
--
-- Run as a superuser on the Citus coordinator, in the TotalPlace database, AFTER TotalPlace has migrated it (open the
-- store once: `totalplace places --store postgres://…`, or start the web app), preferably before loading much data
-- (distributing a table copies its rows to the workers while holding a lock):
--
--     psql "postgres://postgres@coordinator:5432/totalplace" -v ON_ERROR_STOP=1 -f deploy/citus/distribute.sql
--
-- It is idempotent: tables already distributed are skipped, so run it again after an upgrade that added tables
-- (new tables are created on the coordinator only, until this script distributes them).
--
-- Layout (checked against the live schema by tests/TotalPlace.Storage.Tests/Schema/CitusReadySchemaTests.cs):
--   reference tables  - place-free lookups, copied to every node: the place directory (code -> place_id), themes,
--                       user accounts;
--   distributed       - every place-scoped table, by place_id, all co-located: one place's batches, lines, agencies,
--                       rules, waste findings and offers live on one node, so every query of a place runs there;
--   audit_log         - distributed by its own key place_code (TEXT, so a co-location group of its own);
--   schema_version    - stays on the coordinator, which is where migrations run.

CREATE EXTENSION IF NOT EXISTS citus;

CREATE FUNCTION pg_temp.reference(name text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF to_regclass(name) IS NULL THEN
        RAISE NOTICE '% does not exist in this database: skipped', name;
    ELSIF NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = to_regclass(name)) THEN
        PERFORM create_reference_table(to_regclass(name));
    END IF;
END
$$;

CREATE FUNCTION pg_temp.distribute(name text, key text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF to_regclass(name) IS NULL THEN
        RAISE NOTICE '% does not exist in this database: skipped', name;
    ELSIF NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = to_regclass(name)) THEN
        -- colocate_with 'default': every table distributed by an INTEGER place_id with the default shard count
        -- joins one co-location group, so joins on place_id never leave a node.
        PERFORM create_distributed_table(to_regclass(name), key, colocate_with => 'default');
    END IF;
END
$$;

-- Reference tables first: distributed tables may refer to them, never the other way round.
SELECT pg_temp.reference('place');
SELECT pg_temp.reference('theme');
SELECT pg_temp.reference('users');

-- Core store (migrations 001-099).
SELECT pg_temp.distribute('agency', 'place_id');
SELECT pg_temp.distribute('place_population', 'place_id');
SELECT pg_temp.distribute('classification_rule', 'place_id');
SELECT pg_temp.distribute('import_batch', 'place_id');
SELECT pg_temp.distribute('import_reject', 'place_id');
SELECT pg_temp.distribute('spend_transaction', 'place_id');
SELECT pg_temp.distribute('spend_statement', 'place_id');
SELECT pg_temp.distribute('batch_publication', 'place_id');
SELECT pg_temp.distribute('import_mapping', 'place_id');

-- Waste (100-199).
SELECT pg_temp.distribute('waste_finding', 'place_id');
SELECT pg_temp.distribute('waste_decision', 'place_id');
SELECT pg_temp.distribute('supplier_decision', 'place_id');
SELECT pg_temp.distribute('asset', 'place_id');

-- Partnership (200-299).
SELECT pg_temp.distribute('offer', 'place_id');
SELECT pg_temp.distribute('offer_partner', 'place_id');
SELECT pg_temp.distribute('pool_contribution', 'place_id');
SELECT pg_temp.distribute('offer_outcome', 'place_id');
SELECT pg_temp.distribute('outcome_actual', 'place_id');

-- Counting (500-599): place packages, partners with their shares, package files, official returns.
SELECT pg_temp.distribute('place_package', 'place_id');
SELECT pg_temp.distribute('place_partner', 'place_id');
SELECT pg_temp.distribute('package_file', 'place_id');
SELECT pg_temp.distribute('official_statement', 'place_id');

-- Proposals (600-619): cost-benefit proposals kept beside their place.
SELECT pg_temp.distribute('proposal', 'place_id');

-- Audit (300-399). Its append-only triggers only raise an error, touching no other shard, so they are safe to run
-- on the shards; Citus asks for this setting before it distributes a table with triggers.
SET citus.enable_unsafe_triggers TO on;
SELECT pg_temp.distribute('audit_log', 'place_code');

-- Anything left local is a table this script does not know yet: say so rather than leave it on the coordinator.
DO $$
DECLARE
    missing text;
BEGIN
    SELECT string_agg(c.relname, ', ' ORDER BY c.relname) INTO missing
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'schema_version'
      AND NOT EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = c.oid);
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'not distributed (add them to deploy/citus/distribute.sql): %', missing;
    END IF;
END
$$;
