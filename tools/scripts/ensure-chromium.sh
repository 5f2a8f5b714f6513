#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the web app's browser tests (playwright-core drives it; Playwright's
# own browser downloads do not work on these machines). Installs the `chromium` package with apt-get when
# CHROMIUM_PATH (/usr/bin/chromium) is missing; needs root (or sudo without a password) and Debian's package mirror.
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$path" ]; then "$path" --version 2>/dev/null || true; exit 0; fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
    echo "[chromium] $path is missing and this user cannot install packages; install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH" >&2
    exit 1
  fi
fi
echo "[chromium] installing Debian's chromium package"
$sudo apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends chromium >/dev/null
"$path" --version
