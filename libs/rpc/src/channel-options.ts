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
