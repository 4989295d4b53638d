/**
 * A fault campaign: real coordinators (and brokers) on this machine, workloads running real SDK
 * clients against them, and nemeses breaking them on a seeded schedule, as a Jepsen test does.
 *
 * Timeline: start the cluster and the workloads; then fault after fault — a quiet gap, one
 * nemesis started, held, stopped — each nemesis at least once (in a seeded order) and then at
 * random until the time is up; heal everything, wait for the cluster to recover, let the
 * workloads run healed for a moment, stop them and check every history.
 *
 * The run directory holds each workload's history (JSON lines), `schedule.jsonl` (every fault
 * as it started and stopped, with what it hit) and `verdict.json`. The seed fixes the order,
 * kind and timing of the faults; which node a fault hits depends on the cluster's state (who
 * leads), which the schedule records.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Xoshiro128 } from '@tributary/raft';
import {
  BrokerCluster,
  CoordinatorCluster,
  type FaultTarget,
  NetworkLab,
} from '@tributary/testkit';
import { History, RunClock } from './history';
import { makeNemeses, needs } from './nemeses';
import type { Workload, WorkloadContext, WorkloadVerdict } from './workloads/workload';

export interface CampaignOptions {
  seed: number;
  /** How long faults are injected; recovery and checks come after. */
  durationMs: number;
  workloads: Workload[];
  /** Nemesis names (nemeses.ts): partitions put every node in a network lab of its own. */
  nemeses: string[];
  /** Where the run's files go (created; a fresh subdirectory per run is the caller's choice). */
  dir: string;
  coordinators?: number;
  /** Brokers started when a workload needs them (default 3). */
  brokers?: number;
  /** How long one fault is held, [min, max] ms (default 2–6 s: past TTLs and election timeouts). */
  faultMs?: [number, number];
  /** Quiet time between faults, [min, max] ms (default 1–3 s). */
  quietMs?: [number, number];
  /** How long the healed cluster runs the workloads before they stop (default 5 s). */
  settleMs?: number;
  /** Delay of every Raft batch between coordinators, ms (the test-only transport shim). */
  peerDelayMs?: number;
  /** Share of Raft batches between coordinators dropped, 0..1 (the same shim). */
  peerLoss?: number;
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
}

export interface ScheduleEntry {
  at: number;
  event: string;
  nemesis?: string;
  details?: Record<string, unknown>;
}

export interface CampaignVerdict {
  seed: number;
  ok: boolean;
  dir: string;
  /** Faults started, by nemesis. */
  faults: Record<string, number>;
  workloads: WorkloadVerdict[];
  /** Why the run itself failed (the cluster never recovered, a workload threw). */
  errors: string[];
}

