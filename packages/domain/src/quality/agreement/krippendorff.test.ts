import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  krippendorffAlpha,
  krippendorffAlphaDetails,
  krippendorffAlphaInterval,
  type MeasurementLevel,
  type ReliabilityValue,
} from './krippendorff.ts';

const _ = null;
/** Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", §C: 4 observers × 12 units, missing values. */
const worked: ReliabilityValue[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];
const levels: MeasurementLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

/** Units × coders data with a true value per unit, coders sometimes off by one, sometimes missing. */
const reliabilityData = fc
  .record({
    coders: fc.integer({ min: 2, max: 5 }),
    units: fc.integer({ min: 2, max: 15 }),
    seed: fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 9 })), {
      minLength: 120,
      maxLength: 120,
    }),
  })
  .map(({ coders, units, seed }) => {
    let cursor = 0;
    const next = () => seed[cursor++ % seed.length] as [number, number];
    const truths = Array.from({ length: units }, () => next()[0]);
    return Array.from({ length: coders }, () =>
      truths.map((truth) => {
        const [shift, noise] = next();
        if (noise === 0) return null;
        return noise === 1 ? (truth + shift) % 5 : truth;
      }),
    );
  });

/** Krippendorff's definition, literally: the coincidence matrix o_ck and δ² from the 2011 paper. */
function referenceAlpha(data: readonly (readonly (number | null)[])[], level: MeasurementLevel): number {
  const units = transpose(data)
    .map((unit) => unit.filter((value): value is number => value !== null))
    .filter((unit) => unit.length >= 2);
  const values = [...new Set(units.flat())].sort((a, b) => a - b);
  const o = values.map(() => values.map(() => 0));
  for (const unit of units) {
    for (let i = 0; i < unit.length; i += 1) {
      for (let j = 0; j < unit.length; j += 1) {
        if (i === j) continue;
        const row = o[values.indexOf(unit[i] as number)] as number[];
        row[values.indexOf(unit[j] as number)] =
          (row[values.indexOf(unit[j] as number)] as number) + 1 / (unit.length - 1);
      }
    }
  }
  const marginal = o.map((row) => row.reduce((sum, x) => sum + x, 0));
  const n = marginal.reduce((sum, x) => sum + x, 0);
  const delta = (c: number, k: number): number => {
    const [x, y] = [values[c] as number, values[k] as number];
    if (level === 'nominal') return c === k ? 0 : 1;
    // (x − y)² in units of the value range: alpha is the same, and subnormal differences do not square to 0.
    if (level === 'interval')
      return ((x - y) / ((values.at(-1) as number) - (values[0] as number) || 1)) ** 2;
    if (level === 'ratio') return x + y === 0 ? 0 : ((x - y) / (x + y)) ** 2;
    let between = 0;
    for (let g = Math.min(c, k); g <= Math.max(c, k); g += 1) between += marginal[g] as number;
    return (between - ((marginal[c] as number) + (marginal[k] as number)) / 2) ** 2;
  };
  let observed = 0;
  let expected = 0;
  values.forEach((_c, c) => {
    values.forEach((_k, k) => {
      observed += ((o[c] as number[])[k] as number) * delta(c, k);
      expected += (marginal[c] as number) * (marginal[k] as number) * delta(c, k);
    });
  });
  return expected === 0 ? 1 : 1 - ((n - 1) * observed) / expected;
}

function transpose<T>(rows: readonly (readonly T[])[]): T[][] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  return Array.from({ length: width }, (_unit, u) => rows.map((row) => row[u] as T));
}

