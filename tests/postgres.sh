#!/usr/bin/env bash
# Makes a local PostgreSQL server available for the storage tests and prints nothing on
# success. Uses Debian's cluster; installs the package when missing (needs root).
set -euo pipefail
if [ -n "${PROXIMITY_TEST_POSTGRES_URL:-}" ]; then exit 0; fi
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    echo "PostgreSQL is not installed and we are not root: its tests will be skipped." >&2
    exit 0
  fi
  echo "Installing PostgreSQL from Debian's packages…" >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | grep -q "^$version main .* online"; then
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
fi
if [ "$(id -u)" = 0 ]; then
  su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='root'\"" | grep -q 1 \
    || su postgres -c "createuser -s root"
fi
