#!/usr/bin/env bash
# The MQTT ingest benchmark (run on purpose, never by the build). 200 machines x 50 signals publish
# JSON at QoS 1 to the benchmark's own Mosquitto (127.0.0.1:18830, bench/mqtt/mosquitto.conf); Takt,
# with one MQTT connection in JSON mode, commits every value to PostgreSQL (machines_signal). In the
# same run: the same publisher into the broker with a counting subscriber only (the broker-only
# peer), and COPY of the same rows straight into PostgreSQL (the database peer); then a run in
# which the server is killed with SIGKILL and restarted while the machines keep publishing.
#
# An event is one signal value; a message carries 50 of them. Durable events/s and latency come
# from the database: the rows' commit times (track_commit_timestamp, switched on by this script if
# it is off: that restarts PostgreSQL once) against the publish time the machines put in the
# payload. Loss: every message's s01 is its machine's sequence number, so (source, s01) pairs
# missing in the table are lost messages.
#
# Knobs: RATES (events/s steps: 10000,20000,30000,40000,60000), RUN_SECONDS (60), MACHINES (200),
# SIGNALS (50), KILL_RATE (30000), PORT (18091), SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
. .mvn/find-jdk.sh
takt_find_jdk

RATES=${RATES:-10000,20000,30000,40000,60000}
SECONDS_PER_RUN=${RUN_SECONDS:-60}
MACHINES=${MACHINES:-200}
SIGNALS=${SIGNALS:-50}
KILL_RATE=${KILL_RATE:-30000}
PORT=${PORT:-18091}
BROKER_PORT=18830
DB=takt_ingest
PG="psql -h 127.0.0.1 -p 5432 -U postgres -v ON_ERROR_STOP=1 -qAt"
WORK=$ROOT/bench/target/mqtt
RESULTS=$ROOT/bench/mqtt/results
STAMP=$(date -u +%Y-%m-%dT%H%M)
mkdir -p "$WORK" "$RESULTS"
OUT=$WORK/out.txt
: >"$OUT"
log() { echo "$*" | tee -a "$OUT"; }
ADMIN_PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -q -pl takt-app -am package -DskipTests
  ./mvnw -q -Pbench -pl bench -am package -DskipTests
fi
BENCH="java -Dloader.main=dev.takt.bench.MqttIngestBenchmark -jar bench/target/takt-bench.jar"

# The benchmark's broker, apart from the one the tests use.
if ! (exec 3<>/dev/tcp/127.0.0.1/$BROKER_PORT) 2>/dev/null; then
  mosquitto -d -c bench/mqtt/mosquitto.conf
  sleep 1
fi
if [ "$($PG -c 'SHOW track_commit_timestamp')" != on ]; then
  $PG -c "ALTER SYSTEM SET track_commit_timestamp = on"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main restart
  sleep 2
fi
$PG -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

SERVER_PID=
stop_server() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }
trap stop_server EXIT
start_server() {
  SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
    TAKT_DEMO_DATA=off TAKT_SIMULATOR_ENABLED=false TAKT_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    TAKT_MACHINES_SPOOL_DIR="$WORK/spool" SERVER_ADDRESS=127.0.0.1 SERVER_PORT=$PORT \
    java -jar takt-app/target/takt-app.jar >>"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 120); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && return 0
    sleep 1
  done
  echo "server did not start"; tail -50 "$WORK/server.log"; exit 1
}
BASE=http://127.0.0.1:$PORT
api() { # method path [body]
  curl -sf -u "admin:$ADMIN_PASSWORD" -X "$1" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" ${3:+-d "$3"} "$BASE/api/v1$2"
}

: >"$WORK/server.log"
rm -rf "$WORK/spool"
start_server
api POST /sites '{"code":"BENCH","name":"Ingest bench plant","timeZone":"Europe/Berlin"}' >/dev/null
FIELDS=$(for s in $(seq 1 "$SIGNALS"); do printf '"/s%02d":"s%02d",' "$s" "$s"; done)
CONNECTION=$(api POST /connections "{\"name\":\"BENCH-MQTT\",\"site\":\"BENCH\",\"protocol\":\"MQTT\",
  \"settings\":{\"brokerUrl\":\"tcp://127.0.0.1:$BROKER_PORT\",\"clientId\":\"takt-bench-ingest\",\"mode\":\"json\",
  \"topics\":[{\"filter\":\"bench/+/+/telemetry\",\"sourceLevel\":2,\"fields\":{${FIELDS%,}},\"timestamp\":\"/ts\"}]}}" |
  sed -E 's/.*"id":"([^"]+)".*/\1/')
for _ in $(seq 60); do
  api GET "/connections/$CONNECTION/status" | grep -q '"CONNECTED"' && break
  sleep 1
done
log "CONNECTION $CONNECTION $(api GET "/connections/$CONNECTION/status")"

