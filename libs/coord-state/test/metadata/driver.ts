// Applies commands to a state machine as Raft would deliver them (through the entry codec, at
// increasing indexes), checking every invariant after each.
import { type Command, CoordStateMachine, decodeCommand, encodeCommand } from '../../src';

export class Driver {
  sm = new CoordStateMachine();
  index = 0;

  apply(cmd: Command) {
    const decoded = decodeCommand(encodeCommand(cmd));
    if (!decoded.ok) throw new Error(decoded.error.message);
    const out = this.sm.apply(++this.index, decoded.value);
    this.sm.checkInvariants();
    return out;
  }

  /** The value of a command that must succeed. */
  ok<T = any>(cmd: Command): T {
    const out = this.apply(cmd);
    if (!out.result.ok) throw new Error(`${cmd.op}: ${out.result.error.message}`);
    return out.result.value as T;
  }

  /** 'ok', or the reason it was refused — having changed nothing. */
  reason(cmd: Command): string {
    const revision = this.sm.revision;
    const out = this.apply(cmd);
    if (out.result.ok) return 'ok';
    expect(this.sm.revision).toBe(revision);
    return out.result.error.reason;
  }

  session(): number {
    return this.ok({ op: 'open-session', ttlMs: 10_000 }).sessionId;
  }
}
