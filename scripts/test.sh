#!/usr/bin/env bash
# The test suite: sets up the environment if needed, then runs pytest (arguments pass through).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
scripts/bootstrap.sh
exec "$VENV/bin/python" -m pytest "$@"
