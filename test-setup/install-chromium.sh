#!/usr/bin/env bash
# Debian's Chromium for the web app's end-to-end tests (Microsoft.Playwright drives it through ExecutablePath;
# the tests never run `playwright install`, which would download a browser build). Installs only when missing.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is missing: run 'sudo apt-get update && sudo apt-get install -y chromium' once." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
