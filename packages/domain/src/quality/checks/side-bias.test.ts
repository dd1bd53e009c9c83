import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SideChoice, sideBias } from './side-bias.ts';

function answers(worker: string, first: number, second: number, ties = 0): SideChoice[] {
  return [
    ...Array.from({ length: first }, () => ({ worker, shownFirstChosen: true })),
    ...Array.from({ length: second }, () => ({ worker, shownFirstChosen: false })),
    ...Array.from({ length: ties }, () => ({ worker, shownFirstChosen: null })),
  ];
}

describe('sideBias', () => {
  it('flags a worker who keeps picking one side, whichever side it is', () => {
    const results = sideBias([...answers('b', 10, 10, 3), ...answers('a', 19, 1), ...answers('c', 2, 18)]);
    expect(results.map((r) => r.worker)).toEqual(['a', 'b', 'c']);
    const [a, b, c] = results;
    // 2 × (1 + 20) / 2^20.
    expect(a).toMatchObject({ answers: 20, firstChosen: 19, share: 0.95, ties: 0, flagged: true });
    expect(a?.pValue).toBeCloseTo(42 / 2 ** 20, 15);
    expect(a?.reason).toContain('shown first in 19 of 20 answers (95%');
    expect(b).toMatchObject({ answers: 20, firstChosen: 10, share: 0.5, pValue: 1, ties: 3, flagged: false });
    expect(b?.reason).toBeNull();
    // 2 × (1 + 20 + 190) / 2^20.
    expect(c?.pValue).toBeCloseTo(422 / 2 ** 20, 15);
    expect(c?.flagged).toBe(true);
    expect(c?.reason).toContain('shown second in 18 of 20 answers (90%');
  });

  it('needs minAnswers non-tie answers and p below alpha', () => {
    // 9 of 10: p = 2 × 11 / 1024 ≈ 0.021, but only 10 answers.
    const [few] = sideBias(answers('w', 9, 1, 15));
    expect(few?.pValue).toBeCloseTo(22 / 1024, 15);
    expect(few?.flagged).toBe(false);
    // 15 of 20: p = 2 × 21700 / 2^20 ≈ 0.041.
    const borderline = answers('w', 15, 5);
    expect(sideBias(borderline)[0]?.pValue).toBeCloseTo(43400 / 2 ** 20, 15);
    expect(sideBias(borderline)[0]?.flagged).toBe(false);
    expect(sideBias(borderline, { alpha: 0.05 })[0]?.flagged).toBe(true);
    expect(sideBias(answers('w', 9, 1), { alpha: 0.05, minAnswers: 10 })[0]?.flagged).toBe(true);
  });

  it('reports a worker with only ties without a share and without a flag', () => {
    expect(sideBias(answers('w', 0, 0, 30))).toEqual([
      {
        worker: 'w',
        answers: 0,
        firstChosen: 0,
        share: null,
        pValue: 1,
        ties: 30,
        flagged: false,
        reason: null,
      },
    ]);
    expect(sideBias([])).toEqual([]);
  });

  it('rejects options out of range', () => {
    expect(() => sideBias([], { alpha: 0 })).toThrow(RangeError);
    expect(() => sideBias([], { minAnswers: -1 })).toThrow(RangeError);
  });

  it('never flags a worker who picked the first side exactly half the time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 20 }),
        fc.double({ min: 1e-9, max: 0.999, noNaN: true }),
        (half, ties, alpha) => {
          const [result] = sideBias(answers('w', half, half, ties), { alpha, minAnswers: 0 });
          // A worker with no answer at all has no row.
          if (half + ties === 0) expect(result).toBeUndefined();
          else expect(result?.flagged).toBe(false);
        },
      ),
    );
  });

  it('does not depend on the order of the answers', () => {
    const choice = fc.record({
      worker: fc.constantFrom('a', 'b', 'c'),
      shownFirstChosen: fc.constantFrom(true, false, null),
    });
    fc.assert(
      fc.property(
        fc
          .array(choice, { maxLength: 80 })
          .chain((choices) =>
            fc.tuple(
              fc.constant(choices),
              fc.shuffledSubarray(choices, { minLength: choices.length, maxLength: choices.length }),
            ),
          ),
        ([choices, shuffled]) => {
          expect(sideBias(shuffled, { minAnswers: 5 })).toEqual(sideBias(choices, { minAnswers: 5 }));
        },
      ),
    );
  });
});
