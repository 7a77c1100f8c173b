#!/usr/bin/env bash
# The scaling figure: refresh and GET /customers/me on PostgreSQL, first against one instance, then against
# two clustered instances (one data grid, one database) driven together, per server CPU-second (the CPU of
# every instance summed) and in whole-cluster requests per second. Builds nothing.
#
#   bench/cluster.sh                          # refresh,me; 4 connections; 3 rounds of 10 s warm-up + 20 s each
#
# Everything runs on 127.0.0.1 and is stopped again, also on failure or Ctrl-C: a throwaway PostgreSQL
# cluster (the machine's initdb/pg_ctl, as user postgres when run as root, in a temporary folder, trust
# authentication, fsync off like the test harness's), one fresh database per phase, the uber-jar started
# from a private copy. Phase "one": a single instance (no AUTH_CLUSTER_MEMBERS: production's single
# instance). Phase "two": two instances with AUTH_CLUSTER_MEMBERS/PORT/NAME on loopback; the script checks
# both report two data-grid members before the load, and the driver sends connection i to instance i mod 2.
#
# Settings (environment, all optional):
#   JAR               the uber-jar              (distribution/target/storefront-auth.jar; copied before use)
#   SCENARIOS         comma list                (refresh,me)
#   CONNECTIONS       closed-loop connections in total, shared by the instances (4)
#   WARMUP, DURATION  seconds per scenario      (10, 20)
#   ROUNDS            rounds per phase          (3: read the last; two JVMs warm up on half the traffic each)
#   USERS             customers registered      (20)
#   PHASES            which phases, in order    (one,two)
#   SERVER_JAVA_OPTS  JVM flags of every instance (none: the default heap)
#   READY_TIMEOUT     seconds to wait for each instance (240)
#   OUT               where results are kept    (${TMPDIR:-/tmp}/storefront-bench/cluster-<date-time>)
#   PG_BIN            PostgreSQL's bin folder   (the newest /usr/lib/postgresql/*/bin)
#   JFR=1             record a JFR profile of every instance during the load into $OUT/<instance>.jfr
#                     (diagnosis only: it costs throughput); $OUT/threads-<instance>.txt always has each
#                     instance's CPU per thread kind over the load (bench/threads.sh)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
JAR="${JAR:-$ROOT/distribution/target/storefront-auth.jar}"
SCENARIOS="${SCENARIOS:-refresh,me}"
CONNECTIONS="${CONNECTIONS:-4}"
WARMUP="${WARMUP:-10}"
DURATION="${DURATION:-20}"
ROUNDS="${ROUNDS:-3}"
USERS="${USERS:-20}"
PHASES="${PHASES:-one,two}"
SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS:-}"
READY_TIMEOUT="${READY_TIMEOUT:-240}"
OUT="${OUT:-${TMPDIR:-/tmp}/storefront-bench/cluster-$(date +%Y%m%d-%H%M%S)}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
JFR="${JFR:-0}"

die() { echo "cluster.sh: $*" >&2; exit 1; }

[ -f "$JAR" ] || die "$JAR is missing: build it first (mvn -B -q package -DskipTests), or set JAR=…"
for tool in java curl jq; do command -v "$tool" >/dev/null || die "$tool is needed on PATH"; done
[ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] || die "no initdb/pg_ctl in '$PG_BIN' (set PG_BIN)"
[[ "$WARMUP" =~ ^[0-9]+$ && "$DURATION" =~ ^[0-9]+$ && "$CONNECTIONS" =~ ^[0-9]+$ && "$USERS" =~ ^[0-9]+$ ]] \
  || die "WARMUP, DURATION, CONNECTIONS and USERS must be whole numbers"
(( WARMUP <= 300 && DURATION >= 1 && DURATION <= 600 && CONNECTIONS >= 2 && CONNECTIONS <= 64 )) \
  || die "bounds: WARMUP <= 300, 1 <= DURATION <= 600, 2 <= CONNECTIONS <= 64"
(( USERS >= 1 && USERS <= 1000 )) || die "USERS must be 1..1000"
[[ "$ROUNDS" =~ ^[1-5]$ ]] || die "ROUNDS must be 1..5"
[[ "$PHASES" =~ ^(one|two)(,(one|two))*$ ]] || die "PHASES is a comma list of one and two"

mkdir -p "$OUT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/storefront-cluster.XXXXXX")"
SERVER_PIDS=()
SERVER_NAMES=()
DRIVER_PID=""
PG_STARTED=0
AS_PG=()
[ "$(id -u)" = 0 ] && AS_PG=(runuser -u postgres --)

