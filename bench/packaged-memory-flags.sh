#!/usr/bin/env bash
# One busy day against the package already installed in the bench root by bench/packaged-memory.sh, with extra
# JVM flags appended to the unit's HALLQ_JAVA_OPTS (the later of two equal flags wins) and extra environment;
# VmHWM is reset once the controller serves, so the peak is the busy day's. Prints the largest mappings at the end.
#   bash bench/packaged-memory-flags.sh <label> ["<extra JVM flags>"] ["VAR=value ..."]     (root; the root's /proc mounted)
# HALLQ_BENCH_MQTT=1: the hall connected to a Mosquitto broker started here, as bench/packaged-memory.sh does.
# HALLQ_BENCH_DAYS=<n>: n busy days one after the other against the same process (each prints the peak so far).
set -uo pipefail
cd "$(dirname "$0")/.."
. bench/bench-mqtt.sh
ROOT="${HALLQ_BENCH_ROOT:-/var/tmp/hallq-bench-trixie}"
export HALLQ_KIOSK_PASSWORD=kiosk-bench-pass HALLQ_STAFF_PASSWORD=staff-bench-pass
JAVA_HOME="$(./hallq java-home)"
PORT=$(sed -n 's/^  port: //p' "$ROOT/etc/hallq/bench.yaml")
mapfile -t UNIT_ENV < <(sed -n 's/^Environment="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$ROOT/usr/lib/systemd/system/hallq-controller.service")
for i in "${!UNIT_ENV[@]}"; do [[ "${UNIT_ENV[$i]}" == HALLQ_JAVA_OPTS=* ]] && UNIT_ENV[$i]="${UNIT_ENV[$i]} ${2:-}"; done
read -r -a EXTRA <<< "${3:-}"
sed -i '/^mqtt:/,$d' "$ROOT/etc/hallq/bench.yaml"
if [[ -n "${HALLQ_BENCH_MQTT:-}" ]]; then
  bench_mosquitto flags
  trap 'kill $BROKER 2>/dev/null; sed -i "/^mqtt:/,\$d" "$ROOT/etc/hallq/bench.yaml"' EXIT
  bench_mqtt_yaml >> "$ROOT/etc/hallq/bench.yaml"
fi
rm -rf "$ROOT/var/lib/hallq/bench-day"
chroot --userspec=hallq:hallq "$ROOT" env "${UNIT_ENV[@]}" "${EXTRA[@]}" /usr/bin/hallq controller /etc/hallq/bench.yaml \
  > "/tmp/hallq-bench-$1.log" 2>&1 &
CH=$!
for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/board/" && break; kill -0 $CH || exit 1; sleep 0.2; done
PJ=$(pgrep -f 'ControllerMain /etc/hallq/bench.yaml' | head -1)
echo "$1 start: $(grep -E 'VmHWM' /proc/$PJ/status | tr -s ' \n' ' ')"
echo 5 > "/proc/$PJ/clear_refs"
for day in $(seq 1 "${HALLQ_BENCH_DAYS:-1}"); do
  "$JAVA_HOME/bin/java" bench/src/main/java/io/hallq/bench/BusyDayMemory.java "http://127.0.0.1:$PORT" "$PJ" 3000 8 \
    | sed "s/^/$1 (day $day): /" | tail -2
done
awk '/^[0-9a-f]+-[0-9a-f]+ /{n=$6; if (n=="") n="[anon]"} /^Rss:/{s[n]+=$2} /^Anonymous:/{a[n]+=$2}
     END{for (k in s) if (s[k]>1000) printf "%8d kB resident, %8d kB anonymous: %s\n", s[k], a[k], k}' "/proc/$PJ/smaps" | sort -rn
kill "$PJ"; wait "$CH" 2>/dev/null
