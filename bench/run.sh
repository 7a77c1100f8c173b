#!/usr/bin/env bash
# Benchmark the built uber-jar: start it on a free loopback port with a fresh H2 database in a temporary
# folder, seed a store and N customers through the public API, run bench/LoadDriver.java, print a summary,
# then stop the server and delete the temporary folder. Builds nothing.
#
#   bench/run.sh                                   # login, refresh, me, anonymous; 4 connections; 15 s + 30 s
#   SCENARIOS=refresh,me DURATION=20 bench/run.sh  # a subset
#
# Settings (environment, all optional):
#   JAR              the uber-jar            (default distribution/target/storefront-auth.jar; copied before use)
#   SCENARIOS        comma list              (login,refresh,me,anonymous; also otp-start, otp-verify)
#   OTP_POOL         otp-verify: challenges each connection prepares (unmeasured) before its window (3000);
#                    a window that uses them all stops early (per-CPU figures stay right, throughput does not)
#   CONNECTIONS      closed-loop connections (4)
#   WARMUP, DURATION seconds per scenario    (15, 30)
#   USERS            customers registered    (20)
#   ROUNDS           run the scenario list this many times against the same server (1; 2 = keep the
#                    second round, JIT-warm, as the Keycloak figures are taken)
#   SERVER_JAVA_OPTS JVM flags for the server (none: the default heap, as the README starts it)
#   READY_TIMEOUT    seconds to wait for /health/ready (180)
#   OUT              where results are kept  (${TMPDIR:-/tmp}/storefront-bench/<date-time>)
#   LABEL            free text stored with every result line
#   KEEP_TMP=1       keep the temporary server folder (log, H2 files) instead of deleting it
#   JFR=1            record a JFR profile of the server during the load into $OUT/server.jfr (diagnosis only)
#                    ($OUT/threads.txt always has the server's CPU per thread kind over the load: bench/threads.sh)
#   HISTO=1          write the server's live-object class histogram before and after the load into
#                    $OUT/histo-before.txt and histo-after.txt (each forces a full GC: diagnosis only)
#   DRIVER=loadgen   drive the load with ../shared/bench/run-suite.sh json (the Python driver the Keycloak
#                    figures come from; login/refresh/me only; LOADGEN_WARMUP 15, LOADGEN_DURATION 20,
#                    LOADGEN_REPEAT 3 windows as in that suite) instead of bench/LoadDriver.java
#   DB=postgres      a throwaway PostgreSQL instead of H2: the machine's initdb/pg_ctl (as user postgres when run
#                    as root) in the temporary folder, loopback only, trust authentication, fsync off (as
#                    bench/cluster.sh); stopped and deleted with the rest. PG_BIN names its bin folder (the newest
#                    /usr/lib/postgresql/*/bin)
#   SEED=1           with DB=postgres: after the API seeding, bench/seed-pg.sql adds by SQL SEED_CUSTOMERS
#                    customers, SEED_SESSIONS sessions, SEED_EVENTS audit events (1000000, 1000000, 10000000),
#                    90 % in the bench store and the rest in 10 other stores, then VACUUM ANALYZE; the time it
#                    took is in the summary
#   CONSOLE=N        after the load, N timed requests (one connection, after 20 unmeasured) of each console
#                    read: the management API's customer search (GET /api/v1/stores/{id}/customers?q=…, as the
#                    console's Customers page searches), the same search's CSV export (Accept: text/csv) and the
#                    console's dashboard page (/admin/dashboard.xhtml,
#                    signed in through its form); latency and requests per server CPU-second into console.txt
#   CONSOLE_QUERY    the customer search's q= of CONSOLE (bench1: 11 matches seeded; b1 is shorter than a trigram)
#                    With SEED=1 the plans of the hot statements (bench/explain-pg.sql, EXPLAIN ANALYZE BUFFERS)
#                    are written to $OUT/plans.txt after the load
#   PG_EXPLAIN=1     with DB=postgres: auto_explain logs every statement's plan with ANALYZE and BUFFERS into
#                    $OUT/postgresql.log (diagnosis only: it slows every statement)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
JAR="${JAR:-$ROOT/distribution/target/storefront-auth.jar}"
SCENARIOS="${SCENARIOS:-login,refresh,me,anonymous}"
CONNECTIONS="${CONNECTIONS:-4}"
WARMUP="${WARMUP:-15}"
DURATION="${DURATION:-30}"
USERS="${USERS:-20}"
ROUNDS="${ROUNDS:-1}"
SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS:-}"
READY_TIMEOUT="${READY_TIMEOUT:-180}"
OTP_POOL="${OTP_POOL:-3000}"
OUT="${OUT:-${TMPDIR:-/tmp}/storefront-bench/$(date +%Y%m%d-%H%M%S)}"
LABEL="${LABEL:-}"
KEEP_TMP="${KEEP_TMP:-0}"
JFR="${JFR:-0}"
HISTO="${HISTO:-0}"
DRIVER="${DRIVER:-java}"
LOADGEN_WARMUP="${LOADGEN_WARMUP:-15}"
LOADGEN_DURATION="${LOADGEN_DURATION:-20}"
LOADGEN_REPEAT="${LOADGEN_REPEAT:-3}"
DB="${DB:-h2}"
SEED="${SEED:-0}"
SEED_CUSTOMERS="${SEED_CUSTOMERS:-1000000}"
SEED_SESSIONS="${SEED_SESSIONS:-1000000}"
SEED_EVENTS="${SEED_EVENTS:-10000000}"
CONSOLE="${CONSOLE:-0}"
CONSOLE_QUERY="${CONSOLE_QUERY:-bench1}"
PG_EXPLAIN="${PG_EXPLAIN:-0}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"

