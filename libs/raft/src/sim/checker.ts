import type { RaftLog } from '../raft-log';
import type { ConfState, Entry, NodeId } from '../types';

/** A safety or liveness property the simulator found broken. */
export class SimViolation extends Error {
  constructor(
    readonly property: string,
    detail: string,
  ) {
    super(`${property}: ${detail}`);
  }
}

/** 32-bit FNV-1a over the payload, mixed with term and type: an entry's identity. */
export function entryKey(e: Entry): number {
  let h = 0x811c9dc5 ^ (e.type === 'normal' ? 0 : 0x55);
  const d = e.data;
  for (let k = 0; k < d.length; k++) h = Math.imul(h ^ (d[k] as number), 0x01000193);
  return (h ^ Math.imul(e.term, 0x9e3779b1)) >>> 0;
}

/** Folds an applied entry into a state-machine hash (the model's whole state). */
export function foldHash(hash: number, e: Entry): number {
  return (Math.imul(hash ^ entryKey(e), 0x01000193) + e.index) >>> 0;
}

/** Voters/learners, sorted: equal for equal memberships. */
function confKey(cs: ConfState): string {
  const ids = (xs: number[]) => [...xs].sort((a, b) => a - b).join(',');
  return `voters ${ids(cs.voters)} learners ${ids(cs.learners)}`;
}

interface LoggedEntry {
  key: number;
  prevTerm: number;
}

/**
 * Global history of the run and the invariants checked against it, incrementally, after every
 * simulator step:
 *  - election safety: at most one leader per term (§5.2);
 *  - log matching: an (index, term) pair identifies the entry and its predecessor's term,
 *    which by induction makes logs identical up to it (§5.3);
 *  - leader completeness: a new leader holds every entry committed in an earlier term (§5.4);
 *  - state machine safety: no two nodes apply different entries at an index (§5.4.3), and
 *    state-machine hashes agree at every index (including installed snapshots);
 *  - membership agreement: membership is replicated state too (the shell stores it in its
 *    snapshots, which go to other members), so whoever applied a conf change or installed a
 *    snapshot at index i holds the membership the committed log defines at i;
 *  - acknowledged writes are never lost, reads observe every write acknowledged before them;
 *  - (simulation.ts) reads cover everything committed before they began, a deposed leader
 *    answers none, and pre-vote changes no term or vote.
 */
export class Checker {
  private readonly leaderOfTerm = new Map<number, NodeId>();
  private readonly persisted: Array<Map<number, LoggedEntry> | undefined> = [];
  /** Per committed index (first application anywhere): entry term, key, hash after. */
  readonly histTerm: number[] = [0];
  readonly histKey: number[] = [0];
  readonly histHash: number[] = [0];
  /** Upper bound on the term in which the index was committed (applier's term). */
  readonly histCommitTerm: number[] = [0];
  /** Highest index applied anywhere. */
  maxApplied = 0;

  /** Highest term in which a leader was elected so far. */
  maxLeaderTerm = 0;

  /** Membership defined by the committed log: from confIndex[k] on it is confKey[k]. */
  private readonly confIndex: number[] = [];
  private readonly confKey: string[] = [];

  /** The committed conf change at `index` (first application anywhere) yields `cs`. */
  recordConf(index: number, cs: ConfState): void {
    this.confIndex.push(index);
    this.confKey.push(confKey(cs));
  }

  /** A member that applied (or installed a snapshot) through `index` holds membership `cs`. */
  checkConf(id: NodeId, index: number, cs: ConfState): void {
    let k = this.confIndex.length - 1;
    while (k > 0 && (this.confIndex[k] as number) > index) k--;
    const want = this.confKey[k];
    const got = confKey(cs);
    if (got !== want) {
      throw new SimViolation(
        'membership agreement',
        `node ${id} has membership ${got} at index ${index}, the committed log defines ${want}`,
      );
    }
  }

  checkLeader(id: NodeId, term: number): void {
    if (term > this.maxLeaderTerm) this.maxLeaderTerm = term;
    const known = this.leaderOfTerm.get(term);
    if (known === undefined) this.leaderOfTerm.set(term, id);
    else if (known !== id) {
      throw new SimViolation('election safety', `nodes ${known} and ${id} both lead term ${term}`);
    }
  }

  /** Called for every entry a node persists; `prevTerm` is its log's term at index-1. */
  checkPersisted(id: NodeId, e: Entry, prevTerm: number): void {
    let byTerm = this.persisted[e.index];
    if (!byTerm) {
      byTerm = new Map();
      this.persisted[e.index] = byTerm;
    }
    const key = entryKey(e);
    const seen = byTerm.get(e.term);
    if (!seen) {
      byTerm.set(e.term, { key, prevTerm });
      return;
    }
    if (seen.key !== key || seen.prevTerm !== prevTerm) {
      throw new SimViolation(
        'log matching',
        `node ${id} persisted ${e.index}/${e.term} (key ${key}, prev term ${prevTerm}) but ` +
          `another log has ${e.index}/${e.term} (key ${seen.key}, prev term ${seen.prevTerm})`,
      );
    }
  }

  /** Called when a node applies `e`, with its state hash after applying and its term. */
  checkApplied(id: NodeId, e: Entry, hash: number, term: number): boolean {
    const i = e.index;
    if (i <= this.maxApplied) {
      if (this.histTerm[i] !== e.term || this.histKey[i] !== entryKey(e)) {
        throw new SimViolation(
          'state machine safety',
          `node ${id} applied ${i}/${e.term} but ${i}/${this.histTerm[i]} was applied before`,
        );
      }
      this.checkHash(id, i, hash);
      return false;
    }
    if (i !== this.maxApplied + 1) {
      throw new SimViolation(
        'state machine safety',
        `node ${id} applied ${i} after ${this.maxApplied}`,
      );
    }
    this.histTerm.push(e.term);
    this.histKey.push(entryKey(e));
    this.histHash.push(hash);
    this.histCommitTerm.push(term);
    this.maxApplied = i;
    return true;
  }

  checkHash(id: NodeId, index: number, hash: number): void {
    if (index > this.maxApplied) {
      throw new SimViolation(
        'state machine safety',
        `node ${id} has state at ${index} never applied`,
      );
    }
    if (this.histHash[index] !== hash) {
      throw new SimViolation(
        'state machine safety',
        `node ${id} state hash at ${index} is ${hash}, history has ${this.histHash[index]}`,
      );
    }
  }

  /** §5.4.1: a new leader's log holds every entry committed in an earlier term. */
  checkLeaderCompleteness(id: NodeId, term: number, log: RaftLog): void {
    const first = log.firstIndex() - 1;
    for (let i = Math.max(1, first); i <= this.maxApplied; i++) {
      if ((this.histCommitTerm[i] as number) >= term) continue;
      const t = log.term(i);
      if (t !== this.histTerm[i]) {
        throw new SimViolation(
          'leader completeness',
          `leader ${id} of term ${term} has ${i}/${t ?? 'missing'}, committed ${i}/${this.histTerm[i]}`,
        );
      }
    }
  }
}
