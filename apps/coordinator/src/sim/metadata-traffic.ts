/**
 * Cluster-metadata and consumer-group traffic for the whole-coordinator simulator, and the
 * invariants it checks (issue: cluster metadata). Brokers are sim sessions that register (so
 * a session the sim abandons is a broker that died, and the controller fails it over); a
 * partition leader shrinks and grows its ISR, sometimes with stale epochs; clients allocate
 * producer ids; consumers join a group, heartbeat as the protocol asks (revoked partitions are
 * wound down and still owned until the next heartbeat reports them released) and commit.
 *
 * Checked on the first apply of every index: one leader per partition and leader epoch,
 * leader epochs that never go back, leader ∈ ISR ⊆ replicas, an ISR that shrinks only by an
 * AlterIsr or a broker's session end, producer ids never handed out twice, committed offsets
 * that never go back (only a partition's current owner may commit, from where the group got
 * to); and, from what consumers were told, no partition consumed by two members at once.
 */
import type {
  ApplyOutput,
  Command,
  CommandValue,
  CoordStateMachine,
  MemberAssignment,
  PartitionRecord,
} from '@tributary/coord-state';
import { decodeRecord } from '@tributary/coord-state';
import type { Random } from '@tributary/raft';

type Assignment = Record<string, number[]>;

export interface TrafficPort {
  /** Proposes through some live member; `onOk` with the value when it is applied there. */
  propose(cmd: Command, onOk: (value: CommandValue) => void): void;
  /** A live member's state (for the reads a real client would make). */
  state(): CoordStateMachine | undefined;
  /** Ids of sessions the sim's clients keep alive. */
  liveSessions(): number[];
  /** The highest offset any member has applied as committed for a partition (0 if none). */
  committed(group: string, topic: string, partition: number): number;
  /** True time, ms. */
  now(): number;
  /** How long after sending a request a client may still act on its answer (its lease). */
  leaseMs(timeoutMs: number): number;
  note(line: string): void;
  fail(message: string): void;
}

const TOPIC = 'events';
const GROUP = 'workers';
const CONSUMERS_MAX = 4;

const SESSION_TIMEOUT_MS = 3000;

class SimConsumer {
  memberId = '';
  generation = 0;
  assigned: Assignment = {};
  releasing: Assignment = {};
  /** A request is in flight: the protocol sends one at a time. */
  busy = false;
  gone = false;
  /** It consumes only until this time unless a heartbeat answer renews it (sent time + lease). */
  validUntilMs = 0;
  /** Next offset to consume per partition it was handed ("topic/p"). */
  readonly position = new Map<string, number>();

  owns(): string[] {
    const out: string[] = [];
    for (const a of [this.assigned, this.releasing])
      for (const [t, ps] of Object.entries(a)) for (const p of ps) out.push(`${t}/${p}`);
    return out;
  }

  take(v: { generation: number; assignment: Assignment }): void {
    this.generation = v.generation;
    for (const [t, ps] of Object.entries(this.assigned)) {
      const gone = ps.filter((p) => !v.assignment[t]?.includes(p));
      for (const p of gone) this.position.delete(`${t}/${p}`);
      if (gone.length > 0) this.releasing[t] = [...(this.releasing[t] ?? []), ...gone];
    }
    this.assigned = v.assignment;
  }
}

export class MetadataTraffic {
  private readonly consumers: SimConsumer[] = [];
  private readonly producerIds = new Set<number>();
  /** Per partition, in apply order: the last record, and the leader of each epoch seen. */
  private readonly partitions = new Map<string, PartitionRecord>();
  private readonly epochLeaders = new Map<string, number>();
  /** Per group, topic and partition: the committed offset, in apply order. */
  private readonly offsets = new Map<string, number>();
  private nextBroker = 1;
  readonly counts = { brokersRegistered: 0, isrChanges: 0, groupAnswers: 0 };

  constructor(
    private readonly random: Random,
    private readonly port: TrafficPort,
  ) {}

  /** One client action. */
  step(): void {
    const dice = this.random.int(10);
    if (dice < 2) return this.registerBroker();
    if (dice === 2) return this.createTopic();
    if (dice === 3 || dice === 4) return this.alterIsr();
    if (dice === 5) return this.allocateProducerId();
    return this.consume();
  }

  private registerBroker(): void {
    const sessions = this.port.liveSessions();
    if (sessions.length === 0 || this.nextBroker > 5) return;
    const brokerId = this.nextBroker++;
    const sessionId = sessions[this.random.int(sessions.length)]!;
    this.port.propose(
      {
        op: 'register-broker',
        brokerId,
        address: `b${brokerId}:9092`,
        rack: `r${brokerId % 2}`,
        sessionId,
      },
      () => this.counts.brokersRegistered++,
    );
  }