die() { echo "run.sh: $*" >&2; exit 1; }

# ---- preconditions
[ -f "$JAR" ] || die "$JAR is missing: build it first (mvn -B -q package -DskipTests), or set JAR=…"
[ "$DRIVER" = java ] || [ "$DRIVER" = loadgen ] || die "DRIVER must be java or loadgen"
for tool in java curl jq; do command -v "$tool" >/dev/null || die "$tool is needed on PATH"; done
[[ "$WARMUP" =~ ^[0-9]+$ && "$DURATION" =~ ^[0-9]+$ && "$CONNECTIONS" =~ ^[0-9]+$ && "$USERS" =~ ^[0-9]+$ ]] \
  || die "WARMUP, DURATION, CONNECTIONS and USERS must be whole numbers"
(( WARMUP <= 300 && DURATION >= 1 && DURATION <= 600 && CONNECTIONS >= 1 && CONNECTIONS <= 64 )) \
  || die "bounds: WARMUP <= 300, 1 <= DURATION <= 600, 1 <= CONNECTIONS <= 64"
(( USERS >= 1 && USERS <= 1000 )) || die "USERS must be 1..1000"
[[ "$ROUNDS" =~ ^[1-5]$ ]] || die "ROUNDS must be 1..5"
[ "$DB" = h2 ] || [ "$DB" = postgres ] || die "DB must be h2 or postgres"
[ "$SEED" = 0 ] || [ "$DB" = postgres ] || die "SEED needs DB=postgres"
[[ "$SEED_CUSTOMERS" =~ ^[0-9]+$ && "$SEED_SESSIONS" =~ ^[0-9]+$ && "$SEED_EVENTS" =~ ^[1-9][0-9]*$ && "$CONSOLE" =~ ^[0-9]+$ ]] \
  || die "SEED_CUSTOMERS, SEED_SESSIONS, SEED_EVENTS and CONSOLE must be whole numbers (SEED_EVENTS at least 1)"
[[ "$CONSOLE_QUERY" =~ ^[A-Za-z0-9.@+-]+$ ]] || die "CONSOLE_QUERY must be letters, digits or .@+- (it goes into a URL as is)"
if [ "$DB" = postgres ]; then
  [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] && [ -x "$PG_BIN/psql" ] || die "no initdb/pg_ctl/psql in '$PG_BIN' (set PG_BIN)"
