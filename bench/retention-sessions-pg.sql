-- Sessions' retention against a seeded backlog (bench/retention-pg.sh runs it after retention-pg.sql): 1M sessions
-- started over the last 60 days as a 365-day store keeps them (Luxmart), each idle for at most a day and used
-- within an hour of its start, so about 87 % idled out over a week ago while none is past its absolute expiry;
-- 10 % revoked at their last use. Each has one spent refresh token, one in ten an opaque access token. Newest
-- rows first on disk. Then one batch as SessionRetention runs it (the statements EclipseLink sends, rolled back),
-- the one-OR pick it replaced, V13's back-fill over the table, and the whole backlog batch by batch.
\timing on
INSERT INTO stores (id, name, mode, status, login_policy, created_at) VALUES ('sto_sessions', 'Sessions', 'TEST', 'ACTIVE', '{}', now());
INSERT INTO sessions (id, store_id, subject_kind, subject, created_at, last_used_at, expires_at, idle_timeout_seconds,
    access_ttl_seconds, revoked_at, revoke_reason, revocation_recorded_at, refresh_hash, usable_until)
SELECT 'ses_' || lpad(g::text, 24, '0'), 'sto_sessions', 'CUSTOMER', 'cus_' || (g % 200000), t, u, t + interval '365 days',
    86400, 900, CASE WHEN g % 10 = 3 THEN u END, CASE WHEN g % 10 = 3 THEN 'logout' END, CASE WHEN g % 10 = 3 THEN u END,
    md5('s' || g) || md5('r' || g), LEAST(u + 86400 * INTERVAL '1' SECOND, t + interval '365 days')
FROM (SELECT g, t, t + (g % 3600) * interval '1 second' AS u
      FROM (SELECT g, now() - (g * interval '60 days' / 1000000) AS t FROM generate_series(1, 1000000) g) s) s;
INSERT INTO used_refresh_tokens (token_hash, session_id, used_at)
SELECT md5('u' || g) || md5('x' || g), 'ses_' || lpad(g::text, 24, '0'), now() - (g * interval '60 days' / 1000000)
FROM generate_series(1, 1000000) g;
INSERT INTO opaque_access_tokens (token_hash, session_id)
SELECT md5('o' || g) || md5('y' || g), 'ses_' || lpad(g::text, 24, '0') FROM generate_series(10, 1000000, 10) g;
VACUUM ANALYZE sessions, used_refresh_tokens, opaque_access_tokens;
SELECT count(*) FILTER (WHERE usable_until < now() - interval '7 days' OR revocation_recorded_at < now() - interval '7 days')
         AS ended_over_a_week_ago,
       count(*) FILTER (WHERE expires_at < now() - interval '7 days' OR revocation_recorded_at < now() - interval '7 days')
         AS of_which_the_rule_before_v13_took
FROM sessions;
\echo '== sessions: one batch as the housekeeping runs it (500; rolled back): the pick along ix_sessions_usable_until'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM sessions WHERE usable_until < now() - interval '7 days'
  ORDER BY usable_until LIMIT 500;
SELECT array_agg(id)::text AS ids FROM (SELECT id FROM sessions WHERE usable_until < now() - interval '7 days'
  ORDER BY usable_until LIMIT 500) batch \gset
-- EclipseLink binds the ids as parameters of a prepared statement: a generic plan, and the ids stay out of the output
SET plan_cache_mode = force_generic_plan;
PREPARE opaque_of(varchar[]) AS DELETE FROM opaque_access_tokens WHERE session_id = ANY ($1);
PREPARE spent_of(varchar[]) AS DELETE FROM used_refresh_tokens WHERE session_id = ANY ($1);
PREPARE sessions_of(varchar[]) AS DELETE FROM sessions WHERE id = ANY ($1);
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE opaque_of(:'ids');
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE spent_of(:'ids');
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE sessions_of(:'ids');
ROLLBACK;
\echo '== sessions: one OR of both ways of ending, unordered (what the pick was before V13, with usable_until for expires_at)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM sessions WHERE usable_until < now() - interval '7 days'
  OR revocation_recorded_at < now() - interval '7 days' LIMIT 500;
\echo '== sessions: V13''s back-fill over the 1M rows (its index already in place here; rolled back)'
BEGIN;
UPDATE sessions SET usable_until = LEAST(last_used_at + idle_timeout_seconds * INTERVAL '1' SECOND, expires_at);
ROLLBACK;
\echo '== sessions: the whole backlog as the housekeeping deletes it (committed batches of 500 until a short one)'
DO $$
DECLARE ids varchar[]; n int; total int := 0; batches int := 0; started timestamptz := clock_timestamp();
BEGIN
  LOOP
    ids := ARRAY(SELECT id FROM sessions WHERE usable_until < now() - interval '7 days' ORDER BY usable_until LIMIT 500);
    IF cardinality(ids) < 500 THEN
      ids := ids || ARRAY(SELECT id FROM sessions WHERE revocation_recorded_at < now() - interval '7 days'
        AND usable_until >= now() - interval '7 days' ORDER BY revocation_recorded_at LIMIT 500 - cardinality(ids));
    END IF;
    DELETE FROM opaque_access_tokens WHERE session_id = ANY (ids);
    DELETE FROM used_refresh_tokens WHERE session_id = ANY (ids);
    DELETE FROM sessions WHERE id = ANY (ids);
    GET DIAGNOSTICS n = ROW_COUNT; total := total + n; batches := batches + 1;
    COMMIT;
    EXIT WHEN n < 500;
  END LOOP;
  RAISE NOTICE 'sessions: % rows in % batches, % s', total, batches, extract(epoch FROM clock_timestamp() - started);
END $$;
\echo '== sessions: the steady state afterwards: the empty batch'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM sessions WHERE usable_until < now() - interval '7 days'
  ORDER BY usable_until LIMIT 500;
\echo '== sessions: the revoked pick, run once the expired pick comes back short: revoked ones still within their idle window'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM sessions WHERE revocation_recorded_at < now() - interval '7 days'
  AND usable_until >= now() - interval '7 days' ORDER BY revocation_recorded_at LIMIT 500;
SELECT count(*) AS sessions_left, count(*) FILTER (WHERE usable_until > now() AND revoked_at IS NULL) AS active_left FROM sessions;
