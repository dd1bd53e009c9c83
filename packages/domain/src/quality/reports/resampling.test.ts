import { describe, expect, it } from 'vitest';
import { bootstrapInterval } from '../agreement/bootstrap.ts';
import { percentileIntervals, type ResampledStatistic } from './resampling.ts';

const data = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7];
const options = { samples: 500, confidence: 0.9, seed: 11 };

/** The mean of the data, from multiplicities. */
const weightedMean: ResampledStatistic = (weights) => {
  let sum = 0;
  let count = 0;
  weights.forEach((w, i) => {
    sum += w * (data[i] as number);
    count += w;
  });
  return sum / count;
};

describe('percentileIntervals', () => {
  it('gives the interval bootstrapInterval gives, from the same draws', () => {
    const reference = bootstrapInterval(
      data,
      (units) => units.reduce((a, b) => a + b, 0) / units.length,
      options,
    );
    const [interval] = percentileIntervals(data.length, [weightedMean], options);
    expect(interval?.resamples).toBe(500);
    expect(interval?.low).toBeCloseTo(reference.lower, 12);
    expect(interval?.high).toBeCloseTo(reference.upper, 12);
  });

  it('leaves out and counts the resamples where a statistic is undefined', () => {
    // Undefined unless the resample holds unit 0.
    const needsFirst: ResampledStatistic = (weights) =>
      (weights[0] as number) > 0 ? weightedMean(weights, 0) : Number.NaN;
    const reference = bootstrapInterval(
      data.map((value, i) => ({ value, i })),
      (units) =>
        units.some((unit) => unit.i === 0)
          ? units.reduce((a, b) => a + b.value, 0) / units.length
          : Number.NaN,
      options,
    );
    const [interval] = percentileIntervals(data.length, [needsFirst], options);
    expect(interval?.resamples).toBe(reference.samples);
    expect(interval?.resamples).toBeLessThan(500);
    expect(interval?.low).toBeCloseTo(reference.lower, 12);
    expect(interval?.high).toBeCloseTo(reference.upper, 12);
    const [never] = percentileIntervals(data.length, [() => Number.NaN], options);
    expect(never).toEqual({ low: Number.NaN, high: Number.NaN, resamples: 0 });
  });

  it('gives every statistic the same draws, also across batches', () => {
    // 5000 statistics × 1000 samples exceed one batch of 2^22 values, so the seed is replayed.
    const many = Array.from(
      { length: 5000 },
      (_, i): ResampledStatistic =>
        (weights) =>
          (weights[i % data.length] as number) + i,
    );
    const intervals = percentileIntervals(data.length, many, { samples: 1000, confidence: 0.95, seed: 3 });
    const first = percentileIntervals(data.length, [many[0] as ResampledStatistic], {
      samples: 1000,
      confidence: 0.95,
      seed: 3,
    });
    expect(intervals[0]).toEqual(first[0]);
    // Statistic 4214 (past the first batch of 4194 statistics) reads the same unit as statistic 0, shifted by 4214.
    const late = intervals[4214] as { low: number; high: number };
    expect(late.low - 4214).toBe(first[0]?.low);
    expect(late.high - 4214).toBe(first[0]?.high);
  });

  it('has nothing to resample without units', () => {
    expect(percentileIntervals(0, [weightedMean], options)).toEqual([
      { low: Number.NaN, high: Number.NaN, resamples: 0 },
    ]);
    expect(percentileIntervals(5, [], options)).toEqual([]);
  });
});
