#!/usr/bin/env bash
# The coordination benchmark of the issue, end to end on this machine: a 3-node Tributary
# coordinator cluster (RocksDB in a temp dir, fsync on, default settings), 3-member etcd and
# ZooKeeper clusters (scripts/bench/peers.sh), then `trib bench coord` over the grid
#   Tributary: set/get/sget × execute/unary × 1/16/128 clients
#   etcd, ZooKeeper: set/get × 1/16/128 clients
# and everything it started is stopped on exit. Extra arguments go to `trib bench coord`
# (e.g. --json, --duration-s 5). Environment:
#   BENCH_PORT_BASE      first coordinator port (default 7101; uses BASE..BASE+2 and +80 metrics)
#   BENCH_NO_PEERS=1     measure Tributary only
#   BENCH_NODE_FLAGS     extra node flags for the coordinators, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
BASE="${BENCH_PORT_BASE:-7101}"
DIR="$(mktemp -d /tmp/trib-bench-coord.XXXXXX)"
PIDS=()
PEERS_STARTED=0

log() { echo "coord.sh: $*" >&2; }

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if ((PEERS_STARTED)); then scripts/bench/peers.sh stop || true; fi
  rm -rf "$DIR"
}
trap cleanup EXIT

COORDINATORS="" PEERS=""
for i in 1 2 3; do
  COORDINATORS+="${COORDINATORS:+,}127.0.0.1:$((BASE + i - 1))"
  PEERS+="${PEERS:+,}$i=127.0.0.1:$((BASE + i - 1))"
done

# shellcheck disable=SC2086 # BENCH_NODE_FLAGS is a list of flags
for i in 1 2 3; do
  mkdir -p "$DIR/n$i"
  node ${BENCH_NODE_FLAGS:-} apps/cli/bin/trib.js coordinator --id "$i" \
    --listen "127.0.0.1:$((BASE + i - 1))" --peers "$PEERS" --data-dir "$DIR/n$i" \
    >"$DIR/n$i.log" 2>&1 &
  PIDS+=($!)
done

deadline=$((SECONDS + 60))
until node apps/cli/bin/trib.js cluster status --coordinators "$COORDINATORS" --json 2>/dev/null |
  grep -Eq '"leaderId": [1-9]'; do
  if ((SECONDS >= deadline)); then
    log "no Tributary leader within 60 s; logs:"
    tail -n 20 "$DIR"/n*.log >&2
    exit 1
  fi
  sleep 0.5
done
log "Tributary coordinators ready at $COORDINATORS (data in $DIR)"

PEER_ARGS=()
if [[ -z "${BENCH_NO_PEERS:-}" ]]; then
  PEERS_STARTED=1
  scripts/bench/peers.sh start >"$DIR/peers.env"
  # shellcheck source=/dev/null
  source "$DIR/peers.env"
  PEER_ARGS=(--etcd "$ETCD" --zookeeper "$ZOOKEEPER" --peer-ops set,get)
fi

log "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"
node apps/cli/bin/trib.js bench coord --coordinators "$COORDINATORS" \
  --clients 1,16,128 --ops set,get,sget --mode execute,unary "${PEER_ARGS[@]}" "$@"
