import { describe, expect, it } from 'vitest';
import { type LengthChoice, lengthBias } from './length-bias.ts';

function answers(worker: string, longer: number, shorter: number): LengthChoice[] {
  return [
    ...Array.from({ length: longer }, () => ({ worker, chosenLength: 300, otherLength: 120 })),
    ...Array.from({ length: shorter }, () => ({ worker, chosenLength: 80, otherLength: 200 })),
  ];
}

describe('lengthBias', () => {
  it("compares each worker with the other workers' pooled rate", () => {
    const [a, b, c] = lengthBias([...answers('a', 27, 3), ...answers('b', 18, 12), ...answers('c', 18, 12)]);
    // a: 27/30 against (18 + 18)/60 = 0.6; R: binom.test(27, 30, 0.6) p = 0.000536.
    expect(a).toMatchObject({ answers: 30, longerChosen: 27, share: 0.9, crowdAnswers: 60, crowdShare: 0.6 });
    expect(a?.pValue).toBeCloseTo(0.0005355951868181502, 14);
    expect(a?.flagged).toBe(true);
    expect(a?.reason).toContain('27 of 30 answers (90%) where the other annotators did in 60%');
    // b: 18/30 against 45/60 = 0.75 — below the crowd, never flagged.
    expect(b?.crowdShare).toBe(0.75);
    expect(b?.pValue).toBeCloseTo(0.08810760577535248, 14);
    expect(b?.flagged).toBe(false);
    expect(c?.flagged).toBe(false);
  });

  it('does not flag a worker who only looks biased against 1/2 on data where longer answers are better', () => {
    // 80/100 would be p ≈ 1e-9 against 1/2, but the crowd prefers longer 70% of the time: p = 0.029.
    const [, x] = lengthBias([...answers('crowd', 140, 60), ...answers('x', 80, 20)]);
    expect(x?.crowdShare).toBe(0.7);
    expect(x?.pValue).toBeCloseTo(0.028961260408307647, 14);
    expect(x?.flagged).toBe(false);
  });

  it('needs an effect of at least minEffect even when the test is significant', () => {
    const [, x] = lengthBias([...answers('crowd', 13000, 7000), ...answers('x', 7500, 2500)]);
    expect(x?.pValue).toBeLessThan(1e-90);
    expect(x?.flagged).toBe(false);
    const [, looser] = lengthBias([...answers('crowd', 13000, 7000), ...answers('x', 7500, 2500)], {
      minEffect: 0.05,
    });
    expect(looser?.flagged).toBe(true);
  });

  it('needs minAnswers', () => {
    const choices = [...answers('crowd', 30, 30), ...answers('x', 19, 0)];
    expect(lengthBias(choices)[1]?.flagged).toBe(false);
    expect(lengthBias(choices, { minAnswers: 19 })[1]?.flagged).toBe(true);
  });

  it('leaves ties and equal lengths out and counts them', () => {
    const [w] = lengthBias([
      { worker: 'w', chosenLength: 10, otherLength: 5 },
      { worker: 'w', chosenLength: 10, otherLength: 5, tie: true },
      { worker: 'w', chosenLength: 7, otherLength: 7 },
      { worker: 'w', chosenLength: 3, otherLength: 5 },
    ]);
    expect(w).toMatchObject({ answers: 2, longerChosen: 1, share: 0.5, ties: 1, equalLength: 1 });
  });

  it('has no crowd to compare a single worker with', () => {
    expect(lengthBias(answers('w', 40, 0))).toEqual([
      {
        worker: 'w',
        answers: 40,
        longerChosen: 40,
        share: 1,
        crowdAnswers: 0,
        crowdShare: null,
        pValue: null,
        ties: 0,
        equalLength: 0,
        flagged: false,
        reason: null,
      },
    ]);
    expect(lengthBias([])).toEqual([]);
    const [onlyTies] = lengthBias([
      { worker: 'a', chosenLength: 1, otherLength: 2, tie: true },
      ...answers('b', 5, 5),
    ]);
    expect(onlyTies).toMatchObject({ answers: 0, share: null, crowdShare: 0.5, pValue: 1, flagged: false });
  });

  it('rejects invalid lengths and options', () => {
    expect(() => lengthBias([{ worker: 'w', chosenLength: -1, otherLength: 2 }])).toThrow(RangeError);
    expect(() => lengthBias([{ worker: 'w', chosenLength: Number.NaN, otherLength: 2 }])).toThrow(RangeError);
    expect(() => lengthBias([], { minEffect: 2 })).toThrow(RangeError);
    expect(() => lengthBias([], { alpha: 1 })).toThrow(RangeError);
  });
});
