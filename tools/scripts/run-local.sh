#!/usr/bin/env bash
# `npm run start:local`: the whole system on this machine, on the real PostgreSQL and a real Kafka broker.
#   install (if needed) -> PostgreSQL up -> databases -> Kafka on 127.0.0.1:9092 -> build -> migrations ->
#   five services in the background (logs in .run/logs, pids in .run/pids) -> wait for every /health ->
#   demo data (dist/tools/demo/seed-demo.js, when present) -> stays in the foreground.
# Ctrl-C / TERM stops the services and the broker (if this script started it). From another terminal:
# tools/scripts/stop-local.sh (npm run stop:local).
# Honours PG_ADMIN_URL, TWINNING_DB_PREFIX, TWINNING_PORT_BASE (3000: gateway, +1..+4 the others), TWINNING_RUN_DIR (.run), KAFKA_PORT/KAFKA_CONTROLLER_PORT, KAFKA_TOPIC_PREFIX, LOG_LEVEL,
# TWINNING_FRESH_DATABASES (drop the databases first), TWINNING_SKIP_BUILD (dist/ is built already), HEALTH_TIMEOUT_SECONDS (60); every other variable of this shell (SMTP_HOST...) reaches the services.
# Email: unless SMTP_HOST is set, the local SMTP sink (tools/smtp-sink) is started on SMTP_SINK_PORT (1025) with its
# page on SMTP_SINK_HTTP_PORT (1080); it keeps what it receives (also as .eml under .run/mail) and notifications sends to it.
# Access tokens: the gateway signs with JWT_PRIVATE_KEY, every service verifies with JWT_PUBLIC_KEY. Unless both are
# set in this shell, a key pair is generated once into .run/keys.env (kept across runs) and exported to all services.
# Invitation links: the gateway seals them to INVITATION_LINK_PUBLIC_KEY, only notifications opens them with
# INVITATION_LINK_PRIVATE_KEY. Unless both are set in this shell, a pair is generated once into .run/invitation-link-keys.env;
# the gateway gets only the public key and notifications only the private one.
# Demo organisations and their admins are bootstrapped with the gateway's CLI before the demo data is loaded
# (DEMO_ADMIN_PASSWORD, default below, is the password of admin@tacoma.example and admin@sandiego.example).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$TWINNING_ROOT"

export NX_DAEMON=false
export PG_ADMIN_URL="${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export KAFKA_PORT="${KAFKA_PORT:-9092}"
export KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:$KAFKA_PORT}"
export LOG_LEVEL="${LOG_LEVEL:-info}"
RUN="$(run_dir)"
HEALTH_TIMEOUT="${HEALTH_TIMEOUT_SECONDS:-60}"
mkdir -p "$RUN/logs" "$RUN/pids"
rm -f "$RUN/ready"
export DEMO_ADMIN_PASSWORD="${DEMO_ADMIN_PASSWORD:-twinning-demo-admin}"

if [ -n "${JWT_PUBLIC_KEY:-}" ] && [ -n "${JWT_PRIVATE_KEY:-}" ]; then
  echo "[keys] using JWT_PUBLIC_KEY/JWT_PRIVATE_KEY from the environment"
elif [ -n "${JWT_PUBLIC_KEY:-}${JWT_PRIVATE_KEY:-}" ]; then
  echo "[keys] only one of JWT_PUBLIC_KEY and JWT_PRIVATE_KEY is set; set both (node tools/scripts/generate-jwt-keys.js) or neither" >&2
  exit 1
else
  if [ ! -s "$RUN/keys.env" ]; then
    (umask 077 && node tools/scripts/generate-jwt-keys.js > "$RUN/keys.env")
    echo "[keys] generated an Ed25519 key pair for access tokens into .run/keys.env"
  fi
  set -a
  # shellcheck disable=SC1091
  source "$RUN/keys.env"
  set +a
fi

