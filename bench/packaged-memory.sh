#!/usr/bin/env bash
# The memory budget of issue 11: resident memory of the packaged controller, started with the unit's flags on
# Debian 13's Java 21, through a busy day driven over REST (bench/src/main/java/io/hallq/bench/BusyDayMemory.java).
# Beside it, in the same run, today's launcher way (./hallq controller: target/classes, no flags) on the same day.
#   bash bench/packaged-memory.sh [hallq_*.deb] [tickets] [counters]      (root; debootstrap; ~5 min the first time)
# The Debian root is kept in $HALLQ_BENCH_ROOT (default /var/tmp/hallq-bench-trixie) for the next run.
# HALLQ_BENCH_MQTT=1: the hall is connected to a Mosquitto broker started here on the host (mosquitto on PATH),
# with the example hall's commands, publishing every event, its status and its board as a hall in service does.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bench-mqtt.sh
DEB="${1:-$(ls -t packaging/target/hallq_*_all.deb | head -1)}"
TICKETS="${2:-3000}"
COUNTERS="${3:-8}"
ROOT="${HALLQ_BENCH_ROOT:-/var/tmp/hallq-bench-trixie}"
MIRROR="${HALLQ_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
JAVA_HOME="$(./hallq java-home)"
export HALLQ_KIOSK_PASSWORD=kiosk-bench-pass HALLQ_STAFF_PASSWORD=staff-bench-pass

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_up() { # url pid
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null "$1" && return 0
    kill -0 "$2" 2>/dev/null || { echo "the controller ended" >&2; return 1; }
    sleep 0.2
  done
  return 1
}

if [[ ! -x "$ROOT/usr/bin/apt-get" ]]; then
  debootstrap --variant=minbase trixie "$ROOT" "$MIRROR" >/dev/null
fi
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
mountpoint -q "$ROOT/proc" || mount -t proc proc "$ROOT/proc"
trap 'umount "$ROOT/proc" 2>/dev/null || umount -l "$ROOT/proc" 2>/dev/null || true' EXIT
cp "$DEB" "$ROOT/tmp/hallq.deb"
chroot "$ROOT" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends --allow-downgrades -o Dpkg::Options::=--force-confold /tmp/hallq.deb' >/dev/null
echo "package: $(chroot "$ROOT" hallq version | tr '\n' ' ')"

# The bench hall: the shipped hall file with every counter serving every service, a kiosk and a staff login.
KH=$(echo "$HALLQ_KIOSK_PASSWORD" | chroot "$ROOT" hallq hash-password)
SH=$(echo "$HALLQ_STAFF_PASSWORD" | chroot "$ROOT" hallq hash-password)
PORT=$(free_port)
if [[ -n "${HALLQ_BENCH_MQTT:-}" ]]; then
  bench_mosquitto bench
  trap 'kill $BROKER 2>/dev/null; umount "$ROOT/proc" 2>/dev/null || umount -l "$ROOT/proc" 2>/dev/null || true' EXIT
fi
{
  sed -n '/^hall:/,/^classes:/p' "$ROOT/usr/share/hallq/examples/example-hall.yaml" | sed '/^classes:/d; s/prefix: \([A-H]\), /prefix: \1, numberTo: 9999, /; /^  - code: INFO/,/^$/d'
  echo "classes:"
  echo "  - { code: WALKIN, nameZh: 普通, nameEn: Walk-in, priority: 0m, busyTarget: 15m, quietTarget: 5m, default: true }"
  echo "counters:"
  for c in $(seq 1 "$COUNTERS"); do
    echo "  - { number: $c, profile: [ { service: OPEN }, { service: SIM }, { service: ADJ }, { service: PLAN }, { service: PAY }, { service: PROMO }, { service: BILL } ] }"
  done
  cat <<YAML
journal:
  dataDir: /var/lib/hallq/bench-day
  snapshotEvery: 2000
web:
  bind: 127.0.0.1
  port: $PORT
  ticketsPerMinute: 600
  users:
$(for k in 1 2 3 4 5; do echo "    - { name: kiosk$k, role: KIOSK, passwordHash: \"$KH\" }"; done)
    - { name: staff1, role: STAFF, counters: [$(seq -s, 1 "$COUNTERS")], passwordHash: "$SH" }
YAML
  if [[ -n "${HALLQ_BENCH_MQTT:-}" ]]; then
    bench_mqtt_yaml
  fi
} | sed 's/^  id: .*/  id: bench-day/' > "$ROOT/etc/hallq/bench.yaml"
chmod 644 "$ROOT/etc/hallq/bench.yaml"

run_day() { # label pid
  "$JAVA_HOME/bin/java" bench/src/main/java/io/hallq/bench/BusyDayMemory.java "http://127.0.0.1:$PORT" "$2" "$TICKETS" "$COUNTERS" \
    | sed "s/^/$1: /"
}

# 1. the package, with the flags and environment of the installed unit, as user hallq
rm -rf "$ROOT/var/lib/hallq/bench-day"
mapfile -t UNIT_ENV < <(sed -n 's/^Environment="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$ROOT/usr/lib/systemd/system/hallq-controller.service")
# HALLQ_BENCH_JAVA_OPTS: try other flags in place of the unit's (to find the next ones; report the unit's)
if [[ -n "${HALLQ_BENCH_JAVA_OPTS:-}" ]]; then
  for i in "${!UNIT_ENV[@]}"; do
    [[ "${UNIT_ENV[$i]}" == HALLQ_JAVA_OPTS=* ]] && UNIT_ENV[$i]="HALLQ_JAVA_OPTS=$HALLQ_BENCH_JAVA_OPTS"
  done
  echo "flags: $HALLQ_BENCH_JAVA_OPTS (not the unit's)"
fi
# as the unit does: ExecStartPre (the class-data-sharing archive), then ExecStart
rm -f "$ROOT/var/cache/hallq/controller.jsa"
chroot --userspec=hallq:hallq "$ROOT" env "${UNIT_ENV[@]}" /usr/bin/hallq cds-archive /etc/hallq/bench.yaml
chroot --userspec=hallq:hallq "$ROOT" env "${UNIT_ENV[@]}" /usr/bin/hallq controller /etc/hallq/bench.yaml \
  > /tmp/hallq-bench-packaged.log 2>&1 &
PID=$!
wait_up "http://127.0.0.1:$PORT/board/" $PID
run_day "packaged (unit flags)" $PID
kill $PID; wait $PID 2>/dev/null || true

[[ -n "${HALLQ_BENCH_SKIP_LAUNCHER:-}" ]] && exit 0
# 2. today's launcher way: ./hallq controller's classpath and JVM, no memory flags (same day, same machine)
./hallq mvn -q -DskipTests -pl controller -am package dependency:build-classpath \
  -Dmdep.outputFile=target/runtime.cp -DincludeScope=runtime
mkdir -p target && sed "s|/var/lib/hallq/bench-day|$PWD/target/bench-day|" "$ROOT/etc/hallq/bench.yaml" > target/bench.yaml
rm -rf target/bench-day
"$JAVA_HOME/bin/java" -Dtinylog.writer=console -Dtinylog.writer.level=info \
  -cp "controller/target/classes:$(cat controller/target/runtime.cp)" io.hallq.controller.ControllerMain target/bench.yaml \
  > /tmp/hallq-bench-launcher.log 2>&1 &
PID=$!
wait_up "http://127.0.0.1:$PORT/board/" $PID
run_day "launcher (no flags, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1))" $PID
kill $PID; wait $PID 2>/dev/null || true
