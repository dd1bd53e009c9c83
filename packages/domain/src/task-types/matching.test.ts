import { describe, expect, it } from 'vitest';
import { bestMatching, matchedSimilarity } from './matching.ts';

const same = (a: string, b: string) => (a === b ? 1 : 0);

describe('bestMatching', () => {
  it('maximizes the summed value, leaving non-positive pairs unmatched', () => {
    // Greedy would take 0.9 (a1–b1) and strand a2; the optimum is 0.8 + 0.7.
    const values: Record<string, number> = { 'a1 b1': 0.9, 'a1 b2': 0.8, 'a2 b1': 0.7, 'a2 b2': 0 };
    const pairs = bestMatching(['a1', 'a2'], ['b1', 'b2'], (a, b) => values[`${a} ${b}`] ?? 0);
    expect(pairs).toEqual([
      { answer: 0, reference: 1, value: 0.8 },
      { answer: 1, reference: 0, value: 0.7 },
    ]);
    expect(bestMatching(['x'], ['y'], () => Number.NaN)).toEqual([]);
    expect(bestMatching([], ['y'], same)).toEqual([]);
  });
});

describe('matchedSimilarity', () => {
  it('divides the matched similarity by the longer list, 1 for two empty lists', () => {
    expect(matchedSimilarity([], [], same)).toBe(1);
    expect(matchedSimilarity(['a', 'b'], ['b', 'a'], same)).toBe(1);
    expect(matchedSimilarity(['a'], ['a', 'b', 'c'], same)).toBe(1 / 3);
    expect(matchedSimilarity(['a'], [], same)).toBe(0);
  });
});
