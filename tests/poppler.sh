#!/usr/bin/env bash
# Makes Debian's poppler-utils available (pdftoppm, pdftotext): the monthly PDF's test turns
# its first page into an image and reads its text back. Prints nothing on success.
set -euo pipefail
if command -v pdftoppm >/dev/null && command -v pdftotext >/dev/null; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "poppler-utils is not installed and we are not root: the PDF test will be skipped." >&2
  exit 0
fi
echo "Installing poppler-utils from Debian's packages…" >&2
apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
