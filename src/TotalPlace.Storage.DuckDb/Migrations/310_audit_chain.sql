-- Tamper-evident audit trail (issue 15 item 5): each entry stores the SHA-256 of its canonical form (AuditChain,
-- docs/audit.md), which includes prev_hash, the hash of the entry before it (64 zeros for the first). Entries that
-- existed before this migration are sealed in id order by the store right after migrating (SealAuditChainAsync),
-- once; every entry written after is hashed in the transaction that writes it. Portable SQL except the PostgreSQL
-- version, which also lets the sealing run past the append-only trigger.
ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS entry_hash TEXT;
CREATE INDEX IF NOT EXISTS audit_log_audit_id ON audit_log (audit_id);
