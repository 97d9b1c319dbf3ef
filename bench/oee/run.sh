#!/usr/bin/env bash
# The OEE benchmark (run on purpose, never by the build): a PostgreSQL database takt_oee on its own
# cluster (port PGPORT, created here if missing, so that the cold passes can restart it without
# disturbing anyone else's database) migrated and seeded by the server (site, 200 work units, shift
# calendar, reasons), then a year of raw machine events and Takt's pre-aggregated buckets written
# by generate.sql. Measures three dashboard views through the API (cold and warm) and the same OEE
# computed by one plain SQL statement over the raw events (peer.sql, cold and warm), and checks
# that both give identical figures. Prints RESULT lines and writes bench/oee/results/<date>.txt.
#
# Knobs (environment): UNITS (200), FIRST_DAY (2025-01-01), DAYS (365), PGPORT (5434),
# PORT (18091), REPEAT (7 warm API requests per view), PEER_REPEAT (1 warm peer run per view),
# NO_PEER=1 (API only, compared with the peer's CSV files of the last run),
# REUSE=1 (keep the loaded database), LOAD_ONLY=1 (stop after loading), SKIP_BUILD=1, NO_COLD=1
# (skip the cold passes: fresh JVMs), NO_COLD_DB=1 (skip the cold-database pass behind warm JVMs),
# DB (takt_oee), APP_JAR and BENCH_JAR (copies of the jars, so that a build may run meanwhile),
# SERVER_JAVA_OPTS (e.g. a flight recording).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
. .mvn/find-jdk.sh
takt_find_jdk

UNITS=${UNITS:-200}
FIRST_DAY=${FIRST_DAY:-2025-01-01}
DAYS=${DAYS:-365}
PGPORT=${PGPORT:-5434}
PORT=${PORT:-18091}
REPEAT=${REPEAT:-7}
PEER_REPEAT=${PEER_REPEAT:-1}
SITE=OEEB
DB=${DB:-takt_oee}
CLUSTER=oee
PGVER=$(ls /etc/postgresql | sort -n | tail -1)
PG="psql -h 127.0.0.1 -p $PGPORT -U postgres -v ON_ERROR_STOP=1 -qAt"
WORK=$ROOT/bench/target/oee
RESULTS=$ROOT/bench/oee/results
STAMP=$(date -u +%Y-%m-%dT%H%M)
mkdir -p "$WORK" "$RESULTS"
OUT=$WORK/out.txt
: >"$OUT"
log() { echo "$*" | tee -a "$OUT"; }

# A PostgreSQL started from here must not inherit the caller's open files: under `flock
# /work/bench.lock`, a postmaster holding the lock's descriptor would keep the lock forever.
closed_fds() { ( for fd in /proc/$BASHPID/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done; "$@" ); }
if ! pg_lsclusters -h | awk '{print $2}' | grep -qx $CLUSTER; then
  pg_createcluster "$PGVER" $CLUSTER --port "$PGPORT" >/dev/null
  # local benchmark cluster: trust on the loopback, like the test server
  sed -i 's#^host\s\+all\s\+all\s\+127.0.0.1/32\s\+\S\+#host all all 127.0.0.1/32 trust#' \
    "/etc/postgresql/$PGVER/$CLUSTER/pg_hba.conf"
fi
closed_fds pg_ctlcluster --skip-systemctl-redirect "$PGVER" $CLUSTER start 2>/dev/null || true

if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -q -pl takt-app -am package -DskipTests
  ./mvnw -q -Pbench -pl bench -am package -DskipTests
fi
APP_JAR=${APP_JAR:-takt-app/target/takt-app.jar}
BENCH_JAR=${BENCH_JAR:-bench/target/takt-bench.jar}
BENCH="java -Dloader.main=dev.takt.bench.OeeBenchmark -jar $BENCH_JAR"
bench() { java ${BENCH_OPTS:-} -Dloader.main=dev.takt.bench.OeeBenchmark -jar "$BENCH_JAR" "$@"; }

