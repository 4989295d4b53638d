/**
 * Classic lock bugs the simulator must catch (`--plant`), planted by patching the methods of
 * one state machine instance from the simulator: no production code path has them, and a
 * member without the plant runs the real code.
 *
 *   - `unlock-by-waiter`: Unlock of a key that is still waiting releases the lock (deletes its
 *     holder's key) instead of withdrawing the waiter — a release by a non-holder frees the lock
 *     from under a holder whose session is alive. The outputs stay identical on every member.
 *   - `fencing-token-snapshot`: fencing tokens come from a per-lock grant counter kept in memory
 *     and left out of the snapshot image: a member that starts from a snapshot (restart or
 *     install) counts again from 0, and hands out tokens it, or another member, already gave.
 */
import type { ApplyOutput, Command, CoordStateMachine, LockHolder } from '@tributary/coord-state';

export const LOCK_PLANTS = ['unlock-by-waiter', 'fencing-token-snapshot'] as const;
export type LockPlant = (typeof LOCK_PLANTS)[number];

export const isLockPlant = (name: string | undefined): name is LockPlant =>
  (LOCK_PLANTS as readonly string[]).includes(name ?? '');

const planted = new WeakSet<CoordStateMachine>();

type Apply = (index: number, cmd: Command) => ApplyOutput;

/** Plants the bug in `sm` (once per instance: a restored member has a new one). */
export function plantLockBug(sm: CoordStateMachine, plant: LockPlant): void {
  if (planted.has(sm)) return;
  planted.add(sm);
  const apply: Apply = sm.apply.bind(sm);
  const patched = sm as unknown as { apply: Apply; lockHolder: (name: string) => unknown };
  if (plant === 'unlock-by-waiter') {
    patched.apply = (index, cmd) => {
      if (cmd.op !== 'unlock') return apply(index, cmd);
      const name = cmd.key.slice(0, cmd.key.lastIndexOf('/')) || '/';
      const holder = sm.lockHolder(name);
      const waiting = holder !== undefined && holder.key !== cmd.key;
      return waiting && sm.lockQueue(name).includes(cmd.key)
        ? apply(index, { ...cmd, key: holder.key })
        : apply(index, cmd);
    };
    return;
  }
  // fencing-token-snapshot: the counter and the tokens given live in this instance only.
  const counters = new Map<string, number>();
  const tokens = new Map<string, number>();
  const lockHolder = sm.lockHolder.bind(sm);
  patched.apply = (index, cmd) => {
    const out = apply(index, cmd);
    for (const g of out.lockGrants) {
      const token = (counters.get(g.name) ?? 0) + 1;
      counters.set(g.name, token);
      tokens.set(g.key, token);
      g.fencingToken = token;
    }
    const r = out.result;
    if (r.ok && r.value.op === 'lock') r.value.fencingToken = tokens.get(r.value.key) ?? 0;
    return out;
  };
  patched.lockHolder = (name: string): LockHolder | undefined => {
    const h = lockHolder(name);
    return h && { ...h, fencingToken: tokens.get(h.key) ?? 0 };
  };
}
