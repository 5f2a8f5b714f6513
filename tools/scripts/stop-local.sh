#!/usr/bin/env bash
# Stops what tools/scripts/run-local.sh started: the services whose pids are in .run/pids (TWINNING_RUN_DIR), the SMTP sink, and the
# Kafka broker if run-local.sh started it (.run/pids/kafka.started). Safe to run when nothing is running.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$TWINNING_ROOT"
RUN="$(run_dir)"

pids=()
for app in "${TWINNING_APPS[@]}"; do
  pidfile="$RUN/pids/$app.pid"
  [ -f "$pidfile" ] || continue
  pid="$(cat "$pidfile")"
  rm -f "$pidfile"   # first: run-local.sh reads a missing pid file as "stopped on purpose"
  if kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid" 2>/dev/null && pids+=("$pid:$app"); fi
done
for entry in "${pids[@]}"; do
  pid="${entry%%:*}" app="${entry#*:}"
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null; echo "[stop] $app killed (did not stop within 10 s)"; else echo "[stop] $app stopped"; fi
done

if [ -f "$RUN/pids/smtp-sink.pid" ]; then
  pid="$(cat "$RUN/pids/smtp-sink.pid")"
  rm -f "$RUN/pids/smtp-sink.pid"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    echo "[stop] smtp-sink stopped"
  fi
fi

if [ -f "$RUN/pids/kafka.started" ]; then
  (set -a; source "$RUN/pids/kafka.started"; tools/kafka/kafka.sh stop) || true
  rm -f "$RUN/pids/kafka.started"
fi