SERVER_PID=
stop_server() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }
trap stop_server EXIT
start_server() {
  stop_server
  SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$PGPORT/$DB SPRING_DATASOURCE_USERNAME=postgres \
    TAKT_DEMO_DATA=off TAKT_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    SERVER_ADDRESS=127.0.0.1 SERVER_PORT=$PORT \
    java ${SERVER_JAVA_OPTS:-} -jar "$APP_JAR" >>"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 180); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && return 0
    sleep 1
  done
  echo "server did not start"; tail -50 "$WORK/server.log"; exit 1
}
BASE=http://127.0.0.1:$PORT
# Cold: PostgreSQL restarted (empty shared buffers), the OS page cache dropped.
restart_pg() {
  closed_fds pg_ctlcluster --skip-systemctl-redirect "$PGVER" $CLUSTER restart
  sync; echo 3 >/proc/sys/vm/drop_caches 2>/dev/null || log "NOTE could not drop the OS page cache"
}

: >"$WORK/server.log"
if [ "${REUSE:-}" != 1 ]; then
  ADMIN_PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  $PG -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  start_server # migrates the schema
  echo "$ADMIN_PASSWORD" >"$WORK/admin-password"
  $BENCH seed "$BASE" "$ADMIN_PASSWORD" $SITE "$UNITS" | tee -a "$OUT"
  stop_server
  log "== generating $UNITS work units x $DAYS days from $FIRST_DAY"
  t0=$(date +%s)
  $PG -d $DB -v site=$SITE -v units="$UNITS" -v first_day="$FIRST_DAY" -v days="$DAYS" \
    -f bench/oee/generate.sql | tee -a "$OUT"
  log "LOAD seconds=$(( $(date +%s) - t0 ))"
  $PG -d $DB -c "VACUUM ANALYZE"
fi
[ "${LOAD_ONLY:-}" = 1 ] && exit 0
ADMIN_PASSWORD=$(cat "$WORK/admin-password")
log "DATA $($PG -d $DB -c "SELECT 'raw_state=' || (SELECT count(*) FROM oee_raw_state) || ' raw_count=' || (SELECT count(*) FROM oee_raw_count) || ' stop_buckets=' || (SELECT count(*) FROM performance_stop_bucket) || ' count_buckets=' || (SELECT count(*) FROM performance_count_bucket) || ' stop_days=' || (SELECT count(*) FROM performance_stop_day) || ' size=' || pg_size_pretty(pg_database_size(current_database()))")"

# The views: the year dashboard (daily OEE per work unit over the site, the four figures a heat map
# draws), a quarter of one work unit by day, and one week's shifts per work unit (the drill-down
# from the year). Ranges in local time. The comparison reads every view whole, as CSV.
tz() { TZ=Europe/Berlin date -d "$1" -u +%Y-%m-%dT%H:%M:%SZ; }
LAST_DAY=$(date -d "$FIRST_DAY + $DAYS days" +%F)
Q_FROM=$(date -d "$FIRST_DAY + 91 days" +%F)
Q_TO=$(date -d "$Q_FROM + 91 days" +%F)
W_FROM=$(date -d "$FIRST_DAY + 140 days" +%F)
W_FROM=$(date -d "$W_FROM - $(( $(date -d "$W_FROM" +%u) - 1 )) days" +%F) # a Monday
W_TO=$(date -d "$W_FROM + 7 days" +%F)
# The year is asked as the dashboard's heat map asks it: layout=grid, four figures.
VIEWS=(
  "year|$(tz "$FIRST_DAY 00:00")|$(tz "$LAST_DAY 00:00")|day|site:$SITE|workUnit||availability,performance,quality,oee|grid"
  "quarter|$(tz "$Q_FROM 00:00")|$(tz "$Q_TO 00:00")|day|workUnit:$SITE/U001|none|U001"
  "week-shifts|$(tz "$W_FROM 00:00")|$(tz "$W_TO 00:00")|shift|site:$SITE|workUnit|"
)
api_view() { # $1 label $2 repeat $3 view
  IFS='|' read -r name from to group scope by unit fields layout <<<"$3"
  bench view "$BASE" "$ADMIN_PASSWORD" "$1-$name" "$2" "$WORK/api-$name.csv" \
    "scope=$scope&from=$from&to=$to&groupBy=$group&by=$by${fields:+&fields=$fields}${layout:+&layout=$layout}" | tee -a "$OUT"
}
peer_view() { # $1 label $2 view
  IFS='|' read -r name from to group scope by unit fields layout <<<"$2"
  ms=$($PG -d $DB -v site=$SITE -v from="$from" -v to="$to" -v grp="$group" -v unit="$unit" \
    -v out="$WORK/sql-$name.csv" -f bench/oee/peer.sql | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1)
  log "RESULT $1-$name ms=$ms rows=$(( $(wc -l <"$WORK/sql-$name.csv") - 1 ))"
}

