-- The plans of the hot statements, on the database bench/run.sh DB=postgres just loaded (run after the load:
-- psql -v store=<bench store id> -f bench/explain-pg.sql). The statements are the SQL EclipseLink sends for the
-- named queries (log_min_duration_statement=0 shows them), with literal values of seeded rows (seed-pg.sql's
-- customer and session number 1 are in the bench store).
\set ON_ERROR_STOP off
\pset pager off
\set cus '''cus_000000000000000000000001'''
\set ses '''ses_000000000000000000000001'''
\echo '== sign-in: the customer by email'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM customers WHERE store_id = :'store' AND email = 'seed1@example.test';
\echo '== refresh: the session by its refresh token hash'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM sessions WHERE refresh_hash = md5('s1') || md5('r1') AND store_id = :'store';
\echo '== /customers/me and refresh: the customer by id'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM customers WHERE store_id = :'store' AND id = :cus;
\echo '== every request: is the session revoked'
EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM sessions WHERE id = :ses AND revoked_at IS NOT NULL;
\echo '== every instance, once a second: revocations since the last poll'
EXPLAIN (ANALYZE, BUFFERS) SELECT id, revocation_recorded_at FROM sessions WHERE revocation_recorded_at > now() - INTERVAL '2 seconds';
\echo '== customers/me/sessions: a customer''s active sessions'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM sessions WHERE store_id = :'store' AND subject_kind = 'CUSTOMER' AND revoked_at IS NULL
  AND usable_until > now() AND subject = :cus
  ORDER BY created_at DESC, id;
\echo '== console customers: search, one pass gathering up to 1,001 matches (id, creation time; on PostgreSQL through ix_customers_search_trgm), then the page by id'
EXPLAIN (ANALYZE, BUFFERS) SELECT id, created_at FROM customers WHERE store_id = :'store' AND (LOWER(email) LIKE LOWER('%bench1%') ESCAPE '\'
  OR LOWER(phone) LIKE LOWER('%bench1%') ESCAPE '\' OR LOWER(first_name) LIKE LOWER('%bench1%') ESCAPE '\'
  OR LOWER(last_name) LIKE LOWER('%bench1%') ESCAPE '\') LIMIT 1001;
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM customers WHERE store_id = :'store' AND id IN (:cus, 'cus_000000000000000000000002');
\echo '== console customers: a query shorter than a trigram (b1) cannot use the trigram index: the store is read'
EXPLAIN (ANALYZE, BUFFERS) SELECT id, created_at FROM customers WHERE store_id = :'store' AND (LOWER(email) LIKE LOWER('%b1%') ESCAPE '\'
  OR LOWER(phone) LIKE LOWER('%b1%') ESCAPE '\' OR LOWER(first_name) LIKE LOWER('%b1%') ESCAPE '\'
  OR LOWER(last_name) LIKE LOWER('%b1%') ESCAPE '\') LIMIT 1001;
\echo '== console customers: a broad search (more than 1,000 matches): the count, and page 1 along the creation index'
EXPLAIN (ANALYZE, BUFFERS) SELECT id, created_at FROM customers WHERE store_id = :'store' AND (LOWER(email) LIKE LOWER('%seed1%') ESCAPE '\'
  OR LOWER(phone) LIKE LOWER('%seed1%') ESCAPE '\' OR LOWER(first_name) LIKE LOWER('%seed1%') ESCAPE '\'
  OR LOWER(last_name) LIKE LOWER('%seed1%') ESCAPE '\') LIMIT 1001;
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM customers WHERE store_id = :'store' AND (LOWER(email) LIKE LOWER('%seed1%') ESCAPE '\'
  OR LOWER(phone) LIKE LOWER('%seed1%') ESCAPE '\' OR LOWER(first_name) LIKE LOWER('%seed1%') ESCAPE '\'
  OR LOWER(last_name) LIKE LOWER('%seed1%') ESCAPE '\') ORDER BY created_at DESC, id LIMIT 20;
\echo '== console customers: the list without a query (page 1 and the count)'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM customers WHERE store_id = :'store' ORDER BY created_at DESC, id LIMIT 20;
EXPLAIN (ANALYZE, BUFFERS) SELECT COUNT(id) FROM customers WHERE store_id = :'store';
\echo '== dashboard: the rolled-up hours of the week (audit_hourly_counts), then the hours since counted live'
EXPLAIN (ANALYZE, BUFFERS) SELECT type, hour_start, events FROM audit_hourly_counts WHERE store_id = :'store'
  AND hour_start >= date_trunc('day', now()) - INTERVAL '6 days' AND hour_start < (SELECT rolled_until FROM audit_rollup_progress)
  AND type IN ('LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'OTP_SENT', 'OTP_FAILED');
EXPLAIN (ANALYZE, BUFFERS) SELECT type, hour_number, COUNT(*) AS events FROM (
  SELECT type, CAST(FLOOR(EXTRACT(EPOCH FROM occurred_at)) AS BIGINT) / 3600 AS hour_number FROM audit_events
  WHERE store_id = :'store' AND type IN ('LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'OTP_SENT', 'OTP_FAILED')
  AND occurred_at >= (SELECT rolled_until FROM audit_rollup_progress)) hourly
  GROUP BY type, hour_number;
\echo '== dashboard: active customer sessions, counted up to 1,001'
EXPLAIN (ANALYZE, BUFFERS) SELECT COUNT(*) FROM (SELECT 1 AS active FROM sessions WHERE store_id = :'store' AND subject_kind = 'CUSTOMER'
  AND revoked_at IS NULL AND usable_until > now() LIMIT 1001) counted;
\echo '== roll-up: one hour of every store counted (what ActivityRollup writes once an hour; rolled back)'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS) DELETE FROM audit_hourly_counts WHERE hour_start = date_trunc('hour', now()) - INTERVAL '30 hours';
EXPLAIN (ANALYZE, BUFFERS) INSERT INTO audit_hourly_counts (store_id, hour_start, type, events)
  SELECT store_id, date_trunc('hour', now()) - INTERVAL '30 hours', type, COUNT(*) FROM audit_events
  WHERE store_id IS NOT NULL AND occurred_at >= date_trunc('hour', now()) - INTERVAL '30 hours'
  AND occurred_at < date_trunc('hour', now()) - INTERVAL '29 hours' GROUP BY store_id, type;
ROLLBACK;
\echo '== console audit log: newest 50 events of the store'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM audit_events WHERE store_id = :'store' ORDER BY occurred_at DESC, id LIMIT 50;
\echo '== retention: a batch of audit events past 90 days, a batch of ended sessions'
EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM audit_events WHERE occurred_at < now() - INTERVAL '90 days' LIMIT 5000;
EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM sessions WHERE usable_until < now() - INTERVAL '7 days'
  ORDER BY usable_until LIMIT 500;
EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM sessions WHERE revocation_recorded_at < now() - INTERVAL '7 days'
  AND usable_until >= now() - INTERVAL '7 days' ORDER BY revocation_recorded_at LIMIT 500;
\echo '== retention at scale: one batch as the housekeeping deletes it, with a cut-off most rows are past (rolled back)'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS) DELETE FROM audit_events WHERE id IN
  (SELECT id FROM audit_events WHERE occurred_at < now() - INTERVAL '30 days' LIMIT 5000);
EXPLAIN (ANALYZE, BUFFERS) DELETE FROM sessions WHERE id IN
  (SELECT id FROM sessions WHERE usable_until < now() + INTERVAL '20 days' ORDER BY usable_until LIMIT 500);
ROLLBACK;
