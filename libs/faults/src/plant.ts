/**
 * Planted bugs: each takes a real history a campaign recorded and changes it the way a broken
 * system would have answered, so a test can show the checker catches that very bug in a
 * history of this size and shape — a stale read, a lost acknowledged write, a second lock
 * holder. Each returns undefined when the history offers no place to plant it.
 */
import type { LockOp, LogOp, RegisterOp } from '@tributary/testkit';

/**
 * A read that returns a value overwritten before it began: an ok write w1 completed before an
 * ok write w2 of the same key was invoked, and a read invoked after w2 completed now says w1.
 */
export function plantStaleRead(ops: readonly RegisterOp[]): RegisterOp[] | undefined {
  const writes = ops.filter((op) => op.op === 'write' && op.outcome === 'ok');
  for (const w2 of writes) {
    const w1 = writes.find((w) => w.key === w2.key && w.complete! < w2.invoke && w !== w2);
    const read = ops.findIndex(
      (op) =>
        op.op === 'read' && op.outcome === 'ok' && op.key === w2.key && op.invoke > w2.complete!,
    );
    if (w1 && w1.op === 'write' && read >= 0) {
      const out = [...ops];
      out[read] = { ...(ops[read] as Extract<RegisterOp, { op: 'read' }>), value: w1.value };
      return out;
    }
  }
  return undefined;
}

/** An acknowledged record missing from the final read of its partition. */
export function plantLostWrite(ops: readonly LogOp[]): LogOp[] | undefined {
  const acked = ops.find((op) => op.type === 'send' && op.outcome === 'ok' && op.ack);
  if (!acked || acked.type !== 'send') return undefined;
  return ops.map((op) =>
    op.type === 'final' && op.partition === acked.ack!.partition
      ? { ...op, records: op.records.filter((r) => r.value !== acked.value) }
      : op,
  );
}

/**
 * A second holder: while one client definitely held the lock (grant completed, release not yet
 * invoked), another is granted it too, with the next token, and releases it after.
 */
export function plantDoubleHolder(ops: readonly LockOp[]): LockOp[] | undefined {
  for (const grant of ops) {
    if (grant.type !== 'acquire' || grant.outcome !== 'ok' || grant.token === undefined) continue;
    const release = ops.find(
      (op) =>
        op.type === 'release' &&
        op.process === grant.process &&
        op.token === grant.token &&
        op.invoke > grant.complete,
    );
    if (!release) continue;
    const mid = (grant.complete + release.invoke) / 2;
    const token = grant.token + 1;
    const base = { process: 'planted', lock: grant.lock, token };
    return [
      ...ops,
      { ...base, type: 'acquire', outcome: 'ok', invoke: grant.invoke, complete: mid },
      {
        ...base,
        type: 'release',
        outcome: 'ok',
        invoke: release.invoke + 1,
        complete: release.invoke + 2,
      },
    ];
  }
  return undefined;
}
