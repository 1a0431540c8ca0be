#!/usr/bin/env bash
# PostgreSQL 15 server binaries for the server-engine tests. The tests start their own throwaway cluster as user
# `postgres` on a free port under a temp dir; this only makes sure the binaries and the user exist.
set -euo pipefail
if [ -x /usr/lib/postgresql/15/bin/initdb ] && id postgres >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "PostgreSQL 15 is missing: run 'sudo apt-get install -y postgresql-15' once." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq postgresql-15 >/dev/null
