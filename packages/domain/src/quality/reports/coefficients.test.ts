import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohenKappa } from '../agreement/kappa.ts';
import { krippendorffAlpha, type MeasurementLevel } from '../agreement/krippendorff.ts';
import {
  buildPairSet,
  buildUnitSet,
  pairCellWeights,
  type ValueScale,
  weightedAlpha,
  weightedKappa,
  weightedLabelAlphas,
} from './coefficients.ts';

const levels: MeasurementLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

/** Value indices 0..4 standing for the values 1, 2, 4, 7, 11 (unevenly spaced, so interval ≠ ordinal). */
const numbers = [1, 2, 4, 7, 11];
function scaleOf(level: MeasurementLevel): ValueScale {
  return { level, size: numbers.length, positions: Float64Array.from(numbers) };
}

/** Units of 2–5 answers over 5 values, mostly agreeing, and a multiplicity for each unit. */
const weightedUnits = fc.array(
  fc.record({
    truth: fc.integer({ min: 0, max: 4 }),
    answers: fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.boolean()), { minLength: 2, maxLength: 5 }),
    weight: fc.integer({ min: 0, max: 3 }),
  }),
  { minLength: 1, maxLength: 25 },
);

/** The reliability matrix (answer slots × units) of the units, each repeated `weight` times. */
function matrixOf(units: readonly { values: number[]; weight: number }[], value: (code: number) => number) {
  const repeated = units.flatMap((unit) => Array.from({ length: unit.weight }, () => unit.values));
  const width = Math.max(0, ...repeated.map((unit) => unit.length));
  return Array.from({ length: width }, (_, slot) =>
    repeated.map((unit) => (slot < unit.length ? value(unit[slot] as number) : null)),
  );
}

describe('weightedAlpha', () => {
  it('is krippendorffAlpha on the units repeated by their weights, at every level', () => {
    fc.assert(
      fc.property(weightedUnits, (drawn) => {
        const units = drawn.map(({ truth, answers, weight }) => ({
          values: answers.map(([value, honest]) => (honest ? truth : value)),
          weight,
        }));
        const weights = Int32Array.from(units.map((unit) => unit.weight));
        const matrix = matrixOf(units, (code) => numbers[code] as number);
        for (const level of levels) {
          const scale = scaleOf(level);
          const set = buildUnitSet(
            units.map((unit, pool) => ({ pool, values: unit.values })),
            scale,
          );
          const alpha = weightedAlpha(set, weights, scale, new Float64Array(scale.size));
          const distinct = new Set(units.filter((u) => u.weight > 0).flatMap((u) => u.values)).size;
          if (distinct < 2) expect(alpha).toBeNaN();
          else expect(alpha).toBeCloseTo(krippendorffAlpha(matrix, level), 9);
        }
      }),
    );
  });

  it("reproduces Krippendorff's worked example (nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797)", () => {
    // The 11 pairable units of Krippendorff (2011) §C, values 1..5 as indices 0..4 of 1..5.
    const units = [
      [1, 1, 1],
      [2, 2, 3, 2],
      [3, 3, 3, 3],
      [3, 3, 3, 3],
      [2, 2, 2, 2],
      [1, 2, 3, 4],
      [4, 4, 4, 4],
      [1, 1, 2, 1],
      [2, 2, 2, 2],
      [5, 5, 5],
      [1, 1],
    ];
    const expected = { nominal: 0.743, ordinal: 0.815, interval: 0.849, ratio: 0.797 };
    for (const level of levels) {
      const scale: ValueScale = { level, size: 5, positions: Float64Array.from([1, 2, 3, 4, 5]) };
      const set = buildUnitSet(
        units.map((values, pool) => ({ pool, values: values.map((v) => v - 1) })),
        scale,
      );
      const alpha = weightedAlpha(set, new Int32Array(units.length).fill(1), scale, new Float64Array(5));
      expect(alpha).toBeCloseTo(expected[level], 3);
    }
  });
});

describe('weightedLabelAlphas', () => {
  it('is nominal alpha of each binary coding "this value or not"', () => {
    fc.assert(
      fc.property(weightedUnits, (drawn) => {
        const units = drawn.map(({ truth, answers, weight }) => ({
          values: answers.map(([value, honest]) => (honest ? truth : value)),
          weight,
        }));
        const scale = scaleOf('nominal');
        const set = buildUnitSet(
          units.map((unit, pool) => ({ pool, values: unit.values })),
          scale,
        );
        const out = new Float64Array(5);
        weightedLabelAlphas(set, Int32Array.from(units.map((u) => u.weight)), out, {
          hits: new Float64Array(5),
          observed: new Float64Array(5),
        });
        const drawnValues = units.filter((u) => u.weight > 0).flatMap((u) => u.values);
        for (let label = 0; label < 5; label += 1) {
          const hits = drawnValues.filter((v) => v === label).length;
          if (hits === 0 || hits === drawnValues.length) expect(out[label]).toBeNaN();
          else
            expect(out[label]).toBeCloseTo(
              krippendorffAlpha(
                matrixOf(units, (code) => (code === label ? 1 : 0)),
                'nominal',
              ),
              9,
            );
        }
      }),
    );
  });
});

describe('weightedKappa', () => {
  it('is cohenKappa on the shared units repeated by their weights (unweighted and quadratic)', () => {
    const items = fc.array(
      fc.record({
        first: fc.integer({ min: 0, max: 4 }),
        second: fc.integer({ min: 0, max: 4 }),
        weight: fc.integer({ min: 0, max: 3 }),
      }),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(items, items, (pairA, pairB) => {
        // Two pairs over one pool: pair A on units 0..|A|−1, pair B on the next ones.
        const triples = (list: typeof pairA, offset: number) =>
          list.flatMap((item, i) => [offset + i, item.first, item.second]);
        const poolSize = pairA.length + pairB.length;
        const pairs = buildPairSet([triples(pairA, 0), triples(pairB, pairA.length)], poolSize);
        const weights = Int32Array.from([...pairA, ...pairB].map((item) => item.weight));
        const cells = new Float64Array(pairs.first.length);
        pairCellWeights(pairs, weights, cells);
        const counts = { first: new Float64Array(5), second: new Float64Array(5) };
        const positions = Float64Array.from(numbers);
        [pairA, pairB].forEach((list, p) => {
          const repeated = list.flatMap((item) => Array.from({ length: item.weight }, () => item));
          const first = repeated.map((item) => numbers[item.first] as number);
          const second = repeated.map((item) => numbers[item.second] as number);
          const constant = new Set([...first, ...second]).size < 2;
          for (const quadratic of [false, true]) {
            const kappa = weightedKappa(pairs, p, cells, quadratic, positions, counts);
            if (repeated.length === 0 || constant) expect(kappa).toBeNaN();
            else
              expect(kappa).toBeCloseTo(
                cohenKappa(first, second, quadratic ? { weights: 'quadratic' } : {}),
                9,
              );
          }
        });
        expect([...counts.first, ...counts.second].every((c) => c === 0)).toBe(true);
      }),
    );
  });
});
