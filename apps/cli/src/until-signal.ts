/** How a server command (`trib coordinator`, `trib broker`) knows it is time to stop. */

/**
 * Resolves on SIGTERM or SIGINT, or when the process named by TRIBUTARY_PARENT_PID is gone (set
 * by `trib dev` and the test kit, so a member never outlives a supervisor that was killed).
 */
export function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGTERM', () => resolve());
    process.once('SIGINT', () => resolve());
    const parent = Number(process.env['TRIBUTARY_PARENT_PID']);
    if (parent > 0) {
      const timer = setInterval(() => {
        try {
          process.kill(parent, 0);
        } catch {
          clearInterval(timer);
          resolve();
        }
      }, 1000);
      timer.unref();
    }
  });
}
