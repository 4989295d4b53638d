/**
 * Storage nemeses. `crash-lose-unsynced` kills processes with -9 and restarts them; it tests
 * fsync only when they run with `TRIBUTARY_TEST_STORAGE_FAULTS=lose-unsynced` in their
 * environment (the campaign sets it before it starts the clusters; see lossy-store.ts in
 * libs/log-store), so that the kill loses every write no fsync covered, as a power cut would.
 * `corrupt-replica` stops one broker, damages one stored batch at rest (a bit flip or a
 * truncation) and starts it again: its start-up verification must drop the batch and re-fetch
 * it from the leader, and nobody may be served or elect the damaged copy.
 */
import { corruptStoredBatch, brokerLogDir, type Damage } from './corrupt-at-rest';
import { pick, type FaultTarget, type Nemesis } from './nemesis';

const FAULTS_LINE = /TEST-ONLY STORAGE FAULTS ACTIVE/;

export interface CrashLoseUnsyncedOptions {
  /** Which processes: coordinators, brokers, or either at random (default). */
  kind?: 'coordinators' | 'brokers' | 'any';
  /** Kill every member of that kind at the same moment (default: one at random). */
  all?: boolean;
}

export class CrashLoseUnsyncedNemesis implements Nemesis {
  readonly name = 'crash-lose-unsynced';
  private killed: { kind: 'coordinators' | 'brokers'; ids: number[] } | undefined;

  constructor(private readonly o: CrashLoseUnsyncedOptions = {}) {}

  async start(target: FaultTarget): Promise<Record<string, unknown>> {
    const want = this.o.kind ?? 'any';
    const kinds: Array<'coordinators' | 'brokers'> =
      want === 'any' ? (target.brokers ? ['coordinators', 'brokers'] : ['coordinators']) : [want];
    const kind = pick(target.random, kinds);
    const ids =
      kind === 'brokers'
        ? target.brokers!.live().map((b) => b.id)
        : target.coordinators.live().map((m) => m.id);
    const victims = this.o.all ? ids : ids.length ? [pick(target.random, ids)] : [];
    // Without the knob this is a plain kill -9: say so in the schedule rather than pretend.
    const lossy = victims.every((id) =>
      kind === 'brokers'
        ? target.brokers!.logCount(id, FAULTS_LINE) > 0
        : target.coordinators.logCount(id, FAULTS_LINE) > 0,
    );
    await Promise.all(
      victims.map((id) =>
        kind === 'brokers' ? target.brokers!.kill(id) : target.coordinators.kill(id),
      ),
    );
    this.killed = { kind, ids: victims };
    const details = { kind, ids: victims, lossy };
    target.record(`${this.name} killed`, details);
    return details;
  }

  async stop(target: FaultTarget): Promise<void> {
    const killed = this.killed;
    this.killed = undefined;
    if (!killed) return;
    if (killed.kind === 'coordinators') {
      for (const id of killed.ids)
        if (!target.coordinators.member(id).process) target.coordinators.start(id);
      await target.coordinators.waitForLeader();
    } else {
      const brokers = target.brokers!;
      for (const id of killed.ids)
        if (!brokers.broker(id).process) await brokers.start(id, { wait: false });
      await Promise.all(killed.ids.map((id) => brokers.waitReady(id)));
    }
    target.record(`${this.name} restarted`, { kind: killed.kind, ids: killed.ids });
  }
}

export interface CorruptReplicaOptions {
  /** Damage to do (default: flip or truncate at random). */
  damage?: Damage;
  /** Only batches of this topic. */
  topic?: string;
  /** This broker (default: a live one at random). */
  broker?: number;
}

export class CorruptReplicaNemesis implements Nemesis {
  readonly name = 'corrupt-replica';
  private damaged: number | undefined;

  constructor(private readonly o: CorruptReplicaOptions = {}) {}

  async start(target: FaultTarget): Promise<Record<string, unknown>> {
    const brokers = target.brokers;
    if (!brokers) throw new Error('corrupt-replica needs brokers');
    const live = brokers.live().map((b) => b.id);
    if (live.length === 0) return { skipped: 'no live broker' };
    const id = this.o.broker ?? pick(target.random, live);
    const damage = this.o.damage ?? pick(target.random, ['flip', 'truncate'] as const);
    this.damaged = id;
    // kill -9: the stop a crash would be (a clean stop is as good; the damage is what matters).
    await brokers.kill(id);
    let details: Record<string, unknown>;
    try {
      const done = await corruptStoredBatch(brokerLogDir(brokers.broker(id).dataDir), {
        damage,
        random: target.random,
        ...(this.o.topic !== undefined && { topic: this.o.topic }),
      });
      details = { broker: id, ...done };
    } catch (error) {
      details = { broker: id, skipped: (error as Error).message };
    }
    await brokers.start(id);
    target.record(`${this.name} damaged and restarted`, details);
    return details;
  }

  /** Nothing to heal by hand (the broker repairs itself from the leader); make sure it runs. */
  async stop(target: FaultTarget): Promise<void> {
    const id = this.damaged;
    this.damaged = undefined;
    if (id !== undefined && target.brokers && !target.brokers.broker(id).process)
      await target.brokers.start(id);
  }
}
