/**
 * Encodes and decodes `google.rpc.Status` with its ErrorInfo and RetryInfo details, using the
 * definitions Google publishes (npm `google-proto-files`) and protobufjs.
 */
import * as path from 'node:path';
import * as protobuf from 'protobufjs';

const ERROR_INFO_URL = 'type.googleapis.com/google.rpc.ErrorInfo';
const RETRY_INFO_URL = 'type.googleapis.com/google.rpc.RetryInfo';

export interface StatusDetails {
  code: number;
  message: string;
  errorInfo?: { reason: string; domain: string; metadata: Record<string, string> };
  retryDelayMs?: number | undefined;
}

interface RpcTypes {
  Status: protobuf.Type;
  ErrorInfo: protobuf.Type;
  RetryInfo: protobuf.Type;
}

let types: RpcTypes | undefined;

function rpcTypes(): RpcTypes {
  if (types) return types;
  const root = new protobuf.Root();
  const googleRoot = path.dirname(require.resolve('google-proto-files/package.json'));
  root.resolvePath = (_origin, target) => path.join(googleRoot, target);
  root.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto']);
  types = {
    Status: root.lookupType('google.rpc.Status'),
    ErrorInfo: root.lookupType('google.rpc.ErrorInfo'),
    RetryInfo: root.lookupType('google.rpc.RetryInfo'),
  };
  return types;
}

export function encodeStatusDetails(details: StatusDetails): Buffer {
  const t = rpcTypes();
  const anys: { type_url: string; value: Uint8Array }[] = [];
  if (details.errorInfo) {
    anys.push({ type_url: ERROR_INFO_URL, value: t.ErrorInfo.encode(details.errorInfo).finish() });
  }
  if (details.retryDelayMs !== undefined) {
    const ms = Math.max(0, Math.round(details.retryDelayMs));
    const retryDelay = { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 };
    anys.push({ type_url: RETRY_INFO_URL, value: t.RetryInfo.encode({ retryDelay }).finish() });
  }
  const status = t.Status.fromObject({
    code: details.code,
    message: details.message,
    details: anys.map((a) => ({ type_url: a.type_url, value: a.value })),
  });
  return Buffer.from(t.Status.encode(status).finish());
}

/** Returns undefined for bytes that are not a google.rpc.Status (never throws on bad input). */
export function decodeStatusDetails(bytes: Uint8Array): StatusDetails | undefined {
  const t = rpcTypes();
  let status: {
    code?: number;
    message?: string;
    details?: { type_url: string; value: Uint8Array }[];
  };
  try {
    status = t.Status.toObject(t.Status.decode(bytes), { defaults: true }) as typeof status;
  } catch {
    return undefined;
  }
  const out: StatusDetails = { code: status.code ?? 0, message: status.message ?? '' };
  for (const any of status.details ?? []) {
    try {
      if (any.type_url === ERROR_INFO_URL) {
        const info = t.ErrorInfo.toObject(t.ErrorInfo.decode(any.value), { defaults: true });
        out.errorInfo = info as NonNullable<StatusDetails['errorInfo']>;
      } else if (any.type_url === RETRY_INFO_URL) {
        const info = t.RetryInfo.toObject(t.RetryInfo.decode(any.value), { longs: Number });
        const delay = (info as { retryDelay?: { seconds?: number; nanos?: number } }).retryDelay;
        out.retryDelayMs = (delay?.seconds ?? 0) * 1000 + Math.round((delay?.nanos ?? 0) / 1e6);
      }
    } catch {
      // An undecodable detail is skipped; the rest of the status still stands.
    }
  }
  return out;
}
