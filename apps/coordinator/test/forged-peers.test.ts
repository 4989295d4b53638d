// A plain gRPC client that is no member sends forged and garbage Raft traffic to every member:
// junk and empty proposals, proposals and reads from a stranger, empty and mislabelled batches,
// forged snapshots. (Other messages from an id a member does not know are stepped, as etcd does:
// a member behind a membership change must hear from a leader it has not applied yet.) Each is refused with a status; every member keeps serving, its term does not
// move, and the whole cluster restarts cleanly afterwards with every write in place.
import { crc32c } from '@node-rs/crc32';
import { contract, createClient, readError } from '@tributary/rpc';
import { call, callRetrying, CoordinatorCluster, eventually } from '@tributary/testkit';
import { frameProposal } from '../src/node/proposal-frame';

jest.setTimeout(120_000);

let cluster: CoordinatorCluster;
beforeAll(async () => {
  cluster = await CoordinatorCluster.start({ size: 3 });
});
afterAll(() => cluster.shutdown());

const raftClient = (id: number) =>
  createClient(contract().tributary.raft.v1.RaftService, cluster.member(id).address) as any;

/** Sends batches on one Send stream; resolves with the status it ends with. */
function sendBatches(to: number, batches: object[]): Promise<ReturnType<typeof readError> | 'ok'> {
  const client = raftClient(to);
  return new Promise((resolve) => {
    const stream = client.Send((error: unknown) => {
      client.close();
      resolve(error ? readError(error) : 'ok');
    });
    for (const batch of batches) stream.write({ batch });
    stream.end();
  });
}

const junk = Buffer.from('this is not a command, just bytes from nowhere');
const batch = (from: number, to: number, messages: object[]) => ({
  cluster_id: 'tributary',
  from,
  to,
  messages,
});
const propose = (from: number, to: number, entries: object[]) =>
  batch(from, to, [{ type: 'MESSAGE_TYPE_PROPOSE', from, to, entries }]);

const FORGERIES: Array<[string, (to: number, other: number) => object, string]> = [
  [
    'a proposal of junk bytes',
    (to, other) => propose(other, to, [{ type: 'ENTRY_TYPE_NORMAL', data: junk }]),
    'MALFORMED_PEER_MESSAGE',
  ],
  [
    'a framed proposal whose command does not decode',
    (to, other) =>
      propose(other, to, [
        {
          type: 'ENTRY_TYPE_NORMAL',
          data: frameProposal({ origin: other, incarnation: 1, seq: 1 }, junk),
        },
      ]),
    'MALFORMED_PEER_MESSAGE',
  ],
  ['a proposal with no entries', (to, other) => propose(other, to, []), 'MALFORMED_PEER_MESSAGE'],
  [
    'a proposed membership change',
    (to, other) => propose(other, to, [{ type: 'ENTRY_TYPE_CONF_CHANGE', data: junk }]),
    'MALFORMED_PEER_MESSAGE',
  ],
  [
    'a proposal from a non-member',
    (to) =>
      propose(99, to, [
        {
          type: 'ENTRY_TYPE_NORMAL',
          data: frameProposal({ origin: 99, incarnation: 1, seq: 1 }, junk),
        },
      ]),
    'NOT_A_MEMBER',
  ],
  [
    'a read-index request from a non-member',
    (to) => batch(99, to, [{ type: 'MESSAGE_TYPE_READ_INDEX', from: 99, to, context: junk }]),
    'NOT_A_MEMBER',
  ],
  ['an empty batch', (to, other) => batch(other, to, []), 'MALFORMED_PEER_MESSAGE'],
  [
    'a message that claims another sender than its batch',
    (to, other) =>
      batch(other, to, [{ type: 'MESSAGE_TYPE_HEARTBEAT', from: 99, to, term: 1_000_000 }]),
    'MALFORMED_PEER_MESSAGE',
  ],
  [
    'a message addressed to another member',
    (to, other) =>
      batch(other, to, [{ type: 'MESSAGE_TYPE_HEARTBEAT', from: other, to: other, term: 1e6 }]),
    'MALFORMED_PEER_MESSAGE',
  ],
  [
    'a message of an unknown type',
    (to, other) => batch(other, to, [{ type: 'MESSAGE_TYPE_SNAPSHOT', from: other, to }]),
    'MALFORMED_PEER_MESSAGE',
  ],
];

describe.each(FORGERIES)('refuses %s, on every member', (_what, forge, reason) => {
  it.each([1, 2, 3])('member %i', async (to) => {
    const before = await cluster.status(to);
    const other = to === 1 ? 2 : 1;
    const result = await sendBatches(to, [forge(to, other)]);
    expect(result).not.toBe('ok');
    expect(result !== 'ok' && result.reason).toBe(reason);
    const after = await cluster.status(to);
    expect(after.term).toBe(before.term);
  });
});

/** Streams snapshot chunks to a member; resolves with the status it ends with. */
function sendSnapshot(to: number, chunks: object[]): Promise<ReturnType<typeof readError> | 'ok'> {
  const client = raftClient(to);
  return new Promise((resolve) => {
    const stream = client.InstallSnapshot((error: unknown) => {
      client.close();
      resolve(error ? readError(error) : 'ok');
    });
    for (const c of chunks) stream.write(c);
    stream.end();
  });
}

const chunk = (leader: number, data: Buffer, extra: object = {}) => ({
  term: 1_000_000,
  leader_id: leader,
  cluster_id: 'tributary',
  metadata: { index: 1e6, term: 1e6, conf_state: { voters: [99], learners: [] } },
  offset: 0,
  data,
  crc32c: crc32c(data),
  done: true,
  total_bytes: data.length,
  ...extra,
});

it.each([
  ['from a non-member', chunk(99, junk), 'NOT_A_MEMBER'],
  [
    'announcing more than a member accepts',
    chunk(2, junk, { total_bytes: 2 ** 40 }),
    'MALFORMED_PEER_MESSAGE',
  ],
  ['running past its announced size', chunk(2, junk, { total_bytes: 4 }), 'MALFORMED_PEER_MESSAGE'],
  ['with a bad checksum', chunk(2, junk, { crc32c: 7 }), 'CHECKSUM_MISMATCH'],
])('refuses a forged snapshot %s', async (_what, c, reason) => {
  const to = 1;
  const result = await sendSnapshot(to, [c]);
  expect(result !== 'ok' && result.reason).toBe(reason);
});

it('keeps serving, and every member restarts cleanly with every write, after all of the above', async () => {
  await callRetrying(() => cluster.coord(1), 'Create', { path: '/f', data: Buffer.from('after') });
  for (const id of [1, 2, 3]) expect(cluster.live().map((m) => m.id)).toContain(id);
  for (const id of [1, 2, 3]) expect(await cluster.kill(id, 'SIGTERM')).toBe(0);
  for (const id of [1, 2, 3]) cluster.start(id);
  await cluster.waitForLeader();
  // A serializable read answers from the member's own state, which a restarted follower
  // brings up to the commit index only once the leader has told it: poll until it holds the
  // write (a member that lost it never does, and the wait fails).
  for (const id of [1, 2, 3])
    await eventually(
      () =>
        call<any>(cluster.coord(id), 'Get', {
          path: '/f',
          consistency: 'CONSISTENCY_SERIALIZABLE',
        }).then(
          (got) => got.data.toString() === 'after',
          () => false,
        ),
      20_000,
      `member ${id} to hold /f after its restart`,
    );
  const forgedTerm = await call<any>(cluster.coord(1), 'Get', { path: '/f' });
  expect(forgedTerm.header.term).toBeLessThan(1_000_000);
});
