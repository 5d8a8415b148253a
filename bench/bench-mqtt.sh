# Sourced by bench/packaged-memory.sh and bench/packaged-memory-flags.sh: the bench hall connected to MQTT
# (HALLQ_BENCH_MQTT=1), as a hall in service is: a Mosquitto broker on the host and the hall file's mqtt section.

# Starts a Mosquitto on a free loopback port (files /tmp/hallq-<name>-mosquitto.*); sets MQTT_PORT and BROKER (pid).
bench_mosquitto() {
  MQTT_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\n' "$MQTT_PORT" > "/tmp/hallq-$1-mosquitto.conf"
  mosquitto -c "/tmp/hallq-$1-mosquitto.conf" > "/tmp/hallq-$1-mosquitto.log" 2>&1 &
  BROKER=$!
}

# The hall file's mqtt section for that broker, with the example hall's commands from central.
bench_mqtt_yaml() {
  cat <<YAML
mqtt:
  broker: tcp://127.0.0.1:$MQTT_PORT
  keepAlive: 30s
  statusInterval: 10s
  commands: { SetService: [central], BroadcastNotice: [central], RequestStats: [central], SetCounterProfile: [central] }
YAML
}