if [ -n "${INVITATION_LINK_PUBLIC_KEY:-}" ] && [ -n "${INVITATION_LINK_PRIVATE_KEY:-}" ]; then
  echo "[keys] using INVITATION_LINK_PUBLIC_KEY/INVITATION_LINK_PRIVATE_KEY from the environment"
elif [ -n "${INVITATION_LINK_PUBLIC_KEY:-}${INVITATION_LINK_PRIVATE_KEY:-}" ]; then
  echo "[keys] only one of INVITATION_LINK_PUBLIC_KEY and INVITATION_LINK_PRIVATE_KEY is set; set both (node tools/scripts/generate-invitation-link-keys.js) or neither" >&2
  exit 1
else
  if [ ! -s "$RUN/invitation-link-keys.env" ]; then
    (umask 077 && node tools/scripts/generate-invitation-link-keys.js > "$RUN/invitation-link-keys.env")
    echo "[keys] generated an X25519 key pair for invitation links into .run/invitation-link-keys.env"
  fi
  # shellcheck disable=SC1091
  source "$RUN/invitation-link-keys.env"
fi

for app in "${TWINNING_APPS[@]}"; do
  pidfile="$RUN/pids/$app.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    echo "[run] $app is already running (pid $(cat "$pidfile")); stop it first: tools/scripts/stop-local.sh" >&2
    exit 1
  fi
  if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$(port_of "$app")/"; then
    echo "[run] port $(port_of "$app") (for $app) is already taken by another process" >&2
    exit 1
  fi
done

