# Shared helpers for the repository's bash scripts (sourced, not executed).

TWINNING_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TWINNING_APPS=(gateway delegations host-matching logistics notifications)
INSTALL_STAMP="$TWINNING_ROOT/node_modules/.twinning-install-stamp"

# Runs `npm ci` when node_modules is missing or package-lock.json changed since the last install.
# The stamp holds the lock file's hash (mtimes are not reliable after a git checkout). Without a stamp, an
# existing node_modules whose npm-written .package-lock.json is at least as new as the lock file is trusted.
ensure_install() {
  local lock="$TWINNING_ROOT/package-lock.json" hash
  hash="$(sha256sum "$lock" | cut -d' ' -f1)"
  if [ -d "$TWINNING_ROOT/node_modules" ]; then
    if [ -f "$INSTALL_STAMP" ]; then
      [ "$(cat "$INSTALL_STAMP")" = "$hash" ] && return 0
    elif [ -f "$TWINNING_ROOT/node_modules/.package-lock.json" ] && [ ! "$lock" -nt "$TWINNING_ROOT/node_modules/.package-lock.json" ]; then
      echo "$hash" > "$INSTALL_STAMP"
      return 0
    fi
  fi
  echo "[install] npm ci (node_modules missing or package-lock.json changed)"
  (cd "$TWINNING_ROOT" && npm ci --no-audit --no-fund)
  echo "$hash" > "$INSTALL_STAMP"
}

# twinning_<app with underscores>, with the optional TWINNING_DB_PREFIX in front
db_name() { echo "${TWINNING_DB_PREFIX:-}twinning_${1//-/_}"; }

# postgres://user@host:port (PG_ADMIN_URL without its database and query)
pg_base_url() {
  local url="${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
  url="${url%%\?*}"
  local rest="${url#*://}"
  if [[ "$rest" == */* ]]; then url="${url%/*}"; fi
  echo "$url"
}

# the services' ports: TWINNING_PORT_BASE (3000) for the gateway, then +1..+4 (a second system beside the local one:
# the browser tests of `npm test` run theirs on 3100)
port_of() {
  local base="${TWINNING_PORT_BASE:-3000}"
  case "$1" in
    gateway) echo "$base" ;; delegations) echo $((base + 1)) ;; host-matching) echo $((base + 2)) ;; logistics) echo $((base + 3)) ;; notifications) echo $((base + 4)) ;;
    *) echo "unknown app $1" >&2; return 1 ;;
  esac
}

# where run-local.sh keeps pids, logs, keys and mail (TWINNING_RUN_DIR, default .run)
run_dir() { echo "${TWINNING_RUN_DIR:-$TWINNING_ROOT/.run}"; }
