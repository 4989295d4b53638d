// A StatefulSet pod's name and headless Service domain → member id, founding peers, broker address.
import { brokerFromPod, coordinatorFromPod, parsePodName, podHostname } from '../src/pod-identity';

const domain = 'tributary-coordinator-peers.tributary.svc';

describe('parsePodName', () => {
  it('splits NAME-ORDINAL, with dashes in the name', () => {
    expect(parsePodName('tributary-coordinator-0')).toEqual({
      statefulSet: 'tributary-coordinator',
      ordinal: 0,
    });
    expect(parsePodName('tributary-broker-12')).toEqual({
      statefulSet: 'tributary-broker',
      ordinal: 12,
    });
  });

  it('takes the first label of an FQDN hostname (setHostnameAsFQDN)', () => {
    expect(parsePodName(`tributary-coordinator-2.${domain}.cluster.local`).ordinal).toBe(2);
  });

  it.each(['tributary', 'tributary-', 'tributary-01', 'Tributary-1', '-1', 'a-b-x', ''])(
    'refuses %p, naming the expected form',
    (hostname) => {
      expect(() => parsePodName(hostname)).toThrow(/NAME-ORDINAL/);
    },
  );
});

describe('coordinatorFromPod', () => {
  const input = { domain, port: 7101, initialClusterSize: 3 };

  it('derives id = ordinal + 1 and the same founding peers in every pod', () => {
    const pods = [0, 1, 2].map((n) =>
      coordinatorFromPod({ ...input, hostname: `tributary-coordinator-${n}` }),
    );
    expect(pods.map((p) => p.id)).toEqual([1, 2, 3]);
    const expected = new Map([
      [1, `tributary-coordinator-0.${domain}:7101`],
      [2, `tributary-coordinator-1.${domain}:7101`],
      [3, `tributary-coordinator-2.${domain}:7101`],
    ]);
    for (const pod of pods) {
      expect(pod.peers).toEqual(expected);
      expect(pod.join).toBe(false);
    }
  });

  it('one founding member for a dev cluster of one', () => {
    const pod = coordinatorFromPod({
      ...input,
      initialClusterSize: 1,
      hostname: 'tributary-coordinator-0',
    });
    expect(pod).toEqual({
      id: 1,
      peers: new Map([[1, `tributary-coordinator-0.${domain}:7101`]]),
      join: false,
    });
  });

  it('a pod past the founding members joins instead of founding, and names itself', () => {
    const pod = coordinatorFromPod({ ...input, hostname: 'tributary-coordinator-3' });
    expect(pod.id).toBe(4);
    expect(pod.join).toBe(true);
    expect([...pod.peers.keys()]).toEqual([1, 2, 3, 4]);
    expect(pod.peers.get(4)).toBe(`tributary-coordinator-3.${domain}:7101`);
  });

  it('refuses a bad domain or cluster size', () => {
    expect(() =>
      coordinatorFromPod({ ...input, hostname: 'tributary-coordinator-0', domain: 'a..b' }),
    ).toThrow(/not a DNS domain/);
    expect(() =>
      coordinatorFromPod({ ...input, hostname: 'tributary-coordinator-0', initialClusterSize: 0 }),
    ).toThrow(/initial cluster size/);
  });
});

describe('brokerFromPod', () => {
  it('derives id = ordinal + 1 and advertises its stable DNS name with the listen port', () => {
    expect(
      brokerFromPod({
        hostname: 'tributary-broker-4',
        domain: 'tributary-broker-peers.tributary.svc',
        port: 9101,
      }),
    ).toEqual({ id: 5, advertise: 'tributary-broker-4.tributary-broker-peers.tributary.svc:9101' });
  });
});

describe('podHostname', () => {
  it('is HOSTNAME, as Kubernetes sets it in a container', () => {
    expect(podHostname({ HOSTNAME: 'tributary-broker-0' })).toBe('tributary-broker-0');
  });
});
