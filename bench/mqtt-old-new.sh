#!/usr/bin/env bash
# The 200-hall MQTT benchmark (issue 16), old build against this one in the same run, alternating
# new, old, old, new so that neither always runs on the quieter machine. The old tree is a `git archive` export of
# the old commit (e.g. 01cc917), built there with the same test-compile command as this one:
#   ./hallq mvn -q -pl protocol,controller -am test-compile dependency:build-classpath \
#       -Dmdep.outputFile=target/cp.txt -DincludeScope=test
# Usage: bash bench/mqtt-old-new.sh <old-tree> [MqttBench args, default: 200 15 10 2]
set -euo pipefail
NEW="$(cd "$(dirname "$0")/.." && pwd)"
OLD="$(cd "$1" && pwd)"
shift
ARGS=("$@")
(( $# > 0 )) || ARGS=(200 15 10 2)
JAVA="$("$NEW/hallq" java-home)/bin/java"
for tree in "$NEW" "$OLD" "$OLD" "$NEW"; do
  cd "$tree"
  echo "=== $tree; load: $(cat /proc/loadavg) $(date +%T)"
  "$JAVA" -Xmx4g -Dtinylog.level=warn \
    -cp "controller/target/test-classes:controller/target/classes:protocol/target/classes:$(cat controller/target/cp.txt)" \
    io.hallq.controller.sync.bench.MqttBench "${ARGS[@]}" 2>&1 | grep -v "^\s*at \|WARN\|ERROR" | tail -6
done
