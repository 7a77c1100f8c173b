-- Every instance polls recent revocations once a second to refuse revoked sessions' access tokens.
CREATE INDEX ix_sessions_revoked ON sessions (revoked_at);
