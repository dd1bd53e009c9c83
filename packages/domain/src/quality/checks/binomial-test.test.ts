import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomialTest } from './binomial-test.ts';

/** Σ of C(n, k) / 2^n over the outcomes as unlikely as k, in exact integers (small n only). */
function exactHalf(k: number, n: number): number {
  const choose = (m: number): bigint => {
    let result = 1n;
    for (let i = 1; i <= m; i += 1) result = (result * BigInt(n - m + i)) / BigInt(i);
    return result;
  };
  const observed = choose(k);
  let total = 0n;
  for (let i = 0; i <= n; i += 1) if (choose(i) <= observed) total += choose(i);
  return Math.min(1, Number(total) / 2 ** n);
}

describe('binomialTest', () => {
  it('matches R binom.test on hand-checkable cases', () => {
    // 2 × P(X ≥ 7) = 2 × (120 + 45 + 10 + 1) / 1024.
    expect(binomialTest(7, 10)).toBeCloseTo(0.34375, 14);
    // 2 × P(X = 0) = 2 / 1024.
    expect(binomialTest(0, 10)).toBeCloseTo(0.001953125, 15);
    expect(binomialTest(10, 10)).toBeCloseTo(0.001953125, 15);
    expect(binomialTest(5, 10)).toBe(1);
    expect(binomialTest(1, 1)).toBe(1);
  });

  it("reproduces R's documentation example and asymmetric nulls (values from R / SciPy)", () => {
    expect(binomialTest(682, 925, 0.75)).toBeCloseTo(0.3824915595748517, 12);
    expect(binomialTest(3, 20, 0.3)).toBeCloseTo(0.22041826738070913, 12);
    expect(binomialTest(12, 20, 0.3)).toBeCloseTo(0.005936084198097523, 14);
    expect(binomialTest(17, 40, 0.25)).toBeCloseTo(0.016257041539237245, 14);
    expect(binomialTest(60, 100)).toBeCloseTo(0.05688793364098089, 14);
    expect(binomialTest(1, 10, 0.9) / 9.09999999999998e-9).toBeCloseTo(1, 10);
    expect(binomialTest(30, 40, 0.2) / 1.0619949154763434e-13).toBeCloseTo(1, 9);
  });

  it('handles a million trials without overflow', () => {
    expect(binomialTest(500_800, 1_000_000) / 0.1098205565061435).toBeCloseTo(1, 8);
    expect(binomialTest(520_000, 1_000_000)).toBe(0);
    expect(binomialTest(500_000, 1_000_000)).toBe(1);
  });

  it('returns 1 for no trials and handles p = 0 and p = 1', () => {
    expect(binomialTest(0, 0)).toBe(1);
    expect(binomialTest(0, 0, 0.9)).toBe(1);
    expect(binomialTest(0, 5, 0)).toBe(1);
    expect(binomialTest(1, 5, 0)).toBe(0);
    expect(binomialTest(5, 5, 1)).toBe(1);
    expect(binomialTest(4, 5, 1)).toBe(0);
  });

  it('rejects impossible counts and probabilities', () => {
    expect(() => binomialTest(11, 10)).toThrow(RangeError);
    expect(() => binomialTest(-1, 10)).toThrow(RangeError);
    expect(() => binomialTest(1.5, 10)).toThrow(RangeError);
    expect(() => binomialTest(1, 10, 1.2)).toThrow(RangeError);
    expect(() => binomialTest(1, 10, Number.NaN)).toThrow(RangeError);
  });

  it('agrees with exact integer arithmetic at p = 1/2', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 60 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([k, n]) => {
          expect(binomialTest(k, n)).toBeCloseTo(exactHalf(k, n), 12);
        },
      ),
    );
  });

  it('is a probability, and symmetric in k and n − k at p = 1/2', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 5000 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ([k, n], p) => {
          const value = binomialTest(k, n, p);
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
          expect(binomialTest(k, n)).toBe(binomialTest(n - k, n));
        },
      ),
    );
  });
});
