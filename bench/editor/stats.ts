/** Summaries of the editor benchmark's samples: percentiles of frame times and latencies. */

/**
 * The `p`-th percentile (0–100) of `values` by the nearest-rank method: the smallest sample with at least
 * `p`% of the samples at or below it. NaN for no samples. The input need not be sorted.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)] as number;
}

/**
 * The median of `values`: the middle sample, or the mean of the two middle samples of an even count
 * (so that three runs' medians and two trials' medians are what a reader computes by hand). NaN for none.
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Frame times of one gesture: what a person sees as smoothness. */
export interface FrameSummary {
  /** Frames recorded (intervals between consecutive animation frames). */
  frames: number;
  /** Median interval in ms. */
  medianMs: number;
  /** 95th-percentile interval in ms: the hitches. */
  p95Ms: number;
  /** Frames per second over the whole recording (frames ÷ summed intervals). */
  fps: number;
}

/**
 * Summarizes `requestAnimationFrame` intervals (ms between consecutive callbacks). The fps is the
 * recording's average rate, so one long stall lowers it as much as the many frames it replaced would.
 */
export function summarizeFrames(intervals: readonly number[]): FrameSummary {
  const total = intervals.reduce((sum, interval) => sum + interval, 0);
  return {
    frames: intervals.length,
    medianMs: median(intervals),
    p95Ms: percentile(intervals, 95),
    fps: total > 0 ? (intervals.length * 1000) / total : Number.NaN,
  };
}

/** Rounds to `digits` decimals for printing and the JSON line (NaN and infinities stay as they are). */
export function round(value: number, digits = 1): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
