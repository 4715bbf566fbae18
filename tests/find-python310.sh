#!/usr/bin/env bash
# Prints the path of a working Python 3.10 for Rasa: pyenv's first, then PATH.
set -u
candidates=()
if command -v pyenv >/dev/null 2>&1; then
  root="$(pyenv root)"
  for dir in "$root"/versions/3.10*/; do candidates+=("${dir}bin/python"); done
fi
candidates+=("$(command -v python3.10 2>/dev/null || true)")
for py in "${candidates[@]}"; do
  if [ -n "$py" ] && [ -x "$py" ] && "$py" -c 'import sys, venv; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; then
    echo "$py"
    exit 0
  fi
done
echo "Rasa 3.6 needs Python 3.10, and none was found." >&2
echo "Install it with pyenv ('pyenv install 3.10') or your system's python3.10 package, then retry." >&2
exit 1
