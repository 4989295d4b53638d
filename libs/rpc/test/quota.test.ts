// Quotas as token buckets on a hand-driven clock: a principal is admitted while its bucket is
// not empty, held back in proportion to its debt, refilled at its rate; members, super-users
// and unlisted principals (without '*') are never held back.
import * as grpc from '@grpc/grpc-js';
import { parseQuota, RateQuota, readError } from '../src';

it('parses principal=rate lists with * for the rest, and refuses anything else', () => {
  expect(parseQuota('--q', 'alice=100,*=1000')).toEqual({
    fallback: 1000,
    byPrincipal: new Map([['alice', 100]]),
  });
  for (const bad of ['alice', 'alice=0', 'alice=-1', 'alice=1.5', '=5', 'a=1,,b=2'])
    expect(() => parseQuota('--q', bad)).toThrow(/--q: .* is not principal=rate/);
});

it('admits while the bucket holds something, then holds back for the debt', () => {
  let now = 0;
  const throttled: string[] = [];
  const quota = new RateQuota(
    'produce bytes',
    parseQuota('--q', 'alice=1000,*=10'),
    new Set(['member']),
    (q) => throttled.push(q),
    () => now,
  );
  expect(quota.delayMs('alice')).toBe(0);
  quota.charge('alice', 3_000); // one large batch: admitted, 2,000 in debt
  expect(quota.delayMs('alice')).toBe(2_001);
  const refused = quota.refusal('alice');
  expect(refused).toMatchObject({ code: grpc.status.RESOURCE_EXHAUSTED });
  const info = readError(refused);
  expect([info.reason, info.retryDelayMs, info.metadata['principal']]).toEqual([
    'THROTTLED',
    2_001,
    'alice',
  ]);
  expect(throttled).toEqual(['produce bytes']);
  now = 1_000;
  expect(quota.delayMs('alice')).toBe(1_001);
  now = 2_001;
  expect(quota.refusal('alice')).toBeUndefined();
  now = 100_000; // refills to one second's worth, no more
  quota.charge('alice', 1_000);
  expect(quota.delayMs('alice')).toBe(1);
  // '*' holds the others, each in its own bucket; a member is never held.
  quota.charge('bob', 50);
  expect(quota.delayMs('bob')).toBe(4_001);
  expect(quota.delayMs('carol')).toBe(0);
  quota.charge('member', 1e12);
  expect(quota.delayMs('member')).toBe(0);
  // On an open cluster everyone is one 'anonymous' principal.
  quota.charge(undefined, 20);
  expect(quota.refusal(undefined)?.message).toMatch(/'anonymous' is over its produce bytes quota/);
});

it('limits nobody without a spec, and an unlisted principal without *', () => {
  const none = new RateQuota('fetch bytes', undefined, new Set());
  none.charge('alice', 1e12);
  expect(none.delayMs('alice')).toBe(0);
  const listed = new RateQuota('fetch bytes', parseQuota('--q', 'alice=1'), new Set());
  listed.charge('bob', 1e12);
  expect(listed.delayMs('bob')).toBe(0);
});
