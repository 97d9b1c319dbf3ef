#!/usr/bin/env bash
# The OPC UA ingest benchmark (run on purpose, never by the build): a node-opcua server (the same
# npm package the connector's tests use, bench/opcua/server.js) with 10,000 Double variables that
# all change at 10 Hz, one Takt OPC UA connection monitoring all of them (sampling and publishing
# every 100 ms), the values committed to PostgreSQL (machines_signal). Reports changes/s committed
# and loss, from the table: every variable carries the server's tick number, so a (variable, tick)
# missing in the steady-state window is a change lost (by sampling, queueing or ingest).
#
# Knobs: ITEMS (10000), PERIOD_MS (100), QUEUE (10), RUN_SECONDS (60), PORT (18092), OPC_PORT (48410), SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
. .mvn/find-jdk.sh
takt_find_jdk

ITEMS=${ITEMS:-10000}
PERIOD_MS=${PERIOD_MS:-100}
RUN_SECONDS=${RUN_SECONDS:-60}
PORT=${PORT:-18092}
OPC_PORT=${OPC_PORT:-48410}
QUEUE=${QUEUE:-10} # values the server keeps per item between publishes (the peer uses the same)
DB=takt_opcua
PG="psql -h 127.0.0.1 -p 5432 -U postgres -v ON_ERROR_STOP=1 -qAt"
WORK=$ROOT/bench/target/opcua
RESULTS=$ROOT/bench/opcua/results
STAMP=$(date -u +%Y-%m-%dT%H%M)
mkdir -p "$WORK" "$RESULTS"
OUT=$WORK/out.txt
: >"$OUT"
log() { echo "$*" | tee -a "$OUT"; }
ADMIN_PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -q -pl takt-app -am package -DskipTests
fi
[ -d takt-connector-opcua/src/test/node/node_modules ] ||
  (cd takt-connector-opcua/src/test/node && npm ci --no-audit --no-fund)

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

NODE_PATH=takt-connector-opcua/src/test/node/node_modules node bench/opcua/server.js "$OPC_PORT" "$ITEMS" "$PERIOD_MS" \
  >"$WORK/opcua-server.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 120); do grep -q READY "$WORK/opcua-server.log" && break; sleep 0.5; done
grep -q READY "$WORK/opcua-server.log" || { echo "OPC UA server did not start"; cat "$WORK/opcua-server.log"; exit 1; }

$PG -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
  TAKT_DEMO_DATA=off TAKT_SIMULATOR_ENABLED=false TAKT_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  TAKT_MACHINES_SPOOL_DIR="$WORK/spool" SERVER_ADDRESS=127.0.0.1 SERVER_PORT=$PORT \
  java -jar takt-app/target/takt-app.jar >"$WORK/server.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done
