#!/bin/sh
# The verify API under load, over real HTTP: HOTP users, one connection per client, 1, 8 and 32
# clients, each level followed by the same server's liveness endpoint for the ratio. Runs the
# benchmark RUNS times (default 3) on H2 and on PostgreSQL (embedded) and prints the load average
# before each run. Usage: bench/verify.sh [seconds per level] [runs]
set -eu
cd "$(dirname "$0")/.."
SECONDS_PER_LEVEL=${1:-10}
RUNS=${2:-3}
./mvnw -q -Pbench -DskipTests test-compile
for db in h2 postgresql; do
	run=1
	while [ "$run" -le "$RUNS" ]; do
		echo "== $db run $run; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
		./mvnw -q -Pbench -DskipTests exec:java -Dbench.main=io.keyfob.bench.VerifyBenchmark \
			-Dexec.args="--db=$db --seconds=$SECONDS_PER_LEVEL" | grep -E '^(database|clients)'
		run=$((run + 1))
	done
done
