/**
 * The `trib` command. Each command lives in its own file under `commands/` and registers itself
 * on the program; only commands that work are registered.
 */
import { Command, CommanderError } from 'commander';
import { version } from '../package.json';
import { registerBench } from './commands/bench';
import { registerBroker } from './commands/broker';
import { registerCluster } from './commands/cluster';
import { registerCoordinator } from './commands/coordinator';
import { registerDev } from './commands/dev';
import { registerHealth } from './commands/health';
import { registerKv } from './commands/kv';
import { registerLock } from './commands/lock';

export function buildProgram(): Command {
  const program = new Command('trib')
    .description('Tributary: a replicated message log and coordination service over gRPC.')
    .version(version)
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: true });
  registerCoordinator(program);
  registerBroker(program);
  registerDev(program);
  registerHealth(program);
  registerKv(program);
  registerLock(program);
  registerCluster(program);
  registerBench(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`trib: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
