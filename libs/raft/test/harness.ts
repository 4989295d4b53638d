/**
 * A tiny synchronous cluster for scripted tests (etcd's `newNetwork` in spirit): messages are
 * delivered in FIFO order by `stabilize()`, links can be cut, and every Ready is persisted to
 * the node's MemoryStorage before its messages leave (the library's ordering contract).
 */
import {
  MemoryStorage,
  RawNode,
  Xoshiro128,
  type ConfState,
  type Entry,
  type Message,
  type NodeId,
  type RaftConfig,
  type ReadState,
} from '../src';

export interface HarnessNode {
  id: NodeId;
  node: RawNode;
  storage: MemoryStorage;
  applied: Entry[];
  readStates: ReadState[];
  confState: ConfState;
}

export type ConfigOverrides = Partial<Omit<RaftConfig, 'id' | 'random'>>;

export class Harness {
  readonly nodes = new Map<NodeId, HarnessNode>();
  queue: Message[] = [];
  /** Links that drop messages, as "from-to". */
  readonly cut = new Set<string>();
  /** Optional filter: return null to drop a message, or the (possibly rewritten) message. */
  filter: ((m: Message) => Message | null) | null = null;
  readonly delivered: Message[] = [];

  constructor(
    voters: NodeId[],
    private readonly overrides: ConfigOverrides = {},
    learners: NodeId[] = [],
  ) {
    const cs = { voters, learners };
    for (const id of [...voters, ...learners]) this.addNode(id, MemoryStorage.bootstrap(cs));
  }

  addNode(id: NodeId, storage: MemoryStorage, overrides: ConfigOverrides = {}): HarnessNode {
    const config: RaftConfig = {
      id,
      electionTick: 10,
      heartbeatTick: 1,
      random: new Xoshiro128(id),
      ...this.overrides,
      ...overrides,
    };
    const node = new RawNode(config, storage);
    const hn: HarnessNode = {
      id,
      node,
      storage,
      applied: [],
      readStates: [],
      confState: storage.initialState().confState,
    };
    this.nodes.set(id, hn);
    return hn;
  }

  get(id: NodeId): HarnessNode {
    const n = this.nodes.get(id);
    if (!n) throw new Error(`no node ${id}`);
    return n;
  }

  raft(id: NodeId) {
    return this.get(id).node.raft;
  }

  /** Processes one node's Ready: persist, queue messages, apply, advance. */
  processReady(hn: HarnessNode): boolean {
    if (!hn.node.hasReady()) return false;
    const rd = hn.node.ready();
    if (rd.snapshot) {
      hn.storage.applySnapshot(rd.snapshot);
      hn.confState = rd.snapshot.metadata.confState;
    }
    hn.storage.append(rd.entries);
    if (rd.hardState) hn.storage.setHardState(rd.hardState);
    this.queue.push(...rd.messages);
    for (const e of rd.committedEntries) {
      hn.applied.push(e);
      if (e.type === 'conf-change') hn.confState = hn.node.applyConfChangeEntry(e);
    }
    hn.readStates.push(...rd.readStates);
    hn.node.advance(rd);
    return true;
  }

  /** Runs readies and message delivery until nothing moves. */
  stabilize(maxRounds = 10_000): void {
    for (let round = 0; round < maxRounds; round++) {
      let moved = false;
      for (const hn of this.nodes.values()) moved = this.processReady(hn) || moved;
      const q = this.queue;
      this.queue = [];
      for (const sent of q) {
        moved = true;
        if (this.cut.has(`${sent.from}-${sent.to}`)) continue;
        const m = this.filter ? this.filter(sent) : sent;
        if (!m) continue;
        const to = this.nodes.get(m.to);
        if (!to) continue;
        this.delivered.push(m);
        to.node.step(m);
      }
      if (!moved) return;
    }
    throw new Error('stabilize: did not converge');
  }

  isolate(id: NodeId): void {
    for (const other of this.nodes.keys()) {
      if (other === id) continue;
      this.cut.add(`${id}-${other}`);
      this.cut.add(`${other}-${id}`);
    }
  }

  heal(): void {
    this.cut.clear();
  }

  tick(id: NodeId, n = 1): void {
    for (let k = 0; k < n; k++) this.get(id).node.tick();
  }

  tickAll(n = 1): void {
    for (let k = 0; k < n; k++) for (const hn of this.nodes.values()) hn.node.tick();
  }

  /** Makes `id` campaign and runs to quiescence. */
  campaign(id: NodeId): void {
    this.get(id).node.campaign();
    this.stabilize();
  }

  leader(): NodeId {
    const leaders = [...this.nodes.values()].filter((n) => n.node.raft.role === 'leader');
    const top = leaders.sort((a, b) => b.node.raft.term - a.node.raft.term)[0];
    return top ? top.id : 0;
  }

  /** Data payloads applied by `id` (normal, non-empty entries), as strings. */
  appliedData(id: NodeId): string[] {
    return this.get(id)
      .applied.filter((e) => e.type === 'normal' && e.data.length > 0)
      .map((e) => new TextDecoder().decode(e.data));
  }
}

export function bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}
