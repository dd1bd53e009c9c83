import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohenKappa } from '../agreement/kappa.ts';
import { krippendorffAlpha, type MeasurementLevel } from '../agreement/krippendorff.ts';
import { mulberry32 } from '../random.ts';
import { type AgreementAnswer, agreementReport } from './agreement-report.ts';

const _ = null;
/** Krippendorff (2011) §C: 4 observers × 12 units with missing values. */
const worked = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

/** Answers from a coders × units matrix: coder i is worker `c{i}`, unit u is `u{u}` (zero-padded). */
function fromMatrix<V extends string | number>(
  matrix: readonly (readonly (V | null)[])[],
  group?: (coder: number) => string | null,
): AgreementAnswer[] {
  return matrix.flatMap((row, coder) =>
    row.map((value, u) => ({
      unit: `u${String(u).padStart(3, '0')}`,
      worker: `c${coder}`,
      group: group ? group(coder) : null,
      value,
    })),
  );
}

/** A crowd of `workers` labelling `units` units, 3 answers each, right 80% of the time. */
function crowd(units: number, workers: number, seed: number): AgreementAnswer[] {
  const random = mulberry32(seed);
  const labels = ['cat', 'dog', 'bird'];
  const answers: AgreementAnswer[] = [];
  for (let u = 0; u < units; u += 1) {
    const truth = Math.floor(random() * 3);
    const chosen = new Set<number>();
    while (chosen.size < 3) chosen.add(Math.floor(random() * workers));
    for (const w of chosen) {
      const label = random() < 0.8 ? truth : Math.floor(random() * 3);
      answers.push({
        unit: `u${u}`,
        worker: `w${w}`,
        group: w % 2 === 0 ? 'vendor' : 'staff',
        value: labels[label] as string,
      });
    }
  }
  return answers;
}

const quick = { samples: 200 };

