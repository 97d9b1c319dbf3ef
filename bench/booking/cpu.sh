#!/usr/bin/env bash
# CPU and commits per request of one or more server jars at a moderate, fixed rate: a probe for
# changes whose effect a saturated run hides (run on purpose, after run.sh has seeded once).
#
# Each variant runs on a fresh copy of the template database TEMPLATE (create it from a seeded
# takt_bench: CREATE DATABASE takt_bench_seed TEMPLATE takt_bench), gets an uncounted warm-up
# (100/s for 10 s, RATE for 20 s), then RATE for 60 s. Reported per request: CPU ticks of the server
# JVM (and of its JIT compiler threads among them) and of all PostgreSQL processes (/proc), and the
# database's commits (pg_stat_database).
#
# Usage: bench/booking/cpu.sh name=server.jar[@VAR=value] ...   (e.g. before=/tmp/a.jar
#        after=/tmp/b.jar after-linger=/tmp/b.jar@TAKT_PERFORMANCE_COUNT_LINGER=50ms)
# Knobs: RATE (150), TEMPLATE (takt_bench_seed), STATE (bench/target/booking/state.json of the
# seeding run), BENCH_JAR (bench/target/takt-bench.jar), PORT (18089). Appends to
# bench/booking/results/<date>-cpu.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
. .mvn/find-jdk.sh
takt_find_jdk

RATE=${RATE:-150}
TEMPLATE=${TEMPLATE:-takt_bench_seed}
STATE=${STATE:-$ROOT/bench/target/booking/state.json}
BENCH="java -jar ${BENCH_JAR:-bench/target/takt-bench.jar}"
PORT=${PORT:-18089}
DB=takt_bench
PG="psql -h 127.0.0.1 -p 5432 -U postgres -v ON_ERROR_STOP=1 -qAt"
OUT=$ROOT/bench/booking/results/$(date -u +%Y-%m-%dT%H%M)-cpu.txt
WORK=$ROOT/bench/target/booking
mkdir -p "$WORK"

# utime + stime in clock ticks, summed over /proc stat files; a process gone meanwhile counts 0.
# The fields are counted after the command name, which may hold spaces ("(C2 CompilerThre)"):
# utime and stime are the 12th and 13th from there.
stat_ticks() {
  [ $# -gt 0 ] || { echo 0; return; }
  { cat "$@" 2>/dev/null || true; } | sed 's/.*) //' | awk '{s += $12 + $13} END {print s + 0}'
}
ticks() { stat_ticks "/proc/$1/stat"; }
# The JIT compiler threads' share: a server in its first minutes still compiles, which a long-running
# one does not, and within 60 s that varies more than the changes measured here. The server runs
# with a fixed set of compiler threads (-XX:-UseDynamicNumberOfCompilerThreads), so none exits unseen.
jit_ticks() {
  local stats=() task
  for task in /proc/$1/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in
      "C1 Compiler"* | "C2 Compiler"*) stats+=("$task/stat") ;;
    esac
  done
  stat_ticks "${stats[@]}"
}
postgres_ticks() {
  local stats=() p
  for p in $(pgrep -u postgres); do stats+=("/proc/$p/stat"); done
  stat_ticks "${stats[@]}"
}
commits() { $PG -c "SELECT xact_commit FROM pg_stat_database WHERE datname = '$DB'"; }

SERVER_PID=
stop_server() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }
trap stop_server EXIT

{
  echo "Takt booking CPU probe, $(date -u +%Y-%m-%dT%H%M) UTC, $RATE requests/s for 60 s"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
} | tee -a "$OUT"
for variant in "$@"; do
  name=${variant%%=*}
  spec=${variant#*=}
  jar=${spec%%@*}
  env_setting=
  [ "$spec" = "$jar" ] || env_setting=${spec#*@}
  $PG -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB TEMPLATE $TEMPLATE"
  env $env_setting SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
    SPRING_DATASOURCE_USERNAME=postgres TAKT_DEMO_DATA=off \
    TAKT_ADMIN_PASSWORD="probe-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
    SERVER_ADDRESS=127.0.0.1 SERVER_PORT=$PORT java -XX:-UseDynamicNumberOfCompilerThreads \
    -jar "$jar" >"$WORK/cpu-$name.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 120); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
    sleep 1
  done
  $PG -d $DB -c "VACUUM ANALYZE"
  BENCH_WARMUP=100:10,$RATE:20 $BENCH mix "http://127.0.0.1:$PORT" "$STATE" "warm-$name" 10 "$RATE" >/dev/null
  j0=$(ticks $SERVER_PID); k0=$(jit_ticks $SERVER_PID); p0=$(postgres_ticks); c0=$(commits)
  t0=$(date +%s.%N)
  result=$($BENCH mix "http://127.0.0.1:$PORT" "$STATE" "cpu-$name" 60 "$RATE" | grep '^RESULT')
  j1=$(ticks $SERVER_PID); k1=$(jit_ticks $SERVER_PID); p1=$(postgres_ticks); c1=$(commits)
  t1=$(date +%s.%N)
  stop_server
  echo "$result" | tee -a "$OUT"
  awk -v name="$name" -v n="$(echo "$result" | awk '{print $4}')" -v j=$((j1 - j0)) \
    -v k=$((k1 - k0)) -v p=$((p1 - p0)) -v c=$((c1 - c0)) -v t0="$t0" -v t1="$t1" 'BEGIN {
      s = t1 - t0; hz = 100
      printf "CPU %s: %d requests in %.1f s; server %.2f ms/request (%.0f %% of a core), of which JIT compiler %.2f, without it %.2f; PostgreSQL %.2f ms/request (%.0f %%), commits %.2f/request\n",
        name, n, s, j * 1000 / hz / n, j / hz / s * 100, k * 1000 / hz / n, (j - k) * 1000 / hz / n,
        p * 1000 / hz / n, p / hz / s * 100, c / n }' | tee -a "$OUT"
done
