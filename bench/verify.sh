#!/bin/sh
# The verify API under load, over real HTTP, with wrk (Debian package wrk): HOTP users, one
# connection per user, at 1, 8 and 32 connections, each level followed by the same server's
# liveness endpoint for the ratio. Runs the benchmark RUNS times (default 3) on H2 and on
# PostgreSQL (embedded) and prints the load average with each level.
# Usage: bench/verify.sh [seconds per level] [runs] [databases]
set -eu
cd "$(dirname "$0")/.."
SECONDS_PER_LEVEL=${1:-15}
RUNS=${2:-3}
DATABASES=${3:-h2 postgresql}
command -v wrk >/dev/null || { echo "Install wrk first (apt-get install wrk)"; exit 1; }
./mvnw -q -Pbench -DskipTests test-compile
for db in $DATABASES; do
	run=1
	while [ "$run" -le "$RUNS" ]; do
		echo "== $db run $run"
		./mvnw -q -Pbench -DskipTests exec:java -Dbench.main=io.keyfob.bench.VerifyBenchmark \
			-Dexec.args="--db=$db --seconds=$SECONDS_PER_LEVEL" | grep -E '^(database|connections)'
		run=$((run + 1))
	done
done
