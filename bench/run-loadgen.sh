#!/bin/bash
# run-loadgen.sh [LoadGenerator options] : build qnetd + bench jars if needed, then run the load generator.
#   bench/run-loadgen.sh --clients 2000 --server both        # Quorate and the C corosync-qnetd, 2000 TLS nodes each
#   bench/run-loadgen.sh --clients 10000 --server quorate    # Quorate alone at 10,000
#   bench/run-loadgen.sh --help
# Environment: BENCH_JAVA_OPTS (generator JVM, default -Xmx2g), SKIP_BUILD=1 to use the jars as they are.
# Not a test: it takes minutes and its numbers depend on the machine. Generator and server share the cores.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f bench/target/quorate-bench.jar ] || [ ! -f qnetd/target/quorate-qnetd.jar ]; then
    mvn -B -q -pl qnetd,bench -am package -DskipTests
fi
# every simulated node and every server connection is a file descriptor; both processes inherit this
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -cp bench/target/quorate-bench.jar org.quorate.bench.LoadGenerator \
    --qnetd-jar qnetd/target/quorate-qnetd.jar "$@"
