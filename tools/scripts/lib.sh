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

port_of() {
  case "$1" in
    gateway) echo 3000 ;; delegations) echo 3001 ;; host-matching) echo 3002 ;; logistics) echo 3003 ;; notifications) echo 3004 ;;
    *) echo "unknown app $1" >&2; return 1 ;;
  esac
}
