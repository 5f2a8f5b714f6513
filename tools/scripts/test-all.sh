#!/usr/bin/env bash
# `npm test`: the whole check from a fresh clone, on the real infrastructure.
#   install (if needed) -> PostgreSQL up -> a dedicated Kafka broker for this run (127.0.0.1:19092, fresh state
#   under tmp/, stopped on exit) -> lint -> typecheck -> build -> the web app's component tests (vitest) -> one jest run (JSON report in tmp/jest-results.json)
#   -> the web app's browser tests: Debian's Chromium (installed if missing) against a whole system of its own started by
#   run-local.sh with the demo data (gateway on 127.0.0.1:3100, databases e2e_twinning_*, SMTP sink 2025/2080, this run's
#   broker; state under tmp/web-e2e-run), screenshots in tmp/web-screenshots (TWINNING_SKIP_BROWSER_TESTS=1 leaves them out)
# Lint, typecheck and build failures do not stop the run; each counts as one failed suite in the last line,
# which is always exactly "N passed, N failed" (", N skipped" when some were skipped). Exit code 0 only if
# everything passed. Extra arguments go to jest (npm test -- tools/lint).
#   TEST_KAFKA_PORT (19092) TEST_KAFKA_CONTROLLER_PORT (19093) PG_ADMIN_URL (postgres://postgres@127.0.0.1:5432/postgres)
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$TWINNING_ROOT"

export NX_DAEMON=false
export PG_ADMIN_URL="${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export KAFKA_PORT="${TEST_KAFKA_PORT:-19092}"
export KAFKA_CONTROLLER_PORT="${TEST_KAFKA_CONTROLLER_PORT:-19093}"
export KAFKA_STATE_DIR="$TWINNING_ROOT/tmp/kafka-test-$KAFKA_PORT"
export KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
REPORT="$TWINNING_ROOT/tmp/jest-results.json"
mkdir -p tmp
rm -f "$REPORT"

failed_steps=()
step() { # name command...
  local name="$1"; shift
  echo "=== $name"
  local t0=$SECONDS
  if "$@"; then echo "=== $name: ok ($((SECONDS - t0)) s)"; else echo "=== $name: FAILED ($((SECONDS - t0)) s)"; failed_steps+=("$name"); fi
}

kafka_job=""
stop_kafka() {
  if [ -n "$kafka_job" ] && kill -0 "$kafka_job" 2>/dev/null; then kill "$kafka_job" 2>/dev/null; wait "$kafka_job" 2>/dev/null; fi
  tools/kafka/kafka.sh stop >/dev/null 2>&1 || true
  rm -rf "$KAFKA_STATE_DIR"
}
cleanup() { bash tools/scripts/web-e2e-system.sh stop >/dev/null 2>&1 || true; stop_kafka; }
trap cleanup EXIT
trap 'exit 130' INT TERM

if ! ensure_install; then echo "=== install: FAILED"; echo "0 passed, 1 failed"; exit 1; fi
step postgres bash tools/scripts/ensure-postgres.sh

# the broker starts in the background while lint, typecheck and build run
if (exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_PORT") 2>/dev/null || (exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_CONTROLLER_PORT") 2>/dev/null; then
  echo "=== kafka: port $KAFKA_PORT is already in use (another test run?); set TEST_KAFKA_PORT/TEST_KAFKA_CONTROLLER_PORT" >&2
  failed_steps+=(kafka)
else
  tools/kafka/kafka.sh start > tmp/kafka-test-start.log 2>&1 &
  kafka_job=$!
fi

step lint bash -c 'npx nx show projects >/dev/null && npx eslint . --max-warnings=0'
step typecheck npm run -s typecheck
step build node tools/scripts/build.js
step web-build npx vite build --config apps/web/vite.config.mts --logLevel warn

# the web app's component tests (vitest + jsdom; no browser needed), counted in the final line with jest's
WEB_REPORT="$TWINNING_ROOT/tmp/web-results.json"
rm -f "$WEB_REPORT"
echo "=== web unit tests"
npx vitest run --config apps/web/vite.config.mts --reporter=default --reporter=json --outputFile.json="$WEB_REPORT"
web_rc=$?

if [ -n "$kafka_job" ]; then
  echo "=== kafka"
  if wait "$kafka_job"; then tail -1 tmp/kafka-test-start.log; else cat tmp/kafka-test-start.log; echo "=== kafka: FAILED"; failed_steps+=(kafka); fi
  kafka_job=""
fi

echo "=== jest (KAFKA_BROKERS=$KAFKA_BROKERS)"
npx jest --ci --json --outputFile="$REPORT" "$@"
jest_rc=$?

# the browser tests need the whole system: started here on its own ports and databases, stopped before the summary
E2E_REPORT="$TWINNING_ROOT/tmp/web-e2e-results.json"
rm -f "$E2E_REPORT"
e2e_args=()
if [ -z "${TWINNING_SKIP_BROWSER_TESTS:-}" ] && [ $# -eq 0 ]; then
  e2e_args=("$E2E_REPORT" 1)
  step chromium bash tools/scripts/ensure-chromium.sh
  echo "=== browser tests: starting the system (tmp/web-e2e-run/logs)"
  if bash tools/scripts/web-e2e-system.sh start; then
    rm -rf tmp/web-screenshots
    TWINNING_URL=http://127.0.0.1:3100 SMTP_SINK_URL=http://127.0.0.1:2080 \
      npx vitest run --config apps/web/vitest.e2e.config.mts --reporter=default --reporter=json --outputFile.json="$E2E_REPORT"
    e2e_args=("$E2E_REPORT" $?)
  fi
  bash tools/scripts/web-e2e-system.sh stop
fi

stop_kafka
trap - EXIT

summary="$(node tools/scripts/test-summary.js "$REPORT" "${#failed_steps[@]}" "$jest_rc" "$WEB_REPORT" "$web_rc" "${e2e_args[@]}")"
summary_rc=$?

[ ${#failed_steps[@]} -gt 0 ] && echo "failed steps: ${failed_steps[*]}"
echo "$summary"
if [ $summary_rc -ne 0 ] || [ $jest_rc -ne 0 ] || [ $web_rc -ne 0 ] || [ ${#failed_steps[@]} -gt 0 ] || [ "${e2e_args[1]:-0}" != 0 ]; then exit 1; fi
exit 0
