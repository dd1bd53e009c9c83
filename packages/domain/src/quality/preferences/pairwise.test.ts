import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bradleyTerry } from './bradley-terry.ts';
import { pairwiseMajority, rankingToComparisons } from './pairwise.ts';

describe('pairwiseMajority', () => {
  it('takes the majority winner and its share per pair, whatever the side', () => {
    const result = pairwiseMajority([
      { worker: 'w1', left: 'b', right: 'a', winner: 'b' },
      { worker: 'w2', left: 'a', right: 'b', winner: 'b' },
      { worker: 'w3', left: 'a', right: 'b', winner: 'a' },
      { worker: 'w4', left: 'a', right: 'b', winner: null },
      { worker: 'w1', left: 'c', right: 'a', winner: 'a' },
      { worker: 'w2', left: 'c', right: 'a', winner: 'c' },
      { worker: 'w1', left: 'c', right: 'c', winner: 'c' },
    ]);
    expect(result).toEqual([
      // b: 2 wins + half a tie = 2.5 of 4.
      { items: ['a', 'b'], winner: 'b', share: 0.625, comparisons: 4 },
      { items: ['a', 'c'], winner: null, share: 0.5, comparisons: 2 },
    ]);
  });

  it('gives nothing for no comparisons and rejects a winner outside the pair', () => {
    expect(pairwiseMajority([])).toEqual([]);
    expect(() => pairwiseMajority([{ worker: 'w', left: 'a', right: 'b', winner: 'z' }])).toThrow(RangeError);
  });

  it('does not depend on the order of the comparisons', () => {
    const comparison = fc.record({
      worker: fc.constant('w'),
      left: fc.constantFrom('a', 'b', 'c'),
      right: fc.constantFrom('a', 'b', 'c'),
      pick: fc.nat(2),
    });
    fc.assert(
      fc.property(fc.array(comparison, { maxLength: 20 }), fc.infiniteStream(fc.nat()), (rows, stream) => {
        const comparisons = rows.map(({ worker, left, right, pick }) => ({
          worker,
          left,
          right,
          winner: pick === 0 ? left : pick === 1 ? right : null,
        }));
        const keys = comparisons.map(() => stream.next().value as number);
        const shuffled = comparisons
          .map((comparison, i) => ({ comparison, key: keys[i] as number }))
          .sort((x, y) => x.key - y.key)
          .map(({ comparison }) => comparison);
        expect(pairwiseMajority(shuffled)).toEqual(pairwiseMajority(comparisons));
      }),
    );
  });
});

describe('rankingToComparisons', () => {
  it('turns a ranking of n items into its n(n−1)/2 pairs, better item first', () => {
    expect(rankingToComparisons([{ worker: 'w', ranking: ['a', 'b', 'c'] }])).toEqual([
      { worker: 'w', left: 'a', right: 'b', winner: 'a' },
      { worker: 'w', left: 'a', right: 'c', winner: 'a' },
      { worker: 'w', left: 'b', right: 'c', winner: 'b' },
    ]);
    const pairs = rankingToComparisons([{ worker: 'w', ranking: ['a', 'b', 'c', 'd', 'e'] }]);
    expect(pairs).toHaveLength(10);
  });

  it('makes ties of items ranked equal', () => {
    expect(rankingToComparisons([{ worker: 'w', ranking: [['a', 'b'], 'c'] }])).toEqual([
      { worker: 'w', left: 'a', right: 'b', winner: null },
      { worker: 'w', left: 'a', right: 'c', winner: 'a' },
      { worker: 'w', left: 'b', right: 'c', winner: 'b' },
    ]);
  });

  it('rejects an item ranked twice', () => {
    expect(() => rankingToComparisons([{ worker: 'w', ranking: ['a', ['b', 'a']] }])).toThrow(RangeError);
  });

  it('lets rankings aggregate through Bradley-Terry', () => {
    const { scores } = bradleyTerry(
      rankingToComparisons([
        { worker: 'w1', ranking: ['a', 'b', 'c'] },
        { worker: 'w2', ranking: ['a', 'c', 'b'] },
        { worker: 'w3', ranking: ['b', 'a', 'c'] },
      ]),
    );
    expect(scores.a).toBeGreaterThan(scores.b as number);
    expect(scores.b).toBeGreaterThan(scores.c as number);
  });
});