export async function runCampaign(options: CampaignOptions): Promise<CampaignVerdict> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const [faultMin, faultMax] = options.faultMs ?? [2_000, 6_000];
  const [quietMin, quietMax] = options.quietMs ?? [1_000, 3_000];
  fs.mkdirSync(options.dir, { recursive: true });
  const clock = new RunClock();
  const root = new Xoshiro128(options.seed);
  // Separate streams: what the workloads draw never shifts the fault schedule.
  const scheduleRandom = root.fork();
  const targetRandom = root.fork();
  const workloadRandom = root.fork();
  const schedule = new History<ScheduleEntry>(path.join(options.dir, 'schedule.jsonl'));
  const record = (event: string, details?: Record<string, unknown>, nemesis?: string) => {
    schedule.add({
      at: clock.now(),
      event,
      ...(nemesis && { nemesis }),
      ...(details && { details }),
    });
    log(
      `faults: ${(clock.now() / 1000).toFixed(1)}s ${event}${nemesis ? ` ${nemesis}` : ''}${details ? ` ${JSON.stringify(details)}` : ''}`,
    );
  };
  const errors: string[] = [];
  const faults: Record<string, number> = {};
  const verdicts: WorkloadVerdict[] = [];

  record('seed', { seed: options.seed, nemeses: options.nemeses });
  const need = needs(options.nemeses);
  const coordinatorCount = options.coordinators ?? 3;
  const brokerCount =
    need.brokers || options.workloads.some((w) => w.needsBrokers) ? (options.brokers ?? 3) : 0;
  const lab = need.network
    ? await NetworkLab.create(coordinatorCount + Math.max(brokerCount, 1))
    : undefined;
  // A new member takes an id past the founders; in a lab it shares a broker's node (the lab has
  // a node per process of the founding cluster), on a port of its own.
  const spareLast = lab ? coordinatorCount + Math.max(brokerCount, 1) : coordinatorCount + 3;
  const nemeses = makeNemeses(options.nemeses, {
    lab,
    spareIds: [coordinatorCount + 1, spareLast],
  });
  // Every process the clusters start (and restart) inherits these. With the lossy store, kill -9
  // loses what no fsync covered, as a power cut would (libs/log-store lossy-store.ts).
  const restoreEnv = setEnv({
    ...(need.lossyStorage && { TRIBUTARY_TEST_STORAGE_FAULTS: 'lose-unsynced' }),
    // The coordinators' test-only transport shim: every Raft batch delayed, or lost at random.
    ...(options.peerDelayMs && { TRIBUTARY_TEST_PEER_DELAY_MS: String(options.peerDelayMs) }),
    ...(options.peerLoss && { TRIBUTARY_TEST_PEER_LOSS: String(options.peerLoss) }),
  });
  let coordinators: CoordinatorCluster | undefined;
  let brokers: BrokerCluster | undefined;
  try {
    coordinators = await CoordinatorCluster.start({
      size: coordinatorCount,
      ...(lab && { network: lab }),
    });
    if (brokerCount > 0) {
      brokers = await BrokerCluster.start({
        coordinators,
        size: brokerCount,
        ...(lab && { network: lab, nodeOffset: coordinatorCount }),
      });
    }
    record('cluster started', {
      coordinators: [...coordinators.members.values()].map((m) => m.address),
      brokers: brokers ? [...brokers.brokers.values()].map((b) => b.address) : [],
      logs: [coordinators.root, brokers?.root].filter(Boolean),
    });
    const ctx: WorkloadContext = {
      coordinators: [...coordinators.members.values()].map((m) => m.address),
      brokers: brokers ? [...brokers.brokers.values()].map((b) => b.address) : [],
      clock,
      random: workloadRandom,
      dir: options.dir,
      log,
    };
    for (const w of options.workloads) await w.start(ctx);
    record('workloads started', { workloads: options.workloads.map((w) => w.name) });

    const target: FaultTarget = {
      coordinators,
      brokers,
      random: targetRandom,
      record: (event, details) => record(event, details),
    };
    const between = (min: number, max: number) => min + scheduleRandom.int(max - min + 1);
    const firstPass = shuffle(scheduleRandom, nemeses);
    const endAt = clock.now() + options.durationMs;
    while (clock.now() < endAt || firstPass.length > 0) {
      await sleep(between(quietMin, quietMax));
      const nemesis = firstPass.shift() ?? nemeses[scheduleRandom.int(nemeses.length)]!;
      const holdMs = between(faultMin, faultMax);
      const did = await nemesis.start(target).catch((e: unknown) => ({ error: String(e) }));
      faults[nemesis.name] = (faults[nemesis.name] ?? 0) + 1;
      record('start', { ...did, holdMs }, nemesis.name);
      await sleep(holdMs);
      await nemesis.stop(target);
      record('stop', undefined, nemesis.name);
    }

    record('healing');
    for (const n of nemeses) await n.stop(target);
    await recover(coordinators, brokers);
    record('recovered');
    await sleep(options.settleMs ?? 5_000);
    for (const w of options.workloads) await w.stop();
    record('workloads stopped');
    for (const w of options.workloads) {
      const v = await w.check(ctx).catch((e: unknown) => {
        errors.push(`${w.name}: check failed: ${String(e)}`);
        return { workload: w.name, ok: false, counts: {}, summary: `check failed: ${String(e)}` };
      });
      verdicts.push(v);
      record('checked', { workload: v.workload, ok: v.ok, summary: v.summary });
    }
  } catch (error) {
    errors.push(
      `campaign: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    record('aborted', { error: String(error) });
    for (const w of options.workloads) await w.stop().catch(() => undefined);
  } finally {
    await brokers?.shutdown();
    await coordinators?.shutdown();
    await lab?.destroy();
    restoreEnv();
  }
  schedule.close();
  const verdict: CampaignVerdict = {
    seed: options.seed,
    ok:
      errors.length === 0 &&
      verdicts.length === options.workloads.length &&
      verdicts.every((v) => v.ok),
    dir: options.dir,
    faults,
    workloads: verdicts,
    errors,
  };
  fs.writeFileSync(path.join(options.dir, 'verdict.json'), `${JSON.stringify(verdict, null, 2)}\n`);
  return verdict;
}

/** Sets environment variables for the processes the run starts; returns what undoes it. */
function setEnv(vars: Record<string, string>): () => void {
  const before = Object.keys(vars).map((k) => [k, process.env[k]] as const);
  Object.assign(process.env, vars);
  return () => {
    for (const [k, v] of before) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

/** Waits until one coordinator leads for all and every broker is ready again. */
async function recover(coordinators: CoordinatorCluster, brokers: BrokerCluster | undefined) {
  await coordinators.waitForLeader(60_000);
  if (brokers)
    await Promise.all([...brokers.brokers.keys()].map((id) => brokers.waitReady(id, 60_000)));
}

function shuffle<T>(random: Xoshiro128, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