stop_servers() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${SERVER_PIDS[@]}"; do
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      echo ">> server $pid did not stop within 30 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
  SERVER_PIDS=()
  SERVER_NAMES=()
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$DRIVER_PID" ] && kill -0 "$DRIVER_PID" 2>/dev/null; then
    kill -TERM "$DRIVER_PID" 2>/dev/null || true
    wait "$DRIVER_PID" 2>/dev/null || true
  fi
  stop_servers
  if [ "$PG_STARTED" = 1 ]; then
    "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || echo ">> stopping PostgreSQL failed; see $WORK/pg" >&2
  fi
  for log in "$WORK"/srv-*/server.log; do
    [ -f "$log" ] && cp "$log" "$OUT/$(basename "$(dirname "$log")").log" 2>/dev/null || true
  done
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
TAKEN=" "
free_port() {   # a loopback port nobody listens on and this script has not handed out yet
  local p
  for _ in $(seq 1 100); do
    p=$(( 20000 + RANDOM % 30000 ))
    if [[ "$TAKEN" != *" $p "* ]] && ! port_in_use "$p"; then TAKEN+="$p "; echo "$p"; return; fi
  done
  die "no free port found"
}
rand() { head -c "$1" /dev/urandom | base64 | tr -d '/+=\n' | head -c "$2"; }

