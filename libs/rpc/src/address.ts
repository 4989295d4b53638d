/** `host:port` strings as they appear in flags, with errors that say what is expected. */

export interface HostPort {
  host: string;
  port: number;
}

export function parseHostPort(value: string): HostPort {
  const match = /^(\[[0-9a-fA-F:]+\]|[^:\s]+):(\d{1,5})$/.exec(value.trim());
  const port = match ? Number(match[2]) : NaN;
  if (!match || port > 65535) {
    throw new Error(`'${value}' is not an address; expected host:port such as 127.0.0.1:7101`);
  }
  return { host: match[1]!.replace(/^\[|\]$/g, ''), port };
}

export function formatHostPort({ host, port }: HostPort): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** The default metrics address of DESIGN §2: the gRPC port + 80 on the same host. */
export function defaultMetricsListen(grpcListen: string): string {
  const { host, port } = parseHostPort(grpcListen);
  return formatHostPort({ host, port: port + 80 });
}
