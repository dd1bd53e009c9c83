/** Pairwise preferences without a model: the majority per pair, and rankings turned into pairs. */

import type { Comparison } from './bradley-terry.ts';

/** The majority verdict on one pair of items. */
export interface PairwiseMajority {
  /** The two items, in code-unit order (`items[0] < items[1]`), whichever side they were shown on. */
  items: [string, string];
  /** The item that won more often (ties counting half to each), or `null` when both won equally often. */
  winner: string | null;
  /** The winner's share of the comparisons, in [0.5, 1]; 0.5 when `winner` is `null`. */
  share: number;
  /** How many comparisons of the pair there were (each vote counts once, even from the same worker). */
  comparisons: number;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The majority of pairwise choices: for every pair of items compared at least once, which one was
 * preferred more often and by what share. Ties count half a win to each side; the side an item was shown
 * on does not matter. Comparisons of an item with itself are skipped. Pairs come sorted by their items
 * (code-unit order), so the result does not depend on the order of `comparisons`. Empty input gives `[]`.
 *
 * @throws RangeError when a winner is neither of its comparison's items.
 */
export function pairwiseMajority(comparisons: readonly Comparison[]): PairwiseMajority[] {
  const tallies = new Map<string, { items: [string, string]; firstWins: number; total: number }>();
  comparisons.forEach(({ left, right, winner }, c) => {
    if (winner !== null && winner !== left && winner !== right) {
      throw new RangeError(`comparison ${c}: winner "${winner}" is neither "${left}" nor "${right}"`);
    }
    if (left === right) return;
    const items: [string, string] = left < right ? [left, right] : [right, left];
    const key = JSON.stringify(items);
    let tally = tallies.get(key);
    if (!tally) {
      tally = { items, firstWins: 0, total: 0 };
      tallies.set(key, tally);
    }
    tally.total += 1;
    tally.firstWins += winner === null ? 0.5 : winner === items[0] ? 1 : 0;
  });
  const result = [...tallies.values()].map(({ items, firstWins, total }): PairwiseMajority => {
    const secondWins = total - firstWins;
    if (firstWins === secondWins) return { items, winner: null, share: 0.5, comparisons: total };
    const firstAhead = firstWins > secondWins;
    return {
      items,
      winner: firstAhead ? items[0] : items[1],
      share: (firstAhead ? firstWins : secondWins) / total,
      comparisons: total,
    };
  });
  return result.sort((a, b) => byCodeUnit(a.items[0], b.items[0]) || byCodeUnit(a.items[1], b.items[1]));
}

/** One worker's ranking, best first; an inner array is a group of items ranked equal. */
export interface Ranking {
  /** Who ranked. */
  worker: string;
  /** Items from best to worst; `['a', ['b', 'c'], 'd']` ranks b and c equal, below a and above d. */
  ranking: readonly (string | readonly string[])[];
}

/**
 * The pairwise outcomes a ranking implies, so rankings aggregate through {@link bradleyTerry} or
 * {@link pairwiseMajority}: a ranking of n items gives its n(n−1)/2 pairs. Each pair is emitted with the
 * better-ranked item as `left` and `winner`; items in the same tied group give a tie (`winner: null`), in
 * their listed order. Pairs are emitted best item first, in ranking order. Because the better item is
 * always on the left, these comparisons say nothing about side bias.
 *
 * @throws RangeError when an item appears twice in one ranking.
 * @example
 * rankingToComparisons([{ worker: 'w', ranking: ['a', 'b', 'c'] }]);
 * // a>b, a>c, b>c: [{ worker: 'w', left: 'a', right: 'b', winner: 'a' }, …]
 */
export function rankingToComparisons(rankings: readonly Ranking[]): Comparison[] {
  const comparisons: Comparison[] = [];
  for (const { worker, ranking } of rankings) {
    const ranked: { item: string; rank: number }[] = [];
    const seen = new Set<string>();
    ranking.forEach((entry, rank) => {
      for (const item of typeof entry === 'string' ? [entry] : entry) {
        if (seen.has(item)) throw new RangeError(`worker "${worker}" ranked "${item}" twice`);
        seen.add(item);
        ranked.push({ item, rank });
      }
    });
    for (let i = 0; i < ranked.length; i += 1) {
      const better = ranked[i] as { item: string; rank: number };
      for (let j = i + 1; j < ranked.length; j += 1) {
        const worse = ranked[j] as { item: string; rank: number };
        const tie = better.rank === worse.rank;
        comparisons.push({ worker, left: better.item, right: worse.item, winner: tie ? null : better.item });
      }
    }
  }
  return comparisons;
}
