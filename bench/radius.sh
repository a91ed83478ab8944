#!/bin/sh
# The RADIUS server under load with radclient (freeradius-utils): right codes of HOTP users at 1,
# 8 and 32 outstanding requests, each level followed by the verify API and the liveness endpoint
# of the same server. Prints the rate of each, and every answer that was not an accept (must be
# 0). Runs RUNS times (default 1) on each database in DBS (default "h2 postgresql") and prints the
# load average before each run.
# Usage: bench/radius.sh [seconds per level] [runs] [databases]
set -eu
cd "$(dirname "$0")/.."
SECONDS_PER_LEVEL=${1:-10}
RUNS=${2:-1}
DBS=${3:-h2 postgresql}
./mvnw -q -Pbench -DskipTests test-compile
for db in $DBS; do
	run=1
	while [ "$run" -le "$RUNS" ]; do
		echo "== $db run $run; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
		./mvnw -q -Pbench -DskipTests exec:java -Dbench.main=io.keyfob.bench.RadiusBenchmark \
			-Dexec.args="--db=$db --seconds=$SECONDS_PER_LEVEL" | grep -E '^(database|clients)'
		echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
		run=$((run + 1))
	done
done
