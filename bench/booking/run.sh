#!/usr/bin/env bash
# The booking benchmark (run on purpose, never by the build): a fresh PostgreSQL database
# takt_bench on 127.0.0.1:5432, the server jar against it, a bench plant seeded through the API,
# the terminal mix at a constant 500 requests/s (3 runs, median) and in rising steps, then the same
# SQL transaction mix through pgbench. Prints a summary and writes bench/booking/results/<date>.txt.
#
# Knobs (environment): ORDERS (100000), SEED_WORKERS (8), RUNS (3), RUN_SECONDS (60), STEP_SECONDS (20),
# RATES (50,100,150,200,250,300,350,400,450,500,600,750,1000,1500,2000,3000; 400, 450 and 600 since
# 2026-12-03, 150, 250 and 350 since that evening), PORT (18089), REUSE=1 (keep the seeded database
# and bench/target/booking/state.json of the last run), SKIP_BUILD=1, SEED_ONLY=1 (seed, then stop),
# SERVER_JAR (takt-app/target/takt-app.jar: run a copied jar, so that a build meanwhile cannot replace
# it), BENCH_JAR (bench/target/takt-bench.jar, likewise), SERVER_JAVA_OPTS (extra JVM options of the
# server, e.g. a JFR recording), WARMUP_STEP_SECONDS (10; see below). Bounded: every phase has a
# fixed duration; the server is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
. .mvn/find-jdk.sh
takt_find_jdk

ORDERS=${ORDERS:-100000}
SEED_WORKERS=${SEED_WORKERS:-8}
RUNS=${RUNS:-3}
SECONDS_PER_RUN=${RUN_SECONDS:-60}
STEP_SECONDS=${STEP_SECONDS:-20}
RATES=${RATES:-50,100,150,200,250,300,350,400,450,500,600,750,1000,1500,2000,3000}
PORT=${PORT:-18089}
SERVER_JAR=${SERVER_JAR:-takt-app/target/takt-app.jar}
DB=takt_bench
PG="psql -h 127.0.0.1 -p 5432 -U postgres -v ON_ERROR_STOP=1 -qAt"
WORK=$ROOT/bench/target/booking
RESULTS=$ROOT/bench/booking/results
STAMP=$(date -u +%Y-%m-%dT%H%M)
mkdir -p "$WORK" "$RESULTS"
ADMIN_PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -q -pl takt-app -am package -DskipTests
  ./mvnw -q -Pbench -pl bench -am package -DskipTests
fi

[ "${REUSE:-}" = 1 ] || $PG -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

SERVER_PID=
stop_server() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }
trap stop_server EXIT
# A fresh server per phase: an overloaded phase leaves a backlog of requests the clients have
# given up on, which would otherwise be charged to the next phase. And a vacuumed database, as the
# pgbench phase gets (since 2026-12-03 16:45): this machine kind's PostgreSQL runs with autovacuum
# off, so each phase's bookings leave their dead rows (about 30,000 per queue table after a minute
# at 500/s) to the next, which a plant's database, with autovacuum on, would have cleared.
start_server() {
  stop_server
  $PG -d $DB -c "VACUUM ANALYZE"
  SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
    TAKT_DEMO_DATA=off TAKT_ADMIN_PASSWORD="$ADMIN_PASSWORD" SERVER_ADDRESS=127.0.0.1 SERVER_PORT=$PORT \
    java ${SERVER_JAVA_OPTS:-} -jar "$SERVER_JAR" >>"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 120); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && return 0
    sleep 1
  done
  echo "server did not start"; tail -50 "$WORK/server.log"; exit 1
}
BENCH="java -jar ${BENCH_JAR:-bench/target/takt-bench.jar}"
BASE=http://127.0.0.1:$PORT
OUT=$WORK/out.txt
if [ "${ONLY_PGBENCH:-}" = 1 ]; then # keep the HTTP results of the last run
  grep -E "^(SEED|RESULT)" "$OUT" >"$WORK/out.keep"
  mv "$WORK/out.keep" "$OUT"
else
  : >"$OUT"
