/** Polling for a condition that becomes true at some point, with a deadline and a description. */

/** Polls `probe` every `intervalMs` until it returns true; throws after `timeoutMs`. */
export async function eventually(
  probe: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
  intervalMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
