-- When each session stops being usable unless it is used again (Session.usableUntil): the end of its idle window
-- (last use + its own idle timeout) or its absolute expiry if sooner. Every use moves it with last_used_at.
-- Retention forgets a session a week after it, oldest first along its index, so a session abandoned after one use
-- goes a week after its idle end instead of a week after an absolute expiry up to a year away. The index replaces
-- ix_sessions_expires, which nothing else reads: past its absolute expiry a session is past usable_until too, and
-- the table keeps its number of indexes, each of which every refresh's update writes into on PostgreSQL.
ALTER TABLE sessions ADD COLUMN usable_until TIMESTAMP WITH TIME ZONE;
UPDATE sessions SET usable_until = LEAST(last_used_at + idle_timeout_seconds * INTERVAL '1' SECOND, expires_at);
ALTER TABLE sessions ALTER COLUMN usable_until SET NOT NULL;
CREATE INDEX ix_sessions_usable_until ON sessions (usable_until);
DROP INDEX ix_sessions_expires;
