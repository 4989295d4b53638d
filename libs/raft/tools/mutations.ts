/**
 * Classic Raft bugs, each as a textual patch of libs/raft/src. tools/mutation-check.ts plants
 * them one at a time in a scratch copy and runs the simulator against each: a bug the swarm
 * does not catch is a blind spot of the simulator. Every `find` must occur exactly once in its
 * file (a test checks that the catalogue still applies to the current source).
 */

export interface Edit {
  /** Path under src/. */
  file: string;
  find: string;
  replace: string;
}

export interface Mutation {
  name: string;
  /** The bug, and the rule it breaks. */
  bug: string;
  /**
   * Set when the bug cannot do harm in this implementation (another rule covers it): why.
   * The simulator is not expected to catch it, and forcing a catch would need a check of the
   * mutated code path rather than of a safety property.
   */
  harmless?: string;
  edits: Edit[];
}

export const MUTATIONS: Mutation[] = [
  {
    name: 'log-up-to-date-skipped',
    bug: 'votes go to any candidate, whatever its log (§5.4.1)',
    edits: [
      {
        file: 'raft-log.ts',
        find: 'return lastTerm > myTerm || (lastTerm === myTerm && lastIndex >= this.lastIndex());',
        replace: 'return myTerm >= 0;',
      },
    ],
  },
  {
    name: 'commit-old-term-entries',
    bug: 'the leader commits by counting replicas of an older term (§5.4.2, Figure 8)',
    edits: [
      {
        file: 'raft-log.ts',
        find: 'if (this.term(maxIndex) !== term) return false;',
        replace: '',
      },
    ],
  },
  {
    name: 'read-index-without-quorum',
    bug: 'safe ReadIndex answers from the commit index without a heartbeat quorum (§6.4)',
    edits: [
      {
        file: 'raft.ts',
        find: 'if (this.isLoneVoter()) {',
        replace: "if (this.isLoneVoter() || this.cfg.readOnlyOption === 'safe') {",
      },
    ],
  },
  {
    name: 'read-index-before-term-commit',
    bug: 'a new leader answers ReadIndex before committing an entry of its term (§6.4)',
    edits: [
      {
        file: 'raft.ts',
        find: 'if (!this.committedEntryInCurrentTerm()) {',
        replace: 'if (false) {',
      },
      {
        file: 'raft.ts',
        find: "assert(this.committedEntryInCurrentTerm(), 'read index answered before a commit in the term');",
        replace: '',
      },
    ],
  },
  {
    name: 'lone-voter-read-before-term-commit',
    bug: 'a lone voter answers ReadIndex from its commit index at once (issue 7, part 8, 1a)',
    edits: [
      {
        file: 'raft.ts',
        find: 'private leaderReadIndex(m: Message): StepResult {',
        replace:
          'private leaderReadIndex(m: Message): StepResult {\n' +
          '    if (this.isLoneVoter()) {\n' +
          '      this.respondRead(m, this.log.committed);\n' +
          '      return null;\n' +
          '    }',
      },
    ],
  },
  {
    name: 'lease-not-revoked-by-transfer',
    bug: 'a leader keeps serving lease reads after sending TimeoutNow (§6.4.1, §3.10)',
    edits: [
      {
        file: 'raft.ts',
        find: 'this.leaseRevoked = true; // the target may campaign (forced) at any later time',
        replace: '',
      },
    ],
  },
  {
    name: 'lease-from-receipt-time',
    bug: 'the lease is counted from when the ack arrived, not from when the heartbeat left',
    edits: [
      {
        file: 'raft.ts',
        find: 'if (m.index > pr.leaseAckTick) pr.leaseAckTick = m.index;',
        replace: 'pr.leaseAckTick = this.ticks;',
      },
    ],
  },
  {
    name: 'lease-ignores-drift',
    bug: 'the lease lasts a whole election timeout, ignoring clock drift and tick phase',
    edits: [
      {
        file: 'config.ts',
        find: 'return Math.floor(((cfg.electionTick - 1) * (1 - d)) / (1 + d));',
        replace: 'return cfg.electionTick + 0 * d;',
      },
    ],
  },
  {
    name: 'campaign-ignores-lease',
    bug: 'campaign() votes for itself inside the lease (issue 7, part 8, 1b)',
    edits: [
      { file: 'raft.ts', find: 'if (!transfer && this.inLease()) return false;', replace: '' },
    ],
  },
  {
    name: 'votes-inside-lease',
    bug: 'check-quorum followers grant votes while they hear from a leader (§6.2, lease)',
    edits: [
      {
        file: 'raft.ts',
        find: 'if (m.context !== CAMPAIGN_TRANSFER && this.inLease()) return false;',
        replace: '',
      },
    ],
  },
  {
    name: 'no-restart-lease-window',
    bug: 'a restarted node votes at once, though it may have acked a lease just before',
    edits: [
      {
        file: 'raft.ts',
        find: "return this.cfg.readOnlyOption === 'lease' && this.ticks < this.cfg.electionTick;",
        replace: 'return false;',
      },
    ],
  },
  {
    name: 'self-ack-before-durable',
    bug: 'a leader counts its own entries toward commit before they are durable (§10.2.1)',
    edits: [
      {
        file: 'raft.ts',
        find: 'this.log.append(ents);',
        replace:
          'this.log.append(ents);\n    this.trk.progress.get(this.id)?.maybeUpdate(this.log.lastIndex());',
      },
    ],
  },
  {
    name: 'several-pending-conf-changes',
    bug: 'a leader accepts a conf change while another is uncommitted or unapplied (§4.1)',
    edits: [
      {
        file: 'raft.ts',
        find: 'if (this.pendingConfIndex > this.log.applied) {',
        replace: 'if (false) {',
      },
    ],
  },
  {
    name: 'conf-change-applied-at-append',
    bug: 'membership switches when a conf change is appended, with no rollback on truncation',
    edits: [
      {
        file: 'raft.ts',
        find: "import { assert, type ProposalDropReason } from './errors';",
        replace:
          "import { assert, type ProposalDropReason } from './errors';\n" +
          "import { decodeConfChange } from './conf-change';",
      },
      {
        file: 'raft.ts',
        find: 'const lastNew = this.log.maybeAppend(m.index, m.logTerm, m.commit, m.entries);',
        replace:
          'const lastNew = this.log.maybeAppend(m.index, m.logTerm, m.commit, m.entries);\n' +
          '    if (lastNew >= 0)\n' +
          '      for (const e of m.entries)\n' +
          "        if (e.type === 'conf-change') this.applyConfChange(decodeConfChange(e.data));",
      },
    ],
  },
  {
    name: 'pre-vote-bumps-term',
    bug: 'a voter adopts the term of a pre-vote request (§9.6: pre-vote changes no state)',
    edits: [
      {
        file: 'raft.ts',
        find: "if (m.type === 'pre-vote') return true; // never changes our term",
        replace: '',
      },
    ],
  },
  {
    name: 'vote-granted-twice',
    bug: 'a node grants a second vote in the same term (§5.2)',
    edits: [{ file: 'raft.ts', find: 'this.vote === m.from ||', replace: 'this.vote >= 0 ||' }],
  },
  {
    name: 'vote-not-persisted',
    bug: 'a Ready does not report a changed vote, so it is not made durable before the response',
    edits: [
      {
        file: 'raw-node.ts',
        find: 'return a.term === b.term && a.vote === b.vote && a.commit === b.commit;',
        replace: 'return a.term === b.term && a.commit === b.commit;',
      },
    ],
  },
  {
    name: 'acks-of-replaced-entries-sent',
    bug: 'an ack still queued is sent after a newer leader replaced the entries it acks',
    edits: [
      {
        file: 'raft.ts',
        find: 'if (this.log.truncatedFrom > 0) this.dropAcksFrom(this.log.truncatedFrom);',
        replace: '',
      },
    ],
  },
  {
    name: 'no-truncation-on-conflict',
    bug: 'followers keep conflicting entries and only append past their tail (§5.3)',
    edits: [
      {
        file: 'raft-log.ts',
        find: 'this.append(ci === first ? ents : ents.slice(ci - first));',
        replace:
          'const tail = ents.slice(this.lastIndex() + 1 - first);\n' +
          '      if (tail.length > 0) this.append(tail);',
      },
    ],
  },
  {
    name: 'follower-commit-past-new-entries',
    bug: "a follower commits up to the leader's commit even past the entries it just matched",
    harmless:
      'Committing past lastNew only harms if a follower holding a stale suffix (entries from d on ' +
      "that differ from the leader's log) accepts an append that ends before d; none does. The " +
      "leader's first append has prev = its last pre-election index ≥ d-1; a rejection hint j " +
      '(last index ≤ prev with term ≤ logTerm) is ≥ d-1 as terms agree below d and never ' +
      "decrease, and so is the leader's findConflictByTerm(j, term(j)); probe back-off never " +
      'goes below match+1, and the ack of a stale append (prev < commit) cannot happen as the ' +
      "follower's commit is < d. So the first append it accepts has prev ≥ d-1 and, if the " +
      'leader has entries past prev, at least one (limitSize keeps one) from d: it conflicts ' +
      'and truncates the whole stale suffix. If not, the leader has nothing past d-1 and its ' +
      'commit is ≤ d-1. From then on every entry past lastNew came from this leader, whose ' +
      'commit covers only its own entries (no violation in 12,000 seeds).',
    edits: [
      {
        file: 'raft-log.ts',
        find: 'this.commitTo(Math.min(committed, lastNew));',
        replace: 'this.commitTo(Math.min(committed, this.lastIndex()));',
      },
    ],
  },
  {
    name: 'heartbeat-commit-past-match',
    bug: "heartbeats carry the leader's commit index even past the follower's match",
    edits: [
      {
        file: 'raft.ts',
        find: 'const commit = Math.min(pr.match, this.log.committed);',
        replace:
          'const commit = Math.min(Math.max(pr.match, this.log.committed), this.log.committed);',
      },
    ],
  },
  {
    name: 'stale-term-append-accepted',
    bug: 'appends from a leader of an older term are accepted (§5.1)',
    edits: [
      {
        file: 'raft.ts',
        find: '} else if (m.term !== 0 && m.term < this.term) {',
        replace: "} else if (m.term !== 0 && m.term < this.term && m.type !== 'app') {",
      },
    ],
  },
];
