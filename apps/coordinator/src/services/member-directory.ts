/**
 * Where each member listens. Founding members come from `--peers`; members added later are
 * recorded in the replicated tree at /tributary/members/<id> (data = host:port) before their
 * membership change is proposed, so every node can reach every member.
 */
import type { ApplyOutput, Command, CoordStateMachine } from '@tributary/coord-state';
import type { NodeId } from '@tributary/raft';

export const MEMBERS_ROOT = '/tributary/members';

export class MemberDirectory {
  private readonly addresses = new Map<NodeId, string>();

  constructor(
    founding: Map<NodeId, string>,
    private readonly propose: (cmd: Command) => Promise<ApplyOutput>,
    private readonly onChange: (id: NodeId, address: string | undefined) => void,
  ) {
    for (const [id, address] of founding) this.addresses.set(id, address);
  }

  address(id: NodeId): string | undefined {
    return this.addresses.get(id);
  }

  /** Re-reads every recorded member (after start or a snapshot install). */
  load(sm: CoordStateMachine): void {
    const list = sm.list(MEMBERS_ROOT);
    if (!list.ok) return;
    for (const name of list.value.children) {
      const got = sm.get(`${MEMBERS_ROOT}/${name}`);
      if (got.ok) this.set(Number(name), Buffer.from(got.value.data).toString('utf8'));
    }
  }

  applied(output: ApplyOutput): void {
    for (const e of output.events) {
      if (!e.path.startsWith(MEMBERS_ROOT + '/')) continue;
      const id = Number(e.path.slice(MEMBERS_ROOT.length + 1));
      if (e.type === 'DELETED') {
        this.addresses.delete(id);
        this.onChange(id, undefined);
      } else {
        this.set(id, Buffer.from(e.data).toString('utf8'));
      }
    }
  }

  /** Replicates a member's address (creating /tributary/members on first use). */
  async record(id: NodeId, address: string): Promise<void> {
    const data = Buffer.from(address, 'utf8');
    const path = `${MEMBERS_ROOT}/${id}`;
    for (const parent of ['/tributary', MEMBERS_ROOT]) {
      // NODE_EXISTS after the first time: the result is an error value, which is fine here.
      await this.propose({
        op: 'create',
        internal: true,
        path: parent,
        data: new Uint8Array(0),
        ephemeral: false,
        sequential: false,
        sessionId: 0,
      });
    }
    const out = await this.propose({ op: 'set', internal: true, path, data, expectedVersion: -1 });
    if (!out.result.ok)
      await this.propose({
        op: 'create',
        internal: true,
        path,
        data,
        ephemeral: false,
        sequential: false,
        sessionId: 0,
      });
  }

  /** Whether the replicated tree records `id` at `address`. */
  static recorded(sm: CoordStateMachine, id: NodeId, address: string): boolean {
    const got = sm.get(`${MEMBERS_ROOT}/${id}`);
    return got.ok && Buffer.from(got.value.data).toString('utf8') === address;
  }

  async forget(id: NodeId): Promise<void> {
    await this.propose({
      op: 'delete',
      internal: true,
      path: `${MEMBERS_ROOT}/${id}`,
      expectedVersion: -1,
      recursive: false,
    });
  }

  private set(id: NodeId, address: string): void {
    if (this.addresses.get(id) === address) return;
    this.addresses.set(id, address);
    this.onChange(id, address);
  }
}
