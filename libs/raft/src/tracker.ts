import { assert } from './errors';
import { Progress } from './progress';
import type { ConfState, NodeId } from './types';

export type VoteResult = 'won' | 'lost' | 'pending';

/**
 * Membership plus the leader's per-peer progress. Invariant: voters and learners are
 * disjoint; `progress` has exactly one entry per voter and learner.
 */
export class ProgressTracker {
  voters: NodeId[] = [];
  learners: NodeId[] = [];
  readonly progress = new Map<NodeId, Progress>();
  /** Votes received in the current election (true = granted). */
  readonly votes = new Map<NodeId, boolean>();
  private readonly matchScratch: number[] = [];

  constructor(private readonly maxInflight: number) {}

  confState(): ConfState {
    return { voters: [...this.voters], learners: [...this.learners] };
  }

  /** Replaces the membership, keeping progress of peers that stay. */
  setConf(cs: ConfState, nextIndex: number): void {
    const ids = new Set([...cs.voters, ...cs.learners]);
    assert(ids.size === cs.voters.length + cs.learners.length, 'voters and learners overlap');
    this.voters = [...cs.voters].sort((a, b) => a - b);
    this.learners = [...cs.learners].sort((a, b) => a - b);
    for (const id of [...this.progress.keys()]) if (!ids.has(id)) this.progress.delete(id);
    for (const id of ids) {
      const learner = this.learners.includes(id);
      const pr = this.progress.get(id);
      if (pr) pr.isLearner = learner;
      else {
        const fresh = new Progress(nextIndex, this.maxInflight, learner);
        fresh.recentActive = true;
        this.progress.set(id, fresh);
      }
    }
  }

  isVoter(id: NodeId): boolean {
    return this.voters.includes(id);
  }

  quorum(): number {
    return Math.floor(this.voters.length / 2) + 1;
  }

  /** Largest index replicated on a quorum of voters (§5.3). */
  committedIndex(): number {
    const m = this.matchScratch;
    m.length = 0;
    for (const id of this.voters) m.push((this.progress.get(id) as Progress).match);
    if (m.length === 0) return Infinity;
    // Insertion sort, descending: voter sets are tiny and this runs on every append ack.
    for (let i = 1; i < m.length; i++) {
      const v = m[i] as number;
      let j = i - 1;
      for (; j >= 0 && (m[j] as number) < v; j--) m[j + 1] = m[j] as number;
      m[j + 1] = v;
    }
    return m[this.quorum() - 1] as number;
  }

  /** Quorum-th largest value of f over voters (used for lease expiry). */
  quorumMin(f: (id: NodeId) => number): number {
    const vals = this.voters.map(f).sort((a, b) => b - a);
    return vals[this.quorum() - 1] ?? -Infinity;
  }

  resetVotes(): void {
    this.votes.clear();
  }

  recordVote(id: NodeId, granted: boolean): void {
    if (!this.votes.has(id)) this.votes.set(id, granted);
  }

  voteResult(): VoteResult {
    let granted = 0;
    let rejected = 0;
    for (const id of this.voters) {
      const v = this.votes.get(id);
      if (v === true) granted++;
      else if (v === false) rejected++;
    }
    const q = this.quorum();
    if (granted >= q) return 'won';
    if (this.voters.length - rejected < q) return 'lost';
    return 'pending';
  }

  /** Did a quorum of voters talk to us recently (`self` always counts)? */
  quorumActive(self: NodeId): boolean {
    let active = 0;
    for (const id of this.voters) {
      const pr = this.progress.get(id) as Progress;
      if (id === self || pr.recentActive) active++;
    }
    return active >= this.quorum();
  }
}
