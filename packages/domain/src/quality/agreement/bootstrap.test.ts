import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapInterval } from './bootstrap.ts';

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

describe('bootstrapInterval', () => {
  it('takes percentiles of the resampled statistic', () => {
    // Means of two draws from {0, 1}: 0, 0.5, 1 with probabilities 1/4, 1/2, 1/4.
    const interval = bootstrapInterval([0, 1], mean, { samples: 1000 });
    expect(interval).toMatchObject({ estimate: 0.5, lower: 0, upper: 1, confidence: 0.95, samples: 1000 });
    const narrow = bootstrapInterval([0, 1], mean, { samples: 1000, confidence: 0.4 });
    expect(narrow.lower).toBe(0.5);
    expect(narrow.upper).toBe(0.5);
  });

  it('is reproducible by seed and changes with it', () => {
    const units = Array.from({ length: 40 }, (_, i) => Math.sqrt(i * 37));
    const a = bootstrapInterval(units, mean, { seed: 3 });
    expect(bootstrapInterval(units, mean, { seed: 3 })).toEqual(a);
    expect(bootstrapInterval(units, mean, { seed: 4 })).not.toEqual(a);
  });

  it('resamples whole units, as many as there are', () => {
    const sizes = new Set<number>();
    bootstrapInterval(
      [[1, 2], [3], [4, 5, 6]],
      (units) => {
        sizes.add(units.length);
        for (const unit of units) expect([[1, 2], [3], [4, 5, 6]]).toContainEqual(unit);
        return units.length;
      },
      { samples: 50 },
    );
    expect([...sizes]).toEqual([3]);
  });

  it('collapses to the estimate with no units or no finite resample, and skips non-finite ones', () => {
    expect(bootstrapInterval([], () => 0.3)).toEqual({
      estimate: 0.3,
      lower: 0.3,
      upper: 0.3,
      confidence: 0.95,
      samples: 0,
    });
    expect(bootstrapInterval([1, 2], (u) => (u.length > 5 ? 1 : Number.NaN), { samples: 10 }).samples).toBe(
      0,
    );
    const partial = bootstrapInterval([0, 1], (u) => (mean(u) === 1 ? Number.POSITIVE_INFINITY : mean(u)), {
      samples: 400,
    });
    expect(partial.samples).toBeLessThan(400);
    expect(partial.upper).toBeLessThanOrEqual(0.5);
  });

  it('rejects impossible settings', () => {
    expect(() => bootstrapInterval([1], mean, { samples: 0 })).toThrow(RangeError);
    expect(() => bootstrapInterval([1], mean, { samples: 2.5 })).toThrow(RangeError);
    expect(() => bootstrapInterval([1], mean, { confidence: 1 })).toThrow(RangeError);
    expect(() => bootstrapInterval([1], mean, { confidence: 0 })).toThrow(RangeError);
  });

  it('contains the sample mean, with lower ≤ upper and bounds within the data range', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 10, maxLength: 50 }),
        fc.integer(),
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        (values, seed, confidence) => {
          const interval = bootstrapInterval(values, mean, { samples: 200, seed, confidence });
          expect(interval.lower).toBeLessThanOrEqual(interval.estimate + 1e-9);
          expect(interval.upper).toBeGreaterThanOrEqual(interval.estimate - 1e-9);
          expect(interval.lower).toBeGreaterThanOrEqual(Math.min(...values) - 1e-9);
          expect(interval.upper).toBeLessThanOrEqual(Math.max(...values) + 1e-9);
        },
      ),
    );
  });
});
