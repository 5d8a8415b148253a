#!/usr/bin/env bash
# Whole-path benchmark (docs/benchmarks.md): REST -> durable -> board view at 20, 200 and 2,000 waiting, this
# tree beside another git ref (default main) in the same run, one after the other per queue length.
#   scripts/whole-path-bench.sh [ref] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
REF="${1:-main}"; ROUNDS="${2:-100}"
OLD="$(mktemp -d)/hallq-$REF"
mkdir -p "$OLD"
git archive "$REF" | tar -x -C "$OLD"
# a ref without the bench gets this tree's; one with its own keeps it (it compiles against that ref's API)
[ -f "$OLD/controller/src/test/java/io/hallq/controller/web/WholePathBench.java" ] \
  || cp controller/src/test/java/io/hallq/controller/web/WholePathBench.java "$OLD/controller/src/test/java/io/hallq/controller/web/"
for tree in . "$OLD"; do
  (cd "$tree" && ./hallq mvn -q -pl protocol,display-panel,controller -am test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/cp.txt -DincludeScope=test)
done
JAVA="$(./hallq java-home)/bin/java"
run() { # tree label waiting
  (cd "$1" && "$JAVA" -Xmx1g -Dtinylog.writer.level=warn \
    -cp "controller/target/test-classes:controller/target/classes:protocol/target/classes:display-panel/target/classes:$(cat controller/target/cp.txt)" \
    io.hallq.controller.web.WholePathBench "$2" "$ROUNDS" "$3") | grep '^|'
}
echo "| code | waiting | operation | p50 ms | p99 ms | max ms |"
echo "|---|---|---|---:|---:|---:|"
for n in 20 200 2000; do
  run "$OLD" "$REF" "$n"
  run . "this branch" "$n"
done
