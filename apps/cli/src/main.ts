/**
 * The `trib` command. Each command lives in its own file under `commands/` and registers itself
 * on the program; only commands that work are registered.
 */
import { Command, CommanderError } from 'commander';
import { version } from '../package.json';
import { registerAcl } from './commands/acl';
import { registerBench } from './commands/bench';
import { registerBroker } from './commands/broker';
import { registerCluster } from './commands/cluster';
import { registerConsume } from './commands/consume';
import { registerCoordinator } from './commands/coordinator';
import { registerDev } from './commands/dev';
import { registerGroup } from './commands/group';
import { registerHealth } from './commands/health';
import { registerKv } from './commands/kv';
import { registerLock } from './commands/lock';
import { registerPartitions } from './commands/partitions';
import { registerProduce } from './commands/produce';
import { registerToken } from './commands/token';
import { registerTopic } from './commands/topic';

/** Exit code of a usage error (unknown command or option, bad or missing argument). */
export const USAGE_EXIT_CODE = 2;

export function buildProgram(): Command {
  const program = new Command('trib')
    .description('Tributary: a replicated message log and coordination service over gRPC.')
    .version(version)
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: true })
    // Before the commands are added: subcommands copy it, so their usage errors reach main.
    .exitOverride();
  registerCoordinator(program);
  registerBroker(program);
  registerDev(program);
  registerHealth(program);
  registerKv(program);
  registerLock(program);
  registerCluster(program);
  registerTopic(program);
  registerProduce(program);
  registerConsume(program);
  registerGroup(program);
  registerAcl(program);
  registerPartitions(program);
  registerBench(program);
  registerToken(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  muteIpServerNameWarning();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version exit 0; everything else commander refuses is a usage error.
      process.exitCode = error.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
      return;
    }
    process.stderr.write(`trib: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

/**
 * grpc-js sends the dialed host as the TLS server name even when it is an IP address, which
 * Node deprecates (DEP0123) once per process: with TLS on, every command dialing 127.0.0.1
 * would print it. Only that warning is dropped; the certificate is still checked against the IP.
 */
function muteIpServerNameWarning(): void {
  const emit = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((...args: unknown[]) => {
    const code = typeof args[1] === 'object' ? (args[1] as { code?: string })?.code : args[2];
    if (code !== 'DEP0123') emit(...args);
  }) as typeof process.emitWarning;
}
