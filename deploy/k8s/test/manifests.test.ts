// The committed manifests: each variant synthesizes to exactly the committed YAML, every object
// validates against the Kubernetes schemas (offline, kubernetes-models), and the invariants of
// DESIGN §8 hold: probes, non-root read-only pods, PDBs, PVCs, selectors that match, container
// ports that match the addresses the processes are told to listen on, env that `trib` reads.
import * as fs from 'node:fs';
import { ConfigMap, Service } from 'kubernetes-models/v1';
import { StatefulSet } from 'kubernetes-models/apps/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { runTrib } from '@tributary/testkit';
import { manifestPath, synthesize, synthesizeObjects } from '../src/synth';
import { DATA_DIR, names, TLS_DIR, type Role } from '../src/tributary-chart';
import { VARIANTS, type Variant } from '../src/variants';
import { find, podOf, type KubeObject } from './kubelet-env';

jest.setTimeout(60_000);

const MODELS: Record<string, new (o: any) => { validate(): void }> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'apps/v1/StatefulSet': StatefulSet,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};
const ROLES: Role[] = ['coordinator', 'broker'];
const SIZES: Record<Variant, Record<Role, number>> = {
  dev: { coordinator: 1, broker: 1 },
  prod: { coordinator: 3, broker: 3 },
};

const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);
const portOf = (address: string) => Number(address.split(':').pop());
/** `trib ROLE --help`, unwrapped: commander lists each option's env twin as `env: NAME`. */
const helpOf = async (role: Role) => (await runTrib([role, '--help'])).stdout.replace(/\s+/g, ' ');

describe.each(Object.keys(VARIANTS) as Variant[])('%s', (variant) => {
  const objects: KubeObject[] = synthesizeObjects(VARIANTS[variant]);

  it('is committed as synthesized (run `npx nx run k8s:synth` after changing the chart)', () => {
    expect(fs.readFileSync(manifestPath(variant), 'utf8')).toBe(synthesize(VARIANTS[variant]));
  });

  it('validates every object against the Kubernetes schemas', () => {
    for (const o of objects) {
      const Model = MODELS[`${o.apiVersion}/${o.kind}`];
      if (!Model) throw new Error(`no schema for ${o.apiVersion} ${o.kind}`);
      expect(() => new Model(o).validate()).not.toThrow();
    }
    expect(objects.map((o) => o.kind).sort()).toEqual(
      ['ConfigMap', ...Array(2).fill(['PodDisruptionBudget', 'Service', 'Service', 'StatefulSet'])]
        .flat()
        .sort(),
    );
  });

  describe.each(ROLES)('%s', (role) => {
    const n = names(role);
    const set = find(objects, 'StatefulSet', n.statefulSet);
    const pod = set.spec.template.spec;
    const labels = set.spec.template.metadata.labels;
    const [container] = pod.containers;
    const env = podOf(objects, n.statefulSet, 0, 'default').env;
    const ports = Object.fromEntries(container.ports.map((p: any) => [p.name, p.containerPort]));

    it(`runs ${SIZES[variant][role]} pods in parallel behind a headless Service that publishes them unready`, () => {
      expect(set.spec.replicas).toBe(SIZES[variant][role]);
      expect(set.spec.podManagementPolicy).toBe('Parallel');
      expect(matches(set.spec.selector.matchLabels, labels)).toBe(true);
      const headless = find(objects, 'Service', set.spec.serviceName);
      expect(headless.spec.clusterIP).toBe('None');
      expect(headless.spec.publishNotReadyAddresses).toBe(true);
      for (const name of [n.headless, n.client]) {
        const service = find(objects, 'Service', name);
        expect(matches(service.spec.selector, labels)).toBe(true);
        for (const p of service.spec.ports) expect(ports[p.targetPort]).toBe(p.port);
      }
    });

    it('has a PodDisruptionBudget of one pod and a PVC per pod mounted as the data directory', () => {
      const pdb = find(objects, 'PodDisruptionBudget', n.pdb);
      expect(pdb.spec.maxUnavailable).toBe(1);
      expect(matches(pdb.spec.selector.matchLabels, labels)).toBe(true);
      const [claim] = set.spec.volumeClaimTemplates;
      expect(claim.spec.accessModes).toEqual(['ReadWriteOnce']);
      expect(container.volumeMounts).toContainEqual({
        name: claim.metadata.name,
        mountPath: DATA_DIR,
      });
      expect(env.TRIBUTARY_DATA_DIR).toBe(DATA_DIR);
    });

    it('listens on its container ports, probes /healthz and /readyz there, and is scraped there', () => {
      expect(portOf(env.TRIBUTARY_LISTEN!)).toBe(ports.grpc);
      expect(portOf(env.TRIBUTARY_METRICS_LISTEN!)).toBe(ports.metrics);
      expect(ports.metrics).toBe(ports.grpc + 80);
      for (const [probe, path] of [
        ['startupProbe', '/healthz'],
        ['livenessProbe', '/healthz'],
        ['readinessProbe', '/readyz'],
      ] as const)
        expect(container[probe].httpGet).toEqual({ path, port: 'metrics' });
      const annotations = set.spec.template.metadata.annotations;
      expect(annotations['prometheus.io/scrape']).toBe('true');
      expect(Number(annotations['prometheus.io/port'])).toBe(ports.metrics);
    });

    it('runs as non-root on a read-only root filesystem with no capabilities, within resources', () => {
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
      expect(container.securityContext).toEqual({
        runAsNonRoot: true,
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      });
      expect(container.resources.requests).toEqual(
        expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }),
      );
      expect(container.resources.limits.memory).toBe(container.resources.requests.memory);
      expect(pod.topologySpreadConstraints[0].labelSelector.matchLabels).toEqual(
        set.spec.selector.matchLabels,
      );
      const antiAffinity = Object.keys(pod.affinity.podAntiAffinity)[0];
      expect(antiAffinity).toBe(
        variant === 'prod'
          ? 'requiredDuringSchedulingIgnoredDuringExecution'
          : 'preferredDuringSchedulingIgnoredDuringExecution',
      );
    });

    it('takes its identity from the pod: --pod-domain is its headless Service, fully qualified', () => {
      expect(container.args).toEqual([role]);
      expect(env.TRIBUTARY_POD_DOMAIN).toBe(`${n.headless}.default.svc`);
      expect(env.TRIBUTARY_ID).toBeUndefined();
      if (role === 'coordinator')
        expect(Number(env.TRIBUTARY_INITIAL_CLUSTER_SIZE)).toBe(SIZES[variant].coordinator);
    });

    it('sets only env twins of `trib` flags (or the log level)', async () => {
      const help = await helpOf(role);
      const own = (container.env as any[])
        .map((v) => v.name)
        .filter((v) => v.startsWith('TRIBUTARY_'));
      for (const name of own) expect(help).toContain(`env: ${name})`);
    });
  });

  it('points the brokers at every coordinator pod on the coordinators’ gRPC port', () => {
    const coordinators = podOf(objects, names('broker').statefulSet, 0, 'default').env
      .TRIBUTARY_COORDINATORS!;
    const port = find(objects, 'StatefulSet', names('coordinator').statefulSet).spec.template.spec
      .containers[0].ports[0].containerPort;
    expect(coordinators.split(',')).toEqual(
      Array.from(
        { length: SIZES[variant].coordinator },
        (_, i) => `tributary-coordinator-${i}.tributary-coordinator-peers:${port}`,
      ),
    );
  });
});

