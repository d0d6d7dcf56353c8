#!/usr/bin/env bash
# The offline demo: sets up the environment if needed, then serves the project's sample news
# sites on 127.0.0.1 and runs crawl → extract → knowledge base → digest → answers on them.
# The knowledge base is ./newsbot.db (or NEWSBOT_DATABASE_URL); run it again to see re-crawls
# change nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
scripts/bootstrap.sh
exec "$VENV/bin/newsbot" demo "$@"
