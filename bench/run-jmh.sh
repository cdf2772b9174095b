#!/bin/bash
# run-jmh.sh [JMH options] : the codec benchmarks (org.quorate.bench.jmh), short iterations by default.
#   bench/run-jmh.sh                       # everything, 3 x 1 s warm-up, 5 x 1 s measurement, 1 fork
#   bench/run-jmh.sh FrameDecoder -f 2     # a subset, with JMH's own options
#   bench/run-jmh.sh -h                    # JMH's help
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f bench/target/quorate-bench.jar ]; then
    mvn -B -q -pl bench -am package -DskipTests
fi
exec java -jar bench/target/quorate-bench.jar "${@:-org.quorate.bench.jmh}"
