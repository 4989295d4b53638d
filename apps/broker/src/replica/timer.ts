// Timers behind a port so the simulation can run the ReplicaManager on virtual time.

export interface Timer {
  cancel(): void;
}

/** Calls `fire` once after `delayMs`; the returned handle cancels it. */
export type SetTimer = (delayMs: number, fire: () => void) => Timer;

export const realTimer: SetTimer = (delayMs, fire) => {
  const handle = setTimeout(fire, delayMs);
  handle.unref?.();
  return { cancel: () => clearTimeout(handle) };
};

/** A promise that resolves after `delayMs`. */
export function sleep(setTimer: SetTimer, delayMs: number): Promise<void> {
  return new Promise((resolve) => setTimer(delayMs, resolve));
}
