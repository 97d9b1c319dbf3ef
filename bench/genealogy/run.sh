#!/usr/bin/env bash
# The genealogy benchmark (run on purpose, never by the build): a fresh PostgreSQL database
# takt_genealogy on 127.0.0.1:$PGPORT migrated by the server, 1,000,000 lots and ~3,000,000 links
# written by generate.sql, then 1,000 backward and 1,000 forward traces through the API, cold and
# warm, and beside them the same traces as one plain WITH RECURSIVE statement each in psql; hub
# traces and recall reports (JSON and CSV). Prints RESULT lines and writes
# bench/genealogy/results/<date>.txt.
#
# Knobs (environment): LOTS (1000000), RAW (240000), LEVELS (20), HUBS (5), HUB_FANOUT (60),
# SAMPLE (1000 per direction), PORT (18090), REUSE=1 (keep the loaded database), SKIP_BUILD=1,
# LOAD_ONLY=1 (stop after loading), NO_COLD=1 (skip the cold passes), NO_OLD_METHOD=1 (skip the
# passes measured as before 2026-12-02 evening, kept for comparison), APP_JAR and BENCH_JAR (the
# jars to run, by default the ones just built; with SKIP_BUILD=1 a build meanwhile cannot change them).
# PGPORT (5433): the PostgreSQL cluster to use. The cold passes restart that cluster and drop the OS
# page cache, so they refuse to run on 5432, the machine's shared cluster; give the benchmark a
# cluster of its own:
#   pg_createcluster 15 genealogy --port 5433 -- --auth=trust
#   cp bench/genealogy/postgresql.conf /etc/postgresql/15/genealogy/conf.d/90-bench.conf
#   pg_ctlcluster --skip-systemctl-redirect 15 genealogy start
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
PGPORT=${PGPORT:-5433}
DB=takt_genealogy
PG="psql -h 127.0.0.1 -p $PGPORT -U postgres -v ON_ERROR_STOP=1 -qAt"
CLUSTER=$(pg_lsclusters -h | awk -v p="$PGPORT" '$3 == p { print $1 " " $2 }')
DATADIR=$(pg_lsclusters -h | awk -v p="$PGPORT" '$3 == p { print $6 }')
if [ -z "$CLUSTER" ]; then
  echo "no PostgreSQL cluster on port $PGPORT (see the comment at the top of $0)"; exit 1
fi
if [ "$PGPORT" = 5432 ] && [ "${NO_COLD:-}" != 1 ]; then
  echo "the cold passes restart PostgreSQL: not on the shared cluster 5432 (use PGPORT=5433 or NO_COLD=1)"; exit 1
fi
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
# Run from copies, so that a build during the run cannot change the jars under it.
APP_JAR=${APP_JAR:-takt-app/target/takt-app.jar}
BENCH_JAR=${BENCH_JAR:-bench/target/takt-bench.jar}
cp "$APP_JAR" "$WORK/takt-app.jar"
[ -f "$BENCH_JAR" ] && cp "$BENCH_JAR" "$WORK/takt-bench.jar"
BENCH="java -Dloader.main=dev.takt.bench.GenealogyBenchmark -jar $WORK/takt-bench.jar"
# the client of the runs before 2026-12-02 evening: the JDK's HttpClient
BENCH_JDK="java -Dgenealogy.client=jdk -Dloader.main=dev.takt.bench.GenealogyBenchmark -jar $WORK/takt-bench.jar"