describe('krippendorffAlpha', () => {
  it("reproduces Krippendorff's worked example at every level of measurement", () => {
    expect(krippendorffAlpha(worked, 'nominal')).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(worked, 'ordinal')).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(worked, 'interval')).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(worked, 'ratio')).toBeCloseTo(0.797, 3);
  });

  it('drops the unit with a single value and counts only pairable values', () => {
    const details = krippendorffAlphaDetails(worked, 'nominal');
    expect(details.units).toBe(11);
    expect(details.pairableValues).toBe(40);
    // D_o = 8/40 and D_e = 1 − Σ n_c(n_c − 1)/(n(n − 1)) with n_1..5 = 9, 13, 10, 5, 3.
    expect(details.observedDisagreement).toBeCloseTo(0.2, 12);
    expect(details.expectedDisagreement).toBeCloseTo(1 - (72 + 156 + 90 + 20 + 6) / (40 * 39), 12);
  });

  it("reproduces Krippendorff's two-observer examples (binary 0.095, nominal 0.692)", () => {
    const binary = [
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ];
    expect(krippendorffAlpha(binary, 'nominal')).toBeCloseTo(0.095, 3);
    const nominal = [
      ['a', 'a', 'b', 'b', 'd', 'c', 'c', 'c', 'e', 'd', 'd', 'a'],
      ['b', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'e', 'd', 'd', 'd'],
    ];
    expect(krippendorffAlpha(nominal, 'nominal')).toBeCloseTo(0.692, 3);
  });

  it('computes a small case by hand', () => {
    // Pairs (1,1) (2,2) (3,3) (3,4): n = 8, 2 disagreeing ordered pairs, Σ_{c≠k} n_c n_k = 64 − 18 = 46.
    expect(
      krippendorffAlpha(
        [
          [1, 2, 3, 3],
          [1, 2, 3, 4],
        ],
        'nominal',
      ),
    ).toBeCloseTo(1 - (7 * 2) / 46, 12);
    // Interval: one pair differs by 1 (δ² = 1, counted twice); Σ n_c n_k δ² over values 1,1,2,2,3,3,3,4.
    const values = [1, 1, 2, 2, 3, 3, 3, 4];
    let expected = 0;
    for (const x of values) for (const y of values) expected += (x - y) ** 2;
    expect(
      krippendorffAlpha(
        [
          [1, 2, 3, 3],
          [1, 2, 3, 4],
        ],
        'interval',
      ),
    ).toBeCloseTo(1 - (7 * 2) / expected, 12);
  });

  it('treats a number and its string as different nominal values', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 2],
          ['1', 2],
        ],
        'nominal',
      ),
    ).toBeLessThan(1);
    expect(
      krippendorffAlpha(
        [
          [1, 2],
          [1, 2],
        ],
        'nominal',
      ),
    ).toBe(1);
  });

  it('reads a short row as missing its remaining units', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 2, 3],
          [1, 2],
        ],
        'nominal',
      ),
    ).toBe(
      krippendorffAlpha(
        [
          [1, 2, 3],
          [1, 2, null],
        ],
        'nominal',
      ),
    );
  });

  it('returns 1 when there is no variation or nothing is pairable, and says so in the details', () => {
    for (const level of levels) {
      expect(
        krippendorffAlpha(
          [
            [3, 3, 3],
            [3, 3, null],
          ],
          level,
        ),
      ).toBe(1);
      expect(
        krippendorffAlpha(
          [
            [1, null],
            [null, 2],
          ],
          level,
        ),
      ).toBe(1);
      expect(krippendorffAlpha([], level)).toBe(1);
      expect(krippendorffAlpha([[1, 2, 3]], level)).toBe(1);
    }
    expect(
      krippendorffAlphaDetails(
        [
          [1, null],
          [null, 2],
        ],
        'nominal',
      ),
    ).toEqual({
      alpha: 1,
      observedDisagreement: 0,
      expectedDisagreement: 0,
      pairableValues: 0,
      units: 0,
    });
    const constant = krippendorffAlphaDetails(
      [
        [3, 3],
        [3, 3],
      ],
      'interval',
    );
    expect(constant.pairableValues).toBe(4);
    expect(constant.expectedDisagreement).toBe(0);
  });

  it('treats 0 against 0 as no difference at the ratio level', () => {
    expect(
      krippendorffAlpha(
        [
          [0, 0, 2],
          [0, 0, 2],
        ],
        'ratio',
      ),
    ).toBe(1);
    expect(
      Number.isFinite(
        krippendorffAlpha(
          [
            [0, 1, 2],
            [0, 2, 2],
          ],
          'ratio',
        ),
      ),
    ).toBe(true);
  });

  it('is negative for systematic disagreement', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 2, 1, 2],
          [2, 1, 2, 1],
        ],
        'nominal',
      ),
    ).toBeLessThan(0);
  });

  it('rejects values the level cannot order or measure', () => {
    expect(() =>
      krippendorffAlpha(
        [
          ['a', 'b'],
          ['a', 'b'],
        ],
        'ordinal',
      ),
    ).toThrow(RangeError);
    expect(() =>
      krippendorffAlpha(
        [
          [1, -1],
          [1, 2],
        ],
        'ratio',
      ),
    ).toThrow(RangeError);
    expect(() =>
      krippendorffAlpha(
        [
          [1, Number.NaN],
          [1, 2],
        ],
        'nominal',
      ),
    ).toThrow(RangeError);
  });

  it('is at most 1 and never NaN', () => {
    fc.assert(
      fc.property(reliabilityData, fc.constantFrom(...levels), (data, level) => {
        const alpha = krippendorffAlpha(data, level);
        expect(Number.isFinite(alpha)).toBe(true);
        expect(alpha).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('is 1 for perfect agreement with variation, whatever is missing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 20 }),
        fc.integer({ min: 2, max: 5 }),
        fc.array(fc.boolean(), { minLength: 100, maxLength: 100 }),
        (truths, coders, missing) => {
          fc.pre(new Set(truths).size > 1);
          const data = Array.from({ length: coders }, (_row, c) =>
            truths.map((truth, u) =>
              c < 2 || !missing[(c * truths.length + u) % missing.length] ? truth : null,
            ),
          );
          for (const level of levels) expect(krippendorffAlpha(data, level)).toBe(1);
        },
      ),
    );
  });

  it('does not change when coders or units are permuted', () => {
    fc.assert(
      fc.property(reliabilityData, fc.constantFrom(...levels), fc.integer(), (data, level, shift) => {
        const alpha = krippendorffAlpha(data, level);
        const rotate = <T>(items: readonly T[]) => {
          const k = Math.abs(shift) % items.length;
          return [...items.slice(k), ...items.slice(0, k)];
        };
        expect(krippendorffAlpha([...data].reverse(), level)).toBeCloseTo(alpha, 10);
        expect(krippendorffAlpha(rotate(data), level)).toBeCloseTo(alpha, 10);
        expect(krippendorffAlpha(transpose(rotate(transpose(data))), level)).toBeCloseTo(alpha, 10);
        expect(krippendorffAlpha(transpose([...transpose(data)].reverse()), level)).toBeCloseTo(alpha, 10);
      }),
    );
  });

  it('equals the coincidence-matrix definition on random data, integer or continuous', () => {
    const continuous = fc.array(
      // Values on a grid of 1/1024 (exact in binary): distinct values closer than that next to values
      // near 50 (say 49.9999982 and 49.9999923) lose half their digits to cancellation in any
      // implementation, the reference's too, and the two then differ in the 9th decimal (a run found
      // one). Such values are floating-point noise, not ratings.
      fc.array(
        fc.option(
          fc.integer({ min: 0, max: 50 * 1024 }).map((v) => v / 1024),
          { freq: 4 },
        ),
        {
          minLength: 6,
          maxLength: 6,
        },
      ),
      { minLength: 2, maxLength: 4 },
    );
    fc.assert(
      fc.property(fc.oneof(reliabilityData, continuous), fc.constantFrom(...levels), (data, level) => {
        expect(krippendorffAlpha(data, level)).toBeCloseTo(referenceAlpha(data, level), 9);
      }),
      { numRuns: 300 },
    );
  });

  it('nominal alpha ignores the names of values; interval alpha ignores affine rescaling', () => {
    fc.assert(
      fc.property(reliabilityData, (data) => {
        const renamed = data.map((row) =>
          row.map((value) => (value === null ? null : `label-${(value as number) * 7}`)),
        );
        expect(krippendorffAlpha(renamed, 'nominal')).toBeCloseTo(krippendorffAlpha(data, 'nominal'), 10);
        const rescaled = data.map((row) =>
          row.map((value) => (value === null ? null : 3 * (value as number) - 11)),
        );
        expect(krippendorffAlpha(rescaled, 'interval')).toBeCloseTo(krippendorffAlpha(data, 'interval'), 10);
      }),
    );
  });

  it('ordinal alpha equals interval alpha on the mid-ranks of the pairable values', () => {
    fc.assert(
      fc.property(reliabilityData, (data) => {
        const pairableUnits = transpose(data).map(
          (unit) => unit.filter((value) => value !== null).length >= 2,
        );
        const pairable = data.flatMap((row) =>
          row.filter((value, u) => value !== null && pairableUnits[u]),
        ) as number[];
        const sorted = [...pairable].sort((a, b) => a - b);
        const midRank = (value: number) => {
          const below = sorted.filter((x) => x < value).length;
          const equal = sorted.filter((x) => x === value).length;
          return below + (equal + 1) / 2;
        };
        const ranked = data.map((row) =>
          row.map((value) => (value === null ? null : midRank(value as number))),
        );
        expect(krippendorffAlpha(data, 'ordinal')).toBeCloseTo(krippendorffAlpha(ranked, 'interval'), 10);
      }),
    );
  });
});