fi

if [ "${ONLY_PGBENCH:-}" != 1 ]; then
: >"$WORK/server.log"
start_server

if [ "${REUSE:-}" = 1 ]; then
  ORDERS=$(sed -E 's/^\{"orders":([0-9]+).*/\1/' "$WORK/state.json")
  grep '^SEED' "$WORK/seed.txt" | tee -a "$OUT"
else
  echo "== seeding $ORDERS orders through the API ($SEED_WORKERS workers)"
  $BENCH seed "$BASE" "$ADMIN_PASSWORD" "$ORDERS" "$SEED_WORKERS" "$WORK/state.json" | tee "$WORK/seed.txt" | tee -a "$OUT"
fi
$PG -d $DB -c "VACUUM ANALYZE"
[ "${SEED_ONLY:-}" = 1 ] && { echo "== seeded; SEED_ONLY=1 stops here"; exit 0; }

# Each run's server is started fresh; before it is measured it gets a ramp of WARMUP_STEP_SECONDS
# steps at 100 to 400/s that is not counted (WARMUP_STEP_SECONDS=0: 5 s at 100/s, as before
# 2026-12-03). Without it the first seconds of a JIT-cold server at 500/s build a queue that a
# server running near its capacity does not work off within the run, and the run measures that
# start. The ramp runs in the measuring client's JVM (BENCH_WARMUP, since 2026-12-03 midday; before,
# a client of its own), so that the client's own JIT warm-up is not charged to the server either.
# (A further 20 s at 500/s in the ramp did not help: results/2026-12-03T0937.txt.)
WARMUP_STEP_SECONDS=${WARMUP_STEP_SECONDS:-10}
W=$WARMUP_STEP_SECONDS
RAMP="100:$W,200:$W,300:$W,400:$W"
[ "$W" != 0 ] || RAMP="100:5"
echo "== HTTP mix at 500/s, ${SECONDS_PER_RUN}s x $RUNS, each after an uncounted ramp ($RAMP, rate:seconds)"
: >"$WORK/timeline.txt"
for r in $(seq "$RUNS"); do
  [ "$r" = 1 ] || start_server
  BENCH_WARMUP=$RAMP BENCH_TIMELINE=$WORK/timeline.txt $BENCH mix "$BASE" "$WORK/state.json" "http-fixed-$r" "$SECONDS_PER_RUN" 500 | tee -a "$OUT"
done
# The steps get the same uncounted ramp (since 2026-12-03 evening; before, 5 s at 100/s): without
# it their first minute fell into the fresh server's JIT compilation, which in the minute after a
# 30 s warm-up at 150/s took about a quarter of its CPU (results/2026-12-03T1320-jit.txt and docs).
echo "== HTTP mix in steps of ${STEP_SECONDS}s: $RATES (stops above p99 100 ms or on errors), after the ramp"
start_server
BENCH_WARMUP=$RAMP BENCH_TIMELINE=$WORK/timeline.txt $BENCH mix "$BASE" "$WORK/state.json" http-step "$STEP_SECONDS" "$RATES" 100 | tee -a "$OUT"
echo "== diagnosis: the same steps without dispatch-list reads (bookings 6 : order reads 1)"
start_server
BENCH_WARMUP=$RAMP $BENCH mix "$BASE" "$WORK/state.json" http-nodisp "$STEP_SECONDS" "$RATES" 100 6,0,1 | tee -a "$OUT"
stop_server
else
  # pgbench phase only, after a run whose HTTP results are in out.txt
  ORDERS=$(sed -E 's/^\{"orders":([0-9]+).*/\1/' "$WORK/state.json")
fi

