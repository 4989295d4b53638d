/**
 * The coordinator's clock for deadlines: monotonic milliseconds, immune to wall-clock steps
 * (NTP corrections, an operator's `date -s`), which would otherwise expire every session or
 * every pending write at once. Wall time is only for logs.
 */
import { performance } from 'node:perf_hooks';

export type Clock = () => number;

export const monotonicMs: Clock = () => performance.now();
