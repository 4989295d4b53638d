import type { RaftConfig } from '../config';
import type { MemoryStorage } from '../memory-storage';
import { RawNode } from '../raw-node';
import type { ConfState, HardState, NodeId, Snapshot } from '../types';

/** Snapshot payload of the model state machine: its 32-bit hash, little-endian. */
export function encodeState(hash: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, hash, true);
  return out;
}

export function decodeState(data: Uint8Array): number {
  if (data.length < 4) return 0;
  return new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(0, true);
}

/**
 * One simulated server. `storage` is its disk and survives crashes; everything else (the
 * RawNode, the applied state machine, pending reads) is memory and is lost by `crash()`.
 */
export class SimNode {
  node: RawNode | null = null;
  /** State machine: last applied index and hash of everything applied (see foldHash). */
  appliedIndex = 0;
  hash = 0;
  confState: ConfState = { voters: [], learners: [] };
  /** Reads answered by Raft, waiting for appliedIndex ≥ index. */
  pendingReads: Array<{ context: string; index: number }> = [];
  /** Last term in which this incarnation was observed as leader (0 = never). */
  leaderTerm = 0;
  /** Crashed until this tick (meaningful when node is null). */
  downUntil = 0;
  /** Removed from the cluster (a conf change applied somewhere); it may keep running. */
  removed = false;
  /** Stopped for good (removed, and no longer needed): never restarted. */
  stopped = false;
  /** Tick at which a removed member that keeps running is stopped, and its removal's index. */
  stopAt = Infinity;
  removedAt = 0;
  /** Ticks per simulated tick (clock drift), and the fraction of a tick accumulated. */
  rate = 1;
  clockAcc = 0;
  /** This incarnation's shell sends early and writes commit-only hard states lazily. */
  earlySend = false;
  /** Lazy shells: hard state received in a Ready but not yet written. */
  unsavedHardState: HardState | null = null;
  /** Counts starts, so messages waiting in a crashed incarnation's inbox are known lost. */
  incarnation = 0;
  /** Slow inbox: until this tick, arriving messages wait `inboxDelay` ticks to be stepped. */
  slowInboxUntil = 0;
  inboxDelay = 0;

  constructor(
    readonly id: NodeId,
    readonly storage: MemoryStorage,
  ) {}

  get live(): boolean {
    return this.node !== null;
  }

  /** (Re)starts from durable storage: the state machine restarts from the snapshot. */
  start(config: RaftConfig, earlySend: boolean): void {
    this.node = new RawNode(config, this.storage);
    this.incarnation++;
    this.earlySend = earlySend;
    this.unsavedHardState = null;
    this.restoreFrom(this.storage.snapshot());
    this.pendingReads = [];
    this.leaderTerm = 0;
  }

  restoreFrom(snap: Snapshot): void {
    this.appliedIndex = snap.metadata.index;
    this.hash = decodeState(snap.data);
    this.confState = snap.metadata.confState;
  }

  /** Loses all volatile state; only `storage` remains. */
  crash(downUntil: number): void {
    this.node = null;
    this.unsavedHardState = null;
    this.pendingReads = [];
    this.downUntil = downUntil;
  }
}
