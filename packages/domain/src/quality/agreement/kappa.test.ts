import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohenKappa, fleissKappa } from './kappa.ts';
import { krippendorffAlphaDetails } from './krippendorff.ts';

const ratings = fc
  .integer({ min: 1, max: 30 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { freq: 8 }), { minLength: n, maxLength: n }),
      fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { freq: 8 }), { minLength: n, maxLength: n }),
    ),
  );

describe('cohenKappa', () => {
  it("reproduces Wikipedia's yes/no example of 50 items (κ = 0.4)", () => {
    // Both yes 20, A yes B no 5, A no B yes 10, both no 15: p_o = 0.7, p_e = 0.5.
    const a = [...Array(25).fill('yes'), ...Array(25).fill('no')];
    const b = [
      ...Array(20).fill('yes'),
      ...Array(5).fill('no'),
      ...Array(10).fill('yes'),
      ...Array(15).fill('no'),
    ];
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 12);
  });

  it('computes unweighted, linear and quadratic kappa by hand', () => {
    const a = [1, 2, 3];
    const b = [1, 3, 3];
    // Observed disagreement 1 pair (2 vs 3); chance Σ_{i≠j} p_i. p_.j n = 2, 3 (linear), 5 (quadratic).
    expect(cohenKappa(a, b)).toBeCloseTo(0.5, 12);
    expect(cohenKappa(a, b, { weights: 'linear' })).toBeCloseTo(2 / 3, 12);
    expect(cohenKappa(a, b, { weights: 'quadratic' })).toBeCloseTo(0.8, 12);
  });

  it('places named categories by their order in `categories`', () => {
    const categories = ['low', 'mid', 'high'];
    expect(
      cohenKappa(['low', 'mid', 'high'], ['low', 'high', 'high'], { weights: 'quadratic', categories }),
    ).toBeCloseTo(0.8, 12);
    expect(() => cohenKappa(['low'], ['mid'], { weights: 'linear' })).toThrow(RangeError);
    expect(() => cohenKappa(['low'], ['top'], { weights: 'linear', categories })).toThrow(RangeError);
  });

  it('drops items either rater left out', () => {
    expect(cohenKappa(['y', null, 'n', 'n', 'y'], ['y', 'n', null, 'n', 'y'])).toBe(1);
    expect(cohenKappa(['y', null, 'y', 'n'], ['y', 'n', 'n', 'n'])).toBeCloseTo(
      cohenKappa(['y', 'y', 'n'], ['y', 'n', 'n']),
      12,
    );
  });

  it('returns 1 when nothing is rated by both or both used one category only', () => {
    expect(cohenKappa([], [])).toBe(1);
    expect(cohenKappa(['y', null], [null, 'n'])).toBe(1);
    expect(cohenKappa(['y', 'y'], ['y', 'y'])).toBe(1);
    expect(cohenKappa([2, 2], [2, 2], { weights: 'quadratic' })).toBe(1);
  });

  it('is 0 or less for chance-level disagreement and rejects unequal lengths', () => {
    // One rater always says yes: p_o equals p_e.
    expect(cohenKappa(['y', 'y', 'y', 'y'], ['y', 'n', 'y', 'n'])).toBe(0);
    expect(() => cohenKappa(['y'], ['y', 'n'])).toThrow(RangeError);
  });

  it('is symmetric in the raters, at every weighting', () => {
    fc.assert(
      fc.property(
        ratings,
        fc.constantFrom(undefined, 'linear' as const, 'quadratic' as const),
        ([a, b], weights) => {
          const options = weights ? { weights } : {};
          const forward = cohenKappa(a, b, options);
          expect(Number.isFinite(forward)).toBe(true);
          expect(forward).toBeLessThanOrEqual(1 + 1e-12);
          expect(cohenKappa(b, a, options)).toBeCloseTo(forward, 12);
        },
      ),
    );
  });

  it('ignores the names of categories when unweighted', () => {
    fc.assert(
      fc.property(ratings, ([a, b]) => {
        const rename = (values: (number | null)[]) =>
          values.map((value) => (value === null ? null : `c${(value * 5) % 7}`));
        expect(cohenKappa(rename(a), rename(b))).toBeCloseTo(cohenKappa(a, b), 12);
      }),
    );
  });
});

describe('fleissKappa', () => {
  it("reproduces Wikipedia's worked example (10 subjects, 14 raters, 5 categories: κ = 0.210)", () => {
    const counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    // P̄ = 0.378, P̄e = 0.213 as published; exactly (0.37802 − 0.21343)/(1 − 0.21343).
    expect(fleissKappa(counts)).toBeCloseTo(0.21, 3);
    const observed =
      counts.reduce((sum, row) => sum + row.reduce((s, n) => s + n * (n - 1), 0) / (14 * 13), 0) / 10;
    const chance = [0, 1, 2, 3, 4].reduce(
      (sum, j) => sum + (counts.reduce((s, row) => s + (row[j] as number), 0) / 140) ** 2,
      0,
    );
    expect(fleissKappa(counts)).toBeCloseTo((observed - chance) / (1 - chance), 12);
  });

  it('is 1 for unanimous subjects with variation, and for the degenerate cases', () => {
    expect(
      fleissKappa([
        [3, 0],
        [0, 3],
        [3, 0],
      ]),
    ).toBe(1);
    expect(
      fleissKappa([
        [3, 0],
        [3, 0],
      ]),
    ).toBe(1);
    expect(fleissKappa([])).toBe(1);
    expect(
      fleissKappa([
        [1, 0],
        [0, 1],
      ]),
    ).toBe(1);
  });

  it('leaves out subjects rated fewer than twice and accepts varying rater counts', () => {
    expect(
      fleissKappa([
        [2, 0],
        [0, 2],
        [1, 0],
      ]),
    ).toBe(
      fleissKappa([
        [2, 0],
        [0, 2],
      ]),
    );
    expect(
      Number.isFinite(
        fleissKappa([
          [2, 1],
          [0, 4],
          [3, 0],
        ]),
      ),
    ).toBe(true);
  });

  it('rejects ragged tables and invalid counts', () => {
    expect(() => fleissKappa([[1, 2], [1]])).toThrow(RangeError);
    expect(() => fleissKappa([[1, -1]])).toThrow(RangeError);
    expect(() => fleissKappa([[1, Number.NaN]])).toThrow(RangeError);
  });

  it("agrees with Krippendorff's nominal alpha on complete data: (1 − α)·D_e = (1 − κ)(1 − P̄e) = 1 − P̄", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 5, maxLength: 5 }), {
          minLength: 1,
          maxLength: 12,
        }),
        (raters, units) => {
          const coded = units.map((unit) => unit.slice(0, raters));
          const counts = coded.map((unit) =>
            [0, 1, 2].map((c) => unit.filter((value) => value === c).length),
          );
          const reliability = Array.from({ length: raters }, (_row, r) =>
            coded.map((unit) => unit[r] as number),
          );
          const alpha = krippendorffAlphaDetails(reliability, 'nominal');
          const totals = [0, 1, 2].map((c) => counts.reduce((sum, row) => sum + (row[c] as number), 0));
          const all = raters * units.length;
          const chance = totals.reduce((sum, t) => sum + (t / all) ** 2, 0);
          expect((1 - alpha.alpha) * alpha.expectedDisagreement).toBeCloseTo(
            (1 - fleissKappa(counts)) * (1 - chance),
            10,
          );
        },
      ),
    );
  });
});
