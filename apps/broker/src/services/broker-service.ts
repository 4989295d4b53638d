/**
 * grpc-js handlers of `tributary.broker.v1.BrokerService` (DESIGN §5): produce, fetch and
 * offsets go to the ReplicaManager; Metadata answers from the broker's metadata cache; admin and
 * group RPCs are relayed to the coordinators' MetadataService and their answers (errors
 * included) returned as the coordinators sent them.
 */
import { unknownTopic } from '../replica/context';
import * as grpc from '@grpc/grpc-js';
import {
  produceDemands,
  readError,
  requestPrincipal,
  statusDetailsOf,
  type Authorizer,
  type RateQuota,
  toServiceError,
  tributaryError,
  TributaryError,
  unary,
  type Logger,
  Malformed,
  malformedError,
} from '@tributary/rpc';
import type { BrokerServiceHandlers } from '@tributary/rpc/src/generated/tributary/broker/v1/BrokerService';
import type { FetchRequest__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/FetchRequest';
import type { ProduceRequest__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/ProduceRequest';
import type { ProduceStreamRequest__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/ProduceStreamRequest';
import type { ProduceStreamResponse } from '@tributary/rpc/src/generated/tributary/broker/v1/ProduceStreamResponse';
import type { SubscribeRequest__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/SubscribeRequest';
import type { SubscribeResponse } from '@tributary/rpc/src/generated/tributary/broker/v1/SubscribeResponse';
import type { ResponseHeader } from '@tributary/rpc/src/generated/tributary/coord/v1/ResponseHeader';
import type { BrokerMetrics } from '../broker-metrics';
import type { CoordinatorLink } from '../coordinators/coordinator-link';
import type { MetadataMethod } from '../coordinators/metadata-client';
import type { ReplicaSurface } from './replica-surface';

/** How long one Subscribe read waits for new data before checking the stream again. */
const SUBSCRIBE_POLL_MS = 500;
const DETAILS_KEY = 'grpc-status-details-bin';

export interface BrokerServiceDeps {
  brokerId: number;
  link: CoordinatorLink;
  replicas: ReplicaSurface;
  metrics: BrokerMetrics;
  log: Logger;
  produceStreamMaxInFlight: number;
  /** Checks each request of a ProduceStream (the other methods are guarded outside). */
  authorize: Authorizer;
  /** Bytes per second per principal: record payloads produced, and fetched by consumers. */
  quotas: { produce: RateQuota; fetch: RateQuota };
}

export function brokerHeader(d: Pick<BrokerServiceDeps, 'brokerId' | 'link'>, term = 0) {
  return (): ResponseHeader => ({
    cluster_id: d.link.clusterId,
    node_id: d.brokerId,
    term,
    revision: d.link.cache.revision,
  });
}

/**
 * The handlers, to be added through refuseMalformed (with 'ProduceStream' among its checked
 * streams): only ProduceStream sees, and refuses, messages that did not decode.
 */
export function brokerHandlers(d: BrokerServiceDeps): BrokerServiceHandlers {
  const { log, replicas } = d;
  const header = (topic?: string, partition?: number): ResponseHeader => ({
    cluster_id: d.link.clusterId,
    node_id: d.brokerId,
    term: topic === undefined ? 0 : Math.max(0, replicas.leaderEpoch(topic, partition ?? 0)),
    revision: d.link.cache.revision,
  });
  const produce = (req: ProduceRequest__Output, principal: string | undefined) =>
    produceOne(d, req, header, principal);
  return {
    Metadata: unary(async (req) => {
      const cache = d.link.cache;
      if (!cache.complete)
        throw tributaryError('NO_LEADER', 'no metadata from the coordinators yet');
      const topics =
        req.topics.length === 0
          ? cache.topics()
          : req.topics.map((name) => {
              const topic = cache.topic(name);
              if (topic === undefined) throw unknownTopic(name);
              return topic;
            });
      return { header: header(), brokers: cache.brokers(), topics };
    }, log),
    Produce: unary((req, call) => produce(req, requestPrincipal(call)), log),
    ProduceStream: (call) => produceStream(call, d, produce, header),
    Fetch: unary(async (req, call) => {
      const principal = requestPrincipal(call);
      const throttled = d.quotas.fetch.refusal(principal);
      if (throttled) throw throttled;
      const res = await counted(
        d,
        'consumer',
        principal,
        replicas.fetch(req, () => call.cancelled),
      );
      return { header: header(req.topic, req.partition), ...res };
    }, log),
    Subscribe: (call) => void subscribe(call, d, header),
    ListOffsets: unary(async (req) => {
      const res = await replicas.listOffsets(req);
      return { header: header(req.topic, req.partition), ...res };
    }, log),
    CreateTopic: relay(d, 'CreateTopic', false),
    DeleteTopic: relay(d, 'DeleteTopic', false),
    DescribeTopics: relay(d, 'DescribeTopics', true),
    UpdateTopicConfig: relay(d, 'UpdateTopicConfig', false),
    CreatePartitions: relay(d, 'CreatePartitions', false),
    ReassignPartitions: relay(d, 'ReassignPartitions', false),
    AllocateProducerId: relay(d, 'AllocateProducerId', false),
    JoinGroup: relay(d, 'JoinGroup', false),
    GroupHeartbeat: relay(d, 'GroupHeartbeat', false),
    LeaveGroup: relay(d, 'LeaveGroup', false),
    CommitOffsets: relay(d, 'CommitOffsets', false),
    FetchOffsets: relay(d, 'FetchOffsets', true),
    ListGroups: relay(d, 'ListGroups', true),
    DescribeGroups: relay(d, 'DescribeGroups', true),
    AddAcls: relay(d, 'AddAcls', false),
    RemoveAcls: relay(d, 'RemoveAcls', false),
    ListAcls: relay(d, 'ListAcls', true),
  };
}

async function produceOne(
  d: BrokerServiceDeps,
  req: ProduceRequest__Output,
  header: (topic: string, partition: number) => ResponseHeader,
  principal: string | undefined,
) {
  if (!req.batch) throw tributaryError('INVALID_ARGUMENT', 'ProduceRequest.batch is missing');
  try {
    const throttled = d.quotas.produce.refusal(principal);
    if (throttled) throw throttled;
    d.quotas.produce.charge(principal, req.batch.records.length);
    const res = await d.replicas.produce(req);
    d.metrics.produceRequests.inc({ outcome: 'ok' });
    d.metrics.producedBytes.inc(req.batch.records.length);
    d.metrics.producedRecords.inc(req.batch.record_count);
    return { header: header(req.topic, req.partition), ...res };
  } catch (error) {
    d.metrics.produceRequests.inc({ outcome: outcomeOf(error) });
    throw error;
  }
}

/** A consumer's read, counted in the metrics and charged to its principal's fetch quota. */
async function counted<R extends { batches?: { records?: unknown }[] | null }>(
  d: BrokerServiceDeps,
  kind: 'consumer' | 'subscribe',
  principal: string | undefined,
  work: Promise<R>,
): Promise<R> {
  try {
    const res = await work;
    const bytes = batchBytes(res);
    d.metrics.fetchRequests.inc({ kind, outcome: 'ok' });
    d.metrics.fetchedBytes.inc({ kind }, bytes);
    d.quotas.fetch.charge(principal, bytes);
    return res;
  } catch (error) {
    d.metrics.fetchRequests.inc({ kind, outcome: outcomeOf(error) });
    throw error;
  }
}

/** Record payload bytes of a fetch answer: what fetch quotas and metrics count. */
function batchBytes(res: { batches?: { records?: unknown }[] | null }): number {
  let bytes = 0;
  for (const b of res.batches ?? []) bytes += (b.records as Buffer | undefined)?.length ?? 0;
  return bytes;
}

function outcomeOf(error: unknown): string {
  return error instanceof TributaryError ? error.reason : 'INTERNAL';
}

/**
 * ProduceStream: requests are handed to the ReplicaManager as they arrive (it appends one
 * partition's requests in call order), at most `produceStreamMaxInFlight` at once that are not
 * both answered and sent — at the bound the stream is paused, so HTTP/2 flow control pushes back
 * on the client, and a client that never reads its answers is not read either. Each
 * partition's answers are written in request order; a failed request is an answer carrying its
 * status, and the stream goes on.
 */
function produceStream(
  call: grpc.ServerDuplexStream<ProduceStreamRequest__Output, ProduceStreamResponse>,
  d: BrokerServiceDeps,
  produce: (req: ProduceRequest__Output, principal: string | undefined) => Promise<object>,
  header: (topic?: string, partition?: number) => ResponseHeader,
): void {
  const principal = requestPrincipal(call);
  const max = d.produceStreamMaxInFlight;
  const inFlight = new Set<number>();
  /** Per partition, the answer written last (or about to be): the next one waits for it. */
  const tails = new Map<string, Promise<void>>();
  let ended = false;
  let gone = false;
  const finishIfDone = () => {
    if (ended && inFlight.size === 0 && !gone) call.end();
  };
  // An answer holds its in-flight slot until the transport has taken it: a client that reads
  // no answers fills the bound, and then is not read either.
  const answer = (message: ProduceStreamResponse): Promise<void> | undefined =>
    gone ? undefined : written(call, message);
  call.on('data', (raw: ProduceStreamRequest__Output | Malformed) => {
    if (gone) return;
    if (raw instanceof Malformed) {
      d.metrics.malformedRequests.inc();
      gone = true;
      call.emit('error', toServiceError(malformedError(raw, 'ProduceStreamRequest'), d.log));
      return;
    }
    const id = Number(raw.request_id);
    if (inFlight.has(id)) {
      const error = tributaryError(
        'DUPLICATE_REQUEST_ID',
        `request_id ${id} is already in flight on this stream`,
      );
      answer({ header: header(), request_id: id, status_details: statusDetailsOf(error, d.log) });
      return;
    }
    const req = raw.produce;
    const refused = req && d.authorize(principal, produceDemands(req));
    if (refused) {
      answer({ header: header(), request_id: id, status_details: statusDetailsOf(refused, d.log) });
      return;
    }
    const key = req ? `${req.topic}\u0000${req.partition}` : '';
    inFlight.add(id);
    if (inFlight.size >= max) call.pause();
    const result = req
      ? produce(req, principal).then(
          (res) => ({ header: header(req.topic, req.partition), request_id: id, produce: res }),
          (error: unknown) => ({
            header: header(req.topic, req.partition),
            request_id: id,
            status_details: statusDetailsOf(error, d.log),
          }),
        )
      : Promise.resolve({
          header: header(),
          request_id: id,
          status_details: statusDetailsOf(
            tributaryError('INVALID_ARGUMENT', 'ProduceStreamRequest.produce is missing'),
            d.log,
          ),
        });
    // The next answer of the partition waits until this one is queued; the slot, until sent.
    const previous = tails.get(key) ?? Promise.resolve();
    let taken: Promise<void> | undefined;
    const queued = previous.then(() => result).then((m) => void (taken = answer(m)));
    tails.set(key, queued);
    void queued
      .then(() => taken)
      .finally(() => {
        if (tails.get(key) === queued) tails.delete(key);
        inFlight.delete(id);
        if (inFlight.size < max && !gone) call.resume();
        finishIfDone();
      });
  });
  call.on('end', () => {
    ended = true;
    finishIfDone();
  });
  const leave = () => (gone = true);
  call.on('cancelled', leave);
  call.on('error', leave);
}

/**
 * Subscribe: Fetch in a loop from the next offset. The next batches are read only once the
 * previous message was taken by the transport (its write callback: HTTP/2 flow control), so a
 * reader that stops reading holds at most one message in this server. A message with no batches goes out only
 * when the high watermark or the log start moved. The stream ends with Fetch's errors.
 */
async function subscribe(
  call: grpc.ServerWritableStream<SubscribeRequest__Output, SubscribeResponse>,
  d: BrokerServiceDeps,
  header: (topic?: string, partition?: number) => ResponseHeader,
): Promise<void> {
  let gone = false;
  call.on('cancelled', () => (gone = true));
  call.on('close', () => (gone = true));
  d.metrics.subscribeStreams.inc();
  const principal = requestPrincipal(call);
  try {
    const req = call.request;
    let offset = Number(req.offset);
    let reported = { hw: -1, start: -1 };
    while (!gone) {
      const fetch: FetchRequest__Output = {
        topic: req.topic,
        partition: req.partition,
        offset,
        max_bytes: req.max_bytes,
        max_wait_ms: SUBSCRIBE_POLL_MS,
        min_bytes: 0,
        ...(req.leader_epoch !== undefined && { leader_epoch: req.leader_epoch }),
      } as FetchRequest__Output;
      // Over its fetch quota, a subscriber is not refused but made to wait.
      const wait = d.quotas.fetch.delayMs(principal);
      if (wait > 0) {
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      const res = await counted(
        d,
        'subscribe',
        principal,
        d.replicas.fetch(fetch, () => gone, 'subscribe'),
      );
      if (gone) break;
      const batches = res.batches ?? [];
      const hw = Number(res.high_watermark ?? 0);
      const start = Number(res.log_start_offset ?? 0);
      if (batches.length === 0 && hw === reported.hw && start === reported.start) continue;
      const last = batches[batches.length - 1];
      if (last) offset = Number(last.base_offset) + Number(last.record_count);
      reported = { hw, start };
      await written(call, { header: header(req.topic, req.partition), ...res });
    }
  } catch (error) {
    if (!gone) call.emit('error', toServiceError(error, d.log));
  } finally {
    d.metrics.subscribeStreams.dec();
  }
  if (!gone) call.end();
}

/** Writes `message`; resolves once the transport has taken it (or the stream is gone). */
function written<T>(
  call: grpc.ServerWritableStream<unknown, T> | grpc.ServerDuplexStream<unknown, T>,
  message: T,
): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      call.off('close', done);
      call.off('cancelled', done);
      resolve();
    };
    call.once('close', done);
    call.once('cancelled', done);
    call.write(message, done);
  });
}

/**
 * A pass-through RPC: the request goes to the coordinators' MetadataService (same field numbers,
 * same meaning) and the answer or error comes back as the coordinators sent it.
 */
function relay<Req, Res>(
  d: BrokerServiceDeps,
  method: MetadataMethod,
  read: boolean,
): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    d.link.metadata.call<Res>(method, call.request as object, { read }).then(
      (res) => callback(null, res),
      (error: unknown) => callback(relayedError(error, d.log)),
    );
  };
}

/** The coordinators' status as they sent it: code, message and rich details. */
function relayedError(error: unknown, log: Logger): grpc.ServiceError {
  if (error instanceof TributaryError) return error;
  const e = error as Partial<grpc.ServiceError>;
  if (typeof e.code !== 'number') return toServiceError(error, log);
  const metadata = new grpc.Metadata();
  const details = e.metadata?.get(DETAILS_KEY)[0];
  if (details !== undefined) metadata.set(DETAILS_KEY, details);
  return Object.assign(new Error(e.details ?? readError(error).message), {
    code: e.code,
    details: e.details ?? '',
    metadata,
  });
}
