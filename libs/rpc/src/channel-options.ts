/** Limits and keepalive settings shared by every server and client (DESIGN §6 limits). */
import type { ChannelOptions } from '@grpc/grpc-js';

/** Default `--max-message-bytes`: the largest request or response, 16 MiB. */
export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

export interface TransportLimits {
  /** Largest message accepted or sent; larger ones fail with RESOURCE_EXHAUSTED. */
  maxMessageBytes?: number;
  /** Interval between HTTP/2 keepalive pings on an idle connection. */
  keepaliveTimeMs?: number;
  /** How long a ping may go unanswered before the connection is declared dead. */
  keepaliveTimeoutMs?: number;
  /** Servers: streams one connection may have open at once (HTTP/2 SETTINGS). */
  maxConcurrentStreams?: number;
}

/** Streams per connection: above the 10,000 watches a connection may hold, with room. */
export const DEFAULT_MAX_CONCURRENT_STREAMS = 16_384;
/** A connection is asked to move on after this long (clients spread over servers again). */
export const MAX_CONNECTION_AGE_MS = 30 * 60_000;

/**
 * What grpc-js leaves unbounded on a server unless told: the HTTP/2 memory of one connection
 * (`grpc-node.max_session_memory`, in MiB: unset, grpc-js turns nghttp2's limit off, so a
 * client that never reads could grow the server without end), streams per connection, and the
 * age of a connection. Past the session memory nghttp2 ends the connection (ENHANCE_YOUR_CALM);
 * an aged connection gets a GOAWAY, its open streams go on (no grace limit: watches and
 * sessions are long-lived) and new calls open a new one.
 */
export function serverOptions(limits: TransportLimits = {}): ChannelOptions {
  const maxBytes = limits.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  return {
    ...channelOptions(limits),
    // Room for a few messages of the largest size in flight each way, and never below 256 MiB.
    'grpc-node.max_session_memory': Math.max(256, Math.ceil((8 * maxBytes) / (1024 * 1024))),
    'grpc.max_concurrent_streams': limits.maxConcurrentStreams ?? DEFAULT_MAX_CONCURRENT_STREAMS,
    'grpc.max_connection_age_ms': MAX_CONNECTION_AGE_MS,
  };
}

export function channelOptions(limits: TransportLimits = {}): ChannelOptions {
  const maxBytes = limits.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  return {
    'grpc.max_receive_message_length': maxBytes,
    'grpc.max_send_message_length': maxBytes,
    'grpc.keepalive_time_ms': limits.keepaliveTimeMs ?? 10_000,
    'grpc.keepalive_timeout_ms': limits.keepaliveTimeoutMs ?? 5_000,
    'grpc.keepalive_permit_without_calls': 1,
    // grpc-js backs off reconnects up to 120 s by default; a peer or server that restarts must
    // be reached again within an election timeout or two, not minutes later.
    'grpc.initial_reconnect_backoff_ms': 100,
    'grpc.max_reconnect_backoff_ms': 2_000,
  };
}