  private createTopic(): void {
    const sm = this.port.state();
    if (!sm || sm.topic(TOPIC) || sm.brokers().length === 0) return;
    const rf = Math.min(3, sm.brokers().length);
    this.port.propose(
      {
        op: 'create-topic',
        name: TOPIC,
        partitions: 4,
        replicationFactor: rf,
        configs: {},
        validateOnly: false,
      },
      () => undefined,
    );
  }

  /** The leader of a partition drops a follower from its ISR or adds a replica back. */
  private alterIsr(): void {
    const sm = this.port.state();
    const t = sm?.topic(TOPIC);
    if (!sm || !t) return;
    const p = t.partitions[this.random.int(t.partitions.length)]!;
    if (p.leader < 0) return;
    const leader = sm.brokers().find((b) => b.brokerId === p.leader);
    if (!leader) return;
    const live = new Set(sm.brokers().map((b) => b.brokerId));
    const outside = p.replicas.filter((r) => !p.isr.includes(r) && live.has(r));
    const followers = p.isr.filter((r) => r !== p.leader);
    let isr = p.isr;
    if (outside.length > 0 && this.random.int(2) === 0) isr = [...p.isr, outside[0]!];
    else if (followers.length > 0) isr = p.isr.filter((r) => r !== followers[0]);
    // Sometimes from a stale view: it must be fenced, never applied.
    const stale = this.random.int(5) === 0;
    this.port.propose(
      {
        op: 'alter-isr',
        topic: TOPIC,
        partition: p.partition,
        brokerId: p.leader,
        brokerEpoch: leader.brokerEpoch,
        leaderEpoch: p.leaderEpoch,
        partitionEpoch: stale ? p.partitionEpoch - 1 : p.partitionEpoch,
        isr,
      },
      () => {
        if (stale)
          this.port.fail(`a stale AlterIsr (partition epoch ${p.partitionEpoch - 1}) was applied`);
        this.counts.isrChanges++;
      },
    );
  }

  private allocateProducerId(): void {
    this.port.propose({ op: 'allocate-producer-id' }, (value) => {
      const v = value as { producerId: number };
      if (this.producerIds.has(v.producerId))
        this.port.fail(`producer id ${v.producerId} was allocated twice`);
      this.producerIds.add(v.producerId);
    });
  }

  private consume(): void {
    const now = this.port.now();
    // A consumer that got no answer within its lease stops consuming (as a real one does when
    // it cannot heartbeat within its session timeout), and is replaced.
    for (const c of this.consumers)
      if (!c.gone && c.memberId !== '' && now >= c.validUntilMs) c.gone = true;
    const live = this.consumers.filter((c) => !c.gone);
    const dice = this.random.int(8);
    if ((dice === 0 || live.length === 0) && live.length < CONSUMERS_MAX) return this.join();
    const c = live[this.random.int(live.length)];
    if (!c || c.busy || c.memberId === '') return;
    if (dice === 1) {
      // Dies without a word: the leader expires it later. It consumes nothing any more.
      c.gone = true;
      return;
    }
    if (dice === 2) return this.commit(c);
    this.heartbeat(c);
  }

  private join(): void {
    const c = new SimConsumer();
    c.busy = true;
    this.consumers.push(c);
    const cmd: Command = {
      op: 'join-group',
      group: GROUP,
      memberId: '',
      clientId: 'sim',
      instanceId: '',
      topics: [TOPIC],
      sessionTimeoutMs: SESSION_TIMEOUT_MS,
      assignor: this.random.int(2) === 0 ? 'range' : 'sticky',
    };
    this.request(c, cmd, (v) => (c.memberId = v.memberId));
  }

  private heartbeat(c: SimConsumer): void {
    // Revoked partitions were wound down (offsets committed) before this report.
    c.releasing = {};
    const owned = Object.entries(c.assigned).map(([topic, partitions]) => ({ topic, partitions }));
    this.request(c, {
      op: 'group-heartbeat',
      group: GROUP,
      memberId: c.memberId,
      generation: c.generation,
      owned,
    });
  }

  /** Consumes a little of each assigned partition and commits where it got to. */
  private commit(c: SimConsumer): void {
    const offsets = Object.entries(c.assigned).flatMap(([topic, ps]) =>
      ps.map((partition) => {
        const key = `${topic}/${partition}`;
        // Resuming where the group committed, as FetchOffsets tells a new owner.
        const from = c.position.get(key) ?? this.port.committed(GROUP, topic, partition);
        const offset = from + 1 + this.random.int(10);
        c.position.set(key, offset);
        return { topic, partition, offset, leaderEpoch: 0, metadata: '' };
      }),
    );
    if (offsets.length === 0) return;
    this.port.propose(
      {
        op: 'commit-offsets',
        group: GROUP,
        memberId: c.memberId,
        generation: c.generation,
        offsets,
      },
      () => undefined,
    );
  }

