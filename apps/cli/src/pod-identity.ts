/**
 * Identity from a Kubernetes StatefulSet pod (`--pod-domain`): a pod is named `<set>-<ordinal>`
 * and, behind the set's headless Service, reachable as `<set>-<ordinal>.<domain>`. So a
 * coordinator derives its `--id` and the founding `--peers` from its own name, and a broker its
 * `--id` and `--advertise` address, with no peer list written by hand. Ids are ordinal + 1
 * (member and broker ids start at 1). Pure but for `podHostname`, which reads the environment.
 */
import * as os from 'node:os';

/** The pod's name: Kubernetes sets HOSTNAME to it in every container. */
export function podHostname(env: NodeJS.ProcessEnv = process.env): string {
  return env.HOSTNAME || os.hostname();
}

export interface PodName {
  /** The StatefulSet's name, e.g. `tributary-coordinator`. */
  statefulSet: string;
  /** The pod's ordinal in its set, ≥ 0. */
  ordinal: number;
}

/** Splits `tributary-coordinator-1` (or the FQDN `tributary-coordinator-1.peers.ns.svc…`). */
export function parsePodName(hostname: string): PodName {
  const name = hostname.split('.')[0] ?? '';
  const m = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)-(0|[1-9][0-9]*)$/.exec(name);
  if (!m)
    throw new Error(
      `hostname '${hostname}' is not a StatefulSet pod's (NAME-ORDINAL such as tributary-coordinator-0)`,
    );
  const ordinal = Number(m[3]);
  if (!Number.isSafeInteger(ordinal)) throw new Error(`ordinal of '${hostname}' is out of range`);
  return { statefulSet: m[1]!, ordinal };
}

/** The stable DNS name of the pod with `ordinal` in `statefulSet`, behind `domain`. */
export function podAddress(statefulSet: string, ordinal: number, domain: string, port: number) {
  return `${statefulSet}-${ordinal}.${domain}:${port}`;
}

export interface CoordinatorPodInput {
  hostname: string;
  /** The headless Service's domain, e.g. `tributary-coordinator-peers.tributary.svc`. */
  domain: string;
  /** The gRPC port every member listens on (the same in every pod of a set). */
  port: number;
  /** Members that found the cluster: ordinals 0 … size − 1. */
  initialClusterSize: number;
}

export interface CoordinatorPodIdentity {
  id: number;
  peers: Map<number, string>;
  /**
   * A pod past the founding members (the set scaled up later) never founds a cluster: it starts
   * empty and waits to be added (`ClusterService.AddMember`), as with `--join`.
   */
  join: boolean;
}

export function coordinatorFromPod(input: CoordinatorPodInput): CoordinatorPodIdentity {
  if (!Number.isSafeInteger(input.initialClusterSize) || input.initialClusterSize < 1)
    throw new Error(`initial cluster size must be ≥ 1, got ${input.initialClusterSize}`);
  checkDomain(input.domain);
  const pod = parsePodName(input.hostname);
  const peers = new Map<number, string>();
  for (let ordinal = 0; ordinal < input.initialClusterSize; ordinal++)
    peers.set(ordinal + 1, podAddress(pod.statefulSet, ordinal, input.domain, input.port));
  const join = pod.ordinal >= input.initialClusterSize;
  // A joining member's peers name it too, so it knows its own address.
  if (join)
    peers.set(pod.ordinal + 1, podAddress(pod.statefulSet, pod.ordinal, input.domain, input.port));
  return { id: pod.ordinal + 1, peers, join };
}

export interface BrokerPodInput {
  hostname: string;
  /** The broker set's headless Service domain. */
  domain: string;
  /** The port clients and peers dial (the container's gRPC port). */
  port: number;
}

export function brokerFromPod(input: BrokerPodInput): { id: number; advertise: string } {
  checkDomain(input.domain);
  const pod = parsePodName(input.hostname);
  return {
    id: pod.ordinal + 1,
    advertise: podAddress(pod.statefulSet, pod.ordinal, input.domain, input.port),
  };
}

function checkDomain(domain: string): void {
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(domain))
    throw new Error(
      `'${domain}' is not a DNS domain such as tributary-coordinator-peers.tributary.svc`,
    );
}
