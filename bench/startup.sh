#!/usr/bin/env bash
# Start-up time of the controller (docs/benchmarks.md): builds the controller jar, its runtime classpath and the
# bench jar, then runs io.hallq.bench.StartupBench from the repository root.
#   bench/startup.sh [starts per variant, default 5] ["name=<HALLQ_JAVA_OPTS>" ...]
# With named flag sets (e.g. the unit's flags before and after a change) only those are compared.
set -euo pipefail
cd "$(dirname "$0")/.."
./hallq mvn -q -DskipTests -Pbench -pl bench -am package dependency:build-classpath \
  -Dmdep.outputFile=target/runtime.cp -DincludeScope=runtime
JAR=$(ls controller/target/hallq-controller-*.jar | grep -v -- -tests.jar)
CP="$JAR:$(cat controller/target/runtime.cp)"
exec "$(./hallq java-home)/bin/java" -cp bench/target/hallq-bench.jar io.hallq.bench.StartupBench "${1:-5}" "$CP" "${@:2}"
