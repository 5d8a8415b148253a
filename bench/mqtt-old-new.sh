#!/usr/bin/env bash
# The 200-hall MQTT benchmark (issue 16), old build against this one in the same run, one JVM each, one after the
# other (FIRST=new, the default, or FIRST=old: alternate between rounds so that neither always runs first). Each
# JVM warms every load up unmeasured, then measures several repetitions (baseline and halls alternating) and
# prints each, with the median and range (see MqttBench's comment).
# The old tree is a `git archive` export of the old commit (e.g. 01cc917) with this tree's harness copied in
# (controller/src/test/java/io/hallq/controller/sync/bench/*.java and controller/src/test/java/io/hallq/controller/Await.java:
# they use only public API and test helpers), built there with the same command as this one:
#   ./hallq mvn -q -pl protocol,controller -am test-compile dependency:build-classpath \
#       -Dmdep.outputFile=target/cp.txt -DincludeScope=test
# Run it under the machine lock on a shared machine: flock /work/brief/machine.lock bash bench/mqtt-old-new.sh ...
# JAVA_OPTS adds JVM options to both builds' runs (the same for both), e.g. JAVA_OPTS="-XX:+UseZGC
# -Dhallq.bench.brokerNice=-10" (see MqttBench: brokerPriority, and docs/benchmarks.md for why).
# A 7th MqttBench argument starts every hall late in a day (e.g. 25000 events journaled and published first).
# Usage: [FIRST=old] [JAVA_OPTS=...] bash bench/mqtt-old-new.sh <old-tree> [MqttBench args, default: 200 15 10 2 3 10]
set -euo pipefail
NEW="$(cd "$(dirname "$0")/.." && pwd)"
OLD="$(cd "$1" && pwd)"
shift
ARGS=("$@")
(( $# > 0 )) || ARGS=(200 15 10 2 3 10)
JAVA="$("$NEW/hallq" java-home)/bin/java"
if [[ "${FIRST:-new}" == old ]]; then TREES=("$OLD" "$NEW"); else TREES=("$NEW" "$OLD"); fi
for tree in "${TREES[@]}"; do
  cd "$tree"
  echo "=== $tree; JAVA_OPTS=${JAVA_OPTS:-} ($(git -C "$tree" rev-parse --short HEAD 2>/dev/null || echo exported)); load: $(cat /proc/loadavg) $(date +%T)"
  # shellcheck disable=SC2086
  "$JAVA" -Xmx4g -Dtinylog.level=warn ${JAVA_OPTS:-} \
    -cp "controller/target/test-classes:controller/target/classes:protocol/target/classes:$(cat controller/target/cp.txt)" \
    io.hallq.controller.sync.bench.MqttBench "${ARGS[@]}" 2>&1 | grep --line-buffered -v "^\s*at \|WARN\|ERROR\|^Caused by\|^\s*\.\.\. "
done
echo "=== end; load: $(cat /proc/loadavg) $(date +%T)"
