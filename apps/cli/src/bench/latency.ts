/**
 * Latency recording for the benchmarks: an HdrHistogram (hdr-histogram-js) of microseconds,
 * 3 significant digits, resized as needed, summarised in milliseconds.
 */
import * as hdr from 'hdr-histogram-js';

/** Longest latency tracked without resizing: 60 s in microseconds. */
const HIGHEST_TRACKABLE_US = 60_000_000;

export interface LatencySummary {
  p50_ms: number;
  p99_ms: number;
  p999_ms: number;
  max_ms: number;
  mean_ms: number;
}

export class LatencyRecorder {
  private readonly histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: HIGHEST_TRACKABLE_US,
    numberOfSignificantValueDigits: 3,
    autoResize: true,
  });

  /** Records one latency given in nanoseconds (rounded up to whole microseconds, ≥ 1). */
  recordNs(ns: bigint): void {
    const us = Math.max(1, Math.ceil(Number(ns) / 1000));
    this.histogram.recordValue(us);
  }

  get count(): number {
    return this.histogram.totalCount;
  }

  summary(): LatencySummary {
    const h = this.histogram;
    const ms = (us: number) => Math.round(us) / 1000;
    return {
      p50_ms: ms(h.getValueAtPercentile(50)),
      p99_ms: ms(h.getValueAtPercentile(99)),
      p999_ms: ms(h.getValueAtPercentile(99.9)),
      max_ms: ms(h.maxValue),
      mean_ms: ms(h.mean),
    };
  }
}
