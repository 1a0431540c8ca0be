#!/usr/bin/env bash
# LibreOffice Calc (Debian's headless build) for the appraisal workbook tests: it recalculates the workbook's formulas
# as an engine independent of TotalPlace. Installs only when missing.
set -euo pipefail
if [ -x /usr/bin/soffice ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "LibreOffice Calc is missing: run 'sudo apt-get update && sudo apt-get install -y libreoffice-calc-nogui' once." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq libreoffice-calc-nogui >/dev/null
