#!/usr/bin/env bash
# Adds a migration with the same name to both storage projects: ./new-migration.sh Name
set -euo pipefail
cd "$(dirname "$0")"
for s in Sqlite Postgres; do
  dotnet ef migrations add "$1" --project src/Fangkong.Storage.$s --startup-project src/Fangkong.Storage.$s --output-dir Migrations
done
