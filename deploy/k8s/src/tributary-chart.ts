/**
 * Tributary on Kubernetes (DESIGN §8): coordinators and brokers as two StatefulSets, each with a
 * headless Service (stable per-pod DNS names for peers), a client Service and a
 * PodDisruptionBudget, plus one ConfigMap of shared settings. Pods derive their ids and peers
 * from their own names (`--pod-domain`), so nothing here lists members by hand except the
 * brokers' coordinator list, which this chart computes from the coordinator count.
 */
import { Chart, type ChartProps } from 'cdk8s';
import { k8s } from 'cdk8s-plus-32';
import type { Construct } from 'constructs';

/** The gRPC and HTTP (metrics + health: gRPC port + 80, DESIGN §2) ports of each role. */
export const PORTS = {
  coordinator: { grpc: 7101, metrics: 7181 },
  broker: { grpc: 9101, metrics: 9181 },
} as const;

/** Where each pod's PersistentVolumeClaim is mounted (`--data-dir`). */
export const DATA_DIR = '/var/lib/tributary';
/** Where the TLS secret is mounted when `tls` is set. */
export const TLS_DIR = '/etc/tributary/tls';
/** The image's user (the node image's `node`, uid 1000): the pods run as it, never as root. */
export const RUN_AS_USER = 1000;

export type Role = 'coordinator' | 'broker';

export interface RoleProps {
  replicas: number;
  /** requests = limits for memory (a process over it is killed, not slowed); CPU request only. */
  cpu: string;
  memory: string;
  /** Size of each pod's PersistentVolumeClaim. */
  storage: string;
  /** Spread pods over nodes: 'required' refuses two on one node, 'preferred' only tries. */
  antiAffinity: 'required' | 'preferred';
}

export interface TributaryProps extends ChartProps {
  /** The image built from deploy/docker/Dockerfile. */
  image: string;
  coordinator: RoleProps;
  broker: RoleProps;
  /** Cluster id the coordinators refuse other clusters' peers by. */
  clusterId: string;
  /** StorageClass of the PVCs; the cluster's default when unset. */
  storageClassName?: string;
  /** A `kubernetes.io/tls` Secret (tls.crt, tls.key, ca.crt) mounted into every pod. */
  tls?: { secretName: string };
}

export const CONFIG_MAP = 'tributary';

export function names(role: Role) {
  const set = `tributary-${role}`;
  return { statefulSet: set, headless: `${set}-peers`, client: set, pdb: set };
}

export function selectorLabels(role: Role): Record<string, string> {
  return {
    'app.kubernetes.io/name': 'tributary',
    'app.kubernetes.io/instance': 'tributary',
    'app.kubernetes.io/component': role,
  };
}

export class TributaryChart extends Chart {
  constructor(scope: Construct, id: string, props: TributaryProps) {
    super(scope, id, props);
    new k8s.KubeConfigMap(this, 'config', {
      metadata: { name: CONFIG_MAP, labels: { 'app.kubernetes.io/name': 'tributary' } },
      data: sharedSettings(props),
    });
    for (const role of ['coordinator', 'broker'] as const) {
      services(this, role);
      new k8s.KubePodDisruptionBudget(this, `${role}-pdb`, {
        metadata: { name: names(role).pdb, labels: selectorLabels(role) },
        // One pod down at a time: a 3-member Raft group and RF=3 topics keep a majority.
        spec: {
          maxUnavailable: k8s.IntOrString.fromNumber(1),
          selector: { matchLabels: selectorLabels(role) },
        },
      });
      statefulSet(this, role, props);
    }
  }
}

/** Settings every pod reads (envFrom): the env twins of `trib` flags. */
function sharedSettings(props: TributaryProps): Record<string, string> {
  const { statefulSet, headless } = names('coordinator');
  const coordinators = Array.from(
    { length: props.coordinator.replicas },
    (_, n) => `${statefulSet}-${n}.${headless}:${PORTS.coordinator.grpc}`,
  );
  return {
    TRIBUTARY_CLUSTER_ID: props.clusterId,
    TRIBUTARY_COORDINATORS: coordinators.join(','),
    TRIBUTARY_LOG_LEVEL: 'info',
  };
}

function services(scope: Construct, role: Role): void {
  const n = names(role);
  const grpc = {
    name: 'grpc',
    port: PORTS[role].grpc,
    targetPort: k8s.IntOrString.fromString('grpc'),
  };
  const metrics = {
    name: 'metrics',
    port: PORTS[role].metrics,
    targetPort: k8s.IntOrString.fromString('metrics'),
  };
  new k8s.KubeService(scope, `${role}-headless`, {
    metadata: { name: n.headless, labels: selectorLabels(role) },
    spec: {
      clusterIp: 'None',
      // Peers must find each other before any is ready: a Raft member is ready only in a quorum.
      publishNotReadyAddresses: true,
      selector: selectorLabels(role),
      ports: [grpc],
    },
  });
  new k8s.KubeService(scope, `${role}-client`, {
    metadata: { name: n.client, labels: selectorLabels(role) },
    spec: { type: 'ClusterIP', selector: selectorLabels(role), ports: [grpc, metrics] },
  });
}

