#!/usr/bin/env bash
# Every benchmark of docs/benchmarks.md's table, each against its baseline in the same run, on MariaDB/MySQL, each
# benchmark JVM with a 512 MB heap; writes one Markdown table to target/benchmarks/run-<scale>/table.md.
#
#   bench/run.sh [--scale 0.1] [--growth] [--db cordon_bench] [--scratch-db cordon_bench_scratch] [--heap 512m]
#   bench/run.sh --report 0.1,0.3,1      # the table and growth from runs already made
#   bench/run.sh --scale 0.3 --steps large-data-set,recertification   # some steps only, added to that scale's run
#
# --db holds the large data set (generated on the first run, kept; regenerated when it holds another scale);
# --scratch-db is dropped and created again for the benchmarks that need an empty database (onboarding,
# re-certification, start-up). Both must exist or be creatable by the user. --growth runs the scales 0.1, 0.3 and 1
# and adds the growth table. Database connection: CORDON_DB_HOST, CORDON_DB_PORT, CORDON_DB_USER, CORDON_DB_PASSWORD
# (defaults 127.0.0.1, 3306, cordon, cordon). Maven: MVN (default "./mvnw -B -ntp").
set -uo pipefail
cd "$(dirname "$0")/.."

SCALES=1
DB=cordon_bench
SCRATCH=cordon_bench_scratch
HEAP=512m
REPORT_ONLY=
STEPS=
COMPILE=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALES="$2"; shift 2 ;;
    --growth) SCALES="0.1 0.3 1"; shift ;;
    --db) DB="$2"; shift 2 ;;
    --scratch-db) SCRATCH="$2"; shift 2 ;;
    --heap) HEAP="$2"; shift 2 ;;
    --report) REPORT_ONLY="${2//,/ }"; shift 2 ;;
    --steps) STEPS=",$2,"; shift 2 ;;
    --no-compile) COMPILE=; shift ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
done
HOST="${CORDON_DB_HOST:-127.0.0.1}"
PORT="${CORDON_DB_PORT:-3306}"
DB_USER="${CORDON_DB_USER:-cordon}"
DB_PASSWORD="${CORDON_DB_PASSWORD:-cordon}"
MVN="${MVN:-./mvnw -B -ntp}"
sql() { mysql -h"$HOST" -P"$PORT" -u"$DB_USER" -p"$DB_PASSWORD" -N -B "$@"; }
load() { cut -d' ' -f1-3 /proc/loadavg | sed 's# # / #g'; }

table() {
  local dirs=()
  for s in "$@"; do dirs+=("target/benchmarks/run-$s"); done
  java -cp target/test-classes io.cordon.bench.BenchmarkTable "${dirs[@]}"
}

if [ -n "$REPORT_ONLY" ]; then
  table $REPORT_ONLY
  exit $?
fi

fresh_database() {
  sql -e "drop database if exists \`$1\`; create database \`$1\` character set utf8mb4 collate utf8mb4_bin;"
}

