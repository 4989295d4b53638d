// The transaction builder and its wire form.
import {
  Cmp,
  Op,
  TxnBuilder,
  fromWireResult,
  toWireCompare,
  toWireOp,
  type TxnSpec,
} from '../src/txn';

describe('txn wire form', () => {
  it('maps compares to their oneof target and operator', () => {
    expect(toWireCompare(Cmp.version('/a', '=', 3))).toEqual({
      path: '/a',
      op: 'COMPARE_OP_EQUAL',
      version: 3,
    });
    expect(toWireCompare(Cmp.modRevision('/a', '<', 9))).toEqual({
      path: '/a',
      op: 'COMPARE_OP_LESS',
      mod_revision: 9,
    });
    expect(toWireCompare(Cmp.missing('/a'))).toEqual({
      path: '/a',
      op: 'COMPARE_OP_EQUAL',
      exists: false,
    });
    expect(toWireCompare(Cmp.data('/a', '!=', 'x'))).toEqual({
      path: '/a',
      op: 'COMPARE_OP_NOT_EQUAL',
      data: Buffer.from('x'),
    });
    expect(() => toWireCompare({ path: '/a', op: '~' as never, version: 1 })).toThrow(/op/);
  });

  it('sends -1 for an unconditional set or delete (0 is a real version)', () => {
    expect(toWireOp(Op.set('/a', 'v'))).toEqual({
      set: { path: '/a', data: Buffer.from('v'), expected_version: -1 },
    });
    expect(toWireOp(Op.delete('/a', { recursive: true }))).toEqual({
      delete: { path: '/a', expected_version: -1, recursive: true },
    });
    expect(toWireOp(Op.set('/a', 'v', { expectedVersion: 0 })).set?.expected_version).toBe(0);
  });

  it('carries the session of an ephemeral create', () => {
    const op = toWireOp(Op.create('/e', 'x', { ephemeral: true, session: { id: 42 } }));
    expect(op.create).toEqual({
      path: '/e',
      data: Buffer.from('x'),
      ephemeral: true,
      sequential: false,
      session_id: 42,
    });
  });

  it('reads typed results', () => {
    const stat = {
      version: 1,
      cversion: 0,
      create_revision: 3,
      mod_revision: 4,
      ephemeral_owner: 0,
      num_children: 0,
      data_length: 1,
    };
    expect(
      fromWireResult({
        result: 'get',
        get: { header: null, data: Buffer.from('v'), stat, revision: 4 },
      }),
    ).toEqual({
      kind: 'get',
      data: Buffer.from('v'),
      stat: {
        version: 1,
        cversion: 0,
        createRevision: 3,
        modRevision: 4,
        ephemeralOwner: 0,
        numChildren: 0,
        dataLength: 1,
      },
      revision: 4,
    });
    expect(fromWireResult({ result: 'delete', delete: { header: null } })).toEqual({
      kind: 'delete',
    });
  });

  it('the builder collects compares and both branches', async () => {
    let sent: TxnSpec | undefined;
    const builder = new TxnBuilder(async (spec) => {
      sent = spec;
      return { succeeded: true, results: [], revision: 1, header: {} as never };
    });
    await builder
      .if(Cmp.version('/a', '=', 1), Cmp.exists('/b'))
      .then(Op.set('/a', 'x'))
      .else(Op.get('/a'), Op.list('/'))
      .commit();
    expect(sent?.compares).toHaveLength(2);
    expect(sent?.success).toHaveLength(1);
    expect(sent?.failure).toHaveLength(2);
  });
});
