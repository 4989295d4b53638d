// rssBytesOf reads a live process's resident set size from /proc/<pid>/status, in bytes; a
// process without one is an error naming it.
import { rssBytesOf } from '../src/processes';

it('reads the resident set size of a running process in bytes', () => {
  const rss = rssBytesOf(process.pid, 'jest');
  expect(rss % 1024).toBe(0);
  // Within a few MiB of what Node itself reports (the two readings are not simultaneous).
  expect(Math.abs(rss - process.memoryUsage().rss)).toBeLessThan(64 * 2 ** 20);
});

it('throws for a process that is not there', () => {
  expect(() => rssBytesOf(2 ** 30, 'nobody')).toThrow(/\/proc\/1073741824\/status/);
});