# Rows of one run, once the table has stopped growing (at most 120 s after the publisher ended).
drain() { # run id, expected messages
  local last=-1 now
  for _ in $(seq 240); do
    now=$($PG -d $DB -c "SELECT count(*) FROM machines_signal WHERE address = 's01' AND source LIKE '$1-%'")
    [ "$now" -ge "$2" ] && [ "$now" = "$last" ] && break
    [ "$now" = "$last" ] && [ "$now" -gt 0 ] && sleep 5 && \
      [ "$($PG -d $DB -c "SELECT count(*) FROM machines_signal WHERE address = 's01' AND source LIKE '$1-%'")" = "$now" ] && break
    last=$now
    sleep 0.5
  done
}
# Durable rate, latency publish -> commit and loss of one run, from the table.
measure() { # label, run id, published messages
  $PG -d $DB -F ' ' <<SQL | tee -a "$OUT"
WITH r AS (
  SELECT source, address, num_value, source_ms,
         extract(epoch FROM pg_xact_commit_timestamp(xmin)) * 1000 AS commit_ms
    FROM machines_signal WHERE source LIKE '$2-%'),
seq AS (SELECT count(DISTINCT (source, num_value)) AS n, count(*) AS rows FROM r WHERE address = 's01')
SELECT 'RESULT $1', 'events=' || (SELECT count(*) FROM r),
       'durable_events_per_s=' || round((SELECT count(*) FROM r)
          / greatest(0.001, (max(commit_ms) - min(commit_ms)) / 1000)::numeric),
       'p50_ms=' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY commit_ms - source_ms)::numeric, 1),
       'p99_ms=' || round(percentile_cont(0.99) WITHIN GROUP (ORDER BY commit_ms - source_ms)::numeric, 1),
       'max_ms=' || round(max(commit_ms - source_ms)::numeric, 1),
       'messages_published=$3', 'messages_stored=' || (SELECT n FROM seq),
       'lost=' || ($3 - (SELECT n FROM seq)), 'duplicates=' || ((SELECT rows FROM seq) - (SELECT n FROM seq))
  FROM r;
SQL
}

run=0
for rate in ${RATES//,/ }; do
  run=$((run + 1))
  id="r$run"
  log "== Takt at $rate events/s for ${SECONDS_PER_RUN}s"
  $BENCH publish 127.0.0.1 $BROKER_PORT "$MACHINES" "$SIGNALS" "$rate" "$SECONDS_PER_RUN" "$id" | tee -a "$OUT"
  published=$(grep "PUBLISHED run=$id " "$OUT" | sed -E 's/.* messages=([0-9]+).*/\1/')
  drain "$id" "$published"
  measure "takt-$rate" "$id" "$published"
done

log "== broker only: the same publisher, a counting subscriber"
for rate in ${RATES//,/ }; do
  id="p$rate"
  expected=$(( rate * SECONDS_PER_RUN / SIGNALS ))
  java -Dbench.root=peer -Dloader.main=dev.takt.bench.MqttIngestBenchmark -jar bench/target/takt-bench.jar \
    count 127.0.0.1 $BROKER_PORT $((SECONDS_PER_RUN + 60)) "$expected" "$id" >"$WORK/count-$id.txt" &
  COUNTER=$!
  until grep -q SUBSCRIBED "$WORK/count-$id.txt" 2>/dev/null; do sleep 0.2; done
  java -Dbench.root=peer -Dloader.main=dev.takt.bench.MqttIngestBenchmark -jar bench/target/takt-bench.jar \
    publish 127.0.0.1 $BROKER_PORT "$MACHINES" "$SIGNALS" "$rate" "$SECONDS_PER_RUN" "$id" | tee -a "$OUT"
  wait $COUNTER || true
  sed "s/^COUNTED/RESULT broker-only-$rate/" "$WORK/count-$id.txt" | grep RESULT | tee -a "$OUT"
done

log "== COPY of the same rows (one 60 s run at 30,000 events/s: 1,800,000 rows)"
$BENCH copy "jdbc:postgresql://127.0.0.1:5432/$DB" postgres "$MACHINES" "$SIGNALS" $((30000 * 60 / SIGNALS)) | tee -a "$OUT"

log "== kill -9 of the server during a run at $KILL_RATE events/s"
id=k1
$BENCH publish 127.0.0.1 $BROKER_PORT "$MACHINES" "$SIGNALS" "$KILL_RATE" "$SECONDS_PER_RUN" "$id" >"$WORK/publish-$id.txt" &
PUBLISHER=$!
sleep $((SECONDS_PER_RUN / 3))
log "KILL -9 server $SERVER_PID at $(date -u +%T)"
kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
start_server
log "RESTARTED at $(date -u +%T)"
wait $PUBLISHER
tee -a "$OUT" <"$WORK/publish-$id.txt"
published=$(sed -nE 's/.* messages=([0-9]+).*/\1/p' "$WORK/publish-$id.txt")
drain "$id" "$published"
measure "takt-kill9-$KILL_RATE" "$id" "$published"
log "STATUS $(api GET "/connections/$CONNECTION/status")"
stop_server

{
  echo "# MQTT ingest benchmark $STAMP"
  echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {print $2 " kB"}' /proc/meminfo), $($PG -c 'SHOW server_version'), mosquitto $(mosquitto -h 2>/dev/null | head -1 | awk '{print $3}'), load $(cut -d' ' -f1-3 /proc/loadavg)"
  cat "$OUT"
} >"$RESULTS/$STAMP.txt"
echo "== written to bench/mqtt/results/$STAMP.txt"
