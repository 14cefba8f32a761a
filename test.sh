#!/usr/bin/env bash
# Runs every test: unit, integration on SQLite and PostgreSQL, browser tests in Chromium.
# On a fresh Debian machine (as root) it installs PostgreSQL, Chromium and CJK fonts first, and starts a
# throwaway PostgreSQL server for the run. Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
PG_PORT=${FANGKONG_PG_PORT:-55432}
RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS" && mkdir -p "$RESULTS" "$ROOT/artifacts"

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
# The fonts printed PDFs embed (ADR 0009): Latin and common hanzi, then CJK Extensions A–F, then G and beyond.
fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" || need+=(fonts-wqy-microhei)
fc-list 2>/dev/null | grep -qi "HanaMinB" || need+=(fonts-hanazono)
fc-list 2>/dev/null | grep -qi "BabelStone Han" || need+=(fonts-babelstone-han)
# poppler checks the PDFs we write (pdfinfo, pdftotext); poppler-data holds the Chinese CMaps it needs for them.
{ command -v pdftotext >/dev/null && [ -d /usr/share/poppler/cMap/Adobe-GB1 ]; } || need+=(poppler-utils poppler-data)
# LibreOffice opens our XLSX exports in tests, as a user's spreadsheet program would (identifiers stay text).
command -v soffice >/dev/null || need+=(libreoffice-calc)
if [ ${#need[@]} -gt 0 ]; then
  echo "== Installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null || { echo "apt-get install failed"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
fi

echo "== Starting PostgreSQL on 127.0.0.1:$PG_PORT"
PGBIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
PGDATA=$(mktemp -d)
# A throwaway server: no fsync (the machine does not crash mid-run; durability is PostgreSQL's, not ours to test), so the
# template copies behind every test's database and the commits cost CPU, not disk waits.
PG_THROWAWAY="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
chown postgres:postgres "$PGDATA"; chmod 700 "$PGDATA"
stop_pg() { runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1; rm -rf "$PGDATA"; }
trap stop_pg EXIT
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 \
  -o "-p $PG_PORT -k $PGDATA -c listen_addresses=127.0.0.1 -c max_connections=300 $PG_THROWAWAY" start >/dev/null \
  || { cat "$PGDATA/server.log"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
export FANGKONG_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"

passed=0; failed=0; skipped=0
echo "== Build"
if ! dotnet build Fangkong.slnx -c Release -nologo -v q; then
  echo "build failed"; echo "0 passed, 1 failed, 0 skipped"; exit 1
fi

echo "== Format"
if ! dotnet format Fangkong.slnx --verify-no-changes --no-restore -v q; then
  echo "dotnet format found unformatted code (run: dotnet format Fangkong.slnx)"; failed=$((failed + 1))
fi

for proj in tests/*/*.Tests.csproj; do
  name=$(basename "$proj" .csproj)
  echo "== $name"
  log="$RESULTS/$name.log"
  dotnet test "$proj" -c Release --no-build -nologo --logger "console;verbosity=normal" \
    --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" 2>&1 | tee "$log" \
    | grep -E "^\s+(Failed|Skipped) |Error Message|Test Run|Total tests|error"
  rc=${PIPESTATUS[0]}
  trx="$RESULTS/$name.trx"
  counters=$(grep -o '<Counters [^>]*>' "$trx" 2>/dev/null | head -1)
  if [ -z "$counters" ]; then
    echo "$name did not report results"; failed=$((failed + 1)); continue
  fi
  attr() { sed -E "s/.* $1=\"([0-9]+)\".*/\1/" <<<"$counters"; }
  total=$(attr total); p=$(attr passed); f=$(attr failed); e=$(attr error)
  # A crashed or aborted test host can leave a trx with no failures counted: the exit code decides then.
  if [ "$rc" -ne 0 ] && [ $((f + e)) -eq 0 ]; then e=1; echo "$name: dotnet test exited $rc"; fi
  passed=$((passed + p)); failed=$((failed + f + e)); skipped=$((skipped + total - p - f - e))
  echo "   $name: $p passed, $((f + e)) failed, $((total - p - f - e)) skipped"
done

# The cluster's failure proofs (issue 22): a real pg_auto_failover pair, three API instances and HAProxy on 127.0.0.1:56000–56099,
# started and stopped by the script itself; counted like a test project. Root only (it installs and runs PostgreSQL as postgres).
# Opt-in for now (FANGKONG_FAULT_TEST=1): it took 17 minutes on a machine at load 50 and is not yet timed on a quiet one, and
# the whole CI run must stay under 30 minutes.
if [ "$(id -u)" -eq 0 ] && [ "${FANGKONG_FAULT_TEST:-}" = 1 ]; then
  echo "== deploy/fault-test.sh"
  deploy/fault-test.sh 2>&1 | tee "$RESULTS/fault-test.log"
  line=$(grep -E '^fault-test: [0-9]+ passed, [0-9]+ failed' "$RESULTS/fault-test.log" | tail -1)
  if [ -z "$line" ]; then
    echo "deploy/fault-test.sh did not report results"; failed=$((failed + 1))
  else
    p=$(sed -E 's/^fault-test: ([0-9]+) passed.*/\1/' <<<"$line"); f=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
    passed=$((passed + p)); failed=$((failed + f))
  fi
fi

find "$ROOT/tests" -path "*/bin/*" -name "*.png" -newer "$ROOT/test.sh" -exec cp {} "$ROOT/artifacts/" \; 2>/dev/null || true
find "$RESULTS" -name "*.png" -exec cp {} "$ROOT/artifacts/" \; 2>/dev/null || true

[ "$passed" -eq 0 ] && failed=$((failed + 1))
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
