#!/usr/bin/env bash
# Export benchmark: 100,000 customers and 100,000 audit events of one store, downloaded as CSV through the
# management API (Accept: text/csv) from the uber-jar held to a fixed heap (-Xmx256m by default).
#
#   bench/export.sh                 # ROWS=100000 HEAP=256m
#   ROWS=200000 HEAP=128m bench/export.sh
#
# Starts a private copy of distribution/target/storefront-auth.jar on a free loopback port with a fresh H2
# database (AUTO_SERVER, so that the seed is one SQL statement per table from a second process instead of
# 100,000 sign-ups), seeds, downloads each export once, prints rows, seconds, the server's peak RSS during the
# downloads and whether the heap was ever exhausted, then stops the server and deletes its folder. Needs java,
# curl, jq and the H2 jar of ~/.m2 (the version the build uses).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
JAR="${JAR:-$ROOT/distribution/target/storefront-auth.jar}"
ROWS="${ROWS:-100000}"
HEAP="${HEAP:-256m}"
H2_JAR="${H2_JAR:-$HOME/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar}"

die() { echo "export.sh: $*" >&2; exit 1; }
[ -f "$JAR" ] || die "$JAR is missing: build it first (mvn -B -q package -DskipTests)"
[ -f "$H2_JAR" ] || die "$H2_JAR is missing (set H2_JAR=…)"
[[ "$ROWS" =~ ^[0-9]+$ ]] && (( ROWS >= 1 && ROWS <= 2000000 )) || die "ROWS must be 1..2000000"
for tool in java curl jq; do command -v "$tool" >/dev/null || die "$tool is needed on PATH"; done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/storefront-export.XXXXXX")"
SERVER_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=""
for _ in $(seq 1 50); do p=$(( 20000 + RANDOM % 30000 )); port_in_use "$p" || { PORT=$p; break; }; done
[ -n "$PORT" ] || die "no free port found"
BASE="http://127.0.0.1:$PORT"
DB="jdbc:h2:$WORK/db/auth;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000"
ADMIN_EMAIL="admin@bench.test"
ADMIN_PASSWORD="adm-$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n' | head -c 28)"

cp "$JAR" "$WORK/storefront-auth.jar"
printf 'set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1\n' \
  > "$WORK/preboot.asadmin"
UNSET_AUTH=()
while IFS= read -r name; do UNSET_AUTH+=(-u "$name"); done < <(env | sed -n 's/^\(AUTH_[A-Za-z0-9_]*\)=.*/\1/p')
echo ">> starting the server with -Xmx$HEAP on $BASE" >&2
( cd "$WORK" && exec env "${UNSET_AUTH[@]}" AUTH_DB_URL="$DB" AUTH_ISSUER="$BASE" \
    AUTH_BOOTSTRAP_ADMIN_EMAIL="$ADMIN_EMAIL" AUTH_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    java "-Xmx$HEAP" -XX:+ExitOnOutOfMemoryError -jar "$WORK/storefront-auth.jar" --port "$PORT" --nocluster \
      --rootdir "$WORK/payara" --prebootcommandfile "$WORK/preboot.asadmin" ) >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 1800); do
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -40 "$WORK/server.log" >&2; die "the server exited during startup"; }
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/health/ready" || true)" = 200 ] && break
  sleep 0.1
done

TOKEN=$(curl -sf "$BASE/api/v1/accounts/login" -H 'Content-Type: application/json' \
  -d "$(jq -nc --arg e "$ADMIN_EMAIL" --arg p "$ADMIN_PASSWORD" '{email: $e, password: $p}')" | jq -r .access_token)
STORE=$(curl -sf "$BASE/api/v1/stores" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"Export bench","mode":"test"}' | jq -r .id)

echo ">> seeding $ROWS customers and $ROWS audit events of $STORE" >&2
cat > "$WORK/seed.sql" <<SQL
INSERT INTO customers (id, store_id, email, phone, first_name, last_name, password_hash, email_verified,
    phone_verified, status, created_at, modified_at)
  SELECT 'cus_' || LPAD(CAST(X AS VARCHAR), 24, '0'), '$STORE', 'customer' || X || '@bench.example', NULL,
    'First' || X, 'Last, "quoted"', NULL, TRUE, FALSE, 'ACTIVE', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + X * INTERVAL '1' SECOND,
    TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00'
  FROM SYSTEM_RANGE(1, $ROWS);
INSERT INTO audit_events (id, store_id, type, subject, ip, user_agent, details, occurred_at)
  SELECT 'evt_' || LPAD(CAST(X AS VARCHAR), 24, '0'), '$STORE', 'LOGIN_FAILED',
    'cus_' || LPAD(CAST(X AS VARCHAR), 24, '0'), '203.0.113.9', 'Mozilla/5.0 (bench)',
    '{"method":"password","reason":"wrong_password"}',
    CURRENT_TIMESTAMP - X * INTERVAL '1' SECOND
  FROM SYSTEM_RANGE(1, $ROWS);
SQL
java -cp "$H2_JAR" org.h2.tools.RunScript -url "$DB" -user "${AUTH_DB_USER:-sa}" -password "${AUTH_DB_PASSWORD:-}" \
  -script "$WORK/seed.sql"

rss_mb() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$SERVER_PID/status"; }
download() { # name, path
  local peak=0 start end rows
  start=$(date +%s%N)
  curl -sS -H "Authorization: Bearer $TOKEN" -H 'Accept: text/csv' "$BASE$2" -o "$WORK/$1.csv" \
    -w '%{http_code}' > "$WORK/$1.status" &
  local curl_pid=$!
  while kill -0 "$curl_pid" 2>/dev/null; do
    local now; now=$(rss_mb 2>/dev/null || echo 0); (( now > peak )) && peak=$now; sleep 0.2
  done
  if ! wait "$curl_pid" || [ "$(cat "$WORK/$1.status")" != 200 ]; then
    echo "HTTP $(cat "$WORK/$1.status"); $(head -c 300 "$WORK/$1.csv")" >&2
    grep -E "SEVERE|Exception|Caused by" "$WORK/server.log" | tail -15 >&2
    die "the $1 download failed (server alive: $(kill -0 "$SERVER_PID" 2>/dev/null && echo yes || echo no))"
  fi
  end=$(date +%s%N)
  rows=$(( $(wc -l < "$WORK/$1.csv") - 1 ))
  printf '%-10s %8d rows  %6.1f s  %6.1f MB  peak RSS %d MB\n' "$1" "$rows" \
    "$(awk -v a="$start" -v b="$end" 'BEGIN { print (b - a) / 1e9 }')" \
    "$(awk -v s="$(stat -c %s "$WORK/$1.csv")" 'BEGIN { print s / 1048576 }')" "$peak"
}
echo ">> heap -Xmx$HEAP, RSS before the downloads $(rss_mb) MB"
download customers "/api/v1/stores/$STORE/customers"
download events "/api/v1/stores/$STORE/events"
if grep -q "OutOfMemoryError" "$WORK/server.log"; then echo ">> the heap was exhausted (see the server log)"; exit 1; fi
echo ">> no OutOfMemoryError; server alive: $(kill -0 "$SERVER_PID" 2>/dev/null && echo yes || echo no)"