fi
KC_PID_FILE="${KC_STATE:-${TMPDIR:-/tmp}/authbench-kc}/kc.pid"
if [ -s "$KC_PID_FILE" ] && kill -0 "$(cat "$KC_PID_FILE")" 2>/dev/null; then
  die "a Keycloak from ../shared/bench/kc-start.sh is running (pid $(cat "$KC_PID_FILE")); stop it first (kc-stop.sh)"
fi

mkdir -p "$OUT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/storefront-bench-srv.XXXXXX")"
SERVER_PID=""
DRIVER_PID=""
PG_STARTED=0
AS_PG=()
[ "$(id -u)" = 0 ] && AS_PG=(runuser -u postgres --)

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$DRIVER_PID" ] && kill -0 "$DRIVER_PID" 2>/dev/null; then
    kill -TERM "$DRIVER_PID" 2>/dev/null || true   # timeout passes the signal on to the driver
    wait "$DRIVER_PID" 2>/dev/null || true
  fi
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      echo ">> server $SERVER_PID did not stop within 30 s; killing it" >&2
      kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  [ -f "$WORK/server.log" ] && cp "$WORK/server.log" "$OUT/server.log" 2>/dev/null || true
  if [ "$PG_STARTED" = 1 ]; then
    "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast -w -t 60 stop >/dev/null 2>&1 \
      || echo ">> stopping PostgreSQL failed; see $WORK/pg" >&2
    [ "$PG_EXPLAIN" = 1 ] && cp "$WORK/pg/server.log" "$OUT/postgresql.log" 2>/dev/null || true
  fi
  if [ "$KEEP_TMP" = 1 ]; then echo ">> kept $WORK" >&2; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- free loopback port (probe; the preboot command binds the listener to 127.0.0.1 only)
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=""
for _ in $(seq 1 50); do
  p=$(( 20000 + RANDOM % 30000 ))
  if ! port_in_use "$p"; then PORT=$p; break; fi
done
[ -n "$PORT" ] || die "no free port found"
BASE="http://127.0.0.1:$PORT"

# ---- secrets for this run only
rand() { head -c "$1" /dev/urandom | base64 | tr -d '/+=\n' | head -c "$2"; }
ADMIN_EMAIL="admin@bench.test"
ADMIN_PASSWORD="adm-$(rand 24 28)"
export BENCH_PASSWORD="Bq7-$(rand 24 24)-zX9"   # long and random-looking: passes the weak-password check

# ---- start the server from a private copy of the jar (a rebuild cannot swap it mid-run)
# A class-data archive (-XX:SharedArchiveFile, the build's storefront-auth.jsa) only maps for the jar file it was
# written from (path, size and time): with one, the server runs that jar in place, so do not rebuild meanwhile.
RUN_JAR="$WORK/storefront-auth.jar"
if [[ "$SERVER_JAVA_OPTS" == *SharedArchiveFile* ]]; then RUN_JAR="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"
else cp "$JAR" "$RUN_JAR"; fi
JAR_SHA="$(sha256sum "$RUN_JAR" | cut -c1-12)"
JAR_TIME="$(date -u -r "$JAR" +%FT%TZ)"
printf 'set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1\n' \
  > "$WORK/preboot.asadmin"
UNSET_AUTH=()
while IFS= read -r name; do UNSET_AUTH+=(-u "$name"); done < <(env | sed -n 's/^\(AUTH_[A-Za-z0-9_]*\)=.*/\1/p')
JAVA_VERSION="$(java -version 2>&1 | sed -n 2p)"

