-- TotalPlace on PostgreSQL: run the application under a role that does NOT own the tables, so it cannot alter,
-- disable the triggers of, rewrite, delete from or truncate the audit trail (issue 15 item 5; docs/audit.md).
--
-- Two roles:
--   totalplace_owner  owns the database's tables: it runs the migrations (any `totalplace` verb, or the web app, run
--                     once as this role after installing or upgrading TotalPlace) and this script;
--   totalplace_app    what the web app and everyday CLI use: reads and writes the data, but on audit_log may only
--                     INSERT and SELECT.
--
-- Once, as a superuser (or a role with CREATEROLE and CREATEDB):
--
--     CREATE ROLE totalplace_owner LOGIN PASSWORD '…';
--     CREATE ROLE totalplace_app   LOGIN PASSWORD '…';
--     CREATE DATABASE totalplace OWNER totalplace_owner;
--     REVOKE CREATE ON SCHEMA public FROM PUBLIC;          -- PostgreSQL 15+ does this already
--
-- Then migrate as the owner, and run this file as the owner, in the TotalPlace database:
--
--     totalplace audit verify --store "postgres://totalplace_owner:…@db/totalplace"     # migrates, seals, verifies
--     psql "postgres://totalplace_owner:…@db/totalplace" -v ON_ERROR_STOP=1 -f deploy/postgres/app-role.sql
--
-- and point the web app at postgres://totalplace_app:…@db/totalplace. Run this file again after every upgrade that
-- added migrations (the app role cannot migrate: opening a store with migrations pending fails with "permission
-- denied", which is the cue). It is idempotent. The role name is fixed here; edit it if yours differs.

DO $$
BEGIN
    -- Connect, and TEMPORARY for the temporary tables re-classification builds.
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO totalplace_app', current_database());
END
$$;

GRANT USAGE ON SCHEMA public TO totalplace_app;

-- Everything but the audit trail: read and write (imports, publication, deletion, offers, waste reviews, accounts).
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO totalplace_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO totalplace_app;

-- The audit trail: append and read, nothing else. (Only the owner can ALTER TABLE … DISABLE TRIGGER, and the app
-- role owns nothing.)
REVOKE ALL ON audit_log FROM totalplace_app;
GRANT SELECT, INSERT ON audit_log TO totalplace_app;
REVOKE ALL ON schema_version FROM totalplace_app;
GRANT SELECT ON schema_version TO totalplace_app;
