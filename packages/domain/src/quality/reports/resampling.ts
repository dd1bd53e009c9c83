import { quantile } from '../agreement/bootstrap.ts';
import { mulberry32 } from '../random.ts';

/**
 * One statistic of a set of units, recomputed on a resample from how many times each unit of the pool was
 * drawn into it; NaN when it is undefined on that resample. `draw` numbers the resamples uniquely within
 * one {@link percentileIntervals} call, so statistics computed together can share work per resample.
 */
export type ResampledStatistic = (weights: Int32Array, draw: number) => number;

/** The percentile interval of one statistic. */
export interface PercentileInterval {
  /** The (1 − confidence)/2 quantile of the finite resampled values; NaN when there is none. */
  low: number;
  /** The (1 + confidence)/2 quantile; NaN when there is none. */
  high: number;
  /** How many resamples gave a finite value. */
  resamples: number;
}

/** At most this many resampled values are held at once; more statistics are done in several passes. */
const VALUE_BUDGET = 1 << 22;

/**
 * Percentile bootstrap intervals of many statistics that share one set of resamples: `samples` times,
 * `unitCount` units are drawn with replacement and every statistic is recomputed from the multiplicities.
 *
 * It draws exactly the resamples of `bootstrapInterval` (`agreement/bootstrap.ts`) — unit
 * `floor(random() · unitCount)` for each of `unitCount` draws, from `mulberry32(seed)` — and takes the
 * same type-7 quantiles, leaving out non-finite values; so a single statistic gets the interval
 * `bootstrapInterval` gives (the tests hold it to that). What it adds is sharing: one stream of draws
 * serves every statistic, where calling `bootstrapInterval` per statistic would redraw and re-copy the
 * units each time, and the statistics read multiplicities instead of copied lists. When the statistics
 * times `samples` exceed about four million values, they are done in batches, each redrawing the same
 * resamples from the seed.
 */
export function percentileIntervals(
  unitCount: number,
  statistics: readonly ResampledStatistic[],
  options: { samples: number; confidence: number; seed: number },
): PercentileInterval[] {
  const { samples, confidence, seed } = options;
  const intervals: PercentileInterval[] = [];
  if (unitCount === 0 || statistics.length === 0) {
    for (let i = 0; i < statistics.length; i += 1)
      intervals.push({ low: Number.NaN, high: Number.NaN, resamples: 0 });
    return intervals;
  }
  const batch = Math.max(1, Math.floor(VALUE_BUDGET / samples));
  const weights = new Int32Array(unitCount);
  let draw = 0;
  for (let from = 0; from < statistics.length; from += batch) {
    const to = Math.min(statistics.length, from + batch);
    const width = to - from;
    const values = new Float64Array(width * samples);
    const finite = new Int32Array(width);
    const random = mulberry32(seed);
    for (let s = 0; s < samples; s += 1) {
      weights.fill(0);
      for (let i = 0; i < unitCount; i += 1) {
        const unit = Math.floor(random() * unitCount);
        weights[unit] = (weights[unit] as number) + 1;
      }
      for (let j = 0; j < width; j += 1) {
        const value = (statistics[from + j] as ResampledStatistic)(weights, draw);
        if (!Number.isFinite(value)) continue;
        values[j * samples + (finite[j] as number)] = value;
        finite[j] = (finite[j] as number) + 1;
      }
      draw += 1;
    }
    for (let j = 0; j < width; j += 1) {
      const count = finite[j] as number;
      if (count === 0) {
        intervals.push({ low: Number.NaN, high: Number.NaN, resamples: 0 });
        continue;
      }
      const sorted = values.subarray(j * samples, j * samples + count).sort();
      intervals.push({
        low: quantile(sorted, (1 - confidence) / 2),
        high: quantile(sorted, (1 + confidence) / 2),
        resamples: count,
      });
    }
  }
  return intervals;
}
