import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { crc32 } from '@node-rs/crc32';
import {
  AssertionError,
  CoordStateMachine,
  type SnapshotDecodeErrorCode,
  SNAPSHOT_IMAGE_VERSION,
  decodeSnapshot,
  encodeSnapshot,
  encodeSnapshotIncrementally,
  isSnapshotImage,
} from '../src';
import { applyRandom, type GenState, Rng, randomPath } from './random-commands';
import { CRC, frames, hex, reseal, smallState } from './snapshot-fixtures';

const GOLDEN = Buffer.from(
  readFileSync(join(__dirname, 'fixtures', 'snapshot-image-v1.hex'), 'utf8')
    .replace(/#.*$/gm, '')
    .replace(/\s+/g, ''),
  'hex',
);

function decodeOk(bytes: Uint8Array): CoordStateMachine {
  const r = decodeSnapshot(bytes, CRC);
  if (!r.ok) throw new Error(`${r.error.code} at ${r.error.offset}: ${r.error.message}`);
  return r.value;
}

function errorCode(bytes: Uint8Array): SnapshotDecodeErrorCode | 'ok' {
  const r = decodeSnapshot(bytes, CRC);
  return r.ok ? 'ok' : r.error.code;
}

describe('snapshot image v1', () => {
  it('encodes the small fixed state as the golden bytes, and decodes them back exactly', () => {
    const sm = smallState();
    expect(hex(encodeSnapshot(sm, CRC))).toBe(hex(GOLDEN));
    const back = decodeOk(GOLDEN);
    expect(back.toSnapshot()).toEqual(sm.toSnapshot());
    expect(back.lockHolder('/l')).toEqual(sm.lockHolder('/l'));
    expect(back.compactRevision).toBe(4);
    expect(SNAPSHOT_IMAGE_VERSION).toBe(1);
  });

  it('matches the worked example of docs/snapshot-format.md byte for byte', () => {
    const doc = readFileSync(
      join(__dirname, '..', '..', '..', 'docs', 'snapshot-format.md'),
      'utf8',
    );
    const block = doc.slice(doc.indexOf('## Worked example')).split('```')[1];
    // Each line's leading two-digit hex tokens are bytes; the rest of the line is commentary.
    const bytes = block
      .split('\n')
      .map((line) => /^\s*((?:[0-9a-f]{2}(?:\s+|$))*)/.exec(line)![1].replace(/\s+/g, ''))
      .join('');
    expect(bytes).toBe(hex(GOLDEN));
  });

  it('round-trips random states exactly, with identical behaviour afterwards', () => {
    for (const seed of [7, 8, 9]) {
      const sm = new CoordStateMachine({ watchHistoryRevisions: 300 });
      const g: GenState = { sessions: [], lockKeys: [] };
      applyRandom(sm, new Rng(seed), g, 1, 3000);
      expect(sm.nodeCount).toBeGreaterThan(20);
      expect(sm.sessions().length).toBeGreaterThan(3);
      expect(sm.compactRevision).toBeGreaterThan(0);
      // Tiny frames, so every section spans many frames.
      const image = encodeSnapshot(sm, { ...CRC, chunkRecordsMax: 3, chunkBytesMax: 64 });
      expect(frames(image).length).toBeGreaterThan(20);
      const restored = decodeOk(image);
      expect(restored.toSnapshot()).toEqual(sm.toSnapshot());
      expect(restored.appliedIndex).toBe(sm.appliedIndex);
      // The restored tree keeps the image's node order, so its image is the same bytes.
      expect(hex(encodeSnapshot(restored, CRC))).toBe(hex(encodeSnapshot(sm, CRC)));

      const g2: GenState = { sessions: [...g.sessions], lockKeys: [...g.lockKeys] };
      const a = applyRandom(sm, new Rng(seed * 100), g, 3001, 1000);
      const b = applyRandom(restored, new Rng(seed * 100), g2, 3001, 1000);
      expect(b).toEqual(a);
      expect(restored.toSnapshot()).toEqual(sm.toSnapshot());
      restored.checkInvariants();
    }
  });

  it('is exact for an empty state machine and keeps non-default options', () => {
    for (const sm of [new CoordStateMachine(), new CoordStateMachine({ nodesMax: 77 })]) {
      const back = decodeOk(encodeSnapshot(sm, CRC));
      expect(back.toSnapshot()).toEqual(sm.toSnapshot());
      expect(back.options).toEqual(sm.options);
    }
  });

  it('encodes the state at the call, while the state machine keeps applying', () => {
    // Seeds 11-16: 2,000 commands first, up to 11 between chunks; 17-26: a small state and up
    // to 40 commands between one-record chunks, so most of the tree changes under the walk.
    for (let seed = 11; seed <= 26; seed++) {
      const heavy = seed > 16;
      const sm = new CoordStateMachine({ watchHistoryRevisions: 200 });
      const g: GenState = { sessions: [], lockKeys: [] };
      const rng = new Rng(seed);
      const start = heavy ? 300 : 2000;
      applyRandom(sm, rng, g, 1, start);
      const before = structuredClone(sm.toSnapshot());
      const expected = encodeSnapshot(sm, CRC);
      const chunkRecordsMax = heavy ? 1 : 1 + (seed % 3);
      const chunks = encodeSnapshotIncrementally(sm, { ...CRC, chunkRecordsMax });
      expect(chunks.appliedIndex).toBe(start);
      const parts: Uint8Array[] = [];
      let index = start + 1;
      for (const chunk of chunks) {
        parts.push(chunk);
        // Between chunks: creates, deletes (recursive too), re-creates, sets, session ends and
        // lock handoffs, on paths the view has and has not passed yet.
        const n = rng.int(heavy ? 41 : 12);
        applyRandom(sm, rng, g, index, n);
        index += n;
        if (heavy && rng.chance(0.5)) {
          // A recursive delete rolled back: the subtree goes back in at the end of the map.
          const out = sm.apply(index++, {
            op: 'txn',
            compares: [],
            success: [
              { op: 'delete', path: randomPath(rng, 2), expectedVersion: -1, recursive: true },
              {
                op: 'create',
                path: '/no/parent',
                data: Buffer.of(),
                ephemeral: false,
                sequential: false,
                sessionId: 0,
              },
            ],
            failure: [],
          });
          expect(out.result.ok).toBe(false);
        }
      }
      expect(parts.length).toBeGreaterThan(heavy ? 5 : 10);
      expect(sm.appliedIndex).toBeGreaterThan(start + 50);
      const image = Buffer.concat(parts);
      const restored = decodeOk(image);
      expect(restored.toSnapshot()).toEqual(before);
      expect(restored.appliedIndex).toBe(start);
      // Nodes the build had to take from saved pre-images come in another order, so the bytes
      // may differ from an undisturbed build, but not the state: both restore the same.
      expect(decodeOk(expected).toSnapshot()).toEqual(before);
      sm.checkInvariants();
    }
  });

  it('builds across event-loop turns as a shell would, with applies in the turns between', async () => {
    const sm = new CoordStateMachine({ watchHistoryRevisions: 500 });
    const g: GenState = { sessions: [], lockKeys: [] };
    const rng = new Rng(21);
    applyRandom(sm, rng, g, 1, 3000);
    const before = structuredClone(sm.toSnapshot());
    // The shell's loop: one chunk per turn, then yield to the event loop (heartbeats, applies).
    const build = async (): Promise<Buffer> => {
      const chunks = encodeSnapshotIncrementally(sm, { ...CRC, chunkRecordsMax: 50 });
      const parts: Uint8Array[] = [];
      for (const chunk of chunks) {
        parts.push(chunk);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      return Buffer.concat(parts);
    };
    let index = 3001;
    let applying = true;
    const applier = async (): Promise<void> => {
      while (applying) {
        applyRandom(sm, rng, g, index, 3);
        index += 3;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    };
    // build() captures synchronously, before its first await, so before the applier's first run.
    const building = build();
    const applied = applier();
    const image = await building;
    applying = false;
    await applied;
    expect(index).toBeGreaterThan(3030);
    expect(decodeOk(image).toSnapshot()).toEqual(before);
  });

  it('keeps parents before children when a subtree is deleted and partly re-created', () => {
    const sm = new CoordStateMachine();
    let index = 0;
    const create = (path: string, data = 'v'): void => {
      const cmd = {
        op: 'create',
        path,
        data: Buffer.from(data),
        ephemeral: false,
        sequential: false,
        sessionId: 0,
      } as const;
      expect(sm.apply(++index, cmd).result.ok).toBe(true);
    };
    const del = (path: string, recursive: boolean): void => {
      const cmd = { op: 'delete', path, expectedVersion: -1, recursive } as const;
      expect(sm.apply(++index, cmd).result.ok).toBe(true);
    };
    for (const p of ['/a', '/a/b', '/a/b/c', '/a/b/c/d', '/x', '/x/y']) create(p);
    const before = structuredClone(sm.toSnapshot());
    const chunks = encodeSnapshotIncrementally(sm, { ...CRC, chunkRecordsMax: 1 });
    const parts = [chunks.next().value as Uint8Array]; // header + META, no node yet
    del('/a', true);
    create('/a', 'new');
    create('/a/b', 'new');
    expect(
      sm.apply(++index, { op: 'set', path: '/', data: Buffer.from('r'), expectedVersion: -1 })
        .result.ok,
    ).toBe(true);
    parts.push(chunks.next().value as Uint8Array); // the root, from its saved image
    parts.push(chunks.next().value as Uint8Array); // '/x', live (the walk skipped the old /a*)
    // '/x' was emitted; deleted and re-created it comes up again in the walk and is skipped,
    // while '/x/y' (not reached yet) goes out from its saved image after the walk.
    del('/x', true);
    create('/x', 'again');
    for (const c of chunks) parts.push(c);
    const restored = decodeOk(Buffer.concat(parts));
    expect(restored.toSnapshot()).toEqual(before);
  });

  it('skips a node it emitted that a rolled-back delete put back at the end of the map', () => {
    const sm = new CoordStateMachine();
    const data = Buffer.from('v');
    for (const [i, path] of ['/p', '/q'].entries()) {
      sm.apply(i + 1, {
        op: 'create',
        path,
        data,
        ephemeral: false,
        sequential: false,
        sessionId: 0,
      });
    }
    const before = structuredClone(sm.toSnapshot());
    const chunks = encodeSnapshotIncrementally(sm, { ...CRC, chunkRecordsMax: 1 });
    const parts = [0, 1, 2].map(() => chunks.next().value as Uint8Array); // META, '/', '/p'
    const out = sm.apply(3, {
      op: 'txn',
      compares: [],
      success: [
        { op: 'delete', path: '/p', expectedVersion: -1, recursive: false },
        { op: 'create', path: '/p/c', data, ephemeral: false, sequential: false, sessionId: 0 },
      ],
      failure: [],
    });
    expect(out.result).toMatchObject({ ok: false, error: { reason: 'NO_PARENT' } });
    for (const c of chunks) parts.push(c);
    expect(decodeOk(Buffer.concat(parts)).toSnapshot()).toEqual(before);
  });

  it('builds one image at a time, and an abandoned build lets go of its view', () => {
    const sm = smallState();
    const first = sm.captureView();
    expect(first.tree.isOpen).toBe(true);
    const second = encodeSnapshotIncrementally(sm, CRC);
    expect(first.tree.isOpen).toBe(false);
    expect(() => first.tree.next()).toThrow(AssertionError);
    second.next();
    second.return();
    // A fresh build after the abandoned one is complete and exact.
    expect(decodeOk(encodeSnapshot(sm, CRC)).toSnapshot()).toEqual(sm.toSnapshot());
    const unstarted = sm.captureView();
    encodeSnapshotIncrementally(sm, CRC).return();
    expect(unstarted.tree.isOpen).toBe(false);
  });

  it('bounds each chunk by records and by bytes', () => {
    const sm = new CoordStateMachine();
    for (let i = 1; i <= 50; i++) {
      const data = new Uint8Array(i === 25 ? 5000 : 10);
      sm.apply(i, {
        op: 'create',
        path: `/n${i}`,
        data,
        ephemeral: false,
        sequential: false,
        sessionId: 0,
      });
    }
    const chunks = [
      ...encodeSnapshotIncrementally(sm, { ...CRC, chunkRecordsMax: 8, chunkBytesMax: 100 }),
    ];
    const image = Buffer.concat(chunks);
    const nodeFrames = frames(image).filter((f) => f.type === 3);
    for (const f of nodeFrames) {
      const count = image.readUInt32BE(f.at + 9);
      expect(count).toBeGreaterThanOrEqual(1);
      expect(count).toBeLessThanOrEqual(8);
    }
    // A frame closes once its body reaches 100 bytes, so only the 5,000-byte record's frame
    // crosses the bound, and by that one record only.
    const big = nodeFrames.filter((f) => f.length >= 100 + 20);
    expect(big.length).toBe(1);
    expect(big[0].length).toBeLessThan(100 + 5000 + 20);
    // Every chunk is whole frames: the header + META, then one frame each.
    expect(chunks.length).toBe(frames(image).length);
    expect(decodeOk(image).toSnapshot()).toEqual(sm.toSnapshot());
  });

  it('refuses a CRC function that is not CRC-32C', () => {
    const sm = smallState();
    const wrong = { crc32c: (b: Uint8Array) => crc32(b) };
    expect(() => encodeSnapshotIncrementally(sm, wrong)).toThrow(AssertionError);
    expect(() => decodeSnapshot(GOLDEN, wrong)).toThrow(AssertionError);
  });

  it('tells an image from a v8.serialize() snapshot', () => {
    expect(isSnapshotImage(GOLDEN)).toBe(true);
    const v8Image = serialize(smallState().toSnapshot());
    expect(isSnapshotImage(v8Image)).toBe(false);
    expect(errorCode(v8Image)).toBe('BAD_MAGIC');
  });
});

describe('snapshot image errors', () => {
  const withByte = (at: number, value: number): Uint8Array => {
    const b = Uint8Array.from(GOLDEN);
    b[at] = value;
    return b;
  };

  it('names a wrong magic, an unknown version, and a bad checksum', () => {
    expect(decodeSnapshot(withByte(0, 0x55), CRC)).toMatchObject({
      ok: false,
      error: { code: 'BAD_MAGIC', offset: 0 },
    });
    expect(decodeSnapshot(withByte(11, 2), CRC)).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED_VERSION', message: /version 2 is not supported/ },
    });
    expect(decodeSnapshot(withByte(30, GOLDEN[30] ^ 1), CRC)).toMatchObject({
      ok: false,
      error: { code: 'CHECKSUM_MISMATCH', offset: 12 },
    });
    expect(errorCode(new Uint8Array(0))).toBe('TRUNCATED');
  });

  it('finds every truncation and every single-bit flip', () => {
    for (let n = 0; n < GOLDEN.length; n++) {
      const r = decodeSnapshot(GOLDEN.subarray(0, n), CRC);
      expect(r).toMatchObject({ ok: false, error: { code: 'TRUNCATED' } });
    }
    for (let bit = 0; bit < GOLDEN.length * 8; bit++) {
      const b = withByte(bit >> 3, GOLDEN[bit >> 3] ^ (1 << (bit & 7)));
      expect(errorCode(b)).not.toBe('ok');
    }
    expect(errorCode(Buffer.concat([GOLDEN, Buffer.of(0)]))).toBe('MALFORMED');
  });

  it('refuses frames out of order, wrong counts and an inconsistent state, by name', () => {
    const f = frames(GOLDEN);
    const slice = (i: number) => GOLDEN.subarray(f[i].at, f[i].at + 9 + f[i].length);
    const head = GOLDEN.subarray(0, 12);
    // NODES before SESSIONS.
    const swapped = Buffer.concat([head, slice(0), slice(2), slice(1), ...[3, 4, 5].map(slice)]);
    expect(decodeSnapshot(swapped, CRC)).toMatchObject({
      ok: false,
      error: { code: 'MALFORMED', message: /SESSIONS frame out of order/ },
    });
    // No LOCKS frame: the META count says one lock key.
    const noLocks = Buffer.concat([head, ...[0, 1, 2, 4, 5].map(slice)]);
    expect(decodeSnapshot(noLocks, CRC)).toMatchObject({
      ok: false,
      error: { code: 'MALFORMED', message: /META counts/ },
    });
    // The session's ttl byte changed is fine; its id changed orphans the ephemeral node.
    const sessionsBody = f[1].at + 9;
    const orphan = Uint8Array.from(GOLDEN);
    orphan[sessionsBody + 4] = 2;
    expect(decodeSnapshot(reseal(orphan), CRC)).toMatchObject({
      ok: false,
      error: { code: 'INCONSISTENT', message: /ephemeral owners/ },
    });
  });

  it('never throws on random, truncated, flipped or re-sealed garbage (fuzz)', () => {
    const rng = new Rng(3);
    const sm = new CoordStateMachine({ watchHistoryRevisions: 50 });
    applyRandom(sm, rng, { sessions: [], lockKeys: [] }, 1, 400);
    const images = [GOLDEN, encodeSnapshot(sm, { ...CRC, chunkRecordsMax: 4 })];
    const seen = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const base = images[i % 2];
      let b: Uint8Array;
      switch (rng.int(4)) {
        case 0: // random bytes, sometimes behind a valid header
          b = rng.chance(0.5)
            ? rng.bytes(200)
            : Buffer.concat([GOLDEN.subarray(0, 12), rng.bytes(200)]);
          break;
        case 1: // truncated and flipped
          b = base.slice(0, rng.int(base.length + 1));
          if (b.length > 0) b[rng.int(b.length)] ^= 1 << rng.int(8);
          break;
        default: {
          // Bytes changed behind valid CRCs: the parser and the restore checks must catch it.
          b = base.slice();
          for (let k = 1 + rng.int(3); k > 0; k--) b[12 + rng.int(b.length - 12)] = rng.int(256);
          b = reseal(b);
        }
      }
      const r = decodeSnapshot(b, CRC);
      const key = r.ok ? 'ok' : r.error.code;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      if (r.ok) r.value.checkInvariants();
      else expect(r.error.offset).toBeLessThanOrEqual(b.length);
    }
    for (const code of [
      'BAD_MAGIC',
      'TRUNCATED',
      'CHECKSUM_MISMATCH',
      'MALFORMED',
      'INCONSISTENT',
    ]) {
      expect(seen.get(code) ?? 0).toBeGreaterThan(0);
    }
  });
});
