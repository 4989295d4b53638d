/**
 * Consumer group member liveness, kept by the leader only (like SessionKeeper for sessions):
 * every applied join or heartbeat renews the member's deadline to a full session timeout from
 * the leader's monotonic clock; members past their deadline are removed by one
 * `expire-group-members` command per group. A new leader, once it has applied an entry of its
 * own term, gives every member a full timeout, so a leader change never expires a live member.
 * Heartbeats are Raft writes (they carry the member's owned partitions), so the leader sees
 * every one of them, whichever member it was sent to.
 */
import { DeadlineTracker, type ApplyOutput, type CoordStateMachine } from '@tributary/coord-state';
import { monotonicMs, type Clock } from '../node/clock';

export interface GroupKeeperPort {
  state(): CoordStateMachine;
  /** This member leads and has applied an entry of its own term. */
  leaderCaughtUp(): boolean;
  proposeAsLeader(cmd: {
    op: 'expire-group-members';
    group: string;
    memberIds: string[];
  }): Promise<unknown>;
}

/** Group ids cannot contain '/', so the first one splits a key. */
const keyOf = (group: string, memberId: string) => `${group}/${memberId}`;

export class GroupKeeper {
  private tracker = new DeadlineTracker<string>();
  private tracking = false;
  private expiring = false;

  constructor(
    private readonly port: GroupKeeperPort,
    private readonly now: Clock = monotonicMs,
  ) {}

  applied(output: ApplyOutput): void {
    if (!this.startTracking()) return;
    const r = output.result;
    if (!r.ok) return;
    const v = r.value;
    if (v.op === 'join-group' || v.op === 'group-heartbeat')
      this.tracker.track(keyOf(v.group, v.memberId), v.sessionTimeoutMs, this.now());
    else if (v.op === 'leave-group') this.tracker.forget(keyOf(v.group, v.memberId));
    else if (v.op === 'expire-group-members')
      for (const id of v.removed) this.tracker.forget(keyOf(v.group, id));
  }

  roleChanged(): void {
    this.tracker = new DeadlineTracker<string>();
    this.tracking = false;
    this.startTracking();
  }

  restored(): void {
    if (this.tracking) this.resetAll();
  }

  private resetAll(): void {
    const sm = this.port.state();
    const members = sm
      .groupIds()
      .flatMap((g) =>
        sm.group(g)!.members.map((m) => ({ id: keyOf(g, m.memberId), ttlMs: m.sessionTimeoutMs })),
      );
    this.tracker.resetAll(members, this.now());
  }

  private startTracking(): boolean {
    if (this.tracking || !this.port.leaderCaughtUp()) return this.tracking;
    this.resetAll();
    this.tracking = true;
    return true;
  }

  /** Called every tick: proposes the expiry of one group's overdue members at a time. */
  tick(): void {
    if (this.expiring || !this.startTracking()) return;
    const sm = this.port.state();
    const overdue = new Map<string, string[]>();
    for (const key of this.tracker.expired(this.now())) {
      const cut = key.indexOf('/');
      const group = key.slice(0, cut);
      const memberId = key.slice(cut + 1);
      // Replaced by a static member's restart, say: nothing to expire.
      if (!sm.group(group)?.members.some((m) => m.memberId === memberId)) {
        this.tracker.forget(key);
        continue;
      }
      overdue.set(group, [...(overdue.get(group) ?? []), memberId]);
    }
    const first = overdue.entries().next();
    if (first.done) return;
    const [group, memberIds] = first.value;
    this.expiring = true;
    void this.port
      .proposeAsLeader({ op: 'expire-group-members', group, memberIds })
      .catch(() => undefined)
      .finally(() => (this.expiring = false));
  }
}