# ---- the database: a fresh H2 file, or a throwaway PostgreSQL on loopback (as bench/cluster.sh)
DB_ENV=(AUTH_DB_URL="jdbc:h2:$WORK/db/auth;LOCK_TIMEOUT=10000")
DB_VERSION="H2 (embedded file)"
if [ "$DB" = postgres ]; then
  PG_PORT=""
  for _ in $(seq 1 50); do
    p=$(( 20000 + RANDOM % 30000 ))
    if [ "$p" != "$PORT" ] && ! port_in_use "$p"; then PG_PORT=$p; break; fi
  done
  [ -n "$PG_PORT" ] || die "no free port found for PostgreSQL"
  mkdir -p "$WORK/pg"
  [ ${#AS_PG[@]} -gt 0 ] && chmod 711 "$WORK" && chown postgres "$WORK/pg"   # initdb runs as postgres
  "${AS_PG[@]}" "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres -A trust -E UTF8 --no-locale --no-sync \
    >"$WORK/pg/initdb.log" 2>&1 || { cat "$WORK/pg/initdb.log" >&2; die "initdb failed"; }
  PG_OPTS="-c listen_addresses=127.0.0.1 -p $PG_PORT -k $WORK/pg -c fsync=off -c synchronous_commit=off"
  PG_OPTS+=" -c full_page_writes=off -c max_connections=100 -c max_wal_size=4GB -c maintenance_work_mem=256MB"
  if [ "$PG_EXPLAIN" = 1 ]; then
    PG_OPTS+=" -c shared_preload_libraries=auto_explain -c auto_explain.log_min_duration=0"
    PG_OPTS+=" -c auto_explain.log_analyze=on -c auto_explain.log_buffers=on -c auto_explain.log_nested_statements=on"
  fi
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w -t 60 -o "$PG_OPTS" start >/dev/null \
    || { cat "$WORK/pg/server.log" >&2; die "PostgreSQL did not start"; }
  PG_STARTED=1
  "${AS_PG[@]}" "$PG_BIN/createdb" -h "$WORK/pg" -p "$PG_PORT" -U postgres bench
  DB_VERSION="$("$PG_BIN/postgres" --version) (fsync off)"
  DB_ENV=(AUTH_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/bench" AUTH_DB_USER=postgres AUTH_DB_PASSWORD=
          AUTH_SIGNING_ENCRYPTION_KEY="bench-$(rand 32 32)" AUTH_OTP_SECRET="bench-$(rand 32 32)")
  echo ">> $DB_VERSION on 127.0.0.1:$PG_PORT" >&2
fi
psql_bench() { "${AS_PG[@]}" "$PG_BIN/psql" -X -q -h "$WORK/pg" -p "$PG_PORT" -U postgres -d bench "$@"; }

echo ">> starting $(basename "$JAR") (sha256 $JAR_SHA, built $JAR_TIME) on $BASE; work dir $WORK" >&2
t0=$(date +%s%N)
# shellcheck disable=SC2086  # SERVER_JAVA_OPTS is a list of flags
( cd "$WORK" && exec env "${UNSET_AUTH[@]}" \
    "${DB_ENV[@]}" \
    AUTH_ISSUER="$BASE" \
    AUTH_BOOTSTRAP_ADMIN_EMAIL="$ADMIN_EMAIL" \
    AUTH_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    java $SERVER_JAVA_OPTS -jar "$RUN_JAR" --port "$PORT" --nocluster \
      --rootdir "$WORK/payara" --prebootcommandfile "$WORK/preboot.asadmin" ) >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

ready=0
deadline=$(( $(date +%s) + READY_TIMEOUT ))
while [ "$(date +%s)" -lt "$deadline" ]; do
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -40 "$WORK/server.log" >&2; die "the server exited during startup"; }
  if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/health/ready" || true)" = 200 ]; then
    ready=1; break
  fi
  sleep 0.1
done
t1=$(date +%s%N)
[ "$ready" = 1 ] || { tail -40 "$WORK/server.log" >&2; die "not ready within ${READY_TIMEOUT}s"; }
READY_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
CLK_TCK=$(getconf CLK_TCK)
cpu_s() { awk -v t="$CLK_TCK" '{ sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / t }' "/proc/$SERVER_PID/stat"; }
rss_mb() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$SERVER_PID/status"; }
READY_CPU_S=$(cpu_s)
RSS_READY_MB=$(rss_mb)
echo ">> ready in ${READY_S} s (${READY_CPU_S} server CPU-s, RSS ${RSS_READY_MB} MB), pid $SERVER_PID" >&2
[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/.well-known/openid-configuration")" = 200 ] \
  || die "/health/ready is UP but the application does not answer (failed deployment?); see $OUT/server.log"