it('the shared settings are env twins of the flags of one role or the other', async () => {
  const help = (await helpOf('coordinator')) + (await helpOf('broker'));
  const data = find(synthesizeObjects(VARIANTS.prod), 'ConfigMap', 'tributary').data!;
  for (const name of Object.keys(data).filter((n) => n !== 'TRIBUTARY_LOG_LEVEL'))
    expect(help).toContain(`env: ${name})`);
});

it('mounts a TLS secret read-only and names its files, when one is given', () => {
  const objects: KubeObject[] = synthesizeObjects({
    ...VARIANTS.prod,
    tls: { secretName: 'tributary-tls' },
  });
  for (const role of ROLES) {
    const set = find(objects, 'StatefulSet', names(role).statefulSet);
    expect(set.spec.template.spec.volumes).toContainEqual({
      name: 'tls',
      secret: { secretName: 'tributary-tls', defaultMode: 0o440 },
    });
    expect(set.spec.template.spec.containers[0].volumeMounts).toContainEqual({
      name: 'tls',
      mountPath: TLS_DIR,
      readOnly: true,
    });
    const env = podOf(objects, names(role).statefulSet, 0, 'default').env;
    expect(env.TRIBUTARY_TLS_CERT).toBe(`${TLS_DIR}/tls.crt`);
    expect(env.TRIBUTARY_TLS_KEY).toBe(`${TLS_DIR}/tls.key`);
    expect(env.TRIBUTARY_TLS_CA).toBe(`${TLS_DIR}/ca.crt`);
    expect(() => new StatefulSet(set as any).validate()).not.toThrow();
  }
});
