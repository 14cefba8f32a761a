#!/usr/bin/env bash
# The Fangkong cluster on this machine's loopback, for development and the fault tests (issue 22, ADR 0043):
#   a pg_auto_failover monitor, a PostgreSQL primary and a standby with synchronous replication,
#   N API instances (the Release build of src/Fangkong.Web, each its own process), HAProxy in front.
#
#   deploy/cluster.sh start [N]    start it (N API instances, default 3); the first start seeds a small demo city
#   deploy/cluster.sh stop         stop every process it started and delete deploy/run
#   deploy/cluster.sh status       the processes, the pg_auto_failover state, HAProxy's view of the instances
#
# Run as root (it installs haproxy and pg_auto_failover from Debian's packages when they are missing, and runs PostgreSQL as
# the postgres user). Everything listens on 127.0.0.1, ports 56000–56099; everything it writes is under deploy/run.
# Settings from the environment: FK_SEED_RESIDENTS (default 1000), FK_SEED_DAYS (default 2), FK_CLUSTER_RUN (default deploy/run).
set -euo pipefail
DEPLOY=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$DEPLOY")
RUN=${FK_CLUSTER_RUN:-$DEPLOY/run}
MONITOR_PORT=56000
NODE_PORTS=(56001 56002)
HAPROXY_PORT=56010
STATS_PORT=56011
API_BASE_PORT=56020          # instance i listens on API_BASE_PORT + i (56021, 56022, …)
DB=fangkong
WEB_DLL=$ROOT/src/Fangkong.Web/bin/Release/net10.0/Fangkong.Web.dll

log() { printf '[cluster %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
as_pg() { runuser -u postgres -- env XDG_CONFIG_HOME="$RUN/xdg/config" XDG_DATA_HOME="$RUN/xdg/data" "$@"; }
pgbin() { dirname "$(ls /usr/lib/postgresql/15/bin/pg_ctl 2>/dev/null || ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1)"; }
monitor_uri() { echo "postgres://autoctl_node@127.0.0.1:$MONITOR_PORT/pg_auto_failover?sslmode=disable"; }

# The connection string every instance uses: both nodes, writes to whichever is primary now (ADR 0043). Host Recheck
# Seconds=1 so a node seen as standby is asked again a second later, when it may have been promoted.
connection_string() {
  echo "Host=127.0.0.1:${NODE_PORTS[0]},127.0.0.1:${NODE_PORTS[1]};Database=$DB;Username=postgres;Target Session Attributes=primary;Host Recheck Seconds=1;Timeout=3;Command Timeout=30;Maximum Pool Size=60"
}

install_missing() {
  local need=()
  command -v haproxy >/dev/null || need+=(haproxy)
  [ -x /usr/bin/pg_autoctl ] || need+=(pg-auto-failover-cli)
  ls /usr/lib/postgresql/15/lib/pgautofailover.so >/dev/null 2>&1 || need+=(postgresql-15-auto-failover)
  ls /usr/lib/postgresql/15/bin/initdb >/dev/null 2>&1 || need+=(postgresql-15)
  if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
  fi
}

build_if_missing() {
  if [ ! -f "$WEB_DLL" ]; then
    log "building src/Fangkong.Web (Release)"
    dotnet build "$ROOT/src/Fangkong.Web" -c Release -nologo -v q >/dev/null
  fi
}

# Starts a command in its own session (so stop, and the fault test's kill -9, reach the whole process group) with its pid in RUN/pids/NAME.
spawn() {
  local name=$1; shift
  setsid "$@" >"$RUN/logs/$name.log" 2>&1 < /dev/null &
  echo $! >"$RUN/pids/$name"
}

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local limit=$1 what=$2; shift 2
  local until=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $until ]; then log "timed out after ${limit}s waiting for $what"; return 1; fi
    sleep 0.2
  done
}

node_state() { # node_state PORT → the node's current state in the monitor (primary, secondary, wait_primary, …)
  as_pg psql -qAt -h 127.0.0.1 -p $MONITOR_PORT -d pg_auto_failover \
    -c "SELECT reportedstate FROM pgautofailover.node WHERE nodeport = $1" 2>/dev/null
}
is_state() { [ "$(node_state "$1")" = "$2" ]; }