describe('agreementReport', () => {
  it("reproduces Krippendorff's worked example at every level", () => {
    const expected: Record<MeasurementLevel, number> = {
      nominal: 0.743,
      ordinal: 0.815,
      interval: 0.849,
      ratio: 0.797,
    };
    for (const level of Object.keys(expected) as MeasurementLevel[]) {
      const report = agreementReport({ answers: fromMatrix(worked), level, bootstrap: quick });
      expect(report.overall.alpha).toBeCloseTo(expected[level], 3);
      expect(report.overall).toMatchObject({ units: 11, pairableValues: 40, reason: null });
      expect(report).toMatchObject({ answers: 41, workers: 4, units: 12 });
    }
  });

  it('computes alpha per label from the binary codings, by hand', () => {
    // Units (a,a) (a,b) (b,b) (c,c) (c,a). Overall: n = 10, n_a,b,c = 4,3,3, 4 disagreeing ordered pairs:
    // α = 1 − 9·4/(100 − 34) = 5/11. Label a: 4 of 10, α = 1 − 9·4/(2·4·6) = 1/4; b and c: 1 − 9·2/(2·3·7) = 4/7.
    const answers = fromMatrix([
      ['a', 'a', 'b', 'c', 'c'],
      ['a', 'b', 'b', 'c', 'a'],
    ]);
    const report = agreementReport({ answers, level: 'nominal', bootstrap: quick });
    expect(report.overall.alpha).toBeCloseTo(5 / 11, 12);
    expect(report.byLabel?.map((label) => [label.label, label.answers, label.share])).toEqual([
      ['a', 4, 0.4],
      ['b', 3, 0.3],
      ['c', 3, 0.3],
    ]);
    expect(report.byLabel?.[0]?.alpha).toBeCloseTo(1 / 4, 12);
    expect(report.byLabel?.[1]?.alpha).toBeCloseTo(4 / 7, 12);
    expect(report.byLabel?.[2]?.alpha).toBeCloseTo(4 / 7, 12);
  });

  it('gives binary data the same alpha overall and for both labels (Krippendorff: 0.095)', () => {
    const binary = [
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ];
    const report = agreementReport({ answers: fromMatrix(binary), level: 'nominal', bootstrap: quick });
    expect(report.overall.alpha).toBeCloseTo(0.095, 3);
    for (const label of report.byLabel ?? [])
      expect(label.alpha).toBeCloseTo(report.overall.alpha as number, 12);
    expect(report.byLabel?.map((label) => label.label)).toEqual([0, 1]);
  });

  it('lists pairs sharing at least minShared units with percent agreement and kappa', () => {
    // X and Y share 6 units and agree on 4; both used a and b 3 times each: κ = (4/6 − 1/2)/(1/2) = 1/3.
    const answers: AgreementAnswer[] = [
      ...['a', 'a', 'b', 'b', 'a', 'b'].map((value, u) => ({ unit: `u${u}`, worker: 'X', value })),
      ...['a', 'b', 'b', 'b', 'a', 'a'].map((value, u) => ({ unit: `u${u}`, worker: 'Y', value })),
      { unit: 'u0', worker: 'Z', value: 'a' },
      { unit: 'u1', worker: 'Z', value: 'b' },
    ];
    const report = agreementReport({ answers, level: 'nominal', bootstrap: quick });
    expect(report.byPair).toHaveLength(1);
    expect(report.byPair[0]).toMatchObject({ workers: ['X', 'Y'], sharedUnits: 6, agreed: 4, reason: null });
    expect(report.byPair[0]?.percentAgreement).toBeCloseTo(4 / 6, 12);
    expect(report.byPair[0]?.kappa).toBeCloseTo(1 / 3, 12);
    const loose = agreementReport({ answers, level: 'nominal', bootstrap: quick, minShared: 2 });
    expect(loose.byPair.map((pair) => pair.workers)).toEqual([
      ['X', 'Y'],
      ['X', 'Z'],
      ['Y', 'Z'],
    ]);
    expect(loose.byPair[1]).toMatchObject({ sharedUnits: 2, agreed: 1, percentAgreement: 0.5 });
  });

  it('weights ordinal disagreements quadratically in kappa, and has no kappa for metric data', () => {
    const x = [1, 2, 3, 4, 5, 3];
    const y = [1, 3, 3, 5, 4, 1];
    const answers = [
      ...x.map((value, u) => ({ unit: `u${u}`, worker: 'x', value })),
      ...y.map((value, u) => ({ unit: `u${u}`, worker: 'y', value })),
    ];
    const ordinal = agreementReport({ answers, level: 'ordinal', bootstrap: quick });
    expect(ordinal.byPair[0]?.kappa).toBeCloseTo(cohenKappa(x, y, { weights: 'quadratic' }), 12);
    expect(ordinal.byLabel).toBeNull();
    const interval = agreementReport({ answers, level: 'interval', bootstrap: quick });
    expect(interval.byPair[0]).toMatchObject({ sharedUnits: 6, agreed: 2, kappa: null, interval: null });
    expect(interval.byPair[0]?.reason).toContain('categories');
  });

  it('computes alpha per group among the answers given under it', () => {
    // Coders 0 and 1 are the vendor, 2 and 3 the staff.
    const answers = fromMatrix(worked, (coder) => (coder < 2 ? 'vendor' : 'staff'));
    const report = agreementReport({ answers, level: 'nominal', bootstrap: quick });
    expect(report.byGroup.map((group) => [group.group, group.workers, group.answers])).toEqual([
      ['staff', 2, 21],
      ['vendor', 2, 20],
    ]);
    expect(report.byGroup[0]?.alpha).toBeCloseTo(krippendorffAlpha(worked.slice(2), 'nominal'), 12);
    expect(report.byGroup[1]?.alpha).toBeCloseTo(krippendorffAlpha(worked.slice(0, 2), 'nominal'), 12);
    // A worker who answered under two groups counts in both, with the answers given under each.
    const split = agreementReport({
      answers: [
        { unit: 'u1', worker: 'w', group: 'a', value: 'x' },
        { unit: 'u2', worker: 'w', group: 'b', value: 'x' },
      ],
      level: 'nominal',
      bootstrap: quick,
    });
    expect(split.byGroup.map((group) => [group.group, group.workers, group.answers])).toEqual([
      ['a', 1, 1],
      ['b', 1, 1],
    ]);
    expect(split.byGroup[0]?.reason).toContain('two workers of this group');
  });

  it('puts the point estimate inside its interval in a typical case', () => {
    const report = agreementReport({
      answers: crowd(300, 8, 5),
      level: 'nominal',
      bootstrap: { samples: 400 },
    });
    const summaries = [report.overall, ...(report.byLabel ?? []), ...report.byGroup];
    for (const summary of [...summaries, ...report.byPair.map((pair) => ({ ...pair, alpha: pair.kappa }))]) {
      expect(summary.interval).not.toBeNull();
      expect(summary.interval?.low).toBeLessThanOrEqual(summary.alpha as number);
      expect(summary.interval?.high).toBeGreaterThanOrEqual(summary.alpha as number);
      expect(summary.resamples + summary.skippedResamples).toBe(400);
    }
    expect(report.overall.interval?.high).toBeLessThan(1);
    expect((report.overall.interval?.high ?? 0) - (report.overall.interval?.low ?? 0)).toBeGreaterThan(0.01);
    expect(report.byPair.length).toBeGreaterThan(0);
  });

  it('is deterministic for a seed, changes with it, and ignores the order of the answers', () => {
    const answers = crowd(120, 6, 9);
    const a = agreementReport({ answers, level: 'nominal', bootstrap: { samples: 300, seed: 4 } });
    expect(agreementReport({ answers, level: 'nominal', bootstrap: { samples: 300, seed: 4 } })).toEqual(a);
    const other = agreementReport({ answers, level: 'nominal', bootstrap: { samples: 300, seed: 5 } });
    expect(other.overall.alpha).toBe(a.overall.alpha);
    expect(other.overall.interval).not.toEqual(a.overall.interval);
    const reversed = agreementReport({
      answers: [...answers].reverse(),
      level: 'nominal',
      bootstrap: { samples: 300, seed: 4 },
    });
    expect(reversed.overall.interval?.low).toBeCloseTo(a.overall.interval?.low as number, 12);
    expect(reversed.byPair.map((pair) => pair.interval)).toEqual(a.byPair.map((pair) => pair.interval));
  });

  it('skips and counts the resamples on which alpha is undefined', () => {
    // Only u4 holds a disagreement; a resample without it has a single value. P(no u4) = (4/5)^5 ≈ 0.33.
    const answers = fromMatrix([
      ['a', 'a', 'a', 'a', 'a'],
      ['a', 'a', 'a', 'a', 'b'],
    ]);
    const report = agreementReport({ answers, level: 'nominal', bootstrap: { samples: 1000 } });
    expect(report.overall.alpha).toBeCloseTo(1 - (9 * 2) / (100 - 82), 12);
    expect(report.overall.skippedResamples).toBeGreaterThan(250);
    expect(report.overall.skippedResamples).toBeLessThan(420);
    expect(report.overall.resamples + report.overall.skippedResamples).toBe(1000);
  });

  it('returns null with a reason instead of NaN on degenerate data', () => {
    const empty = agreementReport({ answers: [], level: 'nominal' });
    expect(empty).toMatchObject({ answers: 0, workers: 0, units: 0, byLabel: [], byPair: [], byGroup: [] });
    expect(empty.overall).toMatchObject({ alpha: null, interval: null, units: 0, pairableValues: 0 });
    expect(empty.overall.reason).toContain('no unit was answered by two workers');

    const alone = agreementReport({ answers: fromMatrix([['a', 'b', 'c']]), level: 'nominal' });
    expect(alone.overall.alpha).toBeNull();
    expect(alone.byLabel?.[0]).toMatchObject({ alpha: null, answers: 1 });

    const unanimous = agreementReport({
      answers: fromMatrix(Array.from({ length: 3 }, () => Array<string>(6).fill('yes'))),
      level: 'nominal',
    });
    expect(unanimous.overall).toMatchObject({ alpha: null, units: 6, pairableValues: 18 });
    expect(unanimous.overall.reason).toContain('same value');
    expect(unanimous.byLabel?.[0]?.reason).toContain('every answer');
    expect(unanimous.byPair[0]).toMatchObject({ percentAgreement: 1, kappa: null });
    expect(unanimous.byPair[0]?.reason).toContain('same value');

    const missing = agreementReport({
      answers: [
        { unit: 'u', worker: 'a', value: null },
        { unit: 'u', worker: 'b', value: null },
      ],
      level: 'interval',
    });
    expect(missing).toMatchObject({ answers: 0, units: 0, byLabel: null });
    expect(missing.overall.alpha).toBeNull();
  });

  it("counts a worker's first non-null answer on a unit", () => {
    const answers: AgreementAnswer[] = [
      { unit: 'u1', worker: 'a', value: null },
      { unit: 'u1', worker: 'a', value: 'x' },
      { unit: 'u1', worker: 'a', value: 'y' },
      { unit: 'u1', worker: 'b', value: 'x' },
      { unit: 'u2', worker: 'a', value: 'x' },
      { unit: 'u2', worker: 'b', value: 'y' },
    ];
    const report = agreementReport({ answers, level: 'nominal', bootstrap: quick });
    expect(report.answers).toBe(4);
    expect(report.overall.alpha).toBeCloseTo(
      krippendorffAlpha(
        [
          ['x', 'x'],
          ['x', 'y'],
        ],
        'nominal',
      ),
      12,
    );
  });

  it('rejects values the level does not take and settings out of range', () => {
    const answers = [{ unit: 'u', worker: 'a', value: 'x' }];
    expect(() => agreementReport({ answers, level: 'ordinal' })).toThrow(RangeError);
    expect(() =>
      agreementReport({ answers: [{ unit: 'u', worker: 'a', value: -1 }], level: 'ratio' }),
    ).toThrow(RangeError);
    expect(() =>
      agreementReport({ answers: [{ unit: 'u', worker: 'a', value: Number.NaN }], level: 'nominal' }),
    ).toThrow(RangeError);
    expect(() => agreementReport({ answers, level: 'nominal', bootstrap: { samples: 0 } })).toThrow(
      RangeError,
    );
    expect(() => agreementReport({ answers, level: 'nominal', bootstrap: { confidence: 1 } })).toThrow(
      RangeError,
    );
    expect(() => agreementReport({ answers, level: 'nominal', minShared: 0 })).toThrow(RangeError);
  });

  it('matches krippendorffAlpha on random data and never returns NaN', () => {
    const matrices = fc.array(
      fc.array(fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }), { minLength: 6, maxLength: 6 }),
      {
        minLength: 1,
        maxLength: 4,
      },
    );
    fc.assert(
      fc.property(
        matrices,
        fc.constantFrom<MeasurementLevel>('nominal', 'ordinal', 'interval', 'ratio'),
        (matrix, level) => {
          const report = agreementReport({ answers: fromMatrix(matrix), level, bootstrap: { samples: 50 } });
          const numbers = [report.overall, ...(report.byLabel ?? []), ...report.byGroup].flatMap((s) => [
            s.alpha,
            s.interval?.low,
            s.interval?.high,
          ]);
          for (const value of [
            ...numbers,
            ...report.byPair.flatMap((p) => [p.kappa, p.percentAgreement, p.interval?.low]),
          ])
            expect(Number.isNaN(value)).toBe(false);
          if (report.overall.alpha !== null)
            expect(report.overall.alpha).toBeCloseTo(krippendorffAlpha(matrix, level), 9);
          else expect(report.overall.reason).not.toBeNull();
        },
      ),
      { numRuns: 60 },
    );
  });
});
