-- Revocations are polled by the database's clock, not by the revoking instance's: each revocation records
-- the database time it was written at, and every instance asks for those after its last poll's database time.
ALTER TABLE sessions ADD COLUMN revocation_recorded_at TIMESTAMP WITH TIME ZONE;
UPDATE sessions SET revocation_recorded_at = revoked_at WHERE revoked_at IS NOT NULL;
DROP INDEX ix_sessions_revoked;
CREATE INDEX ix_sessions_revocation_recorded ON sessions (revocation_recorded_at);
