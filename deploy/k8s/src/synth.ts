/**
 * Synthesizes the committed manifests: `npx tsx deploy/k8s/src/synth.ts` (or
 * `npx nx run k8s:synth`) rewrites deploy/k8s/{dev,prod}/tributary.yaml. A test fails when the
 * committed files differ from what this produces.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'cdk8s';
import { TributaryChart, type TributaryProps } from './tributary-chart';
import { VARIANTS, type Variant } from './variants';

export const MANIFEST_FILE = 'tributary.yaml';

const HEADER =
  '# Generated from deploy/k8s/src by `npx nx run k8s:synth`: edit the TypeScript, not this file.\n';

/** The YAML of one chart built from `props`. */
export function synthesize(props: TributaryProps): string {
  const app = new App();
  new TributaryChart(app, 'tributary', props);
  return HEADER + app.synthYaml();
}

/** One synthesized object, as plain JSON. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind's own spec
  spec?: any;
  data?: Record<string, string>;
}

/** The same chart's objects, as plain JSON (what the YAML holds). */
export function synthesizeObjects(props: TributaryProps): KubeObject[] {
  return new TributaryChart(new App(), 'tributary', props).toJson();
}

/** Where a variant's manifest is committed. */
export function manifestPath(variant: Variant): string {
  return path.join(__dirname, '..', variant, MANIFEST_FILE);
}

if (require.main === module) {
  for (const variant of Object.keys(VARIANTS) as Variant[]) {
    fs.mkdirSync(path.dirname(manifestPath(variant)), { recursive: true });
    fs.writeFileSync(manifestPath(variant), synthesize(VARIANTS[variant]));
    process.stdout.write(`wrote ${path.relative(process.cwd(), manifestPath(variant))}\n`);
  }
}
