import { Harness, bytes } from './harness';

test('smoke: elect and replicate', () => {
  const h = new Harness([1, 2, 3]);
  h.campaign(1);
  expect(h.leader()).toBe(1);
  expect(h.get(1).node.propose(bytes('a'))).toEqual({ ok: true });
  h.stabilize();
  for (const id of [1, 2, 3]) expect(h.appliedData(id)).toEqual(['a']);
});
