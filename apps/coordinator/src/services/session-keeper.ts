/**
 * Session liveness, kept by the leader only and never replicated: KeepAlive renews a deadline
 * in memory (no Raft write); the leader proposes one `expire-sessions` command for every
 * session past its deadline. A new leader gives every session a full TTL, as etcd does with
 * leases, so a leader change never expires a session that was being kept alive — but only once
 * it has applied an entry of its own term: an expiry an earlier leader proposed may still be
 * committed until then, and a keep-alive acknowledged before it would be a lie. Until then
 * keep-alives are answered NO_LEADER (retry shortly).
 */
import { SessionTracker, type ApplyOutput, type CoordStateMachine } from '@tributary/coord-state';
import { tributaryError } from '@tributary/rpc';
import type { Role } from '@tributary/raft';
import { monotonicMs, type Clock } from '../node/clock';

export interface SessionKeeperPort {
  state(): CoordStateMachine;
  role(): Role;
  /** This member leads and has applied an entry of its own term. */
  leaderCaughtUp(): boolean;
  leaderAddress(): string | undefined;
  /** Proposes only while this member leads in its current term (ConsensusNode.proposeAsLeader). */
  proposeAsLeader(cmd: { op: 'expire-sessions'; sessionIds: number[] }): Promise<unknown>;
}

export class SessionKeeper {
  private tracker = new SessionTracker();
  /** The tracker holds every session (false on followers and on a leader not caught up). */
  private tracking = false;
  private expiring = false;

  constructor(
    private readonly port: SessionKeeperPort,
    private readonly now: Clock = monotonicMs,
  ) {}

  applied(output: ApplyOutput): void {
    if (!this.startTracking()) return;
    const r = output.result;
    if (r.ok && (r.value.op === 'open-session' || r.value.op === 'open-owned-session'))
      this.tracker.track(r.value.sessionId, r.value.ttlMs, this.now());
    for (const id of output.endedSessions) this.tracker.forget(id);
  }

  roleChanged(_role: Role): void {
    this.tracker = new SessionTracker();
    this.tracking = false;
    this.startTracking();
  }

  restored(): void {
    if (this.tracking) this.tracker.resetAll(this.port.state().sessions(), this.now());
  }

  /** Starts tracking (every session gets a full TTL) once this leader has caught up. */
  private startTracking(): boolean {
    if (this.tracking || !this.port.leaderCaughtUp()) return this.tracking;
    this.tracker.resetAll(this.port.state().sessions(), this.now());
    this.tracking = true;
    return true;
  }

  /** Renews a session; returns its TTL in ms, 0 when it is unknown or expired. Only the leader can. */
  keepAlive(sessionId: number): number {
    if (this.port.role() !== 'leader') {
      const leader = this.port.leaderAddress();
      throw tributaryError(
        'NOT_LEADER',
        `keep-alives go to the leader${leader ? ` (${leader})` : ''}; this node is a ${this.port.role()}`,
        leader ? { leader } : {},
      );
    }
    if (!this.startTracking())
      throw tributaryError(
        'NO_LEADER',
        'this leader has not yet applied the entries of its predecessors; retry the keep-alive shortly',
      );
    const known = this.port.state().session(sessionId) !== undefined;
    return known ? this.tracker.keepAlive(sessionId, this.now()) : 0;
  }

  /** Called every tick: proposes the expiry of overdue sessions (one proposal at a time). */
  tick(): void {
    if (this.expiring || !this.startTracking()) return;
    const ids = this.tracker.expired(this.now());
    if (ids.length === 0) return;
    this.expiring = true;
    void this.port
      .proposeAsLeader({ op: 'expire-sessions', sessionIds: ids })
      .catch(() => undefined)
      .finally(() => (this.expiring = false));
  }
}