BASE=http://127.0.0.1:$PORT
api() { curl -sf -u "admin:$ADMIN_PASSWORD" -X "$1" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" ${3:+--data-binary "@$3"} "$BASE/api/v1$2"; }
echo '{"code":"BENCH","name":"OPC UA bench plant","timeZone":"Europe/Berlin"}' >"$WORK/site.json"
api POST /sites "$WORK/site.json" >/dev/null
{
  printf '{"name":"BENCH-OPCUA","site":"BENCH","protocol":"OPCUA","settings":{"endpointUrl":"opc.tcp://127.0.0.1:%s/bench",' "$OPC_PORT"
  printf '"securityPolicy":"NONE","securityMode":"NONE","publishingIntervalMs":%s,"monitoredItems":[' "$PERIOD_MS"
  for i in $(seq 1 "$ITEMS"); do
    [ "$i" -gt 1 ] && printf ','
    printf '{"nodeId":"ns=1;s=V%05d","source":"bench","samplingIntervalMs":%s,"queueSize":%s}' "$i" "$PERIOD_MS" "$QUEUE"
  done
  printf ']}}'
} >"$WORK/connection.json"
log "CONNECTION request of $(wc -c <"$WORK/connection.json") bytes"
CONNECTION=$(api POST /connections "$WORK/connection.json" | sed -E 's/.*"id":"([^"]+)".*/\1/')
for _ in $(seq 120); do
  api GET "/connections/$CONNECTION/status" | grep -q '"CONNECTED"' && break
  sleep 1
done
log "CONNECTED $(api GET "/connections/$CONNECTION/status" | cut -c1-300)"

log "== $ITEMS items changing every $PERIOD_MS ms, ${RUN_SECONDS}s"
sleep 10 # the subscription settles
t0=$(date +%s%3N)
sleep "$RUN_SECONDS"
t1=$(date +%s%3N)
sleep 10 # what was received in the window is committed
# ticks whose values were set inside the window, with a second of margin on each side
first=$(awk -v t="$t0" '$1 == "TICK" && $3 >= t + 1000 { print $2; exit }' "$WORK/opcua-server.log")
last=$(awk -v t="$t1" '$1 == "TICK" && $3 <= t - 1000 { n = $2 } END { print n }' "$WORK/opcua-server.log")
tfirst=$(awk -v n="$first" '$1 == "TICK" && $2 == n { print $3 }' "$WORK/opcua-server.log")
tlast=$(awk -v n="$last" '$1 == "TICK" && $2 == n { print $3 }' "$WORK/opcua-server.log")
$PG -d $DB -F ' ' <<SQL | tee -a "$OUT"
WITH w AS (
  SELECT address, num_value FROM machines_signal
   WHERE source = 'bench' AND num_value BETWEEN $first AND $last),
got AS (SELECT count(*) AS rows, count(DISTINCT (address, num_value)) AS distinct_changes FROM w)
SELECT 'RESULT opcua items=$ITEMS period_ms=$PERIOD_MS ticks=' || ($last - $first + 1),
       'changes_offered=' || ($ITEMS::bigint * ($last - $first + 1)),
       'changes_committed=' || distinct_changes,
       'server_ticks_per_s=' || round(($last - $first + 1) / (($tlast - $tfirst) / 1000.0 + $PERIOD_MS / 1000.0), 1),
       'changes_per_s=' || round(distinct_changes / (($tlast - $tfirst) / 1000.0 + $PERIOD_MS / 1000.0)),
       'lost=' || ($ITEMS::bigint * ($last - $first + 1) - distinct_changes),
       'loss_pct=' || round(100.0 * ($ITEMS::bigint * ($last - $first + 1) - distinct_changes)
                         / ($ITEMS::bigint * ($last - $first + 1)), 2),
       'duplicates=' || (rows - distinct_changes)
  FROM got;
SQL
$PG -d $DB -F ' ' -c "SELECT 'LATENCY p50_ms=' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY received_ms - source_ms)::numeric, 1), 'p99_ms=' || round(percentile_cont(0.99) WITHIN GROUP (ORDER BY received_ms - source_ms)::numeric, 1) FROM machines_signal WHERE source = 'bench' AND received_ms BETWEEN $t0 AND $t1" | tee -a "$OUT"
log "STATUS $(api GET "/connections/$CONNECTION/status" | cut -c1-400)"

log "== the client-only peer: a node-opcua client, same items and intervals, Takt's connection deleted"
curl -sf -u "admin:$ADMIN_PASSWORD" -X DELETE "$BASE/api/v1/connections/$CONNECTION" >/dev/null
sleep 5
NODE_PATH=takt-connector-opcua/src/test/node/node_modules node bench/opcua/client.js "$OPC_PORT" "$ITEMS" "$PERIOD_MS" "$RUN_SECONDS" "$QUEUE" | tee -a "$OUT"
{
  echo "# OPC UA ingest benchmark $STAMP"
  echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {print $2 " kB"}' /proc/meminfo), $($PG -c 'SHOW server_version'), node $(node --version), load $(cut -d' ' -f1-3 /proc/loadavg)"
  cat "$OUT"
} >"$RESULTS/$STAMP.txt"
echo "== written to bench/opcua/results/$STAMP.txt"