# ---- seed through the public API
REPLY="$WORK/reply.json"
api() {   # api METHOD PATH [BODY] [extra curl args...] -> prints the status; the body is in $REPLY
  local method=$1 path=$2 body=${3:-}; shift 3 || shift $#
  local args=(-s -o "$REPLY" -w '%{http_code}' --max-time 30 -X "$method" "$BASE$path" -H 'Accept: application/json')
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
  curl "${args[@]}" "$@" || true   # "000" when the server does not answer; expect() reports it
}
expect() { # expect STATUS ACTUAL WHAT
  [ "$2" = "$1" ] || die "$3: HTTP $2 (expected $1): $(head -c 400 "$REPLY")"
}
st=$(api POST /api/v1/accounts/login "$(jq -nc --arg e "$ADMIN_EMAIL" --arg p "$ADMIN_PASSWORD" '{email:$e,password:$p}')")
expect 200 "$st" "admin login"
ADMIN_TOKEN=$(jq -r .access_token "$REPLY")
AUTHZ=(-H "Authorization: Bearer $ADMIN_TOKEN")
st=$(api POST /api/v1/stores '{"name":"Bench store","mode":"test"}' "${AUTHZ[@]}")
expect 201 "$st" "create store"
STORE=$(jq -r .id "$REPLY")
st=$(api POST "/api/v1/stores/$STORE/api-keys" '{"type":"publishable","label":"bench"}' "${AUTHZ[@]}")
expect 201 "$st" "create publishable key"
PK=$(jq -r .key "$REPLY")
# the platform limits bound every store's policy: raise them first so the store's policy below is accepted
st=$(api PUT /api/v1/admin/settings '{"max_ip_rate_limit_per_minute":100000,"max_otp_max_sends_per_hour":1000,"min_otp_resend_cooldown_seconds":0,"destination_codes_per_hour":1000}' "${AUTHZ[@]}")
expect 200 "$st" "raise platform limits"
st=$(api PUT "/api/v1/stores/$STORE/login-policy" '{"ip_rate_limit_per_minute":100000,"lockout_threshold":1000,"otp_resend_cooldown_seconds":0,"otp_max_sends_per_hour":1000}' "${AUTHZ[@]}")
expect 200 "$st" "set login policy"
echo ">> store $STORE; registering $USERS customers" >&2
for i in $(seq 0 $(( USERS - 1 ))); do
  body=$(jq -nc --arg e "bench$i@example.test" --arg p "$BENCH_PASSWORD" '{email:$e,password:$p}')
  st=$(api POST "/api/v1/stores/$STORE/auth/register" "$body" -H "X-Storefront-Api-Key: $PK")
  expect 200 "$st" "register bench$i@example.test"
done
SEED_CPU_S=$(cpu_s)
SEED_NOTE=""
if [ "$SEED" = 1 ]; then
  echo ">> seeding by SQL: $SEED_CUSTOMERS customers, $SEED_SESSIONS sessions, $SEED_EVENTS audit events" >&2
  s0=$(date +%s)
  psql_bench -v store="$STORE" -v customers="$SEED_CUSTOMERS" -v sessions="$SEED_SESSIONS" -v events="$SEED_EVENTS" \
    -f "$HERE/seed-pg.sql" >"$OUT/seed.txt" 2>&1 || { tail -20 "$OUT/seed.txt" >&2; die "seeding failed"; }
  SEED_S=$(( $(date +%s) - s0 ))
  SEED_NOTE="seeded by SQL in ${SEED_S} s: $SEED_CUSTOMERS customers, $SEED_SESSIONS sessions, $SEED_EVENTS audit events (90 % in the bench store)"
  echo ">> $SEED_NOTE" >&2
