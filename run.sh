#!/usr/bin/env bash
# Runs Fangkong on http://127.0.0.1:5080 with an embedded SQLite database (data/fangkong.db beside this script).
# On first start it generates the demo city (about 50,000 residents, 14 days of visits) and prints the demo accounts.
# Pass settings through, e.g.:  ./run.sh --Demo:Residents=10000   or   ./run.sh --urls http://0.0.0.0:8080
set -euo pipefail
cd "$(dirname "$0")"
# The database lives in ./data whatever directory `dotnet run` gives the app; a setting of the caller's wins.
export Storage__ConnectionString="${Storage__ConnectionString:-Data Source=$(pwd)/data/fangkong.db}"
# A shell starts a background job with Ctrl-C (SIGINT) ignored, and the server would inherit that: reset it, so
# `./run.sh &` stops on Ctrl-C after `fg` or on `kill -INT` like a foreground run.
exec env --default-signal=INT dotnet run --project src/Fangkong.Web --launch-profile http -- "$@"