SERVER_PID=
stop_server() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }
trap stop_server EXIT
start_server() {
  stop_server
  SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$PGPORT/$DB SPRING_DATASOURCE_USERNAME=postgres \
    TAKT_DEMO_DATA=off TAKT_ADMIN_PASSWORD="$ADMIN_PASSWORD" SERVER_ADDRESS=127.0.0.1 SERVER_PORT=$PORT \
    java -jar "$WORK/takt-app.jar" >>"$WORK/server.log" 2>&1 &
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
  cold_db
}
# Cold database only: PostgreSQL restarted, its files dropped from the OS page cache.
cold_db() {
  # Stopped, the cluster's files are evicted from the OS page cache (POSIX_FADV_DONTNEED, file by
  # file) instead of dropping the whole machine's cache, which would slow everyone else down.
  pg_ctlcluster --skip-systemctl-redirect $CLUSTER stop
  sync
  python3 - "$DATADIR" <<'PY' | tee -a "$OUT"
import os, sys
n = 0
for d, _, files in os.walk(sys.argv[1]):
    for f in files:
        try:
            fd = os.open(os.path.join(d, f), os.O_RDONLY)
        except OSError:
            continue
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        os.close(fd)
        n += 1
print(f"EVICTED {n} files of the cluster from the OS page cache")
PY
  # Started with every inherited descriptor closed: the cluster outlives the run, and the
  # descriptor of `flock /work/bench.lock` would otherwise hold the shared lock for ever.
  python3 -c 'import subprocess, sys; sys.exit(subprocess.run(sys.argv[1:], close_fds=True).returncode)' \
    pg_ctlcluster --skip-systemctl-redirect $CLUSTER start
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
[ "${LOAD_ONLY:-}" = 1 ] && exit 0
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
# Other lots of the same kinds (none of the sample), to warm the server's JVM before a cold pass.
$PG -d $DB -F $'\t' >"$WORK/warmup.tsv" <<SQL
(SELECT 'backward', l.lot_number, l.material FROM bench_gen_lot g
   JOIN traceability_lot l ON l.id = md5('lot' || g.n)::uuid
  WHERE g.level >= 1 ORDER BY md5('b' || g.n) OFFSET $SAMPLE LIMIT $((SAMPLE / 2)))
UNION ALL
(SELECT 'forward', l.lot_number, l.material FROM bench_gen_lot g
   JOIN traceability_lot l ON l.id = md5('lot' || g.n)::uuid
  WHERE g.level <= $((LEVELS / 2)) AND g.n >= $HUBS ORDER BY md5('f' || g.n) OFFSET $SAMPLE LIMIT $((SAMPLE / 2)));
SQL
$PG -d $DB -F $'\t' -c "SELECT 'forward', lot_number, material FROM traceability_lot WHERE lot_number LIKE 'HUB-%' ORDER BY 2" >"$WORK/hubs.tsv"

# The plain SQL peer: per trace one statement that does the API's semantic work and returns the
# API's document. It walks the links (UNION over (lot, hops), depth limit 50 as the server's
# default), keeps each lot at its fewest hops, the nearest 10,000 (the API's default limit) and
# whether there were more, and returns the start lot, the lots with their hops (sorted as the API
# sorts them), the links among them and, forward, the shipments of the lots, as one JSON value with
# the API's field names and formats. run.sh checks that it is the API's document.
instant() { # how Jackson writes an instant: ISO-8601 in UTC, fractions in groups of three digits
  echo "to_char($1 AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE WHEN date_part('microseconds', $1)::int % 1000000 = 0 THEN '' WHEN date_part('microseconds', $1)::int % 1000 = 0 THEN to_char($1 AT TIME ZONE 'UTC', '.MS') ELSE to_char($1 AT TIME ZONE 'UTC', '.US') END || 'Z'"
}
LOT_JSON="json_build_object('id', t.id, 'site', t.site_code, 'material', t.material, 'lotNumber', t.lot_number, 'serial', t.serial, 'origin', t.origin, 'quantity', json_build_object('value', trim_scale(t.quantity), 'unit', t.unit), 'remaining', json_build_object('value', trim_scale(t.remaining), 'unit', t.unit), 'supplier', t.supplier, 'supplierLot', t.supplier_lot, 'expiry', t.expiry, 'orderNumber', t.order_number, 'status', t.status, 'version', t.version, 'createdAt', $(instant t.created_at), 'createdBy', t.created_by)"
LINK_JSON="json_build_object('id', k.id, 'parentId', k.parent_id, 'childId', k.child_id, 'kind', k.kind, 'quantity', json_build_object('value', trim_scale(k.quantity), 'unit', k.unit), 'orderNumber', k.order_number, 'operationId', k.operation_id, 'operationSequence', k.operation_seq, 'workUnit', k.work_unit, 'operator', k.operator, 'at', $(instant k.linked_at))"
SHIPMENT_JSON="json_build_object('id', s.id, 'lotId', s.lot_id, 'customer', s.customer, 'delivery', s.delivery, 'quantity', json_build_object('value', trim_scale(s.quantity), 'unit', s.unit), 'shippedAt', $(instant s.shipped_at), 'shippedBy', s.shipped_by)"
peer_sql() { # $1 sample file
  echo '\timing on'
  while IFS=$'\t' read -r dir lot material; do
    if [ "$dir" = backward ]; then near=child_id; far=parent_id; else near=parent_id; far=child_id; fi
    cat <<SQL
WITH RECURSIVE root AS (SELECT * FROM traceability_lot WHERE lot_number = '$lot' AND material = '$material'),
walk(lot_id, hops) AS (
  SELECT id, 0 FROM root
  UNION
  SELECT k.$far, w.hops + 1 FROM traceability_link k JOIN walk w ON k.$near = w.lot_id WHERE w.hops < 50),
nearest AS (SELECT lot_id, min(hops) AS depth FROM walk GROUP BY lot_id ORDER BY 2, 1 LIMIT 10001),
reached AS MATERIALIZED (SELECT lot_id, depth FROM nearest ORDER BY depth, lot_id LIMIT 10000)
SELECT json_build_object(
  'root', (SELECT $LOT_JSON FROM root t),
  'direction', '${dir^^}', 'depth', 50, 'maxLots', 10000,
  'truncated', (SELECT count(*) FROM nearest) > 10000,
  'lots', coalesce((SELECT json_agg(json_build_object('lot', $LOT_JSON, 'depth', r.depth)
                                    ORDER BY r.depth, t.material COLLATE "C", t.lot_number COLLATE "C")
                      FROM reached r JOIN traceability_lot t ON t.id = r.lot_id), '[]'),
  'links', coalesce((SELECT json_agg($LINK_JSON ORDER BY r.depth, k.linked_at, k.id)
                       FROM reached r JOIN traceability_link k ON k.$far = r.lot_id
                      WHERE k.$near IN (SELECT lot_id FROM reached)), '[]'),
  'shipments', coalesce((SELECT json_agg($SHIPMENT_JSON ORDER BY s.shipped_at, s.id)
                           FROM traceability_shipment s
                          WHERE '$dir' = 'forward' AND s.lot_id IN (SELECT lot_id FROM reached)), '[]'));
SQL
  done <"$1"
}
# The peer as it was before 2026-12-02 15:00 (lots and links as rows of the tables, unsorted, no
# start lot, no shipments, no truncation flag), measured warm for comparison only.
plain_sql() { # $1 sample file
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
plain_sql "$WORK/sample.tsv" >"$WORK/plain.sql"
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
load() { log "LOAD $(cut -d' ' -f1-3 /proc/loadavg)"; }

# The API and the peer answer the same document: checked on 10 traces and one hub (as parsed JSON).
same_document() {
  # awk, not grep | head: head closing the pipe early fails the pipeline under pipefail
  { head -5 "$WORK/sample.tsv"; awk '/^forward/ && n++ < 5' "$WORK/sample.tsv"; head -1 "$WORK/hubs.tsv"; } >"$WORK/check.tsv"
  peer_sql "$WORK/check.tsv" | grep -v '^\\timing' >"$WORK/check.sql"
  $PG -d $DB -f "$WORK/check.sql" >"$WORK/check-peer.jsonl"
  : >"$WORK/check-api.jsonl"
  while IFS=$'\t' read -r dir lot material; do
    curl -sf -u "admin:$ADMIN_PASSWORD" "$BASE/api/v1/lots/$lot/trace?direction=$dir&material=$material" >>"$WORK/check-api.jsonl"
    echo >>"$WORK/check-api.jsonl"
  done <"$WORK/check.tsv"
  python3 - "$WORK/check-api.jsonl" "$WORK/check-peer.jsonl" <<'PY' | tee -a "$OUT"
import json, sys
api = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
peer = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
same = sum(a == p for a, p in zip(api, peer))
print(f"CHECK api and psql documents equal: {same} of {len(api)} (psql answered {len(peer)})")
PY
}

# Since 2026-12-02 evening: the traces go through a lean blocking HTTP client (PlainHttp) as
# psql's go through libpq; warm = the second of two passes in one client JVM (server and client
# warm); cold = a cold database (restarted, its files dropped from the OS page cache) behind a server
# JVM warmed on other lots (warmup.tsv), as psql's cold pass has a cold database behind a psql that
# needs no warming. The passes as measured before (JDK HttpClient in a fresh client JVM; cold with a
# fresh server JVM too) run beside them, named *-old-method, unless NO_OLD_METHOD=1.
if [ "${NO_COLD:-}" != 1 ]; then
  if [ "${NO_OLD_METHOD:-}" != 1 ]; then
    log "== API traces, cold, fresh server JVM, JDK HttpClient (the method before 2026-12-02 evening)"
    cold
    start_server
    load
    $BENCH_JDK traces "$BASE" "$ADMIN_PASSWORD" "$WORK/sample.tsv" api-cold-old-method "$WORK/api-cold-old-method.csv" | tee -a "$OUT"
  fi
  log "== API traces, cold database, server JVM warmed on $(wc -l <"$WORK/warmup.tsv") other lots"
  [ -n "$SERVER_PID" ] || start_server
  $BENCH traces "$BASE" "$ADMIN_PASSWORD" "$WORK/warmup.tsv" api-warmup "$WORK/api-warmup.csv" >/dev/null
  cold_db
  curl -sf "$BASE/actuator/health" >/dev/null # the pool notices the restart
  load
  $BENCH traces "$BASE" "$ADMIN_PASSWORD" "$WORK/sample.tsv" api-cold "$WORK/api-cold.csv" | tee -a "$OUT"
fi
[ -n "$SERVER_PID" ] || start_server
log "== API traces, warm (two passes in one client JVM, the second counts)"
load
$BENCH traces "$BASE" "$ADMIN_PASSWORD" "$WORK/sample.tsv" api-warm "$WORK/api-warm.csv" 2 | tee -a "$OUT"
if [ "${NO_OLD_METHOD:-}" != 1 ]; then
  log "== API traces, warm server, one pass of a fresh client JVM with the JDK HttpClient (the method before 2026-12-02 evening)"
  $BENCH_JDK traces "$BASE" "$ADMIN_PASSWORD" "$WORK/sample.tsv" api-warm-old-method "$WORK/api-warm-old-method.csv" | tee -a "$OUT"
fi
log "== API hub traces (two passes in one client JVM, the second counts) and recall reports, warm"
$BENCH traces "$BASE" "$ADMIN_PASSWORD" "$WORK/hubs.tsv" api-hubs "$WORK/api-hubs.csv" 2 | tee -a "$OUT"
cat "$WORK/api-hubs.csv" | tee -a "$OUT"
BIG=$(sort -t, -k4 -n "$WORK/api-hubs.csv" | tail -1 | cut -d, -f2)
$BENCH recall "$BASE" "$ADMIN_PASSWORD" "$BIG" "$(grep -P "\t$BIG\t" "$WORK/hubs.tsv" | cut -f3)" api | tee -a "$OUT"
same_document
stop_server

if [ "${NO_COLD:-}" != 1 ]; then
  log "== psql traces, cold"
  cold
  load
  peer cold "$WORK/peer.sql" "$WORK/sample.tsv"
fi
log "== psql traces, warm (two passes, the second counts)"
$PG -d $DB -o /dev/null -f "$WORK/peer.sql" >/dev/null
load
peer warm "$WORK/peer.sql" "$WORK/sample.tsv"
log "== psql hub traces (two passes, the second counts)"
$PG -d $DB -o /dev/null -f "$WORK/peer-hubs.sql" >/dev/null
peer hubs "$WORK/peer-hubs.sql" "$WORK/hubs.tsv"
cat "$WORK/peer-hubs.tsv" | tee -a "$OUT"
log "== the earlier, lighter psql peer (rows as stored, no sorting, start lot or shipments), warm"
$PG -d $DB -o /dev/null -f "$WORK/plain.sql" >/dev/null
peer plain "$WORK/plain.sql" "$WORK/sample.tsv"
load

{
  echo "# genealogy benchmark $STAMP"
  echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {print $2 " kB"}' /proc/meminfo), $($PG -c 'SHOW server_version'), PGPORT $PGPORT shared_buffers $($PG -c 'SHOW shared_buffers') work_mem $($PG -c 'SHOW work_mem'), load $(cut -d' ' -f1-3 /proc/loadavg)"
  cat "$OUT"
} >"$RESULTS/$STAMP.txt"
echo "== written to bench/genealogy/results/$STAMP.txt"