fi

# ---- load
if [ "$JFR" = 1 ]; then   # optional: where the server spends its CPU (adds a little overhead; not for the figures)
  jcmd "$SERVER_PID" JFR.start name=bench settings=profile filename="$OUT/server.jfr" >/dev/null \
    || die "jcmd JFR.start failed"
fi
if [ "$HISTO" = 1 ]; then jcmd "$SERVER_PID" GC.class_histogram > "$OUT/histo-before.txt" || die "jcmd GC.class_histogram failed"; fi
: > "$OUT/driver.txt"
"$HERE/threads.sh" snapshot "$SERVER_PID" > "$WORK/threads-before.txt"
if [ "$DRIVER" = loadgen ]; then
  # The Python driver of ../shared/bench (the one the Keycloak figures come from), same seeded store.
  LG_SCENARIOS="$(tr ',' ' ' <<< "$SCENARIOS" | sed 's/\banonymous\b//g')"
  SUITE="$(cd "$ROOT/.." && pwd)/shared/bench/run-suite.sh"
  [ -x "$SUITE" ] || die "$SUITE not found"
  n=$(wc -w <<< "$LG_SCENARIOS")
  BOUND=$(( ROUNDS * n * (LOADGEN_WARMUP + LOADGEN_REPEAT * LOADGEN_DURATION + 100) + 60 ))
  export SUITE BASE SERVER_PID STORE PK USERS CONNECTIONS ROUNDS OUT LG_SCENARIOS \
         LOADGEN_WARMUP LOADGEN_DURATION LOADGEN_REPEAT
  # timeout signals its whole process group, so the suite and its Python driver stop with it
  # shellcheck disable=SC2016  # expanded by the inner bash
  timeout --kill-after=10 "$BOUND" bash -c '
    for r in $(seq 1 "$ROUNDS"); do
      echo "# round $r"
      SCENARIOS="$LG_SCENARIOS" WARMUP="$LOADGEN_WARMUP" DURATION="$LOADGEN_DURATION" REPEAT="$LOADGEN_REPEAT" \
      CONC_LOGIN="$CONNECTIONS" CONC_OTHER="$CONNECTIONS" OUT="$OUT/loadgen-$r" \
        "$SUITE" json --base "$BASE" --server-pid "$SERVER_PID" \
          --login-path "/api/v1/stores/$STORE/auth/login" --refresh-path "/api/v1/stores/$STORE/auth/token/refresh" \
          --me-path "/api/v1/stores/$STORE/customers/me" --access-field access_token --refresh-field refresh_token \
          --user-template "bench{i}@example.test" --users "$USERS" --password "$BENCH_PASSWORD" \
          --header "X-Storefront-Api-Key: $PK" || exit $?
    done' >"$OUT/driver.txt" 2>&1 &
