-- Tamper-evident audit trail (issue 15 item 5), PostgreSQL: the same columns as the DuckDB engine's 310_audit_chain.sql.
-- Each entry stores the SHA-256 of its canonical form (AuditChain, docs/audit.md) including prev_hash, the hash of the
-- entry before it. Entries older than this migration are sealed by the store right after migrating, by the owner of
-- audit_log (the only role that may set the append-only trigger aside, inside the sealing transaction).
-- deploy/postgres/roles.sql shows how the application then runs as a role that may only INSERT and SELECT here.
ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS entry_hash TEXT;
CREATE INDEX IF NOT EXISTS audit_log_audit_id ON audit_log (audit_id);