start_postgres() {
  local pgctl; pgctl="$(pgbin)/pg_ctl"
  mkdir -p "$RUN/pg" "$RUN/xdg"
  chown -R postgres:postgres "$RUN/pg" "$RUN/xdg"
  log "pg_auto_failover monitor on 127.0.0.1:$MONITOR_PORT"
  as_pg pg_autoctl create monitor --pgdata "$RUN/pg/monitor" --pgport $MONITOR_PORT --pgctl "$pgctl" \
    --hostname 127.0.0.1 --auth trust --no-ssl >"$RUN/logs/monitor-create.log" 2>&1
  spawn monitor runuser -u postgres -- env XDG_CONFIG_HOME="$RUN/xdg/config" XDG_DATA_HOME="$RUN/xdg/data" \
    pg_autoctl run --pgdata "$RUN/pg/monitor"
  wait_for 30 "the monitor" as_pg psql -qAt -h 127.0.0.1 -p $MONITOR_PORT -d pg_auto_failover -c "SELECT 1"
  # Fail over in seconds on this machine, not the production defaults' ~30 s (docs/runbook.md says which values to use there).
  as_pg psql -q -h 127.0.0.1 -p $MONITOR_PORT -d pg_auto_failover >/dev/null <<'SQL'
ALTER SYSTEM SET pgautofailover.health_check_period = 1000;
ALTER SYSTEM SET pgautofailover.health_check_timeout = 2000;
ALTER SYSTEM SET pgautofailover.health_check_max_retries = 2;
ALTER SYSTEM SET pgautofailover.health_check_retry_delay = 500;
ALTER SYSTEM SET pgautofailover.node_considered_unhealthy_timeout = 6000;
ALTER SYSTEM SET pgautofailover.primary_demote_timeout = 8000;
SELECT pg_reload_conf();
SQL
  local i
  for i in 0 1; do
    local port=${NODE_PORTS[$i]} name="node$((i + 1))"
    log "PostgreSQL $name on 127.0.0.1:$port"
    as_pg pg_autoctl create postgres --pgdata "$RUN/pg/$name" --pgport "$port" --pgctl "$pgctl" --name "$name" \
      --hostname 127.0.0.1 --auth trust --no-ssl --dbname $DB --monitor "$(monitor_uri)" \
      --replication-quorum true --candidate-priority 50 >"$RUN/logs/$name-create.log" 2>&1
    # The keeper must give up a primary it cannot confirm before the monitor's demote timeout promotes the other node.
    as_pg pg_autoctl config set --pgdata "$RUN/pg/$name" timeout.network_partition_timeout 5 >/dev/null
    cat >>"$RUN/pg/$name/postgresql.auto.conf" <<CONF
listen_addresses = '127.0.0.1'
max_connections = 300
CONF
    spawn "$name" runuser -u postgres -- env XDG_CONFIG_HOME="$RUN/xdg/config" XDG_DATA_HOME="$RUN/xdg/data" \
      pg_autoctl run --pgdata "$RUN/pg/$name"
    if [ "$i" -eq 0 ]; then
      wait_for 60 "$name to be primary" is_state "$port" single
    else
      wait_for 90 "$name to be a secondary" is_state "$port" secondary
    fi
  done
  wait_for 30 "the primary to require the standby's acknowledgement" \
    bash -c "[ \"\$(runuser -u postgres -- psql -qAt -h 127.0.0.1 -p ${NODE_PORTS[0]} -d $DB -c 'SHOW synchronous_standby_names')\" != '' ]"
  log "synchronous_standby_names on the primary: $(as_pg psql -qAt -h 127.0.0.1 -p "${NODE_PORTS[0]}" -d $DB -c 'SHOW synchronous_standby_names')"
}

