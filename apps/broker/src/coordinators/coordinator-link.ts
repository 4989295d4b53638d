/**
 * The broker's link to the coordinators: its registration and its metadata feed.
 *
 * Registration: a coordination session (libs/client keeps it alive at the Raft leader) and
 * RegisterBroker with its id → broker_epoch. While an older incarnation's session still holds
 * the broker id (a restart within its TTL) RegisterBroker answers BROKER_EXISTS; the link keeps
 * retrying until that session expires. When the session expires the link opens a new one and
 * registers again, which gives a new, larger broker epoch. `hooks.registered` is called once
 * the metadata applied shows the registration, in order with the metadata changes: everything
 * handed over after it is at least as new as the registration (the controller's moves for the
 * previous incarnation's session end come before it).
 *
 * Metadata: one WatchMetadata stream, from revision 0 (a snapshot, then deltas); on a stream
 * failure, a silent stream (no message, not even a progress mark, for WATCH_IDLE_MS) or a
 * coordinator failover it resumes on another member from the last revision applied. Changes
 * are handed to `hooks.metadata` one at a time, in revision order.
 *
 * Stop: CloseSession, so the controller moves this broker's leaderships at once rather than
 * after a TTL.
 */
import type * as grpc from '@grpc/grpc-js';
import { CoordinationClient, CoordinationError, type Session } from '@tributary/client';
import { readError, type Logger } from '@tributary/rpc';
import type { AlterIsrRequest } from '@tributary/rpc/src/generated/tributary/coord/v1/AlterIsrRequest';
import type { AlterIsrResponse__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/AlterIsrResponse';
import type { PartitionInfo__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/PartitionInfo';
import type { RegisterBrokerResponse__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/RegisterBrokerResponse';
import type { WatchMetadataResponse__Output } from '@tributary/rpc/src/generated/tributary/coord/v1/WatchMetadataResponse';
import { MetadataCache, type MetadataChange } from './metadata-cache';
import { MetadataClient } from './metadata-client';

/** Coordinators send a progress mark every 5 s on an idle watch; three missed = dead stream. */
const WATCH_IDLE_MS = 15_000;
/** Metadata messages received but not yet applied before the stream stops being read. */
const PENDING_CHANGES_MAX = 64;
/** At most one "broker id still registered" line per this interval. */
const EXISTS_LOG_EVERY_MS = 5_000;

export interface LinkOptions {
  brokerId: number;
  /** The address registered (`--advertise`). */
  address: string;
  rack: string;
  coordinators: string[];
  sessionTtlMs: number;
  requestTimeoutMs: number;
  maxMessageBytes: number;
  /** TLS with this broker's certificate when it has TLS flags; default plaintext. */
  credentials?: grpc.ChannelCredentials;
}

export interface LinkHooks {
  /**
   * A registration with this broker epoch succeeded (again after a session expiry) and the
   * metadata handed over so far includes it.
   */
  registered(brokerEpoch: number): void | Promise<void>;
  /** One metadata change, after the cache holds it; the next waits for this one. */
  metadata(change: MetadataChange): Promise<void>;
}

export class CoordinatorLink {
  readonly cache = new MetadataCache();
  readonly metadata: MetadataClient;
  /** The current registration's broker epoch; -1 while not registered. */
  brokerEpoch = -1;
  /** The coordinators' cluster id, from their answers. */
  clusterId = '';
  private readonly sessions: CoordinationClient;
  private session: Session | undefined;
  private registering = false;
  private watch: grpc.ClientReadableStream<WatchMetadataResponse__Output> | undefined;
  private watchIdle: NodeJS.Timeout | undefined;
  private watchRetry: NodeJS.Timeout | undefined;
  private watchFailures = 0;
  private applying: Promise<void> = Promise.resolve();
  private pendingChanges = 0;
  private stopping = false;
  /** The broker epoch last given to hooks.registered. */
  private announcedEpoch = -1;

  constructor(
    private readonly opts: LinkOptions,
    private readonly hooks: LinkHooks,
    private readonly log: Logger,
  ) {
    this.metadata = new MetadataClient({
      endpoints: opts.coordinators,
      maxMessageBytes: opts.maxMessageBytes,
      requestTimeoutMs: opts.requestTimeoutMs,
      ...(opts.credentials && { credentials: opts.credentials }),
    });
    this.sessions = new CoordinationClient({
      endpoints: opts.coordinators,
      requestTimeoutMs: opts.requestTimeoutMs,
      maxMessageBytes: opts.maxMessageBytes,
      ...(opts.credentials && { credentials: opts.credentials }),
    });
  }

  get registered(): boolean {
    return this.brokerEpoch >= 0;
  }

  /** Starts registering and watching; both keep going in the background until stop(). */
  start(): void {
    void this.register();
    this.openWatch();
  }

  /** AlterIsr at the coordinators; rejects with their error (FENCED, …) unchanged. */
  async alterIsr(req: AlterIsrRequest): Promise<PartitionInfo__Output> {
    const r = await this.metadata.call<AlterIsrResponse__Output>('AlterIsr', req, { read: false });
    if (!r.partition) throw new Error('AlterIsr answered without the partition');
    return r.partition;
  }

  /**
   * Ends the registration (CloseSession: the controller moves this broker's leaderships now)
   * and stops the metadata feed. Safe to call twice.
   */
  async closeSession(): Promise<void> {
    this.stopping = true;
    const session = this.session;
    this.session = undefined;
    this.brokerEpoch = -1;
    if (!session) return;
    try {
      await session.close();
      this.log.info({ session: session.id }, 'session closed: leaderships handed over');
    } catch (error) {
      this.log.warn({ err: error }, 'CloseSession failed; the session ends after its TTL');
    }
  }

  /** Stops everything; call closeSession() first for a clean hand-over. */
  async close(): Promise<void> {
    this.stopping = true;
    this.dropWatch();
    clearTimeout(this.watchRetry);
    await this.closeSession();
    await this.sessions.close();
    this.metadata.close();
    await this.applying;
  }

  private async register(): Promise<void> {
    if (this.registering) return;
    this.registering = true;
    let attempt = 0;
    let existsLoggedAt = 0;
    try {
      while (!this.stopping) {
        try {
          const session = await this.liveSession();
          const r = await this.metadata.call<RegisterBrokerResponse__Output>(
            'RegisterBroker',
            {
              broker_id: this.opts.brokerId,
              address: this.opts.address,
              rack: this.opts.rack,
              session_id: session.id,
            },
            // Re-registering with the same session only updates address and rack.
            { read: true },
          );
          if (this.stopping || session !== this.session) continue;
          this.clusterId = r.header?.cluster_id ?? this.clusterId;
          this.brokerEpoch = Number(r.broker_epoch);
          this.log.info(
            { session: session.id, broker_epoch: this.brokerEpoch, address: this.opts.address },
            'registered with the coordinators',
          );
          this.announceRegistration();
          return;
        } catch (error) {
          if (this.stopping) return;
          const reason = reasonOf(error);
          if (reason === 'BROKER_EXISTS') {
            if (Date.now() - existsLoggedAt >= EXISTS_LOG_EVERY_MS) {
              existsLoggedAt = Date.now();
              this.log.warn(
                { broker_id: this.opts.brokerId },
                `broker id ${this.opts.brokerId} is still registered under another live session ` +
                  '(usually this broker before its restart, until that session expires); retrying',
              );
            }
            await sleep(250);
            continue;
          }
          if (reason === 'SESSION_EXPIRED' || reason === 'NO_SESSION') this.session = undefined;
          else this.log.warn({ err: error }, 'registration failed; retrying');
          await sleep(Math.min(2_000, 50 * 2 ** Math.min(attempt++, 6)));
        }
      }
    } finally {
      this.registering = false;
    }
  }

  private async liveSession(): Promise<Session> {
    if (this.session?.state === 'alive') return this.session;
    const session = await this.sessions.openSession({ ttlMs: this.opts.sessionTtlMs });
    if (this.stopping) {
      await session.close().catch(() => undefined);
      throw new Error('stopping');
    }
    this.session = session;
    session.once('expired', (error) => {
      if (this.session !== session || this.stopping) return;
      this.session = undefined;
      this.brokerEpoch = -1;
      this.log.warn(
        { err: error, session: session.id },
        'session expired: this broker is unregistered until it registers again with a new epoch',
      );
      void this.register();
    });
    return session;
  }

  private openWatch(): void {
    if (this.stopping) return;
    const address = this.metadata.endpoint;
    const from = this.cache.revision;
    const call = this.metadata.client(address).WatchMetadata({ from_revision: from });
    this.watch = call;
    this.armWatchIdle(call);
    call.on('data', (m: WatchMetadataResponse__Output) => {
      if (call !== this.watch) return;
      this.watchFailures = 0;
      this.armWatchIdle(call);
      this.onMetadata(call, m);
    });
    const failed = (error: unknown) => {
      if (call !== this.watch || this.stopping) return;
      this.dropWatch();
      const info = readError(error);
      if (info.reason === 'NOT_LEADER' && info.leader) this.metadata.noteLeader(info.leader);
      else this.metadata.advancePast(address);
      const delayMs = Math.min(2_000, 50 * 2 ** Math.min(this.watchFailures++, 6));
      this.log.warn(
        { err: info.message, reason: info.reason, coordinator: address, revision: from },
        `metadata watch broke; resuming from revision ${this.cache.revision} in ${delayMs} ms`,
      );
      this.watchRetry = setTimeout(() => this.openWatch(), delayMs);
    };
    call.on('error', failed);
    call.on('end', () => failed(new Error('WatchMetadata stream ended')));
  }

  private onMetadata(
    call: grpc.ClientReadableStream<WatchMetadataResponse__Output>,
    m: WatchMetadataResponse__Output,
  ): void {
    let change: MetadataChange;
    try {
      change = this.cache.apply(m);
    } catch (error) {
      this.log.error({ err: error }, 'unusable metadata message; reopening the watch');
      this.dropWatch();
      this.watchRetry = setTimeout(() => this.openWatch(), 100);
      return;
    }
    if (change.changed.length === 0 && change.deleted.length === 0 && !change.brokersChanged)
      return;
    if (++this.pendingChanges >= PENDING_CHANGES_MAX) call.pause();
    this.applying = this.applying
      .then(() => this.hooks.metadata(change))
      .catch((error: unknown) =>
        this.log.error({ err: error, revision: m.header?.revision }, 'applying metadata failed'),
      )
      .finally(() => {
        if (--this.pendingChanges < PENDING_CHANGES_MAX && call === this.watch) call.resume();
      });
    if (change.brokersChanged) this.announceRegistration();
  }

  /** Calls hooks.registered, after the changes queued so far, once the cache shows this epoch. */
  private announceRegistration(): void {
    this.applying = this.applying
      .then(async () => {
        const epoch = this.brokerEpoch;
        if (epoch < 0 || epoch === this.announcedEpoch) return;
        if (Number(this.cache.broker(this.opts.brokerId)?.broker_epoch) !== epoch) return;
        this.announcedEpoch = epoch;
        await this.hooks.registered(epoch);
      })
      .catch((error: unknown) =>
        this.log.error({ err: error }, 'taking the roles of this registration failed'),
      );
  }

  private armWatchIdle(call: grpc.ClientReadableStream<unknown>): void {
    clearTimeout(this.watchIdle);
    this.watchIdle = setTimeout(() => {
      if (call !== this.watch) return;
      call.emit('error', new Error(`no metadata message for ${WATCH_IDLE_MS} ms`));
    }, WATCH_IDLE_MS);
    this.watchIdle.unref();
  }

  private dropWatch(): void {
    clearTimeout(this.watchIdle);
    const call = this.watch;
    this.watch = undefined;
    call?.cancel();
  }
}

function reasonOf(error: unknown): string | undefined {
  if (error instanceof CoordinationError) return error.reason;
  return readError(error).reason;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
