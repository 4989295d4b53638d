// A seeded fuzz campaign against real processes: every method of every service of the contract
// gets adversarial bodies (generate.ts) as a client in any language could send them — raw bytes
// on the wire, no Tributary client code — unary calls, client streams written and then closed
// or abandoned, server streams read briefly; plus raw TCP connections carrying junk, oversize
// and cut-off HTTP/2 frames. Every call must end in a gRPC status the server chose; the caller
// then checks the processes are alive, bounded in memory, and the data acknowledged earlier is
// still there.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protobuf from 'protobufjs';
import { Xoshiro128 } from '@tributary/raft';
import { LOADER_OPTIONS, contractFiles } from '@tributary/rpc';
import { drawKind, type Kind, requestBody } from './generate';

/** The contract's areas; coord and raft services listen on coordinators, broker on brokers. */
export type Area = 'coord' | 'raft' | 'broker';

export interface FuzzOptions {
  seed: number;
  /** Requests per service (spread over its methods). */
  requestsPerService: number;
  /** Calls in flight at once, over all services. */
  concurrency: number;
  deadlineMs: number;
  /** Raw TCP connections with junk per address. */
  rawConnections: number;
  /** How the calls authenticate; default plaintext. */
  credentials?: grpc.ChannelCredentials;
  /**
   * Fuzz the membership methods too: only against a cluster whose ACLs refuse them to the
   * fuzzer's principal (see UNFUZZED_METHODS).
   */
  membership?: boolean;
  /** Progress, a line now and then. */
  progress?: (line: string) => void;
}

export interface ServiceReport {
  requests: number;
  /** Status code names of the answers, counted; CANCELLED_BY_FUZZER for streams it abandoned. */
  codes: Record<string, number>;
}

export interface Finding {
  method: string;
  kind: Kind;
  request: number;
  code: string;
  message: string;
}

export interface FuzzReport {
  seed: number;
  services: Record<string, ServiceReport>;
  raw: { connections: number };
  /** Answers that are not a status the server chose: UNKNOWN, INTERNAL, a dropped connection. */
  findings: Finding[];
  seconds: number;
}

interface MethodInfo {
  path: string;
  name: string;
  type: protobuf.Type;
  requestStream: boolean;
  responseStream: boolean;
}

const FINDINGS_KEPT = 50;
/**
 * Left out of a campaign on an open cluster: membership and leadership changes are operator
 * actions that an open cluster grants anyone (a fuzzed AddMember of bogus voters costs the
 * quorum, as it would etcd's). A secure campaign, whose principal the ACLs refuse them, fuzzes
 * them too (`membership`).
 */
export const UNFUZZED_METHODS: readonly string[] = [
  'ClusterService.AddMember',
  'ClusterService.RemoveMember',
  'ClusterService.TransferLeadership',
];
const STREAM_READ_MS = 200;
const identity = (b: Buffer) => b;

/** Every service of the contract, with its methods' request types. */
export function contractServices(
  membership = false,
): Map<string, { area: Area; methods: MethodInfo[] }> {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => {
    const dir = LOADER_OPTIONS.includeDirs?.find((d) => fs.existsSync(path.join(d, target)));
    return dir ? path.join(dir, target) : target;
  };
  root.loadSync(contractFiles(), { keepCase: true });
  root.resolveAll();
  const out = new Map<string, { area: Area; methods: MethodInfo[] }>();
  for (const area of ['coord', 'raft', 'broker'] as const) {
    const ns = root.lookup(`tributary.${area}.v1`) as protobuf.Namespace;
    for (const service of ns.nestedArray) {
      if (!(service instanceof protobuf.Service)) continue;
      const full = service.fullName.slice(1);
      out.set(full, {
        area,
        methods: service.methodsArray
          .filter((m) => membership || !UNFUZZED_METHODS.includes(`${service.name}.${m.name}`))
          .map((m) => ({
            path: `/${full}/${m.name}`,
            name: `${service.name}.${m.name}`,
            type: m.resolvedRequestType!,
            requestStream: m.requestStream === true,
            responseStream: m.responseStream === true,
          })),
      });
    }
  }
  return out;
}

