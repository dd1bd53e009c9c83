import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastAnswers, type TimedAnswer } from './fast-answers.ts';

function timed(worker: string, ...times: number[]): TimedAnswer[] {
  return times.map((timeMs, i) => ({ worker, task: `t${i}`, timeMs }));
}

const steady = timed('a', ...Array<number>(10).fill(1000));
const hasty = timed('f', 100, 100, 100, 100, 100, 1000, 1000, 1000, 1000, 1000);
const brief = timed('g', 50, 50, 50);

describe('fastAnswers', () => {
  it('flags a worker with too many answers under a quarter of the median time', () => {
    // All 23 times: 3 × 50, 5 × 100, 15 × 1000 — the median is 1000, the bound 250 ms.
    const [a, f, g] = fastAnswers([...steady, ...hasty, ...brief]);
    expect(a).toMatchObject({
      answers: 10,
      fast: 0,
      share: 0,
      medianMs: 1000,
      thresholdMs: 250,
      flagged: false,
    });
    expect(f).toMatchObject({
      answers: 10,
      fast: 5,
      share: 0.5,
      medianMs: 550,
      thresholdMs: 250,
      flagged: true,
    });
    expect(f?.reason).toBe(
      "5 of 10 answers (50%) took under 250 ms (25% of the median answer time, 1000 ms); the worker's median is 550 ms",
    );
    // All three too fast, but only 3 answers.
    expect(g).toMatchObject({ answers: 3, fast: 3, share: 1, flagged: false, reason: null });
    expect(fastAnswers([...steady, ...hasty, ...brief], { minAnswers: 3 })[2]?.flagged).toBe(true);
  });

  it('needs a share above maxShare, not equal to it', () => {
    const twoFast = timed('w', 100, 100, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000);
    expect(fastAnswers(twoFast)[0]).toMatchObject({ fast: 2, share: 0.2, flagged: false });
    expect(fastAnswers(twoFast, { maxShare: 0.1 })[0]?.flagged).toBe(true);
  });

  it('applies the floor when it is above the relative bound', () => {
    const [a] = fastAnswers(steady, { floorMs: 2000 });
    expect(a).toMatchObject({ fast: 10, thresholdMs: 2000, flagged: true });
    expect(a?.reason).toContain('the floor set for this task');
    // An answer exactly at the bound is not below it.
    expect(fastAnswers(steady, { floorMs: 1000 })[0]?.fast).toBe(0);
  });

  it('flags nobody on all-zero times unless a floor is set', () => {
    const zeros = timed('z', ...Array<number>(12).fill(0));
    expect(fastAnswers(zeros)[0]).toMatchObject({ fast: 0, medianMs: 0, thresholdMs: 0, flagged: false });
    expect(fastAnswers(zeros, { floorMs: 1 })[0]).toMatchObject({ fast: 12, flagged: true });
  });

  it('handles no answers, one worker and invalid input', () => {
    expect(fastAnswers([])).toEqual([]);
    expect(fastAnswers(timed('solo', 10, 20, 30))[0]).toMatchObject({
      medianMs: 20,
      thresholdMs: 5,
      fast: 0,
    });
    expect(() => fastAnswers(timed('w', -1))).toThrow(RangeError);
    expect(() => fastAnswers(timed('w', Number.POSITIVE_INFINITY))).toThrow(RangeError);
    expect(() => fastAnswers([], { fraction: 1.5 })).toThrow(RangeError);
    expect(() => fastAnswers([], { minAnswers: 2.5 })).toThrow(RangeError);
  });

  it('never flags a worker whose every answer is at least the median of all answers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (others, count, fraction) => {
          const all = [...others].sort((x, y) => x - y);
          const slow = all[all.length - 1] as number;
          const answers = [...timed('o', ...others), ...timed('w', ...Array<number>(count).fill(slow))];
          const worker = fastAnswers(answers, { fraction, minAnswers: 0, maxShare: 0 }).find(
            (r) => r.worker === 'w',
          );
          expect(worker?.fast).toBe(0);
          expect(worker?.flagged).toBe(false);
        },
      ),
    );
  });
});
