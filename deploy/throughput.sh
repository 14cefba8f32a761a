#!/usr/bin/env bash
# Gate throughput through HAProxy with 3, 2 and 1 API instances on this machine, and the CPU each request costs
# (docs/performance.md, "Issue 22"). Starts its own cluster and stops it. Run as root: deploy/throughput.sh [seconds]
set -uo pipefail
DEPLOY=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$DEPLOY")
RUN=${FK_CLUSTER_RUN:-$DEPLOY/run}
SECONDS_EACH=${1:-10}
BENCH_DLL=$ROOT/bench/Fangkong.Bench/bin/Release/net10.0/Fangkong.Bench.dll
[ -f "$BENCH_DLL" ] || dotnet build "$ROOT/bench/Fangkong.Bench" -c Release -nologo -v q >/dev/null
trap '"$DEPLOY/cluster.sh" stop >/dev/null 2>&1' EXIT
"$DEPLOY/cluster.sh" stop >/dev/null 2>&1
"$DEPLOY/cluster.sh" start 3 || exit 1
CS=$("$DEPLOY/cluster.sh" connection-string)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
for n in 3 2 1; do
  pids=$(for i in $(seq 1 "$n"); do cat "$RUN/pids/api$i"; done | paste -sd,)
  dotnet "$BENCH_DLL" cluster throughput --url http://127.0.0.1:56010 --postgres "$CS" --seconds "$SECONDS_EACH" \
    --pids "$pids" --label "$n instance(s)" | grep '^throughput'
  if [ "$n" -gt 1 ]; then
    # The next run without instance n: stopped, and out of HAProxy's rotation after its failed health checks.
    kill -TERM "$(cat "$RUN/pids/api$n")"; sleep 4
  fi
done
