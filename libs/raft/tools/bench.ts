/**
 * Throughput benchmark (not a test): a 3-node in-memory cluster, no I/O, batched proposals of
 * small payloads; reports entries committed and applied on every node per second, median of 5.
 */
import { MemoryStorage, RawNode, Xoshiro128, type Message, type NodeId } from '../src';

const BATCH = 1000;
const BATCHES = 300;
const RUNS = 5;
const PAYLOAD = new Uint8Array(16);

interface BenchNode {
  node: RawNode;
  storage: MemoryStorage;
  applied: number;
}

function makeCluster(): Map<NodeId, BenchNode> {
  const conf = { voters: [1, 2, 3], learners: [] };
  const nodes = new Map<NodeId, BenchNode>();
  for (const id of [1, 2, 3]) {
    const storage = MemoryStorage.bootstrap(conf);
    const node = new RawNode(
      {
        id,
        electionTick: 10,
        heartbeatTick: 1,
        random: new Xoshiro128(id),
        maxInflightMsgs: 256,
        maxSizePerMsgBytes: 1 << 20,
      },
      storage,
    );
    nodes.set(id, { node, storage, applied: 0 });
  }
  return nodes;
}

/** Ready loop for every node until no messages move: persist, send, apply, advance. */
function pump(nodes: Map<NodeId, BenchNode>): void {
  let inbox: Message[] = [];
  for (;;) {
    for (const n of nodes.values()) {
      if (!n.node.hasReady()) continue;
      const rd = n.node.ready();
      if (rd.entries.length > 0) n.storage.append(rd.entries);
      if (rd.hardState) n.storage.setHardState(rd.hardState);
      for (let k = 0; k < rd.messages.length; k++) inbox.push(rd.messages[k] as Message);
      n.applied += rd.committedEntries.length;
      n.node.advance(rd);
    }
    if (inbox.length === 0) return;
    const batch = inbox;
    inbox = [];
    for (const m of batch) nodes.get(m.to)?.node.step(m);
  }
}

function runOnce(): number {
  const nodes = makeCluster();
  const leader = nodes.get(1) as BenchNode;
  leader.node.campaign();
  pump(nodes);
  const datas = new Array<Uint8Array>(BATCH).fill(PAYLOAD);
  const base = leader.applied;
  const t0 = performance.now();
  for (let b = 0; b < BATCHES; b++) {
    leader.node.proposeBatch(datas);
    pump(nodes);
    if (b % 50 === 49) for (const n of nodes.values()) compact(n);
  }
  const secs = (performance.now() - t0) / 1000;
  const committed = Math.min(...[...nodes.values()].map((n) => n.applied)) - base;
  if (committed < BATCH * BATCHES) throw new Error(`only ${committed} entries committed`);
  return committed / secs;
}

/** Keeps memory flat: snapshot and compact like a real application would. */
function compact(n: BenchNode): void {
  const applied = n.node.raft.log.applied;
  n.storage.createSnapshot(applied, { voters: [1, 2, 3], learners: [] }, PAYLOAD);
  n.storage.compact(applied);
}

runOnce(); // warm-up
const rates: number[] = [];
for (let r = 0; r < RUNS; r++) rates.push(runOnce());
rates.sort((a, b) => a - b);
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
console.log(`runs (entries/s): ${rates.map(fmt).join(', ')}`);
console.log(
  `median: ${fmt(rates[Math.floor(RUNS / 2)] as number)} committed entries/s (3 nodes, batches of ${BATCH}, ${PAYLOAD.length}-byte payloads)`,
);
