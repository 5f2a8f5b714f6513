#!/usr/bin/env bash
# Real single-node Apache Kafka (KRaft, broker+controller) on loopback, fetched from Maven Central.
# Usage: tools/kafka/kafka.sh fetch|start|stop|wait|status
#   KAFKA_PORT (9092) KAFKA_CONTROLLER_PORT (9093) KAFKA_STATE_DIR (tools/kafka/.state/<port>)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LIB="$HERE/.cache/lib"
PORT="${KAFKA_PORT:-9092}"
CPORT="${KAFKA_CONTROLLER_PORT:-9093}"
STATE="${KAFKA_STATE_DIR:-$HERE/.state/$PORT}"
PIDFILE="$STATE/kafka.pid"

fetch() {
  if [ -f "$LIB/.complete" ]; then return 0; fi
  echo "[kafka] fetching the Apache Kafka broker from Maven Central (cached in $LIB)"
  (cd "$HERE" && mvn -q -B dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$LIB")
  touch "$LIB/.complete"
}

running() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

wait_ready() {
  local deadline=$((SECONDS + ${KAFKA_WAIT_SECONDS:-90}))
  until node "$HERE/wait-for-kafka.js" "127.0.0.1:$PORT" >/dev/null 2>&1; do
    if ! running; then echo "[kafka] broker process died; see $STATE/logs/server.out" >&2; tail -40 "$STATE/logs/server.out" >&2 || true; exit 1; fi
    if [ $SECONDS -ge $deadline ]; then echo "[kafka] broker on 127.0.0.1:$PORT not ready in time" >&2; exit 1; fi
    sleep 0.5
  done
  echo "[kafka] ready on 127.0.0.1:$PORT"
}

start() {
  fetch
  if running; then echo "[kafka] already running on 127.0.0.1:$PORT (pid $(cat "$PIDFILE"))"; wait_ready; return 0; fi
  # a fresh log dir per start: a reused directory with another cluster id fails with "Invalid cluster.id"
  rm -rf "$STATE"; mkdir -p "$STATE/data" "$STATE/logs"
  sed -e "s#@PORT@#$PORT#g" -e "s#@CPORT@#$CPORT#g" -e "s#@DATA@#$STATE/data#g" "$HERE/server.properties.template" > "$STATE/server.properties"
  local id; id="$(java -cp "$LIB/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)"
  java -cp "$LIB/*" kafka.tools.StorageTool format --standalone -t "$id" -c "$STATE/server.properties" > "$STATE/logs/format.out" 2>&1
  nohup java -Xms256m -Xmx1g -XX:+UseG1GC -Dkafka.logs.dir="$STATE/logs" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$LIB/*" kafka.Kafka "$STATE/server.properties" > "$STATE/logs/server.out" 2>&1 &
  echo $! > "$PIDFILE"
  wait_ready
}

stop() {
  if running; then
    local pid; pid="$(cat "$PIDFILE")"; kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    echo "[kafka] stopped (port $PORT)"
  fi
  rm -f "$PIDFILE"
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  wait) wait_ready ;;
  status) if running; then echo "running (pid $(cat "$PIDFILE"))"; else echo "stopped"; exit 1; fi ;;
  *) echo "usage: $0 fetch|start|stop|wait|status" >&2; exit 2 ;;
esac
