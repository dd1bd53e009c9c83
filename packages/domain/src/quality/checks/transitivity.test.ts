import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PreferenceJudgement, transitivityViolations } from './transitivity.ts';

function judge(
  worker: string,
  winner: string,
  loser: string,
  context: string | null = 'p',
): PreferenceJudgement {
  return { worker, context, left: winner, right: loser, winner };
}

/** Tournament on items 0..n−1 where i beats j when `beats(i, j)`; every pair judged once. */
function tournament(
  worker: string,
  n: number,
  beats: (i: number, j: number) => boolean,
): PreferenceJudgement[] {
  const judgements: PreferenceJudgement[] = [];
  for (let i = 0; i < n; i += 1)
    for (let j = i + 1; j < n; j += 1)
      judgements.push(beats(i, j) ? judge(worker, `i${i}`, `i${j}`) : judge(worker, `i${j}`, `i${i}`));
  return judgements;
}

describe('transitivityViolations', () => {
  it('finds the one cycle of a circular triad', () => {
    const circular = [judge('w', 'a', 'b'), judge('w', 'b', 'c'), judge('w', 'c', 'a')];
    expect(transitivityViolations(circular)).toEqual([
      {
        worker: 'w',
        comparisons: 3,
        triads: 1,
        cycles: 1,
        rate: 1,
        tiedTriads: 0,
        flagged: false,
        reason: null,
      },
    ]);
    const [flagged] = transitivityViolations(circular, { minTriads: 1 });
    expect(flagged?.flagged).toBe(true);
    expect(flagged?.reason).toContain('1 of 1 triads');
    const consistent = [judge('w', 'a', 'b'), judge('w', 'b', 'c'), judge('w', 'a', 'c')];
    expect(transitivityViolations(consistent)[0]).toMatchObject({ triads: 1, cycles: 0, rate: 0 });
  });

  it('counts the cycles of a regular five-item tournament: 5 of 10 triads', () => {
    // i beats i+1 and i+2 (mod 5): every score is 2, so C(5,3) − 5·C(2,2) = 5 circular triads.
    const regular = tournament('r', 5, (i, j) => (j - i) % 5 === 1 || (j - i) % 5 === 2);
    const ordered = tournament('o', 5, () => true);
    const [o, r] = transitivityViolations([...regular, ...ordered]);
    expect(r).toMatchObject({ comparisons: 10, triads: 10, cycles: 5, rate: 0.5, flagged: true });
    expect(o).toMatchObject({ comparisons: 10, triads: 10, cycles: 0, rate: 0, flagged: false });
    expect(transitivityViolations(regular, { rateThreshold: 0.6 })[0]?.flagged).toBe(false);
  });

  it('only checks triads whose three pairs were judged', () => {
    const partial = [judge('w', 'a', 'b'), judge('w', 'b', 'c'), judge('w', 'c', 'd'), judge('w', 'd', 'a')];
    expect(transitivityViolations(partial)[0]).toMatchObject({ triads: 0, cycles: 0, rate: null });
  });

  it('keeps contexts apart', () => {
    const split = [judge('w', 'a', 'b', 'p1'), judge('w', 'b', 'c', 'p1'), judge('w', 'c', 'a', 'p2')];
    expect(transitivityViolations(split)[0]).toMatchObject({ comparisons: 3, triads: 0, cycles: 0 });
    const shared = [
      judge('w', 'a', 'b', null),
      judge('w', 'b', 'c', null),
      { ...judge('w', 'c', 'a'), context: undefined },
    ];
    expect(transitivityViolations(shared)[0]).toMatchObject({ triads: 1, cycles: 1 });
  });

  it('sets ties apart and reads repeated judgements by their majority', () => {
    const tied: PreferenceJudgement[] = [
      judge('w', 'a', 'b'),
      { worker: 'w', context: 'p', left: 'b', right: 'c', winner: null },
      { worker: 'w', context: 'p', left: 'c', right: 'a', winner: 'tie' },
    ];
    expect(transitivityViolations(tied)[0]).toMatchObject({
      triads: 0,
      tiedTriads: 1,
      cycles: 0,
      rate: null,
    });
    // c over a twice and a over c once: c over a, closing a > b > c > a.
    const repeated = [
      judge('w', 'a', 'b'),
      judge('w', 'b', 'c'),
      judge('w', 'c', 'a'),
      judge('w', 'c', 'a'),
      judge('w', 'a', 'c'),
    ];
    expect(transitivityViolations(repeated)[0]).toMatchObject({ comparisons: 5, triads: 1, cycles: 1 });
    // One each way: a tie.
    const drawn = [judge('w', 'a', 'b'), judge('w', 'b', 'c'), judge('w', 'c', 'a'), judge('w', 'a', 'c')];
    expect(transitivityViolations(drawn)[0]).toMatchObject({ triads: 0, tiedTriads: 1 });
  });

  it('handles empty input, self-comparisons and invalid winners', () => {
    expect(transitivityViolations([])).toEqual([]);
    expect(transitivityViolations([judge('w', 'a', 'a')])).toEqual([]);
    expect(() => transitivityViolations([{ worker: 'w', left: 'a', right: 'b', winner: 'c' }])).toThrow(
      RangeError,
    );
    // An item called "tie" can win.
    expect(transitivityViolations([judge('w', 'tie', 'b')])[0]?.comparisons).toBe(1);
    expect(() => transitivityViolations([], { rateThreshold: 2 })).toThrow(RangeError);
  });

  it('finds no cycle in judgements that follow one order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 8 }).chain((n) =>
          fc.tuple(
            fc.shuffledSubarray(
              Array.from({ length: n }, (_, i) => `i${i}`),
              { minLength: n, maxLength: n },
            ),
            fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.boolean()), { maxLength: 60 }),
          ),
        ),
        ([order, pairs]) => {
          const judgements = pairs.map(([x, y, swap]): PreferenceJudgement => {
            const [left, right] = swap ? [order[x], order[y]] : [order[y], order[x]];
            const winner = x < y ? order[x] : order[y];
            return { worker: 'w', left: left as string, right: right as string, winner: winner as string };
          });
          for (const result of transitivityViolations(judgements)) expect(result.cycles).toBe(0);
        },
      ),
    );
  });

  it("counts Kendall's circular triads C(n,3) − Σ C(s_i,2) in any complete tournament", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 3, max: 9 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(fc.boolean(), { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }),
            ),
          ),
        ([n, coins]) => {
          let cursor = 0;
          const outcome = new Map<string, boolean>();
          for (let i = 0; i < n; i += 1)
            for (let j = i + 1; j < n; j += 1) outcome.set(`${i},${j}`, coins[cursor++] as boolean);
          const [result] = transitivityViolations(
            tournament('w', n, (i, j) => outcome.get(`${i},${j}`) as boolean),
          );
          const scores = new Array<number>(n).fill(0);
          for (const [key, firstWins] of outcome) {
            const [i, j] = key.split(',').map(Number) as [number, number];
            scores[firstWins ? i : j] = (scores[firstWins ? i : j] as number) + 1;
          }
          const choose3 = (n * (n - 1) * (n - 2)) / 6;
          const expected = choose3 - scores.reduce((sum, s) => sum + (s * (s - 1)) / 2, 0);
          expect(result?.triads).toBe(choose3);
          expect(result?.cycles).toBe(expected);
        },
      ),
    );
  });
});
