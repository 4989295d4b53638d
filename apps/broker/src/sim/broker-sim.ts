/**
 * Seeded simulation of 3 or 5 brokers replicating one topic's partitions (RF 3): the real
 * ReplicaManager (libs/replication's core inside it) and the real LogStore over `SimDisk`s
 * that lose unsynced writes on a crash; a network (sim-network.ts) that delays, reorders, drops
 * and partitions every call, carried as bytes through the contract's serializers; a model of
 * the coordinators' controller (sim-controller.ts) that fences AlterIsr by partition epoch,
 * ends a broker's session when it crashes or cannot reach it, and elects leaders from the ISR;
 * metadata delivered to each broker in order but late; producers and consumers
 * (sim-clients.ts). Faults: kill -9 (in-flight disk writes lost) with restarts before or
 * after the old session expires, clean stops, pauses (SIGSTOP, sometimes past the session
 * timeout), partitions, message loss. Only the syscalls
 * are swapped: time, the disk and the sockets.
 *
 * Determinism: everything the brokers do is promise-driven. One event per step (a disk write
 * completes, a message is delivered, time advances and brokers tick, metadata arrives, a
 * client acts, a fault), then the microtasks it released run; no timer or I/O outside the
 * simulator exists, so a seed replays exactly.
 *
 * One seed is one run: a safety phase with faults and traffic, then a liveness phase without
 * faults in which every broker returns, every ISR becomes whole again, every replica reaches
 * the leader's log end and high watermark, and every idempotent batch is answered. The
 * invariants (sim-checker.ts) are checked after every event; at the end every log is read back
 * from its store and compared with what the simulator saw written.
 */
