-- Retention deletes by age across all stores: sessions by absolute expiry (revocations already have
-- ix_sessions_revocation_recorded), audit events by time, and a forgotten session's opaque access tokens.
CREATE INDEX ix_sessions_expires ON sessions (expires_at);
CREATE INDEX ix_audit_events_occurred ON audit_events (occurred_at);
CREATE INDEX ix_opaque_access_tokens_session ON opaque_access_tokens (session_id);