# The stop day rows sorted into loss classes: the server builds them on start after a load (or a
# change of the reason catalogue); the views below read them.
start_server
t0=$(date +%s%N)
for _ in $(seq 600); do
  [ "$($PG -d $DB -c "SELECT count(*) FROM performance_stop_classes WHERE site = '$SITE' AND fingerprint <> ''")" = 1 ] && break
  sleep 0.5
done
log "CLASSROWS $(grep -o 'rebuilt: [0-9]* rows in [0-9]* ms' "$WORK/server.log" | tail -1 || echo 'already built')" \
  "waited_ms=$(( ($(date +%s%N) - t0) / 1000000 ))"
stop_server

if [ "${NO_COLD:-}" != 1 ]; then
  log "== cold: PostgreSQL restarted and the OS page cache dropped before each; a fresh server JVM"
  for v in "${VIEWS[@]}"; do
    stop_server; restart_pg; start_server
    api_view api-cold 1 "$v"
  done
  stop_server
  if [ "${NO_PEER:-}" != 1 ]; then
    for v in "${VIEWS[@]}"; do
      restart_pg
      peer_view psql-cold "$v"
    done
  fi
fi
log "== warm: API $REPEAT requests per view (median) after $REPEAT not counted, psql $PEER_REPEAT runs per view (the last counts)"
start_server
for v in "${VIEWS[@]}"; do
  # a running server has compiled its code: the first requests of a fresh JVM do not count
  api_view api-warmup "$REPEAT" "$v"
  # a new client JVM: it parses the view's last answer a few times first (its own warm-up)
  BENCH_OPTS=-DwarmClient=true api_view api-warm "$REPEAT" "$v"
  # the same through the JDK's HttpClient, the client of the runs before 2026-12-03
  BENCH_OPTS="-DwarmClient=true -DjdkClient=true" api_view api-warm-jdkclient "$REPEAT" "$v"
  # a warm client as well: the same JVM sends the view REPEAT times first, not counted
  BENCH_OPTS="-DwarmClient=true -DwarmupRequests=$REPEAT" api_view api-warm-client "$REPEAT" "$v"
done
if [ "${NO_PEER:-}" != 1 ]; then
  for v in "${VIEWS[@]}"; do
    for _ in $(seq "$PEER_REPEAT"); do peer_view psql-warm "$v"; done
  done
fi
# Cold database behind warm JVMs: the server keeps running after the warm pass (its code compiled),
# PostgreSQL is restarted and the OS page cache dropped before each view, and the client parses
# the view's last answer a few times before its request. What a dashboard meets when its data has
# fallen out of the caches; the pass above also times a fresh JVM's first request.
if [ "${NO_COLD_DB:-}" != 1 ]; then
  log "== cold database, warm JVMs: PostgreSQL restarted and the OS page cache dropped before each"
  for v in "${VIEWS[@]}"; do
    restart_pg
    BENCH_OPTS=-DwarmClient=true api_view api-colddb 1 "$v"
  done
fi
log "== identical results (API CSV vs the peer's, per group and work unit)"
for v in "${VIEWS[@]}"; do
  name=${v%%|*}
  $BENCH compare "$name" "$WORK/api-$name.csv" "$WORK/sql-$name.csv" | tee -a "$OUT"
done
{
  echo "# OEE benchmark $STAMP"
  echo "# machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# $(java -version 2>&1 | head -1); PostgreSQL $($PG -c 'SHOW server_version')"
  cat "$OUT"
} >"$RESULTS/$STAMP.txt"
echo "results: bench/oee/results/$STAMP.txt"