  /** Sends a join or heartbeat; on its answer the consumer starts consuming what it lists. */
  private request(c: SimConsumer, cmd: Command, then?: (v: MemberAssignment) => void): void {
    c.busy = true;
    const sentMs = this.port.now();
    this.port.propose(cmd, (value) => {
      const v = value as unknown as MemberAssignment;
      c.busy = false;
      if (c.gone) return;
      // The server's deadline runs from when it applied the request, after it was sent.
      const validUntilMs = sentMs + this.port.leaseMs(SESSION_TIMEOUT_MS);
      if (this.port.now() >= validUntilMs) {
        c.gone = true;
        return;
      }
      c.validUntilMs = validUntilMs;
      this.counts.groupAnswers++;
      then?.(v);
      c.take(v);
      this.checkConsumers();
    });
  }

  /** What consumers were told never lets two of them consume a partition at once. */
  private checkConsumers(): void {
    const owner = new Map<string, SimConsumer>();
    const now = this.port.now();
    for (const c of this.consumers) {
      if (c.gone || now >= c.validUntilMs) continue;
      for (const tp of c.owns()) {
        const other = owner.get(tp);
        if (other)
          this.port.fail(
            `${tp} is consumed by ${other.memberId} and ${c.memberId} at once (group ${GROUP})`,
          );
        owner.set(tp, c);
      }
    }
  }

  /** On the first apply of each index. */
  checkOutput(out: ApplyOutput): void {
    const op = out.result.ok ? out.result.value.op : undefined;
    for (const e of out.events) {
      const o = /^\/tributary\/groups\/([^/]+)\/([^/]+)$/.exec(e.path);
      if (o && e.type !== 'DELETED') {
        const committed = decodeRecord<Record<string, { offset: number }>>(e.data);
        for (const [p, { offset }] of Object.entries(committed)) {
          const key = `${o[1]}/${o[2]}/${p}`;
          const before = this.offsets.get(key) ?? 0;
          if (offset < before)
            this.port.fail(
              `committed offset of ${key} went back ${before} → ${offset} at index ${out.index}`,
            );
          this.offsets.set(key, offset);
        }
        continue;
      }
      const m = /^\/tributary\/topics\/([^/]+)\/(\d+)$/.exec(e.path);
      if (!m) continue;
      const key = `${m[1]}/${m[2]}`;
      if (e.type === 'DELETED') {
        this.partitions.delete(key);
        continue;
      }
      const p = decodeRecord<PartitionRecord>(e.data);
      const before = this.partitions.get(key);
      const where = `partition ${key} at index ${out.index}`;
      if (p.leader >= 0 && !p.isr.includes(p.leader))
        this.port.fail(`${where}: leader ${p.leader} not in ISR ${p.isr}`);
      if (!p.isr.every((b) => p.replicas.includes(b)))
        this.port.fail(`${where}: ISR ${p.isr} not within replicas ${p.replicas}`);
      if (before) {
        if (p.leaderEpoch < before.leaderEpoch)
          this.port.fail(
            `${where}: leader epoch went back ${before.leaderEpoch} → ${p.leaderEpoch}`,
          );
        if (p.leaderEpoch === before.leaderEpoch && p.leader !== before.leader)
          this.port.fail(
            `${where}: leader changed ${before.leader} → ${p.leader} within epoch ${p.leaderEpoch}`,
          );
        const shrunk = p.isr.length < before.isr.length;
        if (shrunk && op !== 'alter-isr' && out.endedSessions.length === 0)
          this.port.fail(
            `${where}: ISR shrank ${before.isr} → ${p.isr} by ${op ?? 'a failed command'}`,
          );
      }
      const epochKey = `${key}@${p.leaderEpoch}`;
      const leaderOfEpoch = this.epochLeaders.get(epochKey);
      if (
        leaderOfEpoch !== undefined &&
        leaderOfEpoch !== p.leader &&
        p.leader >= 0 &&
        leaderOfEpoch >= 0
      )
        this.port.fail(
          `${where}: two leaders (${leaderOfEpoch}, ${p.leader}) in leader epoch ${p.leaderEpoch}`,
        );
      if (p.leader >= 0) this.epochLeaders.set(epochKey, p.leader);
      this.partitions.set(key, p);
    }
  }
}