# ---- a throwaway PostgreSQL on loopback
PG_PORT=$(free_port)
mkdir -p "$WORK/pg"
[ ${#AS_PG[@]} -gt 0 ] && chmod 711 "$WORK" && chown postgres "$WORK/pg"   # initdb runs as postgres
"${AS_PG[@]}" "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres -A trust -E UTF8 --no-locale --no-sync \
  >"$WORK/pg/initdb.log" 2>&1 || { cat "$WORK/pg/initdb.log" >&2; die "initdb failed"; }
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $WORK/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
  start >/dev/null || { cat "$WORK/pg/server.log" >&2; die "PostgreSQL did not start"; }
PG_STARTED=1
PG_VERSION="$("$PG_BIN/postgres" --version)"
echo ">> $PG_VERSION on 127.0.0.1:$PG_PORT" >&2
createdb() { "${AS_PG[@]}" "$PG_BIN/createdb" -h "$WORK/pg" -p "$PG_PORT" -U postgres "$1"; }

cp "$JAR" "$WORK/storefront-auth.jar"
JAR_SHA="$(sha256sum "$WORK/storefront-auth.jar" | cut -c1-12)"
JAVA_VERSION="$(java -version 2>&1 | sed -n 2p)"
UNSET_AUTH=()
while IFS= read -r name; do UNSET_AUTH+=(-u "$name"); done < <(env | sed -n 's/^\(AUTH_[A-Za-z0-9_]*\)=.*/\1/p')
CLK_TCK=$(getconf CLK_TCK)
cpu_s() { awk -v t="$CLK_TCK" '{ sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / t }' "/proc/$1/stat"; }
rss_mb() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

# start_instance NAME HTTP_PORT [ENV=VALUE...]: starts one instance with the phase's shared settings
# (PHASE_ENV) and waits until it answers; appends its pid to SERVER_PIDS.
start_instance() {
  local name=$1 port=$2; shift 2
  local dir="$WORK/srv-$name" base="http://127.0.0.1:$port" pid t0
  mkdir -p "$dir"
  printf 'set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1\n' \
    > "$dir/preboot.asadmin"
  t0=$(date +%s%N)
  # shellcheck disable=SC2086  # SERVER_JAVA_OPTS is a list of flags
  ( cd "$dir" && exec env "${UNSET_AUTH[@]}" "${PHASE_ENV[@]}" "$@" \
      java $SERVER_JAVA_OPTS -jar "$WORK/storefront-auth.jar" --port "$port" \
        --rootdir "$dir/payara" --prebootcommandfile "$dir/preboot.asadmin" ) >"$dir/server.log" 2>&1 &
  pid=$!
  SERVER_PIDS+=("$pid")
  SERVER_NAMES+=("$name")
  local deadline=$(( $(date +%s) + READY_TIMEOUT ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    kill -0 "$pid" 2>/dev/null || { tail -40 "$dir/server.log" >&2; die "instance $name exited during startup"; }
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/.well-known/openid-configuration" || true)" = 200 ]; then
      echo ">> instance $name ready on $base in $(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }') s, pid $pid" >&2
      return
    fi
    sleep 0.2
  done
  tail -40 "$dir/server.log" >&2
  die "instance $name not ready within ${READY_TIMEOUT}s"
}

REPLY="$WORK/reply.json"
api() {   # api BASE METHOD PATH [BODY] [extra curl args...] -> prints the status; the body is in $REPLY
  local base=$1 method=$2 path=$3 body=${4:-}; shift 4 || shift $#
  local args=(-s -o "$REPLY" -w '%{http_code}' --max-time 30 -X "$method" "$base$path" -H 'Accept: application/json')
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
  curl "${args[@]}" "$@" || true
}
expect() { [ "$2" = "$1" ] || die "$3: HTTP $2 (expected $1): $(head -c 400 "$REPLY")"; }

# seed BASE: a test-mode store with a publishable key, limits raised, USERS customers (sets STORE and PK)
seed() {
  local base=$1 st i body
  st=$(api "$base" POST /api/v1/accounts/login "$(jq -nc --arg e "$ADMIN_EMAIL" --arg p "$ADMIN_PASSWORD" '{email:$e,password:$p}')")
  expect 200 "$st" "admin login"
  local authz=(-H "Authorization: Bearer $(jq -r .access_token "$REPLY")")
  st=$(api "$base" POST /api/v1/stores '{"name":"Bench store","mode":"test"}' "${authz[@]}")
  expect 201 "$st" "create store"
  STORE=$(jq -r .id "$REPLY")
  st=$(api "$base" POST "/api/v1/stores/$STORE/api-keys" '{"type":"publishable","label":"bench"}' "${authz[@]}")
  expect 201 "$st" "create publishable key"
  PK=$(jq -r .key "$REPLY")
  st=$(api "$base" PUT /api/v1/admin/settings '{"max_ip_rate_limit_per_minute":100000}' "${authz[@]}")
  expect 200 "$st" "raise platform limits"
  st=$(api "$base" PUT "/api/v1/stores/$STORE/login-policy" '{"ip_rate_limit_per_minute":100000,"lockout_threshold":1000}' "${authz[@]}")
  expect 200 "$st" "set login policy"
  for i in $(seq 0 $(( USERS - 1 ))); do
    body=$(jq -nc --arg e "bench$i@example.test" --arg p "$BENCH_PASSWORD" '{email:$e,password:$p}')
    st=$(api "$base" POST "/api/v1/stores/$STORE/auth/register" "$body" -H "X-Storefront-Api-Key: $PK")
    expect 200 "$st" "register bench$i@example.test"
  done
}

members() { curl -s --max-time 5 "$1/health/ready" | jq -r '[.. | objects | .members? // empty][0] // "?"'; }

SUMMARY="$OUT/summary.txt"
{
  echo "# Storefront Auth cluster benchmark  $(date -u +%FT%TZ)  host $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# server: $JAVA_VERSION; jar sha256 $JAR_SHA; JVM flags: ${SERVER_JAVA_OPTS:-(default)}; $PG_VERSION (fsync off)"
  echo "# driver: bench/LoadDriver.java, $CONNECTIONS connection(s) in total, warm-up ${WARMUP} s, window ${DURATION} s," \
       "$USERS users, $ROUNDS round(s) per phase; req/srvCPUs = ok / CPU of all instances summed (PostgreSQL's not counted)"
} | tee "$SUMMARY"

IFS=, read -r -a PHASE_LIST <<< "$PHASES"
for phase in "${PHASE_LIST[@]}"; do
  DB="bench_$phase"
  createdb "$DB"
  ADMIN_EMAIL="admin@bench.test"
  ADMIN_PASSWORD="adm-$(rand 24 28)"
  export BENCH_PASSWORD="Bq7-$(rand 24 24)-zX9"
  P1=$(free_port)
  PHASE_ENV=(
    AUTH_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" AUTH_DB_USER=postgres AUTH_DB_PASSWORD=
    AUTH_ISSUER="http://127.0.0.1:$P1"
    AUTH_SIGNING_ENCRYPTION_KEY="bench-$(rand 32 32)" AUTH_OTP_SECRET="bench-$(rand 32 32)"
    AUTH_BOOTSTRAP_ADMIN_EMAIL="$ADMIN_EMAIL" AUTH_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD"
  )
  BASES="http://127.0.0.1:$P1"
  if [ "$phase" = one ]; then
    start_instance one-a "$P1" AUTH_CLUSTER_PORT="$(free_port)"
  else
    G1=$(free_port); G2=$(free_port); P2=$(free_port)
    GRID=(AUTH_CLUSTER_MEMBERS="127.0.0.1:$G1,127.0.0.1:$G2" AUTH_CLUSTER_NAME="bench-$(rand 9 8)")
    start_instance two-a "$P1" "${GRID[@]}" AUTH_CLUSTER_PORT="$G1"
    start_instance two-b "$P2" "${GRID[@]}" AUTH_CLUSTER_PORT="$G2"
    BASES+=",http://127.0.0.1:$P2"
    for _ in $(seq 1 50); do
      [ "$(members "http://127.0.0.1:$P1")" = 2 ] && [ "$(members "http://127.0.0.1:$P2")" = 2 ] && break
      sleep 0.2
    done
    [ "$(members "http://127.0.0.1:$P2")" = 2 ] || die "the two instances did not form one data grid: $(curl -s "http://127.0.0.1:$P2/health/ready")"
  fi
  seed "http://127.0.0.1:$P1"
  PIDS="$(IFS=,; echo "${SERVER_PIDS[*]}")"
  CPU0=(); for pid in "${SERVER_PIDS[@]}"; do CPU0+=("$(cpu_s "$pid")"); done
  echo "## phase $phase: ${#SERVER_PIDS[@]} instance(s) $BASES, pids $PIDS, store $STORE" | tee -a "$SUMMARY"
  IFS=, read -r -a SCEN_LIST <<< "$SCENARIOS"
  if [ "$JFR" = 1 ]; then
    for i in "${!SERVER_PIDS[@]}"; do
      jcmd "${SERVER_PIDS[$i]}" JFR.start name=bench settings=profile filename="$OUT/${SERVER_NAMES[$i]}.jfr" >/dev/null \
        || die "jcmd JFR.start failed"
    done
  fi
  for i in "${!SERVER_PIDS[@]}"; do
    "$HERE/threads.sh" snapshot "${SERVER_PIDS[$i]}" > "$WORK/threads-${SERVER_NAMES[$i]}.txt"
  done
  BOUND=$(( ROUNDS * ${#SCEN_LIST[@]} * (WARMUP + DURATION + 150) + 60 ))
  timeout --kill-after=10 "$BOUND" java "$HERE/LoadDriver.java" --base "$BASES" --store "$STORE" --api-key "$PK" \
    --password-env BENCH_PASSWORD --users "$USERS" --user-template 'bench{i}@example.test' \
    --scenarios "$SCENARIOS" -c "$CONNECTIONS" --warmup "$WARMUP" --duration "$DURATION" \
    --server-pid "$PIDS" --results "$OUT/results.jsonl" --label "$phase" --rounds "$ROUNDS" \
    >"$OUT/driver-$phase.txt" 2>&1 &
  DRIVER_PID=$!
  DRIVER_RC=0
  wait "$DRIVER_PID" || DRIVER_RC=$?
  DRIVER_PID=""
  grep -v '^#' "$OUT/driver-$phase.txt" | tee -a "$SUMMARY" || true
  if [ "$JFR" = 1 ]; then
    for pid in "${SERVER_PIDS[@]}"; do jcmd "$pid" JFR.stop name=bench >/dev/null || echo ">> JFR.stop failed" >&2; done
  fi
  for i in "${!SERVER_PIDS[@]}"; do
    pid=${SERVER_PIDS[$i]}
    "$HERE/threads.sh" snapshot "$pid" > "$WORK/threads-after.txt"
    "$HERE/threads.sh" diff "$WORK/threads-${SERVER_NAMES[$i]}.txt" "$WORK/threads-after.txt" \
      > "$OUT/threads-${SERVER_NAMES[$i]}.txt" || true
    kill -0 "$pid" 2>/dev/null || die "instance pid $pid died during the load"
    echo "#   pid $pid: CPU during the load $(awk -v a="${CPU0[$i]}" -v b="$(cpu_s "$pid")" 'BEGIN { printf "%.1f", b - a }') s, RSS after $(rss_mb "$pid") MB" \
      | tee -a "$SUMMARY"
  done
  [ "$phase" = two ] && echo "#   data-grid members after the load: $(members "http://127.0.0.1:$P1") and $(members "http://127.0.0.1:$P2")" | tee -a "$SUMMARY"
  [ "$DRIVER_RC" = 0 ] || die "the driver failed (exit $DRIVER_RC); see $OUT/driver-$phase.txt"
  stop_servers
done
echo ">> results in $OUT (summary.txt, results.jsonl, driver-*.txt, *.log)" >&2
