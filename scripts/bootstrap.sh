#!/usr/bin/env bash
# Create (or refresh) the project's virtual environment in $VENV (default .venv) with the
# project and its dev extras installed. Re-installs only when pyproject.toml changed.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "newsbot needs Python 3.11 or newer ($PYTHON is older)" >&2; exit 1; }
stamp="$VENV/.newsbot-installed"
want=$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  "$VENV/bin/python" -m pip install --quiet --upgrade pip >&2
  "$VENV/bin/python" -m pip install --quiet -e '.[dev]' >&2
  echo "$want" > "$stamp"
fi