# One benchmark step: a failsafe run of the given classes on the given database; time, status and heap recorded.
step() {
  local name="$1" database="$2" tests="$3"; shift 3
  if [ -n "$STEPS" ] && [[ "$STEPS" != *",$name,"* ]]; then return; fi
  local started=$SECONDS status=ok
  echo "== $name ($tests) on $database, $(date -u +%H:%M:%S), load $(load)"
  $MVN failsafe:integration-test@default failsafe:verify@default -Pbench -Pmysql-it -Dbpmnlint.skip=true \
    -Dit.db.name="$database" -Dit.db.host="$HOST" -Dit.db.port="$PORT" -Dit.db.user="$DB_USER" \
    -Dit.db.password="$DB_PASSWORD" -Dit.test="$tests" -Dbench.heap="$HEAP" -Dbench.summary="$PWD/$RUN/summary.tsv" \
    "-Dbench.jvm=-XX:+ExitOnOutOfMemoryError -Xlog:gc:file=$PWD/$RUN/gc-$name-%p.log" \
    -Dcordon.bench.scale="$SCALE" "$@" > "$RUN/$name.log" 2>&1 || status=failed
  if grep -q "OutOfMemoryError" "$RUN/$name.log"; then status=out-of-memory; fi
  cp target/benchmarks/*.md target/*-benchmark.md "$RUN/" 2>/dev/null
  echo "step.$name.seconds=$((SECONDS - started))" >> "$RUN/meta.properties"
  echo "step.$name.status=$status" >> "$RUN/meta.properties"
  echo "   $status in $((SECONDS - started)) s"
}

if [ -n "$COMPILE" ]; then
  echo "== compiling"
  $MVN -q test-compile -Dbpmnlint.skip=true || exit 1
fi
wanted() { [ -z "$STEPS" ] || [[ "$STEPS" == *",$1,"* ]]; }

for SCALE in $SCALES; do
  RUN="target/benchmarks/run-$SCALE"
  if [ -z "$STEPS" ]; then rm -rf "$RUN" target/benchmarks/*.md; fi
  mkdir -p "$RUN"
  START=$SECONDS
  disclosures=$(awk -v s="$SCALE" 'BEGIN { d = int(1000000 * s); print (d < 1000 ? 1000 : d) }')
  partners=$(awk -v s="$SCALE" 'BEGIN { p = int(10000 * s); print (p < 100 ? 100 : p) }')
  sequential=$(awk -v s="$SCALE" 'BEGIN { n = int(50 * s); print (n < 10 ? 10 : n) }')
  per_driver=$(awk -v s="$SCALE" 'BEGIN { n = int(15 * s); print (n < 3 ? 3 : n) }')
  [ -n "$STEPS" ] && [ -f "$RUN/meta.properties" ] || {
    echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "scale=$SCALE"
    echo "cpus=$(nproc)"
    echo "cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
    echo "memory=$(free -g | awk '/^Mem:/ { print $2 " GiB" }')"
    echo "load.before=$(load)"
    echo "java=$(java -version 2>&1 | head -1)"
    echo "database=$(sql -e 'select version()' 2>/dev/null) ($(sql -e 'select @@innodb_buffer_pool_size div 1048576' 2>/dev/null) MiB buffer pool, innodb_flush_log_at_trx_commit $(sql -e 'select @@innodb_flush_log_at_trx_commit' 2>/dev/null))"
    echo "camunda=$(sed -n 's#.*<camunda.version>\(.*\)</camunda.version>.*#\1#p' pom.xml)"
    echo "boot=$(grep -A2 '<artifactId>spring-boot-starter-parent' pom.xml | sed -n 's#.*<version>\(.*\)</version>.*#\1#p')"
    echo "heap=$HEAP"
    echo "db=$DB"
    echo "scratch=$SCRATCH"
  } > "$RUN/meta.properties"

  # The large data set: kept when it has this scale's shape, generated again otherwise.
  if wanted large-data-set; then
  marker=$(sql "$DB" -e "select next_value from code_sequence where name = 'bench-register-data-set'" 2>/dev/null)
  if [ -n "$marker" ] && [ "$marker" != "$disclosures" ]; then
    echo "== $DB holds the data set of $marker disclosures, not $disclosures: dropping it"
    fresh_database "$DB"
  elif ! sql "$DB" -e "select 1" > /dev/null 2>&1; then
    fresh_database "$DB"
  fi
  step large-data-set "$DB" "LineageQueryBenchmark,EvidenceChainBenchmark,TasklistQueryBenchmark"
  fi
  if wanted onboarding; then fresh_database "$SCRATCH"; fi
  step onboarding "$SCRATCH" OnboardingBenchmark -Dbench.sequential="$sequential" -Dbench.perDriver="$per_driver"
  if wanted recertification; then fresh_database "$SCRATCH"; fi
  step recertification "$SCRATCH" RecertificationBenchmark -Dbench.partners="$partners" -Dbench.senders=4 \
    -Dcamunda.bpm.job-execution.core-pool-size=2 -Dcamunda.bpm.job-execution.max-pool-size=2 \
    -Dcamunda.bpm.job-execution.queue-capacity=10 -Dcamunda.bpm.job-execution.max-jobs-per-acquisition=10
  step startup "$SCRATCH" StartupBenchmark
  echo "load.after=$(load)" >> "$RUN/meta.properties"
  echo "total.seconds=$((SECONDS - START))" >> "$RUN/meta.properties"
  table "$SCALE"
done
if [ "$(echo $SCALES | wc -w)" -gt 1 ]; then
  table $SCALES
fi
