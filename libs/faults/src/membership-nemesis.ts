/**
 * Membership changes under load: `start` grows the Raft group by a new member (it joins
 * empty, catches up as a learner, becomes a voter: AddMember answers once it has), `stop`
 * removes it again and wipes its directory. Workloads keep running against the founding
 * members throughout, and any other fault may follow at once.
 */
import * as fs from 'node:fs';
import { readError } from '@tributary/rpc';
import { call, type CoordinatorCluster, type FaultTarget, type Nemesis } from '@tributary/testkit';

const CHANGE_TIMEOUT_MS = 60_000;
/** Refusals that prove the change was not made, so it may be asked again. */
const RETRY_REASONS = new Set(['CONF_CHANGE_IN_PROGRESS', 'NOT_LEADER', 'NO_LEADER']);

export class MembershipNemesis implements Nemesis {
  readonly name = 'membership';
  private added: number | undefined;
  private next = 0;

  /** New members take ids `firstId`, `firstId + 1`, … `lastId`, then again from `firstId`. */
  constructor(
    private readonly firstId: number,
    private readonly lastId: number,
  ) {}

  async start(t: FaultTarget): Promise<Record<string, unknown>> {
    const id = this.firstId + (this.next++ % (this.lastId - this.firstId + 1));
    const joiner = await t.coordinators.spawnJoiner(id);
    this.added = id;
    const members = await onLeader(t.coordinators, 'AddMember', { id, address: joiner.address });
    return { added: id, address: joiner.address, voters: members };
  }

  async stop(t: FaultTarget): Promise<void> {
    const id = this.added;
    if (id === undefined) return;
    this.added = undefined;
    const dataDir = t.coordinators.member(id).dataDir;
    const members = await onLeader(t.coordinators, 'RemoveMember', { id }).catch(
      (error: unknown) => `RemoveMember failed: ${String(error)}`,
    );
    await t.coordinators.drop(id);
    fs.rmSync(dataDir, { recursive: true, force: true });
    t.record('removed member', { id, members });
  }
}

/** A membership call on the current leader, retried while another change is in progress. */
async function onLeader(
  coordinators: CoordinatorCluster,
  method: 'AddMember' | 'RemoveMember',
  request: object,
): Promise<number[]> {
  const deadline = Date.now() + CHANGE_TIMEOUT_MS;
  for (;;) {
    const leader = await coordinators.waitForLeader(Math.max(1_000, deadline - Date.now()));
    const client = coordinators.clientsFor(coordinators.member(leader).address).cluster;
    try {
      const r = await call<{ members: { id: number }[] }>(
        client,
        method,
        request,
        CHANGE_TIMEOUT_MS,
      );
      return r.members.map((m) => m.id);
    } catch (error) {
      const { reason } = readError(error);
      if (Date.now() > deadline || !RETRY_REASONS.has(reason ?? '')) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
