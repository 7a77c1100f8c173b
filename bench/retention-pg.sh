#!/usr/bin/env bash
# The retention rules' deletes against a seeded backlog on a throwaway PostgreSQL (the machine's initdb/pg_ctl,
# as bench/run.sh starts one; fsync off): applies the migrations, seeds by SQL 2M one-time-code challenges, 5M
# code counters, 1M outbox messages and 500k reset links over the last 30 days (newest rows first on disk), then
# prints EXPLAIN (ANALYZE, BUFFERS) of one batch of each rule as the housekeeping runs it and of the single
# delete per run it replaced (each rolled back), and the time to delete the counters' backlog batch by batch; then
# the same for sessions (bench/retention-sessions-pg.sql: 1M sessions of a 365-day store, most idled out).
# Run it under the build lock: /work/wt/bin/mvnlock <wt> 'bench/retention-pg.sh'. Builds nothing.
#
#   PG_BIN   where initdb, pg_ctl and psql are (default: the newest /usr/lib/postgresql/*/bin, else PATH's)
#   RULES    the SQL files to run (default: bench/retention-pg.sql bench/retention-sessions-pg.sql)
set -euo pipefail
cd "$(dirname "$0")/.."
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
[ -n "$PG_BIN" ] || PG_BIN=$(dirname "$(command -v pg_ctl)")
AS_PG=()
[ "$(id -u)" = 0 ] && AS_PG=(runuser -u postgres --)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/storefront-retention.XXXXXX")
mkdir -p "$WORK/pg"
[ ${#AS_PG[@]} -gt 0 ] && chmod 711 "$WORK" && chown postgres "$WORK/pg"
PORT=$(( 20000 + RANDOM % 30000 ))
"${AS_PG[@]}" "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres -A trust -E UTF8 --no-locale --no-sync > "$WORK/initdb.log"
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w -t 60 -o "-c listen_addresses=127.0.0.1 \
  -p $PORT -k $WORK/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=4GB" start > /dev/null
trap '"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop > /dev/null 2>&1; rm -rf "$WORK"' EXIT
"$PG_BIN/postgres" --version
PSQL=("$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$WORK/pg" -p "$PORT" -U postgres -d postgres)
for migration in $(ls auth-persistence/src/main/resources/db/migration/V*.sql | sort -V); do
  "${PSQL[@]}" -f "$migration" > /dev/null
done
for rules in ${RULES:-bench/retention-pg.sql bench/retention-sessions-pg.sql}; do
  "${PSQL[@]}" -f "$rules"
done
