/**
 * @tributary/raft — a pure Raft consensus library (no timers, sockets or disks inside).
 *
 * A shell drives a `RawNode`: `tick()` on a timer, `step(m)` for every peer message,
 * `propose`/`proposeBatch`/`readIndex`/`transferLeadership`/`proposeConfChange` for clients,
 * then loops `ready() → persist → send → apply → advance(ready)` (see `Ready`).
 */
export type {
  ConfChange,
  ConfChangeType,
  ConfState,
  Entry,
  EntryType,
  HardState,
  Message,
  MessageType,
  NodeId,
  ReadState,
  Role,
  Snapshot,
  SnapshotMetadata,
  SoftState,
} from './types';
export { NONE, message, entrySize, emptyConfState } from './types';
export {
  CompactedError,
  UnavailableError,
  SnapshotOutOfDateError,
  StorageError,
  RaftInvariantError,
} from './errors';
export type { StorageErrorCode, ProposalDropReason, ProposeResult } from './errors';
export type { Storage } from './storage';
export { MemoryStorage } from './memory-storage';
export type { Random } from './random';
export { Xoshiro128 } from './random';
export type { RaftConfig, ReadOnlyOption } from './config';
export { RawNode } from './raw-node';
export type { Ready, NodeStatus } from './raw-node';
export { encodeConfChange, decodeConfChange } from './conf-change';
export { nextConfState } from './raft';
export * as sim from './sim';