else
  IFS=, read -r -a SCEN_LIST <<< "$SCENARIOS"
  BOUND=$(( ROUNDS * ${#SCEN_LIST[@]} * (WARMUP + DURATION + 150) + 60 ))   # setup, timeouts and compilation included
  timeout --kill-after=10 "$BOUND" java "$HERE/LoadDriver.java" --base "$BASE" --store "$STORE" --api-key "$PK" \
    --password-env BENCH_PASSWORD --users "$USERS" --user-template 'bench{i}@example.test' \
    --scenarios "$SCENARIOS" -c "$CONNECTIONS" --warmup "$WARMUP" --duration "$DURATION" \
    --server-pid "$SERVER_PID" --results "$OUT/results.jsonl" --label "$LABEL" --rounds "$ROUNDS" \
    --otp-pool "$OTP_POOL" >"$OUT/driver.txt" 2>&1 &
fi
# In the background + wait, so that a TERM/INT to this script is handled at once (trap) and not only
# after the driver has finished; the output is followed with tail.
DRIVER_PID=$!
tail -n +1 -f --pid="$DRIVER_PID" "$OUT/driver.txt" &
TAIL_PID=$!
DRIVER_RC=0
wait "$DRIVER_PID" || DRIVER_RC=$?
wait "$TAIL_PID" 2>/dev/null || true
DRIVER_PID=""
kill -0 "$SERVER_PID" 2>/dev/null || die "the server died during the load; see $OUT/server.log"
if [ "$JFR" = 1 ]; then jcmd "$SERVER_PID" JFR.stop name=bench >/dev/null || echo ">> JFR.stop failed" >&2; fi
"$HERE/threads.sh" snapshot "$SERVER_PID" > "$WORK/threads-after.txt"
RSS_AFTER_MB=$(rss_mb)
if [ "$HISTO" = 1 ]; then jcmd "$SERVER_PID" GC.class_histogram > "$OUT/histo-after.txt" || echo ">> histogram failed" >&2; fi
"$HERE/threads.sh" diff "$WORK/threads-before.txt" "$WORK/threads-after.txt" > "$OUT/threads.txt" || true
# ---- console reads: timed one after the other, each request's total time as curl measures it
CONSOLE_NOTE=""
timed() {   # timed NAME URL [curl args...]: 20 unmeasured, then CONSOLE measured requests; one line to console.txt
  local name=$1 url=$2; shift 2
  local times="$WORK/times-$name.txt" c0 c1 st
  for _ in $(seq 1 20); do curl -s -o /dev/null --max-time 30 "$@" "$url" || true; done
  : > "$times"
  c0=$(cpu_s)
  for _ in $(seq 1 "$CONSOLE"); do
    curl -s -o "$REPLY" -w '%{http_code} %{time_total}\n' --max-time 30 "$@" "$url" >> "$times" || echo "000 0" >> "$times"
  done
  c1=$(cpu_s)
  st=$(awk '$1 != 200' "$times" | wc -l)
  sort -k2 -g "$times" | awk -v n="$name" -v c="$(awk -v a="$c0" -v b="$c1" 'BEGIN { print b - a }')" -v bad="$st" '
    { t[NR] = $2 * 1000; sum += $2 }
    END { i99 = int(NR * 0.99) + 1; if (i99 > NR) i99 = NR
          printf "%-10s %5d req, %d not 200, p50 %.1f ms, p99 %.1f ms, mean %.1f ms, %.0f req per server CPU-s\n",
          n, NR, bad, t[int(NR * 0.5) + 1], t[i99], sum * 1000 / NR, (c > 0 ? NR / c : 0) }' >> "$OUT/console.txt"
}
if [ "$CONSOLE" -gt 0 ]; then
  : > "$OUT/console.txt"
  st=$(api POST /api/v1/accounts/login "$(jq -nc --arg e "$ADMIN_EMAIL" --arg p "$ADMIN_PASSWORD" '{email:$e,password:$p}')")
  expect 200 "$st" "admin login (console reads)"
  AUTHZ=(-H "Authorization: Bearer $(jq -r .access_token "$REPLY")")
  timed search "$BASE/api/v1/stores/$STORE/customers?q=$CONSOLE_QUERY&page=1&size=20" "${AUTHZ[@]}"
  timed export "$BASE/api/v1/stores/$STORE/customers?q=$CONSOLE_QUERY" "${AUTHZ[@]}" -H "Accept: text/csv"
  # the console's form sign-in: its view state from the page, then the form's fields
  JAR_COOKIES="$WORK/console-cookies.txt"
  curl -s -c "$JAR_COOKIES" -o "$REPLY" --max-time 30 "$BASE/admin/login.xhtml"
  VIEW_STATE=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' "$REPLY" | head -1 | sed 's/.*value="//; s/"$//')
  [ -n "$VIEW_STATE" ] || die "no view state on the console's sign-in page"
  st=$(curl -s -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o "$REPLY" -w '%{http_code}' --max-time 30 "$BASE/admin/login.xhtml" \
    --data-urlencode "signin=signin" --data-urlencode "signin:email=$ADMIN_EMAIL" \
    --data-urlencode "signin:password=$ADMIN_PASSWORD" --data-urlencode "signin:submit=" \
    --data-urlencode "jakarta.faces.ViewState=$VIEW_STATE")
  [ "$st" = 302 ] || [ "$st" = 303 ] || die "console sign-in: HTTP $st"
  curl -s -b "$JAR_COOKIES" -o "$REPLY" --max-time 30 "$BASE/admin/dashboard.xhtml?store=$STORE"
  grep -q 'Sign-ins\|sign-ins\|Sign ins' "$REPLY" || die "the dashboard did not render for the signed-in console: $(head -c 300 "$REPLY")"
  timed dashboard "$BASE/admin/dashboard.xhtml?store=$STORE" -b "$JAR_COOKIES"
  CONSOLE_NOTE="console reads ($CONSOLE requests each, one connection, after 20 unmeasured; search q=$CONSOLE_QUERY):"
fi

if [ "$DB" = postgres ] && [ "$SEED" = 1 ]; then   # the hot statements' plans on the loaded database
  psql_bench -v store="$STORE" -f "$HERE/explain-pg.sql" > "$OUT/plans.txt" 2>&1 || echo ">> explain failed; see $OUT/plans.txt" >&2
fi

HWM_MB=$(awk '/^VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$SERVER_PID/status")
TOTAL_CPU_S=$(cpu_s)

# ---- summary
{
  echo "# Storefront Auth benchmark  $(date -u +%FT%TZ)  host $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# server: $JAVA_VERSION; jar sha256 $JAR_SHA built $JAR_TIME; JVM flags: ${SERVER_JAVA_OPTS:-(default)}"
  echo "# database: $DB_VERSION${SEED_NOTE:+; $SEED_NOTE}"
  echo "# start to /health/ready: ${READY_S} s (${READY_CPU_S} CPU-s); RSS at ready ${RSS_READY_MB} MB;" \
       "RSS after load ${RSS_AFTER_MB} MB (peak ${HWM_MB} MB); server CPU total ${TOTAL_CPU_S} s (seeding ended at ${SEED_CPU_S})"
  if [ "$DRIVER" = loadgen ]; then
    echo "# driver: shared/bench/loadgen.py, $CONNECTIONS connection(s), warm-up ${LOADGEN_WARMUP} s," \
         "${LOADGEN_REPEAT} x ${LOADGEN_DURATION} s windows, $USERS users, $ROUNDS round(s); exit code $DRIVER_RC"
  else
    echo "# driver: bench/LoadDriver.java, $CONNECTIONS connection(s), warm-up ${WARMUP} s, window ${DURATION} s," \
         "$USERS users, $ROUNDS round(s); exit code $DRIVER_RC"
  fi
  if [ "$DRIVER" = loadgen ]; then grep -E '^(#| *win| *med)|server RSS' "$OUT/driver.txt" || true
  else grep -v '^#' "$OUT/driver.txt" || true; fi
  if [ -n "$CONSOLE_NOTE" ]; then echo "# $CONSOLE_NOTE"; cat "$OUT/console.txt"; fi
} | tee "$OUT/summary.txt"
jq -nc --arg date "$(date -u +%FT%TZ)" --arg jdk "$JAVA_VERSION" --arg jar "$JAR_SHA" --arg lbl "$LABEL" \
  --argjson ready "$READY_S" --argjson ready_cpu "$READY_CPU_S" --argjson rss_ready "$RSS_READY_MB" \
  --argjson rss_after "$RSS_AFTER_MB" --argjson hwm "$HWM_MB" --arg opts "$SERVER_JAVA_OPTS" \
  '{"date":$date, "label":$lbl, "jdk":$jdk, "jar_sha256":$jar, "server_java_opts":$opts,
    "start_to_ready_s":$ready, "start_cpu_s":$ready_cpu, "rss_ready_mb":$rss_ready,
    "rss_after_load_mb":$rss_after, "rss_peak_mb":$hwm}' > "$OUT/server.json"
echo ">> results in $OUT (results.jsonl, summary.txt, server.json, server.log)" >&2
exit "$DRIVER_RC"
