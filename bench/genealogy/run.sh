#!/usr/bin/env bash
# The genealogy benchmark (run on purpose, never by the build): a fresh PostgreSQL database
# takt_genealogy on 127.0.0.1:5432 migrated by the server, 1,000,000 lots and ~3,000,000 links
# written by generate.sql, then 1,000 backward and 1,000 forward traces through the API, cold and
# warm, and beside them the same traces as one plain WITH RECURSIVE statement each in psql; hub
# traces and recall reports (JSON and CSV). Prints RESULT lines and writes
# bench/genealogy/results/<date>.txt.
#
# Knobs (environment): LOTS (1000000), RAW (240000), LEVELS (20), HUBS (5), HUB_FANOUT (60),
# SAMPLE (1000 per direction), PORT (18090), REUSE=1 (keep the loaded database), SKIP_BUILD=1,
# NO_COLD=1 (skip the cold passes, which restart PostgreSQL and drop the OS page cache).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
. .mvn/find-jdk.sh
takt_find_jdk

LOTS=${LOTS:-1000000}
RAW=${RAW:-240000}
LEVELS=${LEVELS:-20}
HUBS=${HUBS:-5}
HUB_FANOUT=${HUB_FANOUT:-60}
SAMPLE=${SAMPLE:-1000}
PORT=${PORT:-18090}
DB=takt_genealogy
PG="psql -h 127.0.0.1 -p 5432 -U postgres -v ON_ERROR_STOP=1 -qAt"
WORK=$ROOT/bench/target/genealogy
RESULTS=$ROOT/bench/genealogy/results
STAMP=$(date -u +%Y-%m-%dT%H%M)
mkdir -p "$WORK" "$RESULTS"
OUT=$WORK/out.txt
: >"$OUT"
ADMIN_PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -q -pl takt-app -am package -DskipTests
  ./mvnw -q -Pbench -pl bench -am package -DskipTests
fi
BENCH="java -Dloader.main=dev.takt.bench.GenealogyBenchmark -jar bench/target/takt-bench.jar"

SERVER_PID=
stop_server() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }
trap stop_server EXIT
start_server() {
  stop_server
  SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
    TAKT_DEMO_DATA=off TAKT_ADMIN_PASSWORD="$ADMIN_PASSWORD" SERVER_ADDRESS=127.0.0.1 SERVER_PORT=$PORT \
    java -jar takt-app/target/takt-app.jar >>"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 180); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && return 0
    sleep 1
  done
  echo "server did not start"; tail -50 "$WORK/server.log"; exit 1
}
BASE=http://127.0.0.1:$PORT
log() { echo "$*" | tee -a "$OUT"; }

# Cold: PostgreSQL restarted (empty shared buffers), the OS page cache dropped, a fresh server JVM.
cold() {
  stop_server
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main restart
  sync; echo 3 >/proc/sys/vm/drop_caches 2>/dev/null || log "NOTE could not drop the OS page cache"
  start_server
}

: >"$WORK/server.log"
if [ "${REUSE:-}" != 1 ]; then
  $PG -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  start_server # migrates the schema
  # The administrator keeps the password of the first start: a reused database needs it again.
  echo "$ADMIN_PASSWORD" >"$WORK/admin-password"
  curl -sf -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
    -d '{"code":"GEN","name":"Genealogy bench plant","timeZone":"Europe/Berlin"}' "$BASE/api/v1/sites" >/dev/null
  stop_server
  log "== loading $LOTS lots ($RAW raw, $LEVELS levels, $HUBS hubs x $HUB_FANOUT)"
  t0=$(date +%s)
  $PG -d $DB -v lots="$LOTS" -v raw="$RAW" -v levels="$LEVELS" -v hubs="$HUBS" -v hub_fanout="$HUB_FANOUT" \
    -f bench/genealogy/generate.sql | tee -a "$OUT"
  log "LOAD seconds=$(( $(date +%s) - t0 ))"
  $PG -d $DB -c "VACUUM ANALYZE"
fi
ADMIN_PASSWORD=$(cat "$WORK/admin-password")
log "DATA $($PG -d $DB -c "SELECT 'lots=' || (SELECT count(*) FROM traceability_lot) || ' links=' || (SELECT count(*) FROM traceability_link) || ' size=' || pg_size_pretty(pg_database_size(current_database()))")"

# The sample: produced lots for backward traces, lots of the lower levels for forward traces,
# picked by a hash so every run traces the same lots; the hubs apart.
$PG -d $DB -F $'\t' >"$WORK/sample.tsv" <<SQL
(SELECT 'backward', l.lot_number, l.material FROM bench_gen_lot g
   JOIN traceability_lot l ON l.id = md5('lot' || g.n)::uuid
  WHERE g.level >= 1 ORDER BY md5('b' || g.n) LIMIT $SAMPLE)