import { LogStore, SimDisk, type PartitionLog } from '@tributary/log-store';
import { Xoshiro128 } from '@tributary/raft';
import { readError } from '@tributary/rpc';
import type { TopicInfo__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/TopicInfo';
import { ReplicaManager, type ReplicaPorts } from '../replica/replica-manager';
import { ReplicaShadow, shadowWrites } from './replica-shadow';
import { SimChecker } from './sim-checker';
import { SimClients } from './sim-clients';
import { NO_LEADER, SimController } from './sim-controller';
import { COORDINATORS, SimNetwork, methodCodec } from './sim-network';

export const BROKER_PLANTS = [
  'unclean-leader',
  'hw-ignores-lagging',
  'roles-before-registration',
] as const;
export type BrokerPlant = (typeof BROKER_PLANTS)[number];
export const isBrokerPlant = (s: string | undefined): s is BrokerPlant =>
  (BROKER_PLANTS as readonly string[]).includes(s ?? '');

export interface BrokerSimOptions {
  seed: number;
  brokers: number;
  partitions: number;
  /** Events in the safety phase. */
  steps: number;
  /** Events the liveness phase may take to converge. */
  livenessSteps: number;
  dropRate: number;
  /** Chance per event that a running broker crashes (kill -9: unsynced writes may be lost). */
  crashRate: number;
  partitionRate: number;
  /** Chance per event that a broker is paused (SIGSTOP) for 0.3–1.8 s. */
  pauseRate: number;
  minInsync: number;
  producers: number;
  plant?: BrokerPlant;
  /** Trace lines a violation report ends with. */
  traceLines?: number;
}

export function brokerSimOptions(
  seed: number,
  brokers: number,
  over: Partial<BrokerSimOptions> = {},
): BrokerSimOptions {
  const r = new Xoshiro128(seed ^ 0xb40c);
  return {
    seed,
    brokers,
    partitions: 2 + r.int(3),
    steps: 1500,
    livenessSteps: 20_000,
    dropRate: [0, 0.02, 0.1][r.int(3)] as number,
    crashRate: [0.002, 0.004, 0.008][r.int(3)] as number,
    partitionRate: [0, 0.003, 0.006][r.int(3)] as number,
    pauseRate: [0, 0.002][r.int(2)] as number,
    minInsync: 1 + r.int(2),
    producers: 3 + r.int(3),
    ...over,
  };
}

export interface BrokerSimStats {
  produced: number;
  ackedAll: number;
  ackedOther: number;
  duplicates: number;
  consumedBatches: number;
  committedBatches: number;
  crashes: number;
  cleanStops: number;
  pauses: number;
  restarts: number;
  /** Disk writes a crash lost: in flight, or completed but not synced. */
  lostWrites: number;
  leaderChanges: number;
  isrChanges: number;
  uncleanElections: number;
  messages: number;
  messagesLost: number;
}

export type BrokerSimResult =
  | { ok: true; stats: BrokerSimStats }
  | { ok: false; violation: string; trace: string[]; stats: BrokerSimStats };

const TOPIC = 'sim';
const TOPIC_ID = 'c0ffee00-0000-4000-8000-000000000001';
/** Simulated time per time event, and the brokers' tick interval (the shell's ~100 ms). */
const STEP_MS = 20;
const TICK_MS = 100;
const SESSION_TIMEOUT_MS = 1000;
const LAG_TIME_MAX_MS = 800;
const WALL_CLOCK_START_MS = 1_767_225_600_000;
const RPC_DEADLINE_MS = 2000;
/** Metadata views a broker's stream holds; older ones are dropped (the newest is whole). */
const METADATA_QUEUE_MAX = 8;

const REPLICA_FETCH = methodCodec('tributary.broker.v1.ReplicationService', 'ReplicaFetch');
const EPOCH_END = methodCodec('tributary.broker.v1.ReplicationService', 'OffsetForLeaderEpoch');
const ALTER_ISR = methodCodec('tributary.coord.v1.MetadataService', 'AlterIsr');

class Violation extends Error {}

/** A metadata view, and the broker epoch of a registration it is the first to include. */
interface MetadataMessage {
  view: TopicInfo__Output[];
  registered?: number;
}

class SimBroker {
  disk = new SimDisk();
  rm: ReplicaManager | undefined;
  generation = 0;
  starting = false;
  /** The broker epoch of the last registration (it may have expired). */
  brokerEpoch = 0;
  /** The process generation that made that registration: only it keeps the session alive. */
  sessionGeneration = -1;
  lastHeartbeatMs = 0;
  /** Metadata sent on its WatchMetadata stream, oldest first. */
  metadata: MetadataMessage[] = [];
  applying = false;
  /** Partition → the leader epoch it leads in, per the last metadata it applied. */
  leads = new Map<number, number>();
  shadows = new Map<number, ReplicaShadow>();
  ticking = false;
  nextTickMs = 0;
  /** Simulated time until which the process is stopped (SIGSTOP): it runs nothing. */
  pausedUntilMs = 0;
  /** The process's timers (ReplicaPorts.setTimer), due in simulated time. */
  timers: Array<{ dueMs: number; fire: () => void }> = [];
  constructor(readonly id: number) {}
  get up(): boolean {
    return this.rm !== undefined;
  }
  running(nowMs: number): boolean {
    return this.rm !== undefined && nowMs >= this.pausedUntilMs;
  }
}

export async function runBrokerSim(o: BrokerSimOptions): Promise<BrokerSimResult> {
  // Continuations of an earlier run's dead processes must not interleave with this one's: a
  // macrotask turn lets every microtask still queued run out first, so a seed replays the same
  // alone or in a campaign.
  await new Promise((resolve) => setImmediate(resolve));
  return new BrokerSim(o).run();
}

class BrokerSim {
  private readonly random: Xoshiro128;
  private readonly brokers: SimBroker[];
  private readonly controller: SimController;
  private readonly network: SimNetwork;
  private readonly checker: SimChecker;
  private readonly clients: SimClients;
  private readonly trace: string[] = [];
  private nowMs = 0;
  private step = 0;
  private violation: string | undefined;
  private readonly stats = {
    crashes: 0,
    cleanStops: 0,
    pauses: 0,
    restarts: 0,
    lostWrites: 0,
    leaderChanges: 0,
    isrChanges: 0,
  };

  constructor(private readonly o: BrokerSimOptions) {
    this.random = new Xoshiro128(o.seed);
    this.brokers = Array.from({ length: o.brokers }, (_, k) => new SimBroker(k + 1));
    this.controller = new SimController({
      topic: TOPIC,
      topicId: TOPIC_ID,
      partitions: o.partitions,
      brokers: o.brokers,
      replicationFactor: 3,
      configs: { 'min.insync.replicas': String(o.minInsync), 'retention.ms': '-1' },
      uncleanLeader: o.plant === 'unclean-leader',
      note: (line) => {
        if (line.includes('epoch')) this.stats.isrChanges++;
        this.note(line);
      },
    });
    const endpoint = (e: number) => this.brokers[e - 1];
    this.network = new SimNetwork(this.random, {
      dropRate: o.dropRate,
      deadlineMs: RPC_DEADLINE_MS,
      now: () => this.nowMs,
      // Clients and the coordinators never die; brokers are what the seed kills.
      generation: (e) => endpoint(e)?.generation ?? 0,
      up: (e) => endpoint(e)?.up ?? true,
      paused: (e) => (endpoint(e)?.pausedUntilMs ?? 0) > this.nowMs,
    });
    this.checker = new SimChecker(o.partitions);
    this.clients = new SimClients(
      {
        topic: TOPIC,
        random: this.random,
        network: this.network,
        controller: this.controller,
        checker: this.checker,
        manager: (b) => this.brokers[b - 1]?.rm,
        wallClock: () => WALL_CLOCK_START_MS + this.nowMs,
        note: (line) => this.note(line),
        fail: (message) => (this.violation ??= message),
      },
      { partitions: o.partitions, producers: o.producers },
    );
  }

  async run(): Promise<BrokerSimResult> {
    // A promise the brokers' code rejects and nobody handles is a finding of this seed too.
    // Node reports it only between macrotasks: the turn after the run lets it surface here.
    const unhandled = (reason: unknown) =>
      (this.violation ??= `unhandled rejection: ${(reason as Error)?.stack ?? reason}`);
    process.on('unhandledRejection', unhandled);
    try {
      for (const b of this.brokers) this.start(b);
      for (this.step = 0; this.step < this.o.steps; this.step++) await this.event(true);
      await this.converge();
      await this.checkEnd();
    } catch (error) {
      this.violation ??=
        error instanceof Violation ? error.message : `threw ${(error as Error).stack ?? error}`;
    }
    for (const b of this.brokers) this.abandon(b);
    await new Promise((resolve) => setImmediate(resolve));
    process.off('unhandledRejection', unhandled);
    const { produced, ackedAll, ackedOther, duplicates } = this.clients.counts;
    const stats: BrokerSimStats = {
      produced,
      ackedAll,
      ackedOther,
      duplicates,
      ...this.stats,
      consumedBatches: this.checker.counts.consumedBatches,
      committedBatches: this.checker.counts.committedBatches,
      uncleanElections: this.controller.uncleanElections,
      messages: this.network.delivered,
      messagesLost: this.network.lost,
    };
    return this.violation
      ? {
          ok: false,
          violation: this.violation,
          trace: this.trace.slice(-(this.o.traceLines ?? 80)),
          stats,
        }
      : { ok: true, stats };
  }

  private note(line: string): void {
    this.trace.push(`${this.step} @${this.nowMs}ms: ${line}`);
    if (this.trace.length > 2000) this.trace.splice(0, 1000);
  }

  private fail(message: string): never {
    throw new Violation(message);
  }

  // ------------------------------------------------------------------ brokers

  private ports(b: SimBroker, generation: number): ReplicaPorts {
    const server = (id: number) => this.brokers[id - 1]?.rm as ReplicaManager;
    return {
      now: () => this.nowMs,
      wallClock: () => WALL_CLOCK_START_MS + this.nowMs,
      replicaFetch: (leader, req) =>
        this.network.call(b.id, leader, REPLICA_FETCH, req, (r) =>
          server(leader).handleReplicaFetch(r),
        ),
      offsetForLeaderEpoch: (leader, req) =>
        this.network.call(b.id, leader, EPOCH_END, req, async (r) =>
          server(leader).offsetForLeaderEpoch(r),
        ),
      alterIsr: (req) => {
        const what = `AlterIsr p${req.partition} [${req.isr}] from ${b.id} (epochs ${req.leader_epoch}/${req.partition_epoch})`;
        return this.network
          .call<{ partition: ReturnType<SimController['alterIsr']> }>(
            b.id,
            COORDINATORS,
            ALTER_ISR,
            req,
            async (r) => {
              const partition = this.controller.alterIsr(r);
              this.publish();
              return { partition };
            },
          )
          .then(
            (res) => res.partition,
            (error: unknown) => {
              const e = readError(error);
              this.note(`${what} failed: ${e.reason ?? `code ${e.code}`} ${e.message}`);
              throw error;
            },
          );
      },
      brokerAddress: (id) => `broker-${id}.sim:9092`,
      setTimer: (delayMs, fire) => {
        const timer = { dueMs: this.nowMs + delayMs, fire };
        if (generation === b.generation) b.timers.push(timer);
        return { cancel: () => (b.timers = b.timers.filter((t) => t !== timer)) };
      },
    };
  }

  /** Starts a broker's process: opens its store, builds its ReplicaManager, registers. */
  private start(b: SimBroker): void {
    b.starting = true;
    const generation = ++b.generation;
    LogStore.open(b.disk.open(), { clock: () => WALL_CLOCK_START_MS + this.nowMs }).then(
      async (store) => {
        if (generation !== b.generation) return;
        try {
          for (const log of store.list()) await this.watch(b, log);
          const open = store.openPartition.bind(store);
          store.openPartition = async (topic, partition, topicId) => {
            const log = await open(topic, partition, topicId);
            if (generation === b.generation && b.shadows.get(partition)?.log !== log)
              await this.watch(b, log);
            return log;
          };
        } catch (error) {
          this.violation ??= `broker ${b.id} cannot read its log back: ${(error as Error).message}`;
          return;
        }
        if (generation !== b.generation) return;
        b.rm = new ReplicaManager(b.id, store, this.ports(b, generation), {
          lagTimeMaxMs: LAG_TIME_MAX_MS,
          fetchMaxWaitMs: 0,
          fetchMaxBytes: 4096,
          retentionCheckMs: 3_600_000,
        });
        b.starting = false;
        b.nextTickMs = this.nowMs;
        // Its WatchMetadata stream opens at once; registration waits for the old session.
        b.metadata = [{ view: this.view() }];
        // The planted bug: roles taken before registering, on metadata of the old incarnation.
        if (this.o.plant === 'roles-before-registration') void b.rm.setBrokerEpoch(b.brokerEpoch);
        this.note(`broker ${b.id} started`);
      },
      (error: Error) => {
        if (generation === b.generation)
          this.violation ??= `broker ${b.id} cannot open its store: ${error.message}`;
      },
    );
  }

  /** Follows a partition log's writes in a shadow, after reading back what it holds. */
  private async watch(b: SimBroker, log: PartitionLog): Promise<void> {
    const shadow = new ReplicaShadow(b.id, log.partition, log, this.checker);
    for (const id of await shadow.readAll()) shadow.batches.set(id.baseOffset, id);
    this.checker.reset(shadow);
    shadowWrites(log, shadow);
    b.shadows.set(log.partition, shadow);
  }

  /**
   * A clean stop, as the shell does it on SIGTERM: the ReplicaManager closes (fetchers stop,
   * waiters fail SHUTTING_DOWN), then the broker closes its session, so the controller moves
   * its leaderships at once. Writes still in flight complete (the disk is not lost).
   */
  private stop(b: SimBroker): void {
    const rm = b.rm as ReplicaManager;
    const generation = b.generation;
    this.stats.cleanStops++;
    this.note(`clean stop ${b.id}`);
    rm.close().then(
      () => {
        if (generation !== b.generation) return;
        this.abandon(b);
        this.controller.sessionEnded(b.id);
        this.publish();
      },
      (error: Error) => {
        if (generation === b.generation)
          this.violation ??= `broker ${b.id} failed to close: ${error.stack ?? error}`;
      },
    );
  }

  private crash(b: SimBroker): void {
    const inFlight = b.disk.pendingWrites;
    const { lostBatches } = b.disk.crash(this.random);
    this.stats.crashes++;
    this.stats.lostWrites += inFlight + lostBatches;
    this.note(`crash ${b.id} (lost ${inFlight} writes in flight, ${lostBatches} unsynced)`);
    this.abandon(b);
  }

  /** Forgets a broker's process: its calls, writes in flight and timers die with it. */
  private abandon(b: SimBroker): void {
    b.generation++;
    b.rm = undefined;
    b.starting = false;
    b.applying = false;
    b.ticking = false;
    b.metadata = [];
    b.leads.clear();
    b.shadows.clear();
    b.timers = [];
    b.pausedUntilMs = 0;
  }

  /** A running broker holds a live session while it reaches the coordinators. */
  private sessions(): void {
    for (const b of this.brokers) {
      const reaches = !this.network.isCut(b.id, COORDINATORS);
      const registered = this.controller.live.has(b.id);
      // A restarted process opens a session of its own; its predecessor's runs out.
      const holds = b.sessionGeneration === b.generation;
      if (b.running(this.nowMs) && reaches && registered && holds) b.lastHeartbeatMs = this.nowMs;
      if (registered && this.nowMs - b.lastHeartbeatMs > SESSION_TIMEOUT_MS) {
        this.note(`session of broker ${b.id} ends`);
        this.controller.sessionEnded(b.id);
        this.publish();
      } else if (b.up && !registered && reaches && !this.network.isCut(COORDINATORS, b.id)) {
        // A new registration (first start, restart, or after an expiry): a new broker epoch,
        // which the broker learns with the first view that includes it (as the shell does).
        b.brokerEpoch = this.controller.register(b.id);
        b.sessionGeneration = b.generation;
        b.lastHeartbeatMs = this.nowMs;
        this.note(`broker ${b.id} registers with epoch ${b.brokerEpoch}`);
        this.publish(b);
      }
    }
  }

  private view(): TopicInfo__Output[] {
    return JSON.parse(JSON.stringify(this.controller.view())) as TopicInfo__Output[];
  }

  /**
   * The controller changed: every running broker's stream carries the new view (registered
   * or not, as WatchMetadata does); `registered` has just registered.
   */
  private publish(registered?: SimBroker): void {
    const view = this.view();
    for (const b of this.brokers) {
      if (!b.up) continue;
      b.metadata.push({ view, registered: b === registered ? b.brokerEpoch : undefined });
      if (b.metadata.length > METADATA_QUEUE_MAX) {
        // A slow stream skips views; the next one includes what the skipped one did.
        const skipped = b.metadata.shift() as MetadataMessage;
        const next = b.metadata[0] as MetadataMessage;
        next.registered ??= skipped.registered;
      }
    }
  }

  /** The next metadata view reaches a broker, which applies it (one at a time, in order). */
  private deliverMetadata(b: SimBroker): void {
    if (!b.rm || b.applying || b.metadata.length === 0) return;
    if (this.network.isCut(COORDINATORS, b.id)) return;
    const { view, registered } = b.metadata.shift() as MetadataMessage;
    const generation = b.generation;
    const rm = b.rm;
    b.applying = true;
    rm.applyMetadata(view, [])
      .then(() => (registered === undefined ? undefined : rm.setBrokerEpoch(registered)))
      .then(
        () => {
          if (generation !== b.generation) return;
          b.applying = false;
          const parts = view[0]?.partitions ?? [];
          this.note(
            `broker ${b.id} applied ${parts.map((p) => `p${p.partition}:L${p.leader}e${p.leader_epoch}/${p.partition_epoch}[${p.isr}]`).join(' ')}`,
          );
          for (const p of parts) {
            const was = b.leads.get(p.partition);
            if (p.leader === b.id) {
              if (was !== p.leader_epoch) this.stats.leaderChanges++;
              b.leads.set(p.partition, p.leader_epoch);
            } else b.leads.delete(p.partition);
          }
        },
        (error: Error) => {
          if (generation === b.generation)
            this.violation ??= `broker ${b.id} failed to apply metadata: ${error.stack ?? error}`;
        },
      );
  }

  /** Time passes: sessions, deadlines, and each running broker's tick. */
  private advanceTime(): void {
    this.nowMs += STEP_MS;
    this.sessions();
    this.network.expire();
    for (const b of this.brokers) {
      if (!b.running(this.nowMs)) continue;
      const due = b.timers.filter((t) => t.dueMs <= this.nowMs);
      b.timers = b.timers.filter((t) => t.dueMs > this.nowMs);
      for (const t of due) t.fire();
      if (!b.rm || this.nowMs < b.nextTickMs || b.ticking) continue;
      b.nextTickMs = this.nowMs + TICK_MS;
      b.ticking = true;
      const generation = b.generation;
      b.rm.tick().then(
        () => {
          if (generation === b.generation) b.ticking = false;
        },
        (error: Error) => {
          if (generation === b.generation)
            this.violation ??= `broker ${b.id} tick failed: ${error.stack ?? error}`;
        },
      );
    }
  }

  private partition(): void {
    this.network.cut.clear();
    if (this.random.int(3) === 0) return this.note('heal');
    const isolated = 1 + this.random.int(this.o.brokers);
    for (let other = 0; other <= this.o.brokers; other++)
      if (other !== isolated) {
        if (this.random.int(4) > 0) this.network.cut.add(`${isolated}>${other}`);
        if (this.random.int(4) > 0) this.network.cut.add(`${other}>${isolated}`);
      }
    this.note(`partition around ${isolated}: ${[...this.network.cut].join(' ')}`);
  }

  // ------------------------------------------------------------------ the run

  /** Runs one event chosen by the seed, lets what it released run, and checks. */
  private async event(faults: boolean): Promise<void> {
    const r = this.random.float();
    const up = this.brokers.filter((b) => b.up);
    const pick = <T>(xs: T[]) => xs[this.random.int(xs.length)] as T;
    if (faults && r < this.o.crashRate && up.length > 0) {
      // One fault in four is a clean stop (SIGTERM) rather than kill -9.
      const b = pick(up);
      if (this.random.int(4) === 0) this.stop(b);
      else this.crash(b);
    } else if (faults && r < this.o.crashRate + this.o.partitionRate) this.partition();
    else if (r < 0.12) this.advanceTime();
    else if (r < 0.5) this.network.deliverOne();
    else if (r < 0.72) {
      const busy = this.brokers.filter(
        (b) => b.disk.pendingWrites > 0 && this.nowMs >= b.pausedUntilMs,
      );
      if (busy.length > 0) pick(busy).disk.completeOne();
    } else if (r < 0.8) {
      const waiting = this.brokers.filter(
        (b) => b.metadata.length > 0 && !b.applying && b.running(this.nowMs),
      );
      if (waiting.length > 0) this.deliverMetadata(pick(waiting));
    } else if (faults) {
      this.clients.step();
      if (this.o.plant === 'hw-ignores-lagging') this.forgeCaughtUp();
    }
    for (const b of this.brokers)
      if (!b.up && !b.starting) {
        if (faults && this.random.float() >= 0.02) continue;
        this.stats.restarts++;
        this.note(`restart ${b.id}`);
        this.start(b);
      }
    await settle();
    this.check();
  }

  /**
   * The planted bug hw-ignores-lagging: each partition's leader is told, by a replica fetch in
   * the name of every lagging ISR member, that the member has reached the leader's log end, so
   * its high watermark advances past a member that lacks the records (and the ISR keeps it).
   * This goes through the ReplicaManager's public surface; a core hook would plant the same.
   */
  private forgeCaughtUp(): void {
    for (const p of this.controller.partitions) {
      const leader = this.brokers[p.leader - 1];
      const log = leader?.shadows.get(p.partition)?.log;
      if (!leader?.rm || !log || leader.leads.get(p.partition) !== p.leaderEpoch) continue;
      for (const f of p.isr) {
        const follower = this.brokers[f - 1] as SimBroker;
        const end = follower.shadows.get(p.partition)?.end() ?? 0;
        if (f === p.leader || end >= log.logEndOffset) continue;
        const req = REPLICA_FETCH.requestDeserialize(
          REPLICA_FETCH.requestSerialize({
            replica_id: f,
            broker_epoch: this.controller.live.get(f) ?? 0,
            partitions: [
              {
                topic: TOPIC,
                partition: p.partition,
                leader_epoch: p.leaderEpoch,
                fetch_offset: log.logEndOffset,
                last_fetched_epoch: log.lastEpoch(),
                log_start_offset: log.logStartOffset,
              },
            ],
          }),
        );
        leader.rm.handleReplicaFetch(req as never).catch(() => undefined);
      }
    }
  }

  /** The invariants after an event, on every running broker's logs. */
  private check(): void {
    if (this.violation) this.fail(this.violation);
    for (const b of this.brokers) {
      if (!b.rm) continue;
      for (const [p, shadow] of b.shadows) {
        const epoch = b.leads.get(p);
        const leading = epoch !== undefined && b.rm.leaderEpoch(TOPIC, p) === epoch;
        this.checker.checkReplica(shadow, leading ? epoch : undefined);
      }
    }
    if (this.checker.violation) this.fail(this.checker.violation);
  }

  /** No faults: every broker returns, every partition converges, every batch is answered. */
  private async converge(): Promise<void> {
    this.network.cut.clear();
    this.network.faults = false;
    this.note('liveness phase');
    for (let k = 0; k < this.o.livenessSteps; k++) {
      if (k % 4 === 0) this.advanceTime();
      if (k % 50 === 0) {
        this.clients.finish();
        this.clients.catchUp((p) => this.leaderLog(p)?.highWatermark ?? 0);
      }
      this.step++;
      await this.event(false);
      if (k % 20 === 0 && this.converged() === undefined) return;
    }
    this.fail(`no convergence within ${this.o.livenessSteps} events: ${this.converged()}`);
  }

  private leaderLog(p: number): PartitionLog | undefined {
    const leader = this.controller.partitions[p]?.leader ?? NO_LEADER;
    return this.brokers[leader - 1]?.shadows.get(p)?.log;
  }

  /** Undefined once converged; else what is still missing. */
  private converged(): string | undefined {
    for (const b of this.brokers) {
      if (!b.up || !this.controller.live.has(b.id) || b.metadata.length > 0 || b.applying)
        return `broker ${b.id} is not up to date (up ${b.up}, registered ${this.controller.live.has(b.id)})`;
      // A truncation moves the log end at once but is durable (and seen) only when written.
      if (b.disk.pendingWrites > 0) return `broker ${b.id} has disk writes in flight`;
    }
    for (const p of this.controller.partitions) {
      const leader = this.brokers[p.leader - 1];
      const log = this.leaderLog(p.partition);
      if (!leader || !log || leader.leads.get(p.partition) !== p.leaderEpoch)
        return `p${p.partition} has no leader in place (controller says ${p.leader})`;
      if (p.isr.length !== p.replicas.length)
        return `p${p.partition} isr [${p.isr}]; replicas: ${this.states(p.partition)}`;
      if (log.highWatermark !== log.logEndOffset)
        return `p${p.partition} leader ${p.leader} hw ${log.highWatermark} < log end ${log.logEndOffset}`;
      for (const r of p.replicas) {
        const other = this.brokers[r - 1]?.shadows.get(p.partition)?.log;
        if (other?.logEndOffset !== log.logEndOffset || other.highWatermark !== log.highWatermark)
          return `p${p.partition} replica ${r} at end ${other?.logEndOffset} hw ${other?.highWatermark}, leader ${log.logEndOffset}/${log.highWatermark}`;
      }
    }
    const unanswered = this.clients.unanswered();
    if (unanswered.length > 0) return `unanswered: ${unanswered.join('; ')}`;
    return undefined;
  }

  /** What each broker's ReplicaManager says of a partition, for reports. */
  private states(partition: number): string {
    return this.brokers
      .map((b) => `${b.id}: ${JSON.stringify(b.rm?.partitionState(TOPIC, partition) ?? null)}`)
      .join('; ');
  }

  /** Every log read back equals what was seen written, and holds every must-stay batch. */
  private async checkEnd(): Promise<void> {
    for (const b of this.brokers)
      for (const shadow of b.shadows.values()) {
        const stored = (await shadow.readAll()).map((x) => JSON.stringify(x));
        const seen = [...shadow.batches.values()]
          .sort((x, y) => x.baseOffset - y.baseOffset)
          .map((x) => JSON.stringify(x));
        const k = stored.findIndex((line, i) => line !== seen[i]);
        if (k >= 0 || stored.length !== seen.length)
          this.fail(
            `p${shadow.partition} on broker ${b.id}: the log read back differs from the writes seen, from batch ${k >= 0 ? k : stored.length}: stored ${stored[k] ?? 'nothing'} (${stored.length} batches), seen ${seen[k >= 0 ? k : stored.length] ?? 'nothing'} (${seen.length} batches); log ${shadow.log.logStartOffset}..${shadow.log.logEndOffset}, hw ${shadow.log.highWatermark}`,
          );
        this.checker.checkComplete(shadow);
      }
    if (this.checker.violation) this.fail(this.checker.violation);
  }
}

/**
 * Lets the continuations an event released run: a fixed number of microtask hops covers the
 * store's and the ReplicaManager's promise chains; what is left runs after the next event,
 * still in the same order, so a seed replays exactly.
 */
async function settle(): Promise<void> {
  for (let k = 0; k < 48; k++) await undefined;
}
