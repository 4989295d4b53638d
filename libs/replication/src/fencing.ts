// Leader-epoch fencing, both ways: a request from an older epoch comes from a deposed leader's
// world (FENCED, never retried as is); one from a newer epoch means this broker has not yet
// applied the metadata that created it (UNKNOWN_LEADER_EPOCH, retried after a pause).

export type EpochCheck =
  { ok: true } | { ok: false; reason: 'FENCED' | 'UNKNOWN_LEADER_EPOCH'; message: string };

/** Compares the epoch a request names with the epoch this replica is in. */
export function checkLeaderEpoch(requested: number, current: number): EpochCheck {
  if (requested === current) return { ok: true };
  if (requested < current)
    return {
      ok: false,
      reason: 'FENCED',
      message: `leader epoch ${requested} is older than the current ${current}`,
    };
  return {
    ok: false,
    reason: 'UNKNOWN_LEADER_EPOCH',
    message: `leader epoch ${requested} is newer than ${current}, the latest this broker knows`,
  };
}