UNION ALL
(SELECT 'forward', l.lot_number, l.material FROM bench_gen_lot g
   JOIN traceability_lot l ON l.id = md5('lot' || g.n)::uuid
  WHERE g.level <= $((LEVELS / 2)) AND g.n >= $HUBS ORDER BY md5('f' || g.n) LIMIT $SAMPLE);
SQL
$PG -d $DB -F $'\t' -c "SELECT 'forward', lot_number, material FROM traceability_lot WHERE lot_number LIKE 'HUB-%' ORDER BY 2" >"$WORK/hubs.tsv"

# The plain SQL peer: per trace one statement that walks the links (UNION over (lot, depth), depth
# limit 50 as the server's default), keeps each lot at its nearest depth (at most 10,000, as the
# API's default limit) and returns the lots and the links among them as JSON.
peer_sql() { # $1 sample file
  echo '\timing on'
  while IFS=$'\t' read -r dir lot material; do
    if [ "$dir" = backward ]; then near=child_id; far=parent_id; else near=parent_id; far=child_id; fi
    cat <<SQL
WITH RECURSIVE walk(id, depth) AS (
  SELECT id, 0 FROM traceability_lot WHERE lot_number = '$lot' AND material = '$material'
  UNION
  SELECT k.$far, w.depth + 1 FROM traceability_link k JOIN walk w ON k.$near = w.id WHERE w.depth < 50),
nearest AS (SELECT id, min(depth) AS depth FROM walk GROUP BY id ORDER BY 2, 1 LIMIT 10000)
SELECT (SELECT json_agg(t) FROM nearest n JOIN traceability_lot t ON t.id = n.id) AS lots,
       (SELECT json_agg(k) FROM traceability_link k
         WHERE k.$near IN (SELECT id FROM nearest) AND k.$far IN (SELECT id FROM nearest)) AS links;
SQL
  done <"$1"
}
peer_sql "$WORK/sample.tsv" >"$WORK/peer.sql"
peer_sql "$WORK/hubs.tsv" >"$WORK/peer-hubs.sql"
peer() { # $1 label, $2 sql file, $3 sample file
  $PG -d $DB -o /dev/null -f "$2" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' >"$WORK/peer-$1.ms"
  paste <(cut -f1 "$3") "$WORK/peer-$1.ms" >"$WORK/peer-$1.tsv"
  for dir in backward forward; do
    awk -v d=$dir '$1 == d { print $2 }' "$WORK/peer-$1.tsv" >"$WORK/peer-$1-$dir.ms"
    [ -s "$WORK/peer-$1-$dir.ms" ] && $BENCH stats "psql-$1 $dir" "$WORK/peer-$1-$dir.ms" | tee -a "$OUT"
  done
}

if [ "${NO_COLD:-}" != 1 ]; then
  log "== API traces, cold"
  cold
  $BENCH traces "$BASE" "$ADMIN_PASSWORD" "$WORK/sample.tsv" api-cold "$WORK/api-cold.csv" | tee -a "$OUT"
fi
start_server
log "== API traces, warm (two passes, the second counts)"
$BENCH traces "$BASE" "$ADMIN_PASSWORD" "$WORK/sample.tsv" api-warm-1 "$WORK/api-warm-1.csv" >/dev/null
$BENCH traces "$BASE" "$ADMIN_PASSWORD" "$WORK/sample.tsv" api-warm "$WORK/api-warm.csv" | tee -a "$OUT"
log "== API hub traces and recall reports, warm"
$BENCH traces "$BASE" "$ADMIN_PASSWORD" "$WORK/hubs.tsv" api-hubs "$WORK/api-hubs.csv" | tee -a "$OUT"
cat "$WORK/api-hubs.csv" | tee -a "$OUT"
BIG=$(sort -t, -k4 -n "$WORK/api-hubs.csv" | tail -1 | cut -d, -f2)
$BENCH recall "$BASE" "$ADMIN_PASSWORD" "$BIG" "$(grep -P "\t$BIG\t" "$WORK/hubs.tsv" | cut -f3)" api | tee -a "$OUT"
stop_server

if [ "${NO_COLD:-}" != 1 ]; then
  log "== psql traces, cold"
  cold
  stop_server
  peer cold "$WORK/peer.sql" "$WORK/sample.tsv"
fi
log "== psql traces, warm (two passes, the second counts)"
$PG -d $DB -o /dev/null -f "$WORK/peer.sql" >/dev/null
peer warm "$WORK/peer.sql" "$WORK/sample.tsv"
peer hubs "$WORK/peer-hubs.sql" "$WORK/hubs.tsv"
cat "$WORK/peer-hubs.tsv" | tee -a "$OUT"

{
  echo "# genealogy benchmark $STAMP"
  echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {print $2 " kB"}' /proc/meminfo), $(psql -h 127.0.0.1 -U postgres -qAt -c 'SHOW server_version'), load $(cut -d' ' -f1-3 /proc/loadavg)"
  cat "$OUT"
} >"$RESULTS/$STAMP.txt"
echo "== written to bench/genealogy/results/$STAMP.txt"
