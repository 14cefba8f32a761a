#!/usr/bin/env bash
# The failure proofs of issue 22, on a cluster this script starts (deploy/cluster.sh) and stops again:
#   capacity  200 check-ins at once at a hall of capacity 50, from devices spread over all three instances → never more than 50 inside
#   api-kill  gate load through HAProxy, kill -9 one API instance → only in-flight requests fail, the devices' retries succeed on
#             another instance, every acknowledged event is in the store exactly once
#   pg-kill   the same load, kill -9 the PostgreSQL primary (its keeper and its server) → pg_auto_failover promotes the standby,
#             the instances reconnect without a restart, every event acknowledged is on the new primary; downtime printed
# Needs the Release build (./test.sh builds it first). Ends with "N passed, N failed" for test.sh to add up.
set -uo pipefail
DEPLOY=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$DEPLOY")
RUN=${FK_CLUSTER_RUN:-$DEPLOY/run}
URL=http://127.0.0.1:56010
BENCH_DLL=$ROOT/bench/Fangkong.Bench/bin/Release/net10.0/Fangkong.Bench.dll
WORK=$(mktemp -d)
passed=0; failed=0
T0=$SECONDS

say() { printf '[fault-test %s +%ss] %s\n' "$(date -u +%H:%M:%S)" "$((SECONDS - T0))" "$*"; }
result() { # result NAME OK(0/1) SECONDS
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); say "PASS $1 (${3}s)"; else failed=$((failed + 1)); say "FAIL $1 (${3}s)"; fi
}
finish() {
  local t=$SECONDS
  # A failed proof leaves the cluster's logs where test.sh keeps its artifacts.
  if [ "$failed" -gt 0 ] && [ -d "$RUN/logs" ]; then
    rm -rf "$ROOT/artifacts/cluster-logs"; mkdir -p "$ROOT/artifacts"; cp -r "$RUN/logs" "$ROOT/artifacts/cluster-logs"
    cp "$RUN/haproxy.cfg" "$WORK"/*.log "$ROOT/artifacts/cluster-logs/" 2>/dev/null
  fi
  "$DEPLOY/cluster.sh" stop >/dev/null 2>&1
  say "cluster stopped ($((SECONDS - t))s); total $((SECONDS - T0))s"
  rm -rf "$WORK"
  echo "fault-test: $passed passed, $failed failed"
}
trap finish EXIT

if [ ! -f "$BENCH_DLL" ]; then
  say "building bench/Fangkong.Bench (Release)"
  dotnet build "$ROOT/bench/Fangkong.Bench" -c Release -nologo -v q >/dev/null || { failed=1; exit 1; }
fi
bench() { dotnet "$BENCH_DLL" cluster "$@" --url "$URL" --postgres "$CS"; }
CS=$("$DEPLOY/cluster.sh" connection-string)
# kill -9 a process group, and the PostgreSQL server of a node by its postmaster.pid (it may have left the group).
kill9() { kill -KILL -- "-$1" 2>/dev/null; kill -KILL "$1" 2>/dev/null; true; }

# Waits until the loader says its devices are signed in and sending (up to 120 s).
started() { local i; for i in $(seq 1 600); do [ -s "$1" ] && return 0; sleep 0.2; done; say "the load did not start"; }

# Whatever an earlier run left behind (a stopped session) goes first.
"$DEPLOY/cluster.sh" stop >/dev/null 2>&1
t=$SECONDS
if ! "$DEPLOY/cluster.sh" start 3 >"$WORK/start.log" 2>&1; then
  cat "$WORK/start.log"; result "cluster start" 1 $((SECONDS - t)); exit 1
fi
grep -E "cluster up|synchronous_standby_names" "$WORK/start.log"
say "cluster started in $((SECONDS - t))s"
bench prepare >/dev/null || { result "fixture" 1 0; exit 1; }

# Capacity first, while all three instances serve.
t=$SECONDS
bench capacity --visitors 200 --instances http://127.0.0.1:56021,http://127.0.0.1:56022,http://127.0.0.1:56023; rc=$?
result "capacity: 200 check-ins at capacity 50 across 3 instances" $rc $((SECONDS - t))

# One API instance killed under load.
t=$SECONDS
bench load --seconds 12 --tag a --acked "$WORK/a.txt" --started "$WORK/a.started" >"$WORK/a.log" 2>&1 &
load=$!
started "$WORK/a.started"; sleep 3
victim=$(head -1 "$WORK/a.started" 2>/dev/null); [ -f "$RUN/pids/$victim" ] || victim=api2
say "kill -9 $victim (pid $(cat "$RUN/pids/$victim"), the instance most devices are pinned to)"
kill9 "$(cat "$RUN/pids/$victim")"
wait $load; rc=$?
cat "$WORK/a.log"
bench verify --acked "$WORK/a.txt"; vrc=$?
result "api-kill: kill -9 one instance, every acknowledged event stored once" $((rc | vrc)) $((SECONDS - t))

# The primary killed under load.
t=$SECONDS
primary=$("$DEPLOY/cluster.sh" primary)
bench load --seconds 25 --tag b --acked "$WORK/b.txt" --started "$WORK/b.started" >"$WORK/b.log" 2>&1 &
load=$!
started "$WORK/b.started"; sleep 3
say "kill -9 the primary $primary (keeper pid $(cat "$RUN/pids/$primary"), postgres pid $(head -1 "$RUN/pg/$primary/postmaster.pid" 2>/dev/null))"
kill9 "$(cat "$RUN/pids/$primary")"
[ -f "$RUN/pg/$primary/postmaster.pid" ] && kill9 "$(head -1 "$RUN/pg/$primary/postmaster.pid")"
wait $load; rc=$?
cat "$WORK/b.log"
now=$("$DEPLOY/cluster.sh" primary)
say "primary now: ${now:-none}"
[ -n "$now" ] && [ "$now" != "$primary" ] || rc=1
bench verify --acked "$WORK/b.txt"; vrc=$?
downtime=$(sed -n 's/^downtime-seconds //p' "$WORK/b.log")
say "time without service during the failover: ${downtime:-?} s"
result "pg-kill: kill -9 the primary, standby promoted, every acknowledged event on it" $((rc | vrc)) $((SECONDS - t))

[ "$failed" -eq 0 ]
