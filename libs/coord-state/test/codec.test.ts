import { type Command, CODEC_VERSION, decodeCommand, encodeCommand } from '../src';
import { type GenState, Rng, randomCommand } from './random-commands';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('command codec v1', () => {
  it('matches golden bytes', () => {
    const golden: Array<[Command, string]> = [
      [
        {
          op: 'create',
          path: '/a',
          data: new Uint8Array([0x78]),
          ephemeral: true,
          sequential: false,
          sessionId: 300,
        },
        '010101022f61ac020178',
      ],
      [
        { op: 'set', path: '/a', data: new Uint8Array(0), expectedVersion: -1, internal: true },
        '010280022f610100',
      ],
      [{ op: 'delete', path: '/a', expectedVersion: 2, recursive: true }, '010304022f6104'],
      [{ op: 'open-session', ttlMs: 10_000 }, '0105904e'],
      [{ op: 'close-session', sessionId: 2 ** 53 - 1 }, '0106ffffffffffffff0f'],
      [{ op: 'expire-sessions', sessionIds: [1, 128] }, '0107020180 01'.replace(' ', '')],
      [{ op: 'lock', name: '/l', sessionId: 7 }, '010800022f6c07'],
      [{ op: 'unlock', key: '/k' }, '010900022f6b'],
      [
        {
          op: 'txn',
          compares: [
            { path: '/a', target: 'version', op: '=', value: -1 },
            { path: '/a', target: 'exists', op: '!=', value: true },
            { path: '/a', target: 'data', op: '>', value: new Uint8Array([9]) },
          ],
          success: [{ op: 'get', path: '/a' }],
          failure: [{ op: 'list', path: '/' }],
        },
        '010400' +
          '03' +
          '0101022f6101' +
          '0502022f6101' +
          '0604022f610109' +
          '01' +
          '0a022f61' +
          '01' +
          '0b012f',
      ],
    ];
    for (const [cmd, bytes] of golden) {
      expect(hex(encodeCommand(cmd))).toBe(bytes);
      expect(decodeCommand(Buffer.from(bytes, 'hex'))).toEqual({ ok: true, value: cmd });
    }
    expect(CODEC_VERSION).toBe(1);
  });

  it('round-trips thousands of random commands, including non-ASCII and long strings', () => {
    const rng = new Rng(42);
    const g: GenState = { sessions: [3, 2 ** 40, 99], lockKeys: ['/a/lock-0000000001'] };
    for (let i = 0; i < 5000; i++) {
      const cmd = randomCommand(rng, g);
      if (rng.chance(0.1) && (cmd.op === 'create' || cmd.op === 'set' || cmd.op === 'delete')) {
        Object.assign(cmd, { path: '/é€😀' + 'x'.repeat(rng.int(300)), internal: true });
      }
      expect(decodeCommand(encodeCommand(cmd))).toEqual({ ok: true, value: cmd });
    }
  });

  it('never throws on malformed bytes', () => {
    const rng = new Rng(5);
    const valid = encodeCommand({
      op: 'create',
      path: '/abc',
      data: new Uint8Array(5),
      ephemeral: false,
      sequential: true,
      sessionId: 1,
    });
    for (let i = 0; i < 5000; i++) {
      let bytes: Uint8Array;
      if (i % 2 === 0) bytes = rng.bytes(24);
      else {
        bytes = valid.slice(0, rng.int(valid.length + 1));
        if (bytes.length > 0 && rng.chance(0.5)) bytes[rng.int(bytes.length)] = rng.int(256);
      }
      const r = decodeCommand(bytes);
      if (!r.ok) expect(r.error.reason).toBe('INVALID_ARGUMENT');
    }
    expect(decodeCommand(new Uint8Array([2, 5, 1]))).toMatchObject({
      ok: false,
      error: { message: /version 2/ },
    });
    expect(decodeCommand(Uint8Array.of(...valid, 0))).toMatchObject({
      ok: false,
      error: { message: /trailing/ },
    });
    expect(decodeCommand(new Uint8Array([1, 1, 0, 2, 0xff, 0xfe, 0, 0]))).toMatchObject({
      ok: false,
    });
  });
});
