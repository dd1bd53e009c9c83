import { mulberry32 } from '../random.ts';

/** Settings of a percentile bootstrap. */
export interface BootstrapOptions {
  /** How many resamples to draw; default 1000. */
  samples?: number;
  /** Coverage of the interval, in (0, 1); default 0.95. */
  confidence?: number;
  /** Seed of the resampling stream (mulberry32); default 1. The same seed gives the same interval. */
  seed?: number;
}

/** A point estimate with its percentile bootstrap interval. */
export interface BootstrapInterval {
  /** The statistic on the original units. */
  estimate: number;
  /** Lower bound: the (1 − confidence)/2 quantile of the resampled statistics. */
  lower: number;
  /** Upper bound: the (1 + confidence)/2 quantile of the resampled statistics. */
  upper: number;
  /** The coverage asked for. */
  confidence: number;
  /** How many resamples gave a finite statistic and entered the quantiles. */
  samples: number;
}

/**
 * Percentile bootstrap confidence interval (Efron & Tibshirani 1993, ch. 13) of `statistic` over
 * `units`: draws `samples` resamples of the units with replacement, each as many as the original, and
 * takes the quantiles of the statistic across them (linear interpolation between order statistics,
 * Hyndman & Fan type 7).
 *
 * Resampling whole units (the columns of a reliability matrix, the tasks of a project) keeps the values
 * of one unit together, which is what makes the interval honest for agreement coefficients: the values
 * within a unit are not independent.
 *
 * Deterministic: the resamples come from `mulberry32(seed)`. Resampled statistics that are not finite
 * are left out; when none is finite, or there are no units, the interval collapses to the estimate.
 *
 * @param units The items to resample (left untouched).
 * @param statistic The quantity, computed from a list of units; it receives a fresh array each call.
 * @throws RangeError when `samples` is not a positive integer or `confidence` is not in (0, 1).
 */
export function bootstrapInterval<U>(
  units: readonly U[],
  statistic: (units: readonly U[]) => number,
  options: BootstrapOptions = {},
): BootstrapInterval {
  const samples = options.samples ?? 1000;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(samples) || samples < 1)
    throw new RangeError('bootstrap samples must be a positive integer');
  if (!(confidence > 0 && confidence < 1)) throw new RangeError('bootstrap confidence must be in (0, 1)');
  const estimate = statistic(units);
  if (units.length === 0) return { estimate, lower: estimate, upper: estimate, confidence, samples: 0 };

  const random = mulberry32(options.seed ?? 1);
  const values = new Float64Array(samples);
  let finite = 0;
  for (let s = 0; s < samples; s += 1) {
    const resample = new Array<U>(units.length);
    for (let i = 0; i < units.length; i += 1) resample[i] = units[Math.floor(random() * units.length)] as U;
    const value = statistic(resample);
    if (Number.isFinite(value)) {
      values[finite] = value;
      finite += 1;
    }
  }
  if (finite === 0) return { estimate, lower: estimate, upper: estimate, confidence, samples: 0 };
  const sorted = values.subarray(0, finite).sort();
  return {
    estimate,
    lower: quantile(sorted, (1 - confidence) / 2),
    upper: quantile(sorted, (1 + confidence) / 2),
    confidence,
    samples: finite,
  };
}

/** Type-7 quantile of an ascending, non-empty array (Hyndman & Fan). */
export function quantile(sorted: Float64Array, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const low = sorted[below] as number;
  return low + (position - below) * ((sorted[above] as number) - low);
}
