-- Seeds a backlog for every retention rule, then measures the deletes (bench/retention-pg.sh runs it).
\timing on
INSERT INTO stores (id, name, mode, status, login_policy, created_at) VALUES ('sto_bench', 'Bench', 'TEST', 'ACTIVE', '{}', now());
-- 2M challenges over the last 30 days, each 10 minutes long: ~97 % expired over a day ago
INSERT INTO otp_challenges (id_hash, store_id, action, channel, destination, decoy, code_hash, attempts, max_attempts,
    sends, last_sent_at, expires_at, status, created_at)
SELECT md5(g::text) || md5((g + 1)::text), 'sto_bench', 'LOGIN', 'EMAIL', 'user' || (g % 100000) || '@example.com', false,
    md5(g::text) || md5(g::text), 0, 5, 1, t, t + interval '10 minutes', CASE WHEN g % 3 = 0 THEN 'USED' ELSE 'OPEN' END, t
FROM (SELECT g, now() - (g * interval '30 days' / 2000000) AS t FROM generate_series(1, 2000000) g) s;
-- 5M code counters over the last 3 days: two thirds past the daily window
INSERT INTO otp_activity (destination_key, kind, occurred_at)
SELECT md5((g % 200000)::text) || md5((g % 200000)::text), CASE WHEN g % 4 = 0 THEN 'FAILED' ELSE 'SENT' END,
    now() - (g * interval '3 days' / 5000000)
FROM generate_series(1, 5000000) g;
-- 1M outbox messages over the last 30 days, one in 20 still pending
INSERT INTO outbox_messages (id, store_id, challenge_hash, channel, recipient, subject, sealed_text, sealed_code, retained,
    status, attempts, next_attempt_at, expires_at, created_at, delivered_at, transport)
SELECT 'msg_' || g, 'sto_bench', md5(g::text) || md5((g + 1)::text), 'EMAIL', 'user' || (g % 100000) || '@example.com',
    'Your sign-in code', CASE WHEN g % 20 = 0 THEN repeat('x', 300) END, NULL, false,
    CASE WHEN g % 20 = 0 THEN 'PENDING' ELSE 'DELIVERED' END, 0, t, t + interval '10 minutes', t,
    CASE WHEN g % 20 = 0 THEN NULL ELSE t END, CASE WHEN g % 20 = 0 THEN NULL ELSE 'smtp' END
FROM (SELECT g, now() - (g * interval '30 days' / 1000000) AS t FROM generate_series(1, 1000000) g) s;
-- 500k reset links over the last 30 days, 30 minutes each
INSERT INTO password_reset_links (id_hash, store_id, customer_id, email, expires_at, used_at, created_at)
SELECT md5(g::text) || md5((g + 7)::text), 'sto_bench', 'cus_' || g, 'user' || g || '@example.com',
    t + interval '30 minutes', CASE WHEN g % 2 = 0 THEN t + interval '1 minute' END, t
FROM (SELECT g, now() - (g * interval '30 days' / 500000) AS t FROM generate_series(1, 500000) g) s;
VACUUM ANALYZE;
\echo '== one batch of each rule, oldest first, as the housekeeping runs it (rolled back)'
BEGIN; EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) DELETE FROM otp_challenges WHERE id_hash IN (SELECT id_hash FROM otp_challenges WHERE expires_at < now() - interval '1 day' ORDER BY expires_at LIMIT 1000) AND expires_at < now() - interval '1 day'; ROLLBACK;
BEGIN; EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) DELETE FROM otp_activity WHERE id IN (SELECT id FROM otp_activity WHERE occurred_at < now() - interval '1 day' ORDER BY occurred_at LIMIT 5000) AND occurred_at < now() - interval '1 day'; ROLLBACK;
BEGIN; EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) DELETE FROM outbox_messages WHERE id IN (SELECT id FROM outbox_messages WHERE created_at < now() - interval '7 days' AND status <> 'PENDING' ORDER BY created_at LIMIT 1000) AND created_at < now() - interval '7 days' AND status <> 'PENDING'; ROLLBACK;
BEGIN; EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) DELETE FROM password_reset_links WHERE id_hash IN (SELECT id_hash FROM password_reset_links WHERE expires_at < now() - interval '1 day' ORDER BY expires_at LIMIT 1000) AND expires_at < now() - interval '1 day'; ROLLBACK;
\echo '== the single delete per run each rule had before (rolled back)'
BEGIN; EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) DELETE FROM otp_challenges WHERE expires_at < now() - interval '1 day'; ROLLBACK;
BEGIN; EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) DELETE FROM otp_activity WHERE occurred_at < now() - interval '1 day'; ROLLBACK;
BEGIN; EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) DELETE FROM outbox_messages WHERE created_at < now() - interval '7 days' AND status <> 'PENDING'; ROLLBACK;
BEGIN; EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) DELETE FROM password_reset_links WHERE expires_at < now() - interval '1 day'; ROLLBACK;
\echo '== counters: the whole backlog as the housekeeping deletes it (committed batches of 5,000 until a short one)'
DO $$
DECLARE n int; total int := 0; batches int := 0; started timestamptz := clock_timestamp();
BEGIN
  LOOP
    DELETE FROM otp_activity WHERE id IN (SELECT id FROM otp_activity WHERE occurred_at < now() - interval '1 day' ORDER BY occurred_at LIMIT 5000);
    GET DIAGNOSTICS n = ROW_COUNT; total := total + n; batches := batches + 1;
    COMMIT;
    EXIT WHEN n < 5000;
  END LOOP;
  RAISE NOTICE 'counters: % rows in % batches, % s', total, batches, extract(epoch FROM clock_timestamp() - started);
END $$;
\echo '== the steady state afterwards: the empty batch'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM otp_activity WHERE occurred_at < now() - interval '1 day' ORDER BY occurred_at LIMIT 5000;
