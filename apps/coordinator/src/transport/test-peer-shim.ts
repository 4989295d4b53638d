/**
 * Test-only delay and loss on outgoing Raft batches, for fault tests on machines without
 * `tc netem`: TRIBUTARY_TEST_PEER_DELAY_MS (each batch sent that much later; order kept, since
 * every batch waits the same) and TRIBUTARY_TEST_PEER_LOSS (0..1, the share of batches dropped,
 * which Raft must survive as it survives any lost message). Read once at start; a process that
 * has either set says so loudly. Snapshots are not affected.
 */
import type { Logger } from '@tributary/rpc';

export interface PeerShim {
  delayMs: number;
  loss: number;
}

/** The shim from the environment, or undefined when neither variable is set. */
export function peerShimFromEnv(log: Logger, env = process.env): PeerShim | undefined {
  const delayText = env['TRIBUTARY_TEST_PEER_DELAY_MS'];
  const lossText = env['TRIBUTARY_TEST_PEER_LOSS'];
  if (!delayText && !lossText) return undefined;
  const delayMs = Number(delayText ?? 0);
  const loss = Number(lossText ?? 0);
  if (!Number.isFinite(delayMs) || delayMs < 0)
    throw new Error(`TRIBUTARY_TEST_PEER_DELAY_MS must be ≥ 0 ms, not ${delayText}`);
  if (!Number.isFinite(loss) || loss < 0 || loss > 1)
    throw new Error(`TRIBUTARY_TEST_PEER_LOSS must be in 0..1, not ${lossText}`);
  log.warn(
    { delayMs, loss },
    'TEST ONLY: outgoing Raft messages to peers are delayed and dropped (TRIBUTARY_TEST_PEER_*)',
  );
  return { delayMs, loss };
}

/** Sends `batch` through the shim: dropped with probability `loss`, else after `delayMs`. */
export function throughShim(shim: PeerShim, send: () => void): void {
  // Math.random, not the injected Random: this shim exists only in real processes under test.
  if (shim.loss > 0 && Math.random() < shim.loss) return;
  if (shim.delayMs > 0) setTimeout(send, shim.delayMs);
  else send();
}