echo "== pgbench: the same transactions, weighted 6/3/1"
B=$ROOT/bench/booking
$PG -d $DB -f $B/terminals.sql
$PG -d $DB -c "VACUUM ANALYZE"
N=$(( ORDERS ))
# the scripts' temporary tables are created if missing; their notices would fill the log
export PGOPTIONS="-c client_min_messages=warning"
PGB="pgbench -h 127.0.0.1 -p 5432 -U postgres -n -M prepared -D orders=$N -f $B/booking.sql@6 -f $B/dispatch.sql@3 -f $B/order.sql@1"
rm -f "$WORK"/pgb-*
(cd "$WORK" && $PGB -c 32 -j 2 -R 500 -T "$SECONDS_PER_RUN" -l --log-prefix=pgb-fixed $DB) | tee -a "$OUT" | grep -E "tps|latency|failed|processed" || true
(cd "$WORK" && $PGB -c 16 -j 2 -T "$SECONDS_PER_RUN" -l --log-prefix=pgb-max $DB) | tee -a "$OUT" | grep -E "tps|latency|failed|processed" || true

# Per-transaction logs: column 3 = latency in microseconds (from the scheduled start under -R).
pct() { # prefix -> "count p50 p99 p99.9 (ms)"
  cat "$WORK"/$1.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {
    n=NR; printf "%d %.2f %.2f %.2f", n, a[int(n*0.50)]/1000, a[int(n*0.99)]/1000, a[int(n*0.999)]/1000 }'
}
read -r FN FP50 FP99 FP999 <<<"$(pct pgb-fixed)"
read -r MN MP50 MP99 MP999 <<<"$(pct pgb-max)"
PGB_MAX=$(grep -E "^tps" "$OUT" | tail -1 | sed -E 's/tps = ([0-9.]+).*/\1/')

SUMMARY=$RESULTS/$STAMP.txt
# Median of column $1 over the fixed runs, and the highest passing step of the runs labelled $1;
# either may find nothing (e.g. with RUNS=0), which is not an error.
fixed_median() {
  grep '^RESULT http-fixed' "$OUT" | awk -v c="$1" '{print $c}' | sort -n |
    awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}' || true
}
max_passing() { grep "^RESULT $1 " "$OUT" | awk '$5==0 && $8<=100 {m=$3} END {print m+0}' || true; }
{
  echo "Takt booking benchmark, $STAMP UTC"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo "PostgreSQL: $($PG -c 'SHOW server_version')   JDK: $(java -version 2>&1 | head -1)"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  grep '^SEED' "$OUT"
  echo
  echo "label            rate  sent  errors  achieved  p50_ms  p99_ms  p99.9_ms  max_ms"
  grep '^RESULT' "$OUT" | cut -d' ' -f2- | awk '{printf "%-14s %6s %6s %6s %9s %7s %7s %9s %7s\n", $1,$2,$3,$4,$5,$6,$7,$8,$9}'
  echo
  FIXED=$(fixed_median 8)
  FIXED50=$(fixed_median 7)
  FIXED999=$(fixed_median 9)
  ERRS=$(grep '^RESULT http-fixed' "$OUT" | awk '{s+=$5} END {print s+0}' || true)
  MAXOK=$(max_passing http-step)
  MAXND=$(max_passing http-nodisp)
  echo "HTTP at 500/s (median of $RUNS): p50 $FIXED50 ms  p99 $FIXED ms  p99.9 $FIXED999 ms  errors $ERRS"
  echo "HTTP max rate with p99 <= 100 ms and no errors (steps of ${STEP_SECONDS}s): $MAXOK/s"
  echo "HTTP without dispatch-list reads (6:1), max rate with p99 <= 100 ms and no errors: $MAXND/s"
  echo "pgbench at 500/s (-c 32 -j 2, latency from schedule): n $FN  p50 $FP50 ms  p99 $FP99 ms  p99.9 $FP999 ms"
  echo "pgbench unthrottled (-c 16 -j 2): $PGB_MAX tx/s  p50 $MP50 ms  p99 $MP99 ms"
  echo "ratio HTTP max / pgbench max: $(awk -v a="$MAXOK" -v b="$PGB_MAX" 'BEGIN {printf "%.3f", a/b}')"
} | tee "$SUMMARY"
# Per second of each fixed run: requests, how many took over 50 ms, the slowest (ms).
[ -s "$WORK/timeline.txt" ] && cp "$WORK/timeline.txt" "$RESULTS/$STAMP-timeline.txt" || true
