#!/usr/bin/env bash
# Makes sure the local PostgreSQL on 127.0.0.1:5432 accepts connections, starting the Debian cluster if
# it is stopped. Does nothing when PG_ADMIN_URL points at another host or port (someone else's server).
set -euo pipefail

url="${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
# host[:port] between "@" (or "//") and the next "/"
hostport="${url#*://}"; hostport="${hostport%%/*}"; hostport="${hostport##*@}"
host="${hostport%%:*}"; port="5432"
if [[ "$hostport" == *:* ]]; then port="${hostport##*:}"; fi
case "$host" in
  127.0.0.1|localhost|"") ;;
  *) echo "[postgres] PG_ADMIN_URL points at $host:$port; not managing it"; exit 0 ;;
esac
if [ "$port" != "5432" ]; then echo "[postgres] PG_ADMIN_URL uses port $port; not managing it"; exit 0; fi

ready() { pg_isready -q -h 127.0.0.1 -p 5432 -t 2; }

if ready; then exit 0; fi
if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d /etc/postgresql ]; then
  echo "[postgres] nothing accepts connections on 127.0.0.1:5432 and no Debian cluster is installed" >&2
  exit 1
fi
version="$(ls /etc/postgresql | sort -V | tail -1)"
echo "[postgres] starting cluster $version/main"
pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
for _ in $(seq 1 60); do
  if ready; then echo "[postgres] ready on 127.0.0.1:5432"; exit 0; fi
  sleep 0.5
done
echo "[postgres] not ready on 127.0.0.1:5432 after 30 s" >&2
exit 1
