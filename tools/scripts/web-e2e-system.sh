#!/usr/bin/env bash
# The whole system for the web app's browser tests in `npm test`, beside anything `npm run start:local` runs:
# run-local.sh in the background with the gateway on 127.0.0.1:3100 (services 3101-3104), fresh databases
# e2e_twinning_*, an SMTP sink on 2025 (page 2080), topics prefixed web-e2e. on the broker KAFKA_PORT names (test-all.sh's),
# the already built dist/, state and logs under tmp/web-e2e-run. `start` returns once the demo data is loaded.
#   usage: web-e2e-system.sh start|stop      E2E_START_TIMEOUT_SECONDS (420)
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$TWINNING_ROOT"

export TWINNING_RUN_DIR="$TWINNING_ROOT/tmp/web-e2e-run" TWINNING_PORT_BASE=3100 TWINNING_DB_PREFIX=e2e_
RUN="$TWINNING_RUN_DIR"

case "${1:-}" in
  start)
    rm -rf "$RUN"
    mkdir -p "$RUN/logs"
    TWINNING_FRESH_DATABASES=1 TWINNING_SKIP_BUILD=1 KAFKA_TOPIC_PREFIX=web-e2e. SMTP_SINK_PORT=2025 SMTP_SINK_HTTP_PORT=2080 \
      LOG_LEVEL=warn nohup bash tools/scripts/run-local.sh > "$RUN/logs/run-local.log" 2>&1 &
    echo $! > "$RUN/run-local.pid"
    deadline=$((SECONDS + ${E2E_START_TIMEOUT_SECONDS:-420}))
    until [ -f "$RUN/ready" ]; do
      if ! kill -0 "$(cat "$RUN/run-local.pid")" 2>/dev/null; then
        echo "[web-e2e] the system did not start; last lines of $RUN/logs/run-local.log:" >&2
        tail -40 "$RUN/logs/run-local.log" >&2
        exit 1
      fi
      if [ $SECONDS -ge $deadline ]; then
        echo "[web-e2e] the system was not up with its demo data within ${E2E_START_TIMEOUT_SECONDS:-420} s; see $RUN/logs" >&2
        tail -20 "$RUN/logs/run-local.log" >&2
        exit 1
      fi
      sleep 1
    done
    if grep -q "seeding failed" "$RUN/logs/run-local.log"; then
      echo "[web-e2e] the demo data did not load; see $RUN/logs/run-local.log" >&2
      grep -n "error\|failed" "$RUN/logs/run-local.log" | tail -20 >&2
      exit 1
    fi
    echo "[web-e2e] system up with demo data on http://127.0.0.1:$(port_of gateway) ($((SECONDS)) s)"
    ;;
  stop)
    [ -d "$RUN" ] || exit 0
    bash tools/scripts/stop-local.sh
    if [ -f "$RUN/run-local.pid" ]; then
      pid="$(cat "$RUN/run-local.pid")"
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null
      rm -f "$RUN/run-local.pid"
    fi
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
