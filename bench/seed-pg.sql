-- Seeds a PostgreSQL database that Flyway has migrated with a large store's history, by SQL (bench/run.sh
-- DB=postgres SEED=1 runs it after the API seeding): 1,000,000 customers, 1,000,000 sessions and
-- 10,000,000 audit events (the counts are psql variables: -v customers=… -v sessions=… -v events=…).
-- 90 % of each land in the bench's store (:store), the rest in 10 other stores created here. Rows are what
-- the service itself writes: public ids of a prefix and 24 base-62 characters, enums by constant name, UTC
-- instants, audit details as a JSON object. Nothing is ended long enough for the housekeeping to delete it
-- during the load (sessions expire in the future, idled out or were revoked under 7 days ago, events are under
-- 89 days old), so the tables keep their size for the whole run. The non-unique indexes of the three tables are
-- dropped for the inserts and built again afterwards, exactly as the migrations defined them (pg_get_indexdef);
-- the dashboard's hourly roll-up is then filled as its job would have filled it.
\set ON_ERROR_STOP on
\timing on

CREATE TEMPORARY TABLE seed_indexes AS
SELECT i.indexname, i.indexdef
FROM pg_indexes i
WHERE i.schemaname = current_schema()
  AND i.tablename IN ('customers', 'sessions', 'audit_events')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname);

DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT indexname FROM seed_indexes LOOP
    EXECUTE 'DROP INDEX ' || quote_ident(r.indexname);
  END LOOP;
END $$;

-- ten other stores, copies of the bench store's settings
INSERT INTO stores (id, name, mode, status, login_policy, created_at)
SELECT 'st_seed' || lpad(g::text, 20, '0'), 'Seed store ' || g, mode, status, login_policy, created_at
FROM stores, generate_series(0, 9) g
WHERE id = :'store';

-- store_of(n): the bench store for 9 of every 10 rows, else one of the ten seed stores
CREATE FUNCTION pg_temp.store_of(n bigint, bench text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN n % 10 <> 0 THEN bench ELSE 'st_seed' || lpad(((n / 10) % 10)::text, 20, '0') END
$$;

INSERT INTO customers (id, store_id, email, phone, first_name, last_name, password_hash, email_verified,
                       phone_verified, status, created_at, modified_at)
SELECT 'cus_' || lpad(g::text, 24, '0'),
       pg_temp.store_of(g, :'store'),
       'seed' || g || '@example.test',
       CASE WHEN g % 2 = 0 THEN '+1555' || lpad(g::text, 8, '0') END,
       'First' || (g % 5000), 'Last' || (g % 7919),
       NULL,                                   -- password-less (code sign-in) customers
       TRUE, g % 2 = 0,
       CASE WHEN g % 100 = 0 THEN 'DISABLED' ELSE 'ACTIVE' END,
       now() - (g % 730) * INTERVAL '1 day' - (g % 86400) * INTERVAL '1 second',
       now() - (g % 30) * INTERVAL '1 day'
FROM generate_series(1, :customers) g;

-- sessions of those customers: created within the last 29 days, 30-day absolute expiry, 7-day idle timeout,
-- last used an hour after creation but no longer ago than 12 days (an idle end at most 5 days past: none is
-- ended long enough to be forgotten), 10 % revoked within the last 6 days. usable_until (migration V13 on) as
-- the service writes it; left out on an older schema, so that the seed still loads a baseline jar's database.
SELECT CASE WHEN has THEN ', usable_until' ELSE '' END AS usable_column,
       CASE WHEN has THEN ', LEAST(u.last_used + INTERVAL ''7 days'', t.created + INTERVAL ''30 days'')' ELSE '' END
         AS usable_value
FROM (SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()
        AND table_name = 'sessions' AND column_name = 'usable_until') AS has) v \gset
INSERT INTO sessions (id, store_id, subject_kind, subject, anonymous_id, created_at, last_used_at, expires_at,
                      idle_timeout_seconds, access_ttl_seconds, revoked_at, revoke_reason, ip, user_agent,
                      refresh_hash, revocation_recorded_at :usable_column)
SELECT 'ses_' || lpad(g::text, 24, '0'),
       pg_temp.store_of(g, :'store'),
       'CUSTOMER',
       'cus_' || lpad(g::text, 24, '0'),
       NULL,
       t.created, u.last_used, t.created + INTERVAL '30 days',
       604800, 900,
       CASE WHEN g % 10 = 3 THEN t.revoked END,
       CASE WHEN g % 10 = 3 THEN 'logout' END,
       '10.' || (g % 250) || '.' || (g / 250 % 250) || '.' || (g % 97),
       'Mozilla/5.0 (seed)',
       md5('s' || g) || md5('r' || g),
       CASE WHEN g % 10 = 3 THEN t.revoked END
       :usable_value
FROM generate_series(1, :sessions) g,
     LATERAL (SELECT now() - (g % (29 * 86400)) * INTERVAL '1 second' AS created,
                     now() - (g % (6 * 86400)) * INTERVAL '1 second' AS revoked) t,
     LATERAL (SELECT GREATEST(t.created + INTERVAL '1 hour', now() - INTERVAL '12 days') AS last_used) u;

-- audit events over the last 89 days, oldest first (as they were written), of the types traffic writes
INSERT INTO audit_events (id, store_id, type, subject, ip, user_agent, details, occurred_at)
SELECT 'evt_' || lpad(g::text, 24, '0'),
       pg_temp.store_of(g, :'store'),
       (ARRAY['TOKEN_REFRESHED', 'TOKEN_REFRESHED', 'TOKEN_REFRESHED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED',
              'GUEST_SESSION_STARTED', 'OTP_SENT', 'OTP_DELIVERED', 'OTP_VERIFIED', 'LOGOUT'])[1 + g % 10],
       'cus_' || lpad((g % 1000000)::text, 24, '0'),
       '10.' || (g % 250) || '.' || (g / 250 % 250) || '.' || (g % 97),
       'Mozilla/5.0 (seed)',
       '{}',
       now() - INTERVAL '89 days' + (g::double precision / :events) * INTERVAL '89 days'
FROM generate_series(1, :events) g;

DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT indexdef FROM seed_indexes LOOP
    EXECUTE r.indexdef;
  END LOOP;
END $$;

-- the dashboard's hourly counts as the roll-up (ActivityRollup) keeps them once it has run: every hour of the
-- dashboard's week that is over for 5 minutes, with the roll-up's end after the last (the running server's
-- roll-up, whose first run came before these backdated events, goes on from there). Skipped on a schema
-- without the roll-up (a jar from before migration V12).
SET TIME ZONE 'UTC';
DO $$
BEGIN
  IF to_regclass('audit_hourly_counts') IS NOT NULL THEN
    DELETE FROM audit_hourly_counts;
    INSERT INTO audit_hourly_counts (store_id, hour_start, type, events)
    SELECT store_id, date_trunc('hour', occurred_at), type, COUNT(*) FROM audit_events
    WHERE store_id IS NOT NULL AND occurred_at >= date_trunc('day', now()) - INTERVAL '6 days'
      AND occurred_at < date_trunc('hour', now() - INTERVAL '5 minutes')
    GROUP BY 1, 2, 3;
    UPDATE audit_rollup_progress SET rolled_until = date_trunc('hour', now() - INTERVAL '5 minutes');
  END IF;
END $$;

VACUUM ANALYZE;
SELECT relname, n_live_tup FROM pg_stat_user_tables
WHERE relname IN ('customers', 'sessions', 'audit_events', 'stores') ORDER BY relname;
