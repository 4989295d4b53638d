/** Prometheus metrics of one coordinator's consensus loop. */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export class NodeMetrics {
  private readonly proposals: Counter;
  private readonly proposalBatchSize: Histogram;
  private readonly fsyncSeconds: Histogram;
  private readonly persistedEntries: Counter;
  private readonly appliedIndex: Gauge;
  private readonly undecodable: Counter;
  private readonly refusedPeerBatches: Counter;
  private readonly proposalSeconds: Histogram;
  private readonly failedProposals: Counter;
  private readonly leaderChanges: Counter;

  constructor(registry: Registry) {
    const registers = [registry];
    this.proposals = new Counter({
      name: 'tributary_raft_proposals_total',
      help: 'Client commands proposed to Raft',
      registers,
    });
    this.proposalBatchSize = new Histogram({
      name: 'tributary_raft_proposal_batch_size',
      help: 'Commands proposed together in one Raft append',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096],
      registers,
    });
    this.fsyncSeconds = new Histogram({
      name: 'tributary_raft_persist_seconds',
      help: 'Time to write (and fsync) one Ready to RocksDB',
      buckets: [0.0001, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
      registers,
    });
    this.persistedEntries = new Counter({
      name: 'tributary_raft_persisted_entries_total',
      help: 'Log entries written to RocksDB',
      registers,
    });
    this.appliedIndex = new Gauge({
      name: 'tributary_raft_applied_index',
      help: 'Highest log index applied to the state machine',
      registers,
    });
    this.undecodable = new Counter({
      name: 'tributary_raft_undecodable_entries_total',
      help: 'Committed entries skipped because they do not decode (should stay 0)',
      registers,
    });
    this.refusedPeerBatches = new Counter({
      name: 'tributary_raft_refused_peer_batches_total',
      help: 'Raft batches refused from the network, by reason',
      labelNames: ['reason'],
      registers,
    });
    this.proposalSeconds = new Histogram({
      name: 'tributary_raft_proposal_seconds',
      help: 'Time from proposing a client command on this member to applying it here (committed by a quorum, then applied)',
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.failedProposals = new Counter({
      name: 'tributary_raft_proposals_failed_total',
      help: 'Commands proposed on this member that were not applied, by reason (NOT_LEADER, LEADER_CHANGED, TIMEOUT, ...)',
      labelNames: ['reason'],
      registers,
    });
    this.leaderChanges = new Counter({
      name: 'tributary_raft_leader_changes_total',
      help: 'Times this member saw a new Raft leader (not counting the loss of one)',
      registers,
    });
  }

  proposalBatch(size: number): void {
    this.proposals.inc(size);
    this.proposalBatchSize.observe(size);
  }

  persisted(entries: number, seconds: number): void {
    this.persistedEntries.inc(entries);
    this.fsyncSeconds.observe(seconds);
  }

  undecodableEntry(): void {
    this.undecodable.inc();
  }

  refusedPeerBatch(reason: string): void {
    this.refusedPeerBatches.inc({ reason });
  }

  /** A command proposed here was applied `seconds` after it was proposed. */
  proposalApplied(seconds: number): void {
    this.proposalSeconds.observe(seconds);
  }

  proposalFailed(reason: string): void {
    this.failedProposals.inc({ reason });
  }

  leaderChanged(): void {
    this.leaderChanges.inc();
  }

  applied(index: number): void {
    this.appliedIndex.set(index);
  }
}
