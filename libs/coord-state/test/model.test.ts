// Randomized model test: the state machine against a deliberately naive reference model of the
// tree (a flat map scanned on every question), command by command, comparing every result and
// the whole state.

import { type Command, CoordStateMachine, type Reason, type Stat } from '../src';
import { type GenState, Rng, learn, randomCommand } from './random-commands';

interface MNode {
  data: Uint8Array;
  version: number;
  cversion: number;
  createRevision: number;
  modRevision: number;
  owner: number;
}

const parentOf = (p: string): string =>
  p.lastIndexOf('/') === 0 ? '/' : p.slice(0, p.lastIndexOf('/'));

class Model {
  nodes = new Map<string, MNode>([
    [
      '/',
      {
        data: new Uint8Array(0),
        version: 0,
        cversion: 0,
        createRevision: 0,
        modRevision: 0,
        owner: 0,
      },
    ],
  ]);
  sessions = new Set<number>();
  rev = 0;

  children(p: string): string[] {
    return [...this.nodes.keys()].filter((k) => k !== '/' && parentOf(k) === p);
  }

  stat(p: string): Stat {
    const n = this.nodes.get(p)!;
    return {
      version: n.version,
      cversion: n.cversion,
      createRevision: n.createRevision,
      modRevision: n.modRevision,
      ephemeralOwner: n.owner,
      numChildren: this.children(p).length,
      dataLength: n.data.length,
    };
  }

  private remove(p: string): void {
    for (const c of this.children(p)) this.remove(c);
    this.nodes.delete(p);
    this.nodes.get(parentOf(p))!.cversion++;
  }

  /** Applies a command; returns the failure reason, or undefined on success. */
  apply(index: number, c: Command): Reason | undefined {
    const next = this.rev + 1;
    let changed = false;
    switch (c.op) {
      case 'create': {
        if (c.ephemeral && c.sessionId === 0) return 'INVALID_ARGUMENT';
        if (c.ephemeral && !this.sessions.has(c.sessionId)) return 'SESSION_EXPIRED';
        if (!c.sequential && this.nodes.has(c.path)) return 'NODE_EXISTS';
        const parent = this.nodes.get(parentOf(c.path));
        if (parent === undefined) return 'NO_PARENT';
        if (parent.owner !== 0) return 'NO_CHILDREN_FOR_EPHEMERALS';
        const path = c.sequential ? c.path + String(parent.cversion).padStart(10, '0') : c.path;
        if (this.nodes.has(path)) return 'NODE_EXISTS';
        const owner = c.ephemeral ? c.sessionId : 0;
        this.nodes.set(path, {
          data: c.data,
          version: 0,
          cversion: 0,
          createRevision: next,
          modRevision: next,
          owner,
        });
        parent.cversion++;
        changed = true;
        break;
      }
      case 'set': {
        const n = this.nodes.get(c.path);
        if (n === undefined) return 'NO_NODE';
        if (c.expectedVersion !== -1 && c.expectedVersion !== n.version) return 'VERSION_MISMATCH';
        Object.assign(n, { data: c.data, version: n.version + 1, modRevision: next });
        changed = true;
        break;
      }
      case 'delete': {
        const n = this.nodes.get(c.path);
        if (n === undefined) return 'NO_NODE';
        if (c.expectedVersion !== -1 && c.expectedVersion !== n.version) return 'VERSION_MISMATCH';
        if (!c.recursive && this.children(c.path).length > 0) return 'NOT_EMPTY';
        this.remove(c.path);
        changed = true;
        break;
      }
      case 'open-session':
        this.sessions.add(index);
        break;
      case 'close-session':
      case 'expire-sessions': {
        const ids = c.op === 'close-session' ? [c.sessionId] : c.sessionIds;
        if (c.op === 'close-session' && !this.sessions.has(c.sessionId)) return 'NO_SESSION';
        for (const id of ids) {
          if (!this.sessions.delete(id)) continue;
          for (const [p, n] of [...this.nodes]) {
            if (n.owner === id) {
              this.remove(p);
              changed = true;
            }
          }
        }
        break;
      }
      default:
        throw new Error('not modelled');
    }
    if (changed) this.rev = next;
    return undefined;
  }
}

const MODELLED = new Set([
  'create',
  'set',
  'delete',
  'open-session',
  'close-session',
  'expire-sessions',
]);

describe('model test', () => {
  for (const seed of [1, 2, 3]) {
    it(`matches the reference model over 2,000 random commands (seed ${seed})`, () => {
      const rng = new Rng(seed);
      const sm = new CoordStateMachine();
      const model = new Model();
      const g: GenState = { sessions: [], lockKeys: [] };
      let index = 0;
      let failures = 0;
      while (index < 2000) {
        const cmd = randomCommand(rng, g);
        if (!MODELLED.has(cmd.op)) continue;
        index++;
        const expected = model.apply(index, cmd);
        const out = sm.apply(index, cmd);
        expect([cmd.op, out.result.ok ? undefined : out.result.error.reason]).toEqual([
          cmd.op,
          expected,
        ]);
        if (out.result.ok) learn(g, cmd, out.result.value);
        else failures++;
        expect(out.revision).toBe(model.rev);
        if (index % 50 === 0) {
          expect(sm.nodeCount).toBe(model.nodes.size);
          for (const p of model.nodes.keys()) {
            expect(sm.get(p)).toEqual({
              ok: true,
              value: { data: model.nodes.get(p)!.data, stat: model.stat(p) },
            });
          }
          expect(sm.sessions().map((s) => s.id)).toEqual([...model.sessions].sort((a, b) => a - b));
          sm.checkInvariants();
        }
      }
      // The generator must exercise both outcomes.
      expect(failures).toBeGreaterThan(200);
      expect(index - failures).toBeGreaterThan(500);
    });
  }
});
