/**
 * The simulation's model of the coordinators' controller: partition records, broker
 * registrations and the decisions libs/coord-state makes (controller.ts, metadata-ops.ts
 * alterIsr), restated small and synchronous. A broker's session ends when it crashes or cannot
 * reach the coordinators for longer than the session timeout: it leaves every ISR and the
 * partitions it led get a leader from the ISR (leader epoch + 1), or go offline. AlterIsr is
 * fenced by broker epoch, leader epoch and partition epoch exactly as the coordinators fence it.
 * Every change is a new revision; `view()` is the metadata a broker is sent.
 */
import { tributaryError } from '@tributary/rpc';
import type { AlterIsrRequest } from '@tributary/rpc/src/generated/tributary/coord/v1/AlterIsrRequest';
import type { PartitionInfo__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/PartitionInfo';
import type { TopicInfo__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/TopicInfo';

export const NO_LEADER = -1;

export interface ControllerPartition {
  partition: number;
  leader: number;
  leaderEpoch: number;
  partitionEpoch: number;
  /** Preferred leader first. */
  replicas: number[];
  /** In replica order; the leader among them unless offline. */
  isr: number[];
}

export interface ControllerOptions {
  topic: string;
  topicId: string;
  partitions: number;
  brokers: number;
  replicationFactor: number;
  configs: Record<string, string>;
  /** Planted bug: a leader is elected from outside the ISR whenever a live one exists. */
  uncleanLeader: boolean;
  note: (line: string) => void;
}

const inReplicaOrder = (replicas: number[], members: Iterable<number>) => {
  const set = new Set(members);
  return replicas.filter((r) => set.has(r));
};

export class SimController {
  readonly partitions: ControllerPartition[];
  /** Live registrations: broker id → broker epoch. */
  readonly live = new Map<number, number>();
  revision = 0;
  private nextBrokerEpoch = 1;
  /** Leader changes the planted bug made (out-of-ISR leaders elected). */
  uncleanElections = 0;

  constructor(private readonly o: ControllerOptions) {
    this.partitions = Array.from({ length: o.partitions }, (_, p) => {
      const replicas = Array.from(
        { length: o.replicationFactor },
        (_, k) => ((p + k) % o.brokers) + 1,
      );
      return {
        partition: p,
        leader: replicas[0] as number,
        leaderEpoch: 0,
        partitionEpoch: 0,
        replicas,
        isr: [...replicas],
      };
    });
  }

  /** A broker registers (a new session): its new broker epoch. */
  register(broker: number): number {
    const epoch = this.nextBrokerEpoch++;
    this.live.set(broker, epoch);
    for (const p of this.partitions) {
      // An offline partition whose last in-sync replica returns gets it back as leader.
      if (p.leader === NO_LEADER && p.isr.includes(broker))
        this.change(p, { leader: broker, isr: [broker] }, true, `${broker} back, leads offline`);
      else if (this.o.uncleanLeader && p.leader === NO_LEADER && p.replicas.includes(broker)) {
        this.uncleanElections++;
        this.change(p, { leader: broker, isr: [broker] }, true, `${broker} back, leads UNCLEAN`);
      }
    }
    this.revision++;
    return epoch;
  }

  /** A broker's session ends: it leaves every ISR; what it led moves within the ISR. */
  sessionEnded(broker: number): void {
    if (!this.live.delete(broker)) return;
    for (const p of this.partitions) {
      if (!p.replicas.includes(broker)) continue;
      const isr = p.isr.filter((b) => b !== broker);
      const leaderGone = p.leader === broker;
      const outside = p.replicas.filter(
        (b) => b !== broker && !isr.includes(b) && this.live.has(b),
      );
      if (leaderGone && this.o.uncleanLeader && outside.length > 0) {
        this.uncleanElections++;
        const leader = outside[0] as number;
        this.change(
          p,
          { leader, isr: inReplicaOrder(p.replicas, [...isr, leader]) },
          true,
          'UNCLEAN',
        );
      } else if (isr.length > 0 && !leaderGone) {
        if (isr.length !== p.isr.length) this.change(p, { isr }, false, `${broker} leaves isr`);
      } else if (isr.length > 0) {
        const leader = isr.find((b) => this.live.has(b)) ?? (isr[0] as number);
        this.change(p, { leader, isr }, true, `${broker} gone`);
      } else if (p.leader !== NO_LEADER) {
        // It was the last in-sync replica: offline, keeping the ISR so it is the one elected.
        this.change(p, { leader: NO_LEADER }, true, `offline, last isr ${broker} gone`);
      }
    }
    this.revision++;
  }

  /** MetadataService.AlterIsr as metadata-ops.ts decides it; throws the same refusals. */
  alterIsr(req: AlterIsrRequest): PartitionInfo__Output {
    const p = this.partitions[req.partition ?? -1];
    if (req.topic !== this.o.topic || !p)
      throw tributaryError('UNKNOWN_PARTITION', `no partition ${req.topic}/${req.partition}`);
    const brokerId = req.broker_id ?? 0;
    const where = `${req.topic}/${p.partition}`;
    if (this.live.get(brokerId) !== Number(req.broker_epoch ?? 0))
      throw tributaryError(
        'FENCED',
        `broker ${brokerId} epoch ${req.broker_epoch} is not a live registration; re-register`,
      );
    if (p.leader !== brokerId || p.leaderEpoch !== req.leader_epoch)
      throw tributaryError(
        'FENCED',
        `${where} is led by broker ${p.leader} in leader epoch ${p.leaderEpoch}, not ${brokerId} in ${req.leader_epoch}`,
      );
    if (p.partitionEpoch !== req.partition_epoch)
      throw tributaryError(
        'FENCED',
        `${where} is at partition epoch ${p.partitionEpoch}, not ${req.partition_epoch}; refresh and retry`,
      );
    const isr = req.isr ?? [];
    if (new Set(isr).size !== isr.length)
      throw tributaryError('INVALID_ARGUMENT', 'isr names a broker twice');
    if (!isr.includes(p.leader))
      throw tributaryError('INVALID_ARGUMENT', `isr must include the leader ${p.leader}`);
    const stranger = isr.find((b) => !p.replicas.includes(b));
    if (stranger !== undefined)
      throw tributaryError('INVALID_ARGUMENT', `broker ${stranger} is not a replica of ${where}`);
    const dead = isr.find((b) => !p.isr.includes(b) && !this.live.has(b));
    if (dead !== undefined)
      throw tributaryError(
        'INVALID_ARGUMENT',
        `broker ${dead} is not live and cannot join the isr`,
      );
    this.change(p, { isr: inReplicaOrder(p.replicas, isr) }, false, `AlterIsr from ${brokerId}`);
    this.preferredBack(p);
    this.revision++;
    return info(p);
  }

  /** The metadata brokers are sent: the whole topic (it is the only one). */
  view(): TopicInfo__Output[] {
    return [
      {
        name: this.o.topic,
        topic_id: this.o.topicId,
        replication_factor: this.o.replicationFactor,
        partitions: this.partitions.map(info),
        configs: { ...this.o.configs },
      },
    ];
  }

  /** Leadership returns to the preferred replica once it is live and in sync. */
  private preferredBack(p: ControllerPartition): void {
    const preferred = p.replicas[0] as number;
    if (p.leader !== preferred && p.isr.includes(preferred) && this.live.has(preferred))
      this.change(p, { leader: preferred }, true, 'preferred leader back');
  }

  private change(
    p: ControllerPartition,
    next: Partial<ControllerPartition>,
    leaderMoved: boolean,
    why: string,
  ): void {
    Object.assign(p, next);
    if (leaderMoved) p.leaderEpoch++;
    p.partitionEpoch++;
    this.o.note(
      `controller p${p.partition}: leader ${p.leader} epoch ${p.leaderEpoch}/${p.partitionEpoch} isr [${p.isr}] (${why})`,
    );
  }
}

function info(p: ControllerPartition): PartitionInfo__Output {
  return {
    partition: p.partition,
    leader: p.leader,
    leader_epoch: p.leaderEpoch,
    partition_epoch: p.partitionEpoch,
    replicas: [...p.replicas],
    isr: [...p.isr],
    adding_replicas: [],
    removing_replicas: [],
    reassignment_throttle_bytes_per_sec: 0,
  };
}
