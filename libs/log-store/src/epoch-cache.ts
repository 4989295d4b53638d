/** The leader-epoch cache of one partition (KIP-101): where each epoch's batches begin. */
import type { EpochEntry } from './types';

/**
 * Notes a batch of `epoch` at `offset`; epochs only grow along the log. As in Kafka, a new epoch
 * replaces entries that start at or after it (an older epoch left with no batches of its own).
 */
export function noteEpoch(epochs: EpochEntry[], epoch: number, offset: number): void {
  const last = epochs[epochs.length - 1];
  if (last && epoch <= last.epoch) return;
  while (epochs.length > 0 && (epochs[epochs.length - 1] as EpochEntry).startOffset >= offset)
    epochs.pop();
  epochs.push({ epoch, startOffset: offset });
}

/** Drops epochs that start at or after `end` (a truncated tail). */
export function truncateEpochs(epochs: EpochEntry[], end: number): EpochEntry[] {
  return epochs.filter((e) => e.startOffset < end);
}

/** The log now starts at `start`: the epoch covering it starts there, older ones go. */
export function trimEpochs(epochs: EpochEntry[], start: number): EpochEntry[] {
  const out: EpochEntry[] = [];
  for (let i = 0; i < epochs.length; i++) {
    const e = epochs[i] as EpochEntry;
    const next = epochs[i + 1];
    if (next && next.startOffset <= start) continue;
    out.push({ epoch: e.epoch, startOffset: Math.max(e.startOffset, start) });
  }
  return out;
}

/** KIP-101/KIP-279: the largest epoch ≤ `epoch` and the offset where it ends; {-1,-1} if none. */
export function endOffsetForEpoch(
  epochs: readonly EpochEntry[],
  epoch: number,
  logEnd: number,
): { epoch: number; endOffset: number } {
  for (let i = epochs.length - 1; i >= 0; i--) {
    const e = epochs[i] as EpochEntry;
    if (e.epoch > epoch) continue;
    const next = epochs[i + 1];
    return { epoch: e.epoch, endOffset: next ? Math.min(next.startOffset, logEnd) : logEnd };
  }
  return { epoch: -1, endOffset: -1 };
}
