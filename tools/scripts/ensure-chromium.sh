#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the web app's browser tests (playwright-core drives it; Playwright's
# own browser downloads do not work on these machines), with a Chinese font (fonts-wqy-zenhei) so the screenshots of
# the zh pages show characters, not boxes. Installs the packages with apt-get when CHROMIUM_PATH (/usr/bin/chromium)
# or the font is missing; needs root (or sudo without a password) and Debian's package mirror.
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
packages=()
[ -x "$path" ] || packages+=(chromium)
[ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || packages+=(fonts-wqy-zenhei)
if [ ${#packages[@]} -eq 0 ]; then "$path" --version 2>/dev/null || true; exit 0; fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
    echo "[chromium] ${packages[*]} missing and this user cannot install packages: apt-get install ${packages[*]} (or set CHROMIUM_PATH)" >&2
    [ -x "$path" ] && exit 0   # only the font is missing: the tests still run
    exit 1
  fi
fi
echo "[chromium] installing Debian's ${packages[*]}"
$sudo apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${packages[@]}" >/dev/null
"$path" --version