stopping=0
stop_all() {
  [ "$stopping" = 1 ] && return 0
  stopping=1
  echo
  bash tools/scripts/stop-local.sh
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM

ensure_install
bash tools/scripts/ensure-postgres.sh
node tools/scripts/setup-databases.js ${TWINNING_FRESH_DATABASES:+--fresh}

if node tools/kafka/wait-for-kafka.js "127.0.0.1:$KAFKA_PORT" >/dev/null 2>&1; then
  echo "[kafka] a broker already answers on 127.0.0.1:$KAFKA_PORT; using it and leaving it running on exit"
else
  tools/kafka/kafka.sh start
  # stop-local.sh stops only a broker this script started
  printf 'KAFKA_PORT=%q\nKAFKA_STATE_DIR=%q\n' "$KAFKA_PORT" "${KAFKA_STATE_DIR:-$TWINNING_ROOT/tools/kafka/.state/$KAFKA_PORT}" > "$RUN/pids/kafka.started"
fi

if [ -z "${TWINNING_SKIP_BUILD:-}" ]; then
  node tools/scripts/build.js
  # the web app (apps/web) into dist/web: the gateway serves it at http://127.0.0.1:3000/
  if ! npx vite build --config apps/web/vite.config.mts --logLevel warn; then
    echo "[web] the web app did not build; the API still runs (see npm run web:build)" >&2
  fi
fi

smtp_sink_url=""
if [ -z "${SMTP_HOST:-}" ]; then
  export SMTP_SINK_PORT="${SMTP_SINK_PORT:-1025}" SMTP_SINK_HTTP_PORT="${SMTP_SINK_HTTP_PORT:-1080}" SMTP_SINK_DIR="$RUN/mail"
  echo "----- $(date -u +%FT%TZ) start" >> "$RUN/logs/smtp-sink.log"
  nohup node dist/tools/smtp-sink/main.js >> "$RUN/logs/smtp-sink.log" 2>&1 &
  echo $! > "$RUN/pids/smtp-sink.pid"
  deadline=$((SECONDS + 15))
  until curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$SMTP_SINK_HTTP_PORT/messages"; do
    if ! kill -0 "$(cat "$RUN/pids/smtp-sink.pid")" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      echo "[smtp-sink] did not start (ports $SMTP_SINK_PORT/$SMTP_SINK_HTTP_PORT taken?); see $RUN/logs/smtp-sink.log" >&2
      tail -5 "$RUN/logs/smtp-sink.log" >&2 || true
      stop_all; exit 1
    fi
    sleep 0.3
  done
  export SMTP_HOST=127.0.0.1 SMTP_PORT="$SMTP_SINK_PORT"
  smtp_sink_url="http://127.0.0.1:$SMTP_SINK_HTTP_PORT/"
  echo "[smtp-sink] SMTP on 127.0.0.1:$SMTP_SINK_PORT, messages on $smtp_sink_url"
fi

env_for() { # app -> the service's environment as NAME=value words
  local app="$1" base; base="$(pg_base_url)"
  echo "PORT=$(port_of "$app") DATABASE_URL=$base/$(db_name "$app") KAFKA_BROKERS=$KAFKA_BROKERS LOG_LEVEL=$LOG_LEVEL"
  if [ "$app" = gateway ]; then
    echo "DELEGATIONS_URL=http://127.0.0.1:$(port_of delegations) HOST_MATCHING_URL=http://127.0.0.1:$(port_of host-matching) LOGISTICS_URL=http://127.0.0.1:$(port_of logistics) NOTIFICATIONS_URL=http://127.0.0.1:$(port_of notifications)"
  fi
  if [ "$app" = gateway ] || [ "$app" = notifications ]; then
    echo "PUBLIC_WEB_URL=${PUBLIC_WEB_URL:-http://127.0.0.1:$(port_of gateway)}"
  fi
  if [ "$app" = gateway ]; then echo "INVITATION_LINK_PUBLIC_KEY=$INVITATION_LINK_PUBLIC_KEY"; fi
  if [ "$app" = notifications ]; then echo "INVITATION_LINK_PRIVATE_KEY=$INVITATION_LINK_PRIVATE_KEY"; fi
}

for app in "${TWINNING_APPS[@]}"; do
  migrate="dist/apps/$app/src/database/migrate.js"
  if [ -f "$migrate" ]; then
    echo "[migrate] $app"
    # shellcheck disable=SC2046
    env $(env_for "$app") node --enable-source-maps "$migrate"
  else
    echo "[migrate] $app: $migrate not built; skipped"
  fi
done

started=()
for app in "${TWINNING_APPS[@]}"; do
  main="dist/apps/$app/src/main.js"
  if [ ! -f "$main" ]; then echo "[run] $app: $main not built; skipped"; continue; fi
  log="$RUN/logs/$app.log"
  echo "----- $(date -u +%FT%TZ) start" >> "$log"
  # shellcheck disable=SC2046
  env $(env_for "$app") nohup node --enable-source-maps "$main" >> "$log" 2>&1 &
  echo $! > "$RUN/pids/$app.pid"
  started+=("$app")
done
if [ ${#started[@]} -eq 0 ]; then echo "[run] no service is built yet" >&2; stop_all; exit 1; fi

for app in "${started[@]}"; do
  port="$(port_of "$app")" pid="$(cat "$RUN/pids/$app.pid")" deadline=$((SECONDS + HEALTH_TIMEOUT))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/health" || true)" = 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "[run] $app exited during start-up; last lines of $RUN/logs/$app.log:" >&2
      tail -30 "$RUN/logs/$app.log" >&2 || true
      stop_all; exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "[run] $app did not answer 200 on http://127.0.0.1:$port/health within $HEALTH_TIMEOUT s; see $RUN/logs/$app.log" >&2
      stop_all; exit 1
    fi
    sleep 0.5
  done
  echo "[run] $app healthy on http://127.0.0.1:$port"
done

bootstrap="dist/apps/gateway/src/identity/cli/bootstrap-organisation.js"
if [ -f "$bootstrap" ]; then
  echo "[demo] organisations and their first admins"
  # shellcheck disable=SC2046
  env $(env_for gateway) BOOTSTRAP_ADMIN_PASSWORD="$DEMO_ADMIN_PASSWORD" node "$bootstrap" \
    --name "Tacoma Sister Cities" --city Tacoma --country US --time-zone America/Los_Angeles --language en \
    --admin-email admin@tacoma.example --admin-name "Tacoma Admin" || echo "[demo] bootstrapping Tacoma failed" >&2
  # shellcheck disable=SC2046
  env $(env_for gateway) BOOTSTRAP_ADMIN_PASSWORD="$DEMO_ADMIN_PASSWORD" node "$bootstrap" \
    --name "San Diego Sister City Society" --city "San Diego" --country US --time-zone America/Los_Angeles --language en \
    --admin-email admin@sandiego.example --admin-name "San Diego Admin" || echo "[demo] bootstrapping San Diego failed" >&2
  # shellcheck disable=SC2046
  env $(env_for gateway) BOOTSTRAP_ADMIN_PASSWORD="$DEMO_ADMIN_PASSWORD" node "$bootstrap" \
    --name "Fuzhou Friendship Association" --city Fuzhou --country CN --time-zone Asia/Shanghai --language zh-CN \
    --admin-email admin@fuzhou.example --admin-name "Lin Wei" --admin-language zh-CN || echo "[demo] bootstrapping Fuzhou failed" >&2
fi

if [ -f dist/tools/demo/seed-demo.js ]; then
  echo "[demo] seeding demo data"
  GATEWAY_URL="http://127.0.0.1:$(port_of gateway)" node --enable-source-maps dist/tools/demo/seed-demo.js || echo "[demo] seeding failed (services keep running)" >&2
fi

echo
echo "Twinning is running:"
for app in "${started[@]}"; do
  printf '  %-14s http://127.0.0.1:%s   log: .run/logs/%s.log\n' "$app" "$(port_of "$app")" "$app"
done
printf '  %-14s %s\n' kafka "$KAFKA_BROKERS"
if [ -n "$smtp_sink_url" ]; then printf '  %-14s %s   (SMTP 127.0.0.1:%s; JSON: GET/DELETE %smessages)\n' mail "$smtp_sink_url" "$SMTP_SINK_PORT" "$smtp_sink_url"; fi
printf '  %-14s %s\n' postgres "$(pg_base_url)/$(db_name '<service>')"
printf '  %-14s %s\n' sign-in "admin@tacoma.example / admin@sandiego.example / admin@fuzhou.example, password \$DEMO_ADMIN_PASSWORD ($DEMO_ADMIN_PASSWORD)"
printf '  %-14s %s\n' '' "coordinator@tacoma.example, youth@tacoma.example, coordinator@fuzhou.example (zh), chen.hong@fuzhou.example (host, zh), maria.garcia@sandiego.example (host, es)... password twinning-demo-person"
echo "Ctrl-C stops everything (or tools/scripts/stop-local.sh from another terminal)."
# for scripts that start this one in the background (the browser tests of npm test): the system is up and seeded
date -u +%FT%TZ > "$RUN/ready"

# foreground until Ctrl-C/TERM, or until a service exits on its own
declare -A pid_of=()
for app in "${started[@]}"; do pid_of[$app]="$(cat "$RUN/pids/$app.pid")"; done
set +e
wait -n "${pid_of[@]}"
code=$?
[ "$stopping" = 1 ] && exit 0
crashed=()
for app in "${started[@]}"; do
  # stop-local.sh removes a pid file before it stops the process: an exit without its pid file was asked for
  if ! kill -0 "${pid_of[$app]}" 2>/dev/null && [ -f "$RUN/pids/$app.pid" ]; then crashed+=("$app"); fi
done
if [ ${#crashed[@]} -eq 0 ]; then echo "[run] stopped by stop-local.sh"; exit 0; fi
for app in "${crashed[@]}"; do echo "[run] $app exited on its own (code $code); see $RUN/logs/$app.log" >&2; done
stop_all
exit 1
