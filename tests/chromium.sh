#!/usr/bin/env bash
# Makes Debian's Chromium available for the web console's browser tests (Playwright drives
# it by its path; Playwright never downloads a browser here). Prints nothing on success.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "Chromium is not installed and we are not root: the browser tests will be skipped." >&2
  exit 0
fi
echo "Installing Chromium from Debian's packages…" >&2
apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
