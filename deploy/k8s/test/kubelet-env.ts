/**
 * What the kubelet gives a StatefulSet pod's container, worked out from the synthesized objects:
 * HOSTNAME (the pod name), the ConfigMaps of `envFrom`, then `env` in order with `fieldRef`s
 * filled in and `$(VAR)` references expanded (Kubernetes' dependent environment variables).
 */
import type { k8s } from 'cdk8s-plus-32';
import type { KubeObject } from '../src/synth';

export type { KubeObject };

export function find(objects: KubeObject[], kind: string, name: string): KubeObject {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in the manifests`);
  return found;
}

export interface Pod {
  name: string;
  container: k8s.Container;
  env: Record<string, string>;
}

export function podOf(
  objects: KubeObject[],
  statefulSet: string,
  ordinal: number,
  namespace: string,
): Pod {
  const set = find(objects, 'StatefulSet', statefulSet);
  const container: k8s.Container = set.spec.template.spec.containers[0];
  const name = `${statefulSet}-${ordinal}`;
  const env: Record<string, string> = { HOSTNAME: name };
  for (const from of container.envFrom ?? [])
    Object.assign(env, find(objects, 'ConfigMap', from.configMapRef!.name!).data);
  const fields: Record<string, string> = { 'metadata.name': name, 'metadata.namespace': namespace };
  for (const v of container.env ?? []) {
    if (v.valueFrom) {
      const field = fields[v.valueFrom.fieldRef!.fieldPath];
      if (field === undefined)
        throw new Error(`kubelet-env knows no field ${v.valueFrom.fieldRef!.fieldPath}`);
      env[v.name] = field;
    } else {
      env[v.name] = (v.value ?? '').replace(
        /\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g,
        (ref, n) => env[n] ?? ref,
      );
    }
  }
  return { name, container, env };
}