api_env() { # the settings every instance shares (docs/deployment.md says what production changes)
  cat <<ENV
ASPNETCORE_ENVIRONMENT=Production
Storage__Provider=Postgres
Storage__ConnectionString=$(connection_string)
DataProtection__KeysPath=$RUN/keys
Demo__SeedOnStart=true
Demo__Residents=${FK_SEED_RESIDENTS:-1000}
Demo__Days=${FK_SEED_DAYS:-2}
Demo__Outbreak=0
Policy__Accounts__RequireTotp=false
Policy__Accounts__SignInsPerMinute=100000
Logging__LogLevel__Default=Warning
Logging__LogLevel__Fangkong.Web.Hosting.DemoStartup=Information
Logging__LogLevel__Microsoft.Extensions.Diagnostics.HealthChecks=Critical
ENV
}

start_api() { # start_api I
  local i=$1 port=$((API_BASE_PORT + $1))
  local envs=(); while IFS= read -r line; do envs+=("$line"); done < <(api_env)
  # Content root = the build output (its appsettings.json and static web assets' manifest).
  spawn "api$i" env --chdir "$(dirname "$WEB_DLL")" "${envs[@]}" dotnet "$WEB_DLL" --urls "http://127.0.0.1:$port"
}

api_ready() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$((API_BASE_PORT + $1))/health/ready"; }

write_haproxy_cfg() {
  local n=$1 i
  {
    cat <<CFG
# Written by deploy/cluster.sh. Health checks ask each instance's /health/ready every second; three failures (3 s to answer each) take it out
# of rotation, two successes bring it back. A request refused at connect (the instance is gone) is sent to another
# instance; a request already sent to an instance that dies fails, and the device retries it with the same key.
global
    maxconn 4096
    pidfile $RUN/pids/haproxy.pid
    stats socket $RUN/haproxy.sock mode 600 level admin

defaults
    mode http
    timeout connect 1s
    timeout client 60s
    timeout server 60s
    timeout tunnel 1h
    retries 2
    option redispatch
    option http-server-close

frontend fangkong
    bind 127.0.0.1:$HAPROXY_PORT
    default_backend api

backend api
    balance roundrobin
    # Blazor's pages keep a circuit on one instance: a cookie pins a browser to its instance while it is up.
    cookie FKSRV insert indirect nocache httponly
    option httpchk GET /health/ready
    http-check expect status 200
    # A busy instance may take more than a second to answer its check: 3 s to answer, three misses to be taken out.
    timeout check 3s
    default-server check inter 1s fall 3 rise 2 on-marked-down shutdown-sessions
CFG
    for i in $(seq 1 "$n"); do echo "    server api$i 127.0.0.1:$((API_BASE_PORT + i)) cookie api$i"; done
    cat <<CFG

listen stats
    bind 127.0.0.1:$STATS_PORT
    stats enable
    stats uri /
    stats refresh 2s
CFG
  } >"$RUN/haproxy.cfg"
}

