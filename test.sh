#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh machine, then runs every test project.
# - Chromium (Debian package) for the browser tests, through test-setup/install-chromium.sh.
# - PostgreSQL 15 server binaries for the server-engine tests, through test-setup/install-postgres.sh when present.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --project tests/TotalPlace.Core.Tests).
set -euo pipefail
cd "$(dirname "$0")"

for setup in test-setup/install-*.sh; do
  [ -e "$setup" ] && bash "$setup"
done

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
if [ "$#" -gt 0 ]; then
  dotnet test "$@" 2>&1 | tee "$log" || status=$?
else
  dotnet test --solution TotalPlace.slnx 2>&1 | tee "$log" || status=$?
fi

# One plain closing line that CI can read, from Microsoft.Testing.Platform's own totals.
passed=$(grep -E '^\s*succeeded: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
failed=$(grep -E '^\s*failed: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
skipped=$(grep -E '^\s*skipped: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
