/** `trib health ADDRESS`: asks any Tributary server (or any gRPC server) for grpc.health.v1. */
import type { Command } from 'commander';
import * as grpc from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';
import { clientChannelCredentials, parseHostPort } from '@tributary/rpc';
import { parsePositiveInt } from '../options';
import { clientTls, withClientTlsOptions, type TlsFlags } from '../tls-options';

export function registerHealth(program: Command): void {
  const health = program
    .command('health')
    .description('check a server with the standard gRPC health protocol')
    .argument('<address>', 'host:port of a coordinator or broker')
    .option('--service <name>', 'one service name; empty means the whole server', '')
    .option('--timeout-ms <ms>', 'give up after this long', parsePositiveInt, 3000);
  withClientTlsOptions(health).action(
    async (address: string, opts: TlsFlags & { service: string; timeoutMs: number }) => {
      parseHostPort(address);
      const credentials = clientChannelCredentials(clientTls(opts));
      const status = await checkHealth(address, opts.service, opts.timeoutMs, credentials);
      process.stdout.write(`${address} ${opts.service || '(server)'}: ${status}\n`);
      if (status !== 'SERVING') process.exitCode = 2;
    },
  );
}

function checkHealth(
  address: string,
  service: string,
  timeoutMs: number,
  credentials: grpc.ChannelCredentials,
): Promise<string> {
  const Client = grpc.makeGenericClientConstructor(healthService, 'Health');
  const client = new Client(address, credentials);
  return new Promise((resolve, reject) => {
    const check = (client as unknown as Record<string, CheckFn>)['check']!;
    check.call(client, { service }, { deadline: Date.now() + timeoutMs }, (error, response) => {
      client.close();
      if (error) reject(new Error(`${address} did not answer a health check: ${error.details}`));
      else resolve(response?.status ?? 'UNKNOWN');
    });
  });
}

type CheckFn = (
  request: { service: string },
  options: grpc.CallOptions,
  callback: (error: grpc.ServiceError | null, response?: { status: string }) => void,
) => void;
