#!/usr/bin/env bash
# Peers for `trib bench coord`: 3-member etcd and ZooKeeper clusters on loopback, with their
# durable defaults (etcd fsyncs its WAL; ZooKeeper forceSync=yes). Nothing is tuned.
#
#   scripts/bench/peers.sh start   install etcd-server/zookeeper if missing, start both clusters,
#                                  wait until each has a leader, print the addresses
#   scripts/bench/peers.sh stop    stop the processes started by `start`, remove their data
#
# etcd:      clients 127.0.0.1:23791-23793, peers 127.0.0.1:23801-23803
# ZooKeeper: clients 127.0.0.1:21811-21813, quorum 127.0.0.1:28881-28883, election 38881-38883
# Data, logs and pid files live in a temp dir named in $STATE (override with BENCH_PEERS_STATE).
set -euo pipefail

STATE="${BENCH_PEERS_STATE:-/tmp/trib-bench-peers.dir}"
ETCD_CLIENTS="127.0.0.1:23791,127.0.0.1:23792,127.0.0.1:23793"
ZK_CLIENTS="127.0.0.1:21811,127.0.0.1:21812,127.0.0.1:21813"
ZK_CLASSPATH="/etc/zookeeper/conf:/usr/share/java/zookeeper.jar"
READY_TIMEOUT_S=60

log() { echo "peers: $*" >&2; }

install_if_missing() {
  local missing=()
  command -v etcd >/dev/null || missing+=(etcd-server)
  [[ -f /usr/share/java/zookeeper.jar ]] || missing+=(zookeeper)
  command -v java >/dev/null || missing+=(default-jre-headless)
  if ((${#missing[@]} > 0)); then
    log "installing ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  fi
}

start_etcd() {
  local dir="$1" cluster="" i
  for i in 1 2 3; do cluster+="${cluster:+,}e$i=http://127.0.0.1:2380$i"; done
  for i in 1 2 3; do
    etcd --name "e$i" --data-dir "$dir/etcd$i" \
      --listen-client-urls "http://127.0.0.1:2379$i" --advertise-client-urls "http://127.0.0.1:2379$i" \
      --listen-peer-urls "http://127.0.0.1:2380$i" --initial-advertise-peer-urls "http://127.0.0.1:2380$i" \
      --initial-cluster "$cluster" --initial-cluster-state new --initial-cluster-token trib-bench \
      >"$dir/etcd$i.log" 2>&1 &
    echo $! >"$dir/etcd$i.pid"
  done
}

start_zookeeper() {
  local dir="$1" i
  for i in 1 2 3; do
    mkdir -p "$dir/zk$i/data"
    echo "$i" >"$dir/zk$i/data/myid"
    cat >"$dir/zk$i/zoo.cfg" <<CFG
tickTime=2000
initLimit=10
syncLimit=5
dataDir=$dir/zk$i/data
clientPort=2181$i
clientPortAddress=127.0.0.1
# Three servers on one host cannot all bind the admin HTTP server to :8080.
admin.enableServer=false
server.1=127.0.0.1:28881:38881
server.2=127.0.0.1:28882:38882
server.3=127.0.0.1:28883:38883
CFG
    java -Dzookeeper.log.dir="$dir/zk$i" -Dzookeeper.root.logger=INFO,CONSOLE \
      -cp "$ZK_CLASSPATH" org.apache.zookeeper.server.quorum.QuorumPeerMain "$dir/zk$i/zoo.cfg" \
      >"$dir/zk$i.log" 2>&1 &
    echo $! >"$dir/zk$i.pid"
  done
}

etcd_has_leader() {
  local i
  for i in 1 2 3; do
    curl -fsS --max-time 2 "http://127.0.0.1:2379$i/health" 2>/dev/null | grep -q '"health":"true"' || return 1
  done
}

# `srvr` (the one four-letter word enabled by default) answers "Mode: leader|follower" once the
# ensemble has formed.
zk_mode() {
  local reply
  reply=$(timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1; printf srvr >&3; cat <&3" 2>/dev/null) || return 1
  sed -n 's/^Mode: //p' <<<"$reply"
}

zookeeper_has_leader() {
  local i mode leaders=0
  for i in 1 2 3; do
    mode=$(zk_mode "2181$i") || return 1
    [[ "$mode" == leader ]] && leaders=$((leaders + 1))
    [[ "$mode" == leader || "$mode" == follower ]] || return 1
  done
  ((leaders == 1))
}

wait_for() {
  local what="$1" check="$2" deadline=$((SECONDS + READY_TIMEOUT_S))
  until "$check"; do
    if ((SECONDS >= deadline)); then
      log "$what has no leader after ${READY_TIMEOUT_S} s; logs in $(cat "$STATE")"
      return 1
    fi
    sleep 0.5
  done
  log "$what ready"
}

start() {
  if [[ -f "$STATE" ]]; then
    log "already started ($(cat "$STATE")); run '$0 stop' first"
    exit 1
  fi
  install_if_missing
  local dir
  dir=$(mktemp -d /tmp/trib-bench-peers.XXXXXX)
  echo "$dir" >"$STATE"
  start_etcd "$dir"
  start_zookeeper "$dir"
  wait_for etcd etcd_has_leader
  wait_for zookeeper zookeeper_has_leader
  echo "ETCD=$ETCD_CLIENTS"
  echo "ZOOKEEPER=$ZK_CLIENTS"
}

stop() {
  [[ -f "$STATE" ]] || { log "not started"; return 0; }
  local dir pidfile pid
  dir=$(cat "$STATE")
  for pidfile in "$dir"/*.pid; do
    [[ -f "$pidfile" ]] || continue
    pid=$(cat "$pidfile")
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pidfile in "$dir"/*.pid; do
    [[ -f "$pidfile" ]] || continue
    pid=$(cat "$pidfile")
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$dir" "$STATE"
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
