/** The two committed variants (deploy/k8s/dev/, deploy/k8s/prod/); README says what each knob does. */
import type { TributaryProps } from './tributary-chart';

/** The image deploy/docker/Dockerfile builds, tagged with the repository's version. */
export const IMAGE = 'tributary:0.1.0';

export type Variant = 'dev' | 'prod';

export const VARIANTS: Record<Variant, TributaryProps> = {
  /** One coordinator and one broker with small resources: a laptop cluster (kind, minikube). */
  dev: {
    image: IMAGE,
    clusterId: 'tributary',
    coordinator: {
      replicas: 1,
      cpu: '100m',
      memory: '256Mi',
      storage: '1Gi',
      antiAffinity: 'preferred',
    },
    broker: {
      replicas: 1,
      cpu: '100m',
      memory: '512Mi',
      storage: '2Gi',
      antiAffinity: 'preferred',
    },
  },
  /** Three coordinators (a Raft majority survives one loss) and three brokers, one per node. */
  prod: {
    image: IMAGE,
    clusterId: 'tributary',
    coordinator: {
      replicas: 3,
      cpu: '1',
      memory: '2Gi',
      storage: '20Gi',
      antiAffinity: 'required',
    },
    broker: { replicas: 3, cpu: '2', memory: '4Gi', storage: '200Gi', antiAffinity: 'required' },
  },
};