/** Runs the campaign against the addresses of each area. */
export async function fuzz(addresses: Record<Area, string[]>, o: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const clients = new Map<string, grpc.Client>();
  const clientFor = (address: string) => {
    let c = clients.get(address);
    if (!c) {
      c = new grpc.Client(address, o.credentials ?? grpc.credentials.createInsecure(), {
        'grpc.max_send_message_length': -1,
        'grpc.max_receive_message_length': -1,
      });
      clients.set(address, c);
    }
    return c;
  };
  const report: FuzzReport = {
    seed: o.seed,
    services: {},
    raw: { connections: 0 },
    findings: [],
    seconds: 0,
  };
  const services = [...contractServices(o.membership)].filter(
    ([, s]) => addresses[s.area].length > 0,
  );

  // One generator per service, each seeded from the campaign's seed and the service's place,
  // drawn in order: the bodies are the seed's whatever the interleaving of answers.
  const jobs = services.map(([name, s], n) => {
    const random = new Xoshiro128(o.seed * 1_000 + n);
    report.services[name] = { requests: 0, codes: {} };
    let i = 0;
    return () => {
      if (i >= o.requestsPerService) return undefined;
      const request = i++;
      const method = s.methods[request % s.methods.length]!;
      const kind = drawKind(random);
      const body = requestBody(method.type, kind, random);
      const targets = addresses[s.area];
      const address = targets[random.int(targets.length)]!;
      const writes = 1 + random.int(5);
      const abandon = random.int(3) === 0;
      return { name, method, kind, body, address, request, writes, abandon };
    };
  });

  let done = 0;
  let lastProgress = Date.now();
  const total = services.length * o.requestsPerService;
  const worker = async () => {
    for (;;) {
      let job: ReturnType<(typeof jobs)[number]> | undefined;
      for (let k = 0; k < jobs.length && job === undefined; k++)
        job = jobs[(done + k) % jobs.length]!();
      if (job === undefined) return;
      const answer = await callOnce(clientFor(job.address), job, o.deadlineMs);
      const svc = report.services[job.name]!;
      svc.requests++;
      svc.codes[answer.code] = (svc.codes[answer.code] ?? 0) + 1;
      if (isFinding(answer) && report.findings.length < FINDINGS_KEPT)
        report.findings.push({
          method: job.method.name,
          kind: job.kind,
          request: job.request,
          code: answer.code,
          message: answer.message,
        });
      done++;
      if (o.progress && Date.now() - lastProgress > 5_000) {
        lastProgress = Date.now();
        o.progress(`fuzz: ${done}/${total} requests, ${report.findings.length} findings`);
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));

  o.progress?.(`fuzz: ${done} requests answered; raw connections next`);
  const raw = new Xoshiro128(o.seed * 1_000 + 999);
  const all = [...new Set(Object.values(addresses).flat())];
  for (const address of all)
    for (let k = 0; k < o.rawConnections; k++) {
      await rawJunk(address, raw);
      report.raw.connections++;
    }

  for (const c of clients.values()) c.close();
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

interface Answer {
  code: string;
  message: string;
}

const codeName = (code: number) => grpc.status[code] ?? `CODE_${code}`;

/** Not a status the server chose on purpose. */
function isFinding(a: Answer): boolean {
  if (a.code === 'UNKNOWN' || a.code === 'INTERNAL') return true;
  // The connection went away under the call: the server crashed or dropped it.
  return (
    a.code === 'UNAVAILABLE' &&
    /Connection dropped|ECONNRESET|ECONNREFUSED|No connection established/i.test(a.message)
  );
}

function callOnce(
  client: grpc.Client,
  job: { method: MethodInfo; body: Buffer; writes: number; abandon: boolean },
  deadlineMs: number,
): Promise<Answer> {
  const { method, body } = job;
  const options = { deadline: Date.now() + deadlineMs };
  const meta = new grpc.Metadata();
  return new Promise<Answer>((resolve) => {
    let cancelledByUs = false;
    const finish = (error: grpc.ServiceError | null | undefined) => {
      if (cancelledByUs) resolve({ code: 'CANCELLED_BY_FUZZER', message: '' });
      else if (!error) resolve({ code: 'OK', message: '' });
      else resolve({ code: codeName(error.code), message: error.details ?? error.message });
    };
    if (!method.requestStream && !method.responseStream) {
      client.makeUnaryRequest(method.path, identity, identity, body, meta, options, finish);
      return;
    }
    if (method.requestStream && !method.responseStream) {
      const call = client.makeClientStreamRequest(
        method.path,
        identity,
        identity,
        meta,
        options,
        finish,
      );
      call.on('error', () => undefined);
      for (let k = 0; k < job.writes; k++) call.write(body);
      if (job.abandon) {
        cancelledByUs = true;
        call.cancel();
      } else call.end();
      return;
    }
    const call = method.requestStream
      ? client.makeBidiStreamRequest(method.path, identity, identity, meta, options)
      : client.makeServerStreamRequest(method.path, identity, identity, body, meta, options);
    const stop = setTimeout(() => {
      cancelledByUs = true;
      call.cancel();
    }, STREAM_READ_MS);
    call.on('data', () => undefined);
    call.on('error', (error: grpc.ServiceError) => {
      clearTimeout(stop);
      finish(error);
    });
    call.on('status', (status: grpc.StatusObject) => {
      clearTimeout(stop);
      if (status.code === grpc.status.OK) finish(null);
    });
    if ('write' in call) {
      const duplex = call as grpc.ClientDuplexStream<Buffer, Buffer>;
      for (let k = 0; k < job.writes; k++) duplex.write(body);
      if (!job.abandon) duplex.end();
    }
  });
}

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

/** One TCP connection carrying junk where HTTP/2 is expected, closed after a moment. */
async function rawJunk(address: string, random: Xoshiro128): Promise<void> {
  const [host, port] = [
    address.slice(0, address.lastIndexOf(':')),
    Number(address.slice(address.lastIndexOf(':') + 1)),
  ];
  const frame = (length: number, type: number, flags: number, stream: number, payload: Buffer) => {
    const h = Buffer.alloc(9);
    h.writeUIntBE(length, 0, 3);
    h[3] = type;
    h[4] = flags;
    h.writeUInt32BE(stream, 5);
    return Buffer.concat([h, payload]);
  };
  const junk = Buffer.alloc(1 + random.int(2048));
  for (let i = 0; i < junk.length; i++) junk[i] = random.int(256);
  const bodies = [
    junk,
    // A frame that claims 16 MiB and brings a few bytes.
    Buffer.concat([PREFACE, frame(0xffffff, 0, 0, 1, junk.subarray(0, 16))]),
    // SETTINGS with a length that is not a multiple of 6.
    Buffer.concat([PREFACE, frame(7, 4, 0, 0, junk.subarray(0, 7))]),
    // HEADERS cut off in the middle of its block.
    Buffer.concat([
      PREFACE,
      frame(0, 4, 0, 0, Buffer.alloc(0)),
      frame(200, 1, 4, 1, junk.subarray(0, 50)),
    ]),
    // DATA on a stream never opened.
    Buffer.concat([PREFACE, frame(0, 4, 0, 0, Buffer.alloc(0)), frame(junk.length, 0, 1, 7, junk)]),
  ];
  const body = bodies[random.int(bodies.length)]!;
  await new Promise<void>((resolve) => {
    const socket = net.connect({ host, port });
    const done = () => {
      socket.destroy();
      resolve();
    };
    socket.on('error', done);
    socket.on('connect', () => {
      socket.write(body);
      setTimeout(done, 20);
    });
  });
}
