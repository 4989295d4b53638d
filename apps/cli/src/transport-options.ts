/**
 * The transport limits of `trib coordinator` and `trib broker` (DESIGN §6 limits): the largest
 * message, how long a unary call may run, how long a client stream may sit idle.
 */
import { Option, type Command } from 'commander';
import { parsePositiveInt } from './options';

export interface TransportFlags {
  maxMessageBytes?: number;
  maxCallMs?: number;
  streamIdleMs?: number;
}

/** Adds the transport flags; `transportLimits` reads them back. */
export function withTransportOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--max-message-bytes <n>', 'largest gRPC message (default 16 MiB)')
        .env('TRIBUTARY_MAX_MESSAGE_BYTES')
        .argParser(parsePositiveInt),
    )
    .addOption(
      new Option(
        '--max-call-ms <n>',
        'longest a unary call may run, whatever deadline it came with (default 300000; ' +
          'a Lock wait is bounded by its session instead)',
      )
        .env('TRIBUTARY_MAX_CALL_MS')
        .argParser(parsePositiveInt),
    )
    .addOption(
      new Option(
        '--stream-idle-ms <n>',
        'a client stream (KeepAlive, Execute, ProduceStream, peer streams) with nothing ' +
          'moving and nothing pending this long is closed (default 600000)',
      )
        .env('TRIBUTARY_STREAM_IDLE_MS')
        .argParser(parsePositiveInt),
    );
}

/** The flags given, for the process options (the defaults are the process's). */
export function transportLimits(o: TransportFlags): TransportFlags {
  return {
    ...(o.maxMessageBytes && { maxMessageBytes: o.maxMessageBytes }),
    ...(o.maxCallMs && { maxCallMs: o.maxCallMs }),
    ...(o.streamIdleMs && { streamIdleMs: o.streamIdleMs }),
  };
}