start() {
  local n=${1:-3}
  if [ -d "$RUN/pids" ] && ls "$RUN/pids"/* >/dev/null 2>&1; then
    echo "The cluster seems to be running (deploy/run/pids exists): deploy/cluster.sh stop first." >&2; exit 1
  fi
  [ "$(id -u)" -eq 0 ] || { echo "Run as root." >&2; exit 1; }
  local t0=$SECONDS
  install_missing
  build_if_missing
  # Keep the kernel from handing our ports to outgoing connections (56000–56099 lie in its ephemeral range), or an
  # instance can find its port taken by a connection to PostgreSQL.
  sysctl -q -w net.ipv4.ip_local_reserved_ports="56000-56099" || log "could not reserve 56000-56099; a port may be taken"
  rm -rf "$RUN"; mkdir -p "$RUN/logs" "$RUN/pids" "$RUN/keys"
  start_postgres
  log "database ready after $((SECONDS - t0)) s"
  # The first instance migrates the store and seeds the demo city alone; the others start once it is ready.
  log "API instance 1 on 127.0.0.1:$((API_BASE_PORT + 1)) (migrates, seeds ${FK_SEED_RESIDENTS:-1000} residents)"
  start_api 1
  wait_for 600 "instance 1 to be ready" api_ready 1 || { tail -30 "$RUN/logs/api1.log"; exit 1; }
  local i
  for i in $(seq 2 "$n"); do log "API instance $i on 127.0.0.1:$((API_BASE_PORT + i))"; start_api "$i"; done
  for i in $(seq 2 "$n"); do wait_for 180 "instance $i to be ready" api_ready "$i" || { tail -30 "$RUN/logs/api$i.log"; exit 1; }; done
  write_haproxy_cfg "$n"
  haproxy -c -q -f "$RUN/haproxy.cfg"
  haproxy -D -f "$RUN/haproxy.cfg"
  wait_for 20 "HAProxy" curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$HAPROXY_PORT/health/ready"
  echo "$n" >"$RUN/instances"
  log "cluster up in $((SECONDS - t0)) s: http://127.0.0.1:$HAPROXY_PORT (HAProxy stats: http://127.0.0.1:$STATS_PORT)"
  log "connection string: $(connection_string)"
}

stop() {
  [ -d "$RUN" ] || { log "not running"; return 0; }
  local f pid
  # API instances and HAProxy first, then the PostgreSQL nodes, the monitor last.
  for f in "$RUN"/pids/api* "$RUN/pids/haproxy.pid"; do
    [ -f "$f" ] || continue
    pid=$(cat "$f"); kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  done
  for f in "$RUN"/pids/api*; do [ -f "$f" ] && wait_gone "$(cat "$f")"; done
  for f in "$RUN/pids/node2" "$RUN/pids/node1" "$RUN/pids/monitor"; do
    [ -f "$f" ] || continue
    pid=$(cat "$f"); kill -TERM -- "-$pid" 2>/dev/null || true
    wait_gone "$pid"
  done
  # Anything of ours still holding on (a postgres whose keeper was killed with -9) is stopped by its data directory.
  local d
  for d in "$RUN"/pg/*; do
    [ -f "$d/postmaster.pid" ] && runuser -u postgres -- "$(pgbin)/pg_ctl" -D "$d" -m immediate stop >/dev/null 2>&1 || true
  done
  rm -rf "$RUN"
  log "stopped; deploy/run removed"
}

wait_gone() { # wait_gone PID: up to 15 s, then kill -9 its process group
  local i
  for i in $(seq 1 75); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.2; done
  kill -KILL -- "-$1" 2>/dev/null || true
}

status() {
  [ -d "$RUN/pids" ] || { echo "not running"; return 0; }
  local f
  for f in "$RUN"/pids/*; do
    local name; name=$(basename "$f" .pid); local pid; pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then echo "$name: running (pid $pid)"; else echo "$name: not running"; fi
  done
  echo
  as_pg pg_autoctl show state --pgdata "$RUN/pg/monitor" 2>/dev/null || echo "monitor: not answering"
  echo
  local i n; n=$(cat "$RUN/instances" 2>/dev/null || echo 0)
  for i in $(seq 1 "$n"); do
    printf 'api%s http://127.0.0.1:%s/health/ready → ' "$i" "$((API_BASE_PORT + i))"
    curl -sS --max-time 2 "http://127.0.0.1:$((API_BASE_PORT + i))/health/ready" || printf 'no answer'
    echo
  done
  echo
  echo "HAProxy: http://127.0.0.1:$HAPROXY_PORT   stats: http://127.0.0.1:$STATS_PORT"
}

case "${1:-}" in
  start) start "${2:-3}" ;;
  stop) stop ;;
  status) status ;;
  connection-string) connection_string ;;
  primary) # the node that is primary now, by the monitor (empty while none is)
    as_pg psql -qAt -h 127.0.0.1 -p $MONITOR_PORT -d pg_auto_failover \
      -c "SELECT nodename FROM pgautofailover.node WHERE reportedstate IN ('primary','wait_primary','single') AND goalstate IN ('primary','wait_primary','single') ORDER BY reportedlsn DESC LIMIT 1" 2>/dev/null || true ;;
  *) echo "usage: deploy/cluster.sh start [instances] | stop | status" >&2; exit 2 ;;
esac
