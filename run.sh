#!/usr/bin/env bash
# Runs Fangkong on http://127.0.0.1:5080 with an embedded SQLite database (data/fangkong.db).
# On first start it generates the demo city (about 50,000 residents, 14 days of visits) and prints the demo accounts.
# Pass settings through, e.g.:  ./run.sh --Demo:Residents=10000   or   ./run.sh --urls http://0.0.0.0:8080
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet run --project src/Fangkong.Web --launch-profile http -- "$@"