function statefulSet(scope: Construct, role: Role, props: TributaryProps): void {
  const n = names(role);
  const r = props[role];
  new k8s.KubeStatefulSet(scope, `${role}-statefulset`, {
    metadata: { name: n.statefulSet, labels: selectorLabels(role) },
    spec: {
      serviceName: n.headless,
      replicas: r.replicas,
      // Coordinators must start together to elect a leader; brokers do not wait on each other.
      podManagementPolicy: 'Parallel',
      updateStrategy: { type: 'RollingUpdate' },
      selector: { matchLabels: selectorLabels(role) },
      // A scaled-down broker's log stays: scaling back up brings the same data.
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      template: {
        metadata: {
          labels: selectorLabels(role),
          annotations: {
            'prometheus.io/scrape': 'true',
            'prometheus.io/port': String(PORTS[role].metrics),
            'prometheus.io/path': '/metrics',
          },
        },
        spec: podSpec(role, props),
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'data', labels: selectorLabels(role) },
          spec: {
            accessModes: ['ReadWriteOnce'],
            ...(props.storageClassName && { storageClassName: props.storageClassName }),
            resources: { requests: { storage: k8s.Quantity.fromString(r.storage) } },
          },
        },
      ],
    },
  });
}

function podSpec(role: Role, props: TributaryProps): k8s.PodSpec {
  const r = props[role];
  const spread = {
    labelSelector: { matchLabels: selectorLabels(role) },
    topologyKey: 'kubernetes.io/hostname',
  };
  return {
    // SIGTERM drains (a broker hands its leaderships over first): give it time before SIGKILL.
    terminationGracePeriodSeconds: 60,
    automountServiceAccountToken: false,
    securityContext: {
      runAsNonRoot: true,
      runAsUser: RUN_AS_USER,
      runAsGroup: RUN_AS_USER,
      fsGroup: RUN_AS_USER,
      fsGroupChangePolicy: 'OnRootMismatch',
      seccompProfile: { type: 'RuntimeDefault' },
    },
    affinity: {
      podAntiAffinity:
        r.antiAffinity === 'required'
          ? { requiredDuringSchedulingIgnoredDuringExecution: [spread] }
          : {
              preferredDuringSchedulingIgnoredDuringExecution: [
                { weight: 100, podAffinityTerm: spread },
              ],
            },
    },
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: selectorLabels(role) },
      },
    ],
    containers: [container(role, props)],
    volumes: [
      // The root filesystem is read-only; Node and its libraries may still want a /tmp.
      { name: 'tmp', emptyDir: { sizeLimit: k8s.Quantity.fromString('64Mi') } },
      ...(props.tls
        ? [{ name: 'tls', secret: { secretName: props.tls.secretName, defaultMode: 0o440 } }]
        : []),
    ],
  };
}

function container(role: Role, props: TributaryProps): k8s.Container {
  const r = props[role];
  const http = (path: string) => ({
    httpGet: { path, port: k8s.IntOrString.fromString('metrics') },
  });
  return {
    name: role,
    image: props.image,
    imagePullPolicy: 'IfNotPresent',
    args: [role],
    env: roleEnv(role, props),
    envFrom: [{ configMapRef: { name: CONFIG_MAP } }],
    ports: [
      { name: 'grpc', containerPort: PORTS[role].grpc, protocol: 'TCP' },
      { name: 'metrics', containerPort: PORTS[role].metrics, protocol: 'TCP' },
    ],
    // Opening RocksDB and replaying the log can take a while after a crash: up to 5 minutes.
    startupProbe: { ...http('/healthz'), periodSeconds: 5, failureThreshold: 60 },
    livenessProbe: {
      ...http('/healthz'),
      periodSeconds: 10,
      timeoutSeconds: 5,
      failureThreshold: 3,
    },
    readinessProbe: {
      ...http('/readyz'),
      periodSeconds: 5,
      timeoutSeconds: 3,
      failureThreshold: 2,
    },
    resources: {
      requests: { cpu: k8s.Quantity.fromString(r.cpu), memory: k8s.Quantity.fromString(r.memory) },
      limits: { memory: k8s.Quantity.fromString(r.memory) },
    },
    securityContext: {
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    },
    volumeMounts: [
      { name: 'data', mountPath: DATA_DIR },
      { name: 'tmp', mountPath: '/tmp' },
      ...(props.tls ? [{ name: 'tls', mountPath: TLS_DIR, readOnly: true }] : []),
    ],
  };
}

/** Per-role env: the listen addresses, the data directory and the pod identity. */
function roleEnv(role: Role, props: TributaryProps): k8s.EnvVar[] {
  const { grpc, metrics } = PORTS[role];
  const env: k8s.EnvVar[] = [
    { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
    { name: 'TRIBUTARY_LISTEN', value: `0.0.0.0:${grpc}` },
    { name: 'TRIBUTARY_METRICS_LISTEN', value: `0.0.0.0:${metrics}` },
    { name: 'TRIBUTARY_DATA_DIR', value: DATA_DIR },
    // Fully qualified, so a broker's advertised name resolves from any namespace.
    { name: 'TRIBUTARY_POD_DOMAIN', value: `${names(role).headless}.$(POD_NAMESPACE).svc` },
  ];
  if (role === 'coordinator')
    env.push({ name: 'TRIBUTARY_INITIAL_CLUSTER_SIZE', value: String(props.coordinator.replicas) });
  if (props.tls)
    env.push(
      { name: 'TRIBUTARY_TLS_CERT', value: `${TLS_DIR}/tls.crt` },
      { name: 'TRIBUTARY_TLS_KEY', value: `${TLS_DIR}/tls.key` },
      { name: 'TRIBUTARY_TLS_CA', value: `${TLS_DIR}/ca.crt` },
    );
  return env;
}