describe('krippendorffAlphaInterval', () => {
  it('brackets the estimate of the worked example and is reproducible by seed', () => {
    const interval = krippendorffAlphaInterval(worked, 'interval', { samples: 2000, seed: 7 });
    expect(interval.estimate).toBeCloseTo(0.849, 3);
    expect(interval.lower).toBeLessThan(interval.estimate);
    expect(interval.upper).toBeGreaterThanOrEqual(interval.estimate);
    expect(interval.upper).toBeLessThanOrEqual(1);
    expect(krippendorffAlphaInterval(worked, 'interval', { samples: 2000, seed: 7 })).toEqual(interval);
    expect(krippendorffAlphaInterval(worked, 'interval', { samples: 2000, seed: 8 })).not.toEqual(interval);
  });

  it('contains the point estimate for data with many units', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 4 }),
            fc.integer({ min: -1, max: 1 }),
            fc.integer({ min: -1, max: 1 }),
          ),
          {
            minLength: 30,
            maxLength: 60,
          },
        ),
        fc.integer(),
        fc.constantFrom(...levels),
        (units, seed, level) => {
          // Three coders: two near the truth, one exact; values shifted to stay non-negative for ratio.
          const data = [
            units.map(([truth]) => truth + 1),
            units.map(([truth, noise]) => truth + 1 + noise),
            units.map(([truth, , noise]) => truth + 1 + noise),
          ];
          const interval = krippendorffAlphaInterval(data, level, { samples: 300, seed });
          expect(interval.lower).toBeLessThanOrEqual(interval.estimate);
          expect(interval.upper).toBeGreaterThanOrEqual(interval.estimate);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('collapses to the estimate when nothing is pairable', () => {
    expect(krippendorffAlphaInterval([[1, null]], 'nominal')).toEqual({
      estimate: 1,
      lower: 1,
      upper: 1,
      confidence: 0.95,
      samples: 0,
    });
  });
});
