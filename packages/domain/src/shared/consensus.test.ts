import { describe, expect, it } from 'vitest';
import {
  answerWeights,
  canonicalJson,
  isWeightedMajority,
  jsonSimilarity,
  lowerMedian,
  meanPairwiseSimilarity,
  medoidIndex,
  numberSimilarity,
  plurality,
  requireAnswers,
  setF1,
  setJaccard,
  textSimilarity,
} from './consensus.ts';

describe('consensus helpers', () => {
  it('votes by plurality, the earliest key winning a tie', () => {
    expect(plurality(['b', 'a', 'a'])).toEqual({ index: 1, count: 2 });
    expect(plurality(['b', 'a', 'a', 'b'])).toEqual({ index: 0, count: 2 });
  });

  it('finds the medoid, the earliest on a tie', () => {
    const near = (a: number, b: number) => 1 / (1 + Math.abs(a - b));
    expect(medoidIndex([0, 10, 11, 12], near)).toBe(2);
    expect(medoidIndex([1, 2], near)).toBe(0);
  });

  it('averages pairwise similarity, 1 for a single item', () => {
    expect(meanPairwiseSimilarity(['x'], () => 0)).toBe(1);
    expect(meanPairwiseSimilarity([1, 1, 2], (a, b) => (a === b ? 1 : 0))).toBeCloseTo(1 / 3);
  });

  it('takes the lower median', () => {
    expect(lowerMedian([3, 1, 2])).toBe(2);
    expect(lowerMedian([4, 1, 3, 2])).toBe(2);
  });

  it('compares texts by normalised word tokens', () => {
    expect(textSimilarity('Hello, World', 'hello world!')).toBe(1);
    expect(textSimilarity('a b', 'b c')).toBeCloseTo(1 / 3);
    expect(textSimilarity('!!', '??')).toBe(0);
    expect(textSimilarity(' ', '')).toBe(1);
  });

  it('scores sets by Jaccard and F1, 1 for two empty sets', () => {
    expect(setJaccard(new Set(), new Set())).toBe(1);
    expect(setF1(new Set(['a', 'b']), new Set(['a']))).toBeCloseTo(2 / 3);
    expect(setJaccard(new Set(['a', 'b']), new Set(['a']))).toBe(1 / 2);
  });

  it('compares JSON values field by field', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe('{"a":[1,{"d":2}],"b":1}');
    expect(jsonSimilarity({ a: 'x y', b: true }, { b: true, a: 'x' })).toBeCloseTo(3 / 4);
    expect(jsonSimilarity({ a: 1 }, { b: 1 })).toBe(0);
    expect(jsonSimilarity(['a', 'b'], ['b', 'a'])).toBe(1);
  });

  it('refuses an empty list of answers', () => {
    expect(() => requireAnswers([])).toThrow('consensus needs at least one answer');
  });
});

describe('weighted consensus helpers', () => {
  it('scales usable weights to a largest of 1 and drops equal or unusable ones', () => {
    expect(answerWeights([2, 1, 0], 3)).toEqual([1, 0.5, 0]);
    expect(answerWeights(undefined, 3)).toBeUndefined();
    expect(answerWeights([0.4, 0.4], 2)).toBeUndefined();
    expect(answerWeights([0, 0], 2)).toBeUndefined();
    expect(answerWeights([1, Number.NaN], 2)).toBeUndefined();
    expect(answerWeights([1, Number.POSITIVE_INFINITY], 2)).toBeUndefined();
    expect(answerWeights([1, -1], 2)).toBeUndefined();
    expect(() => answerWeights([1], 2)).toThrow(RangeError);
  });

  it('votes by weight, the earliest key on a tie, pointing at a carrier that counts', () => {
    // a 1 + 1 = 2 against b 3.
    expect(plurality(['a', 'b', 'a'], [1, 3, 1])).toEqual({ index: 1, count: 1 });
    // a 0.5 + 0.5 = 1 ties b 1 (up to rounding: 0.1 + 0.2 vs 0.3 also ties) → a.
    expect(plurality(['b', 'a', 'a'], [1, 0.5, 0.5])).toEqual({ index: 0, count: 1 });
    expect(plurality(['a', 'a', 'b'], [0.1, 0.2, 0.3])).toEqual({ index: 0, count: 2 });
    // The winner's index skips carriers of weight 0.
    expect(plurality(['a', 'a', 'b'], [0, 1, 0.5])).toEqual({ index: 1, count: 2 });
    // All zero counts as unweighted.
    expect(plurality(['b', 'a', 'a'], [0, 0, 0])).toEqual({ index: 1, count: 2 });
  });

  it('needs strictly more than half of the weight for a majority', () => {
    expect(isWeightedMajority(0.3 + 0.2, 1)).toBe(false);
    expect(isWeightedMajority(0.51, 1)).toBe(true);
    expect(isWeightedMajority(2, 4)).toBe(false);
    expect(isWeightedMajority(3, 5)).toBe(true);
  });

  it('finds the weighted medoid, counting each item itself, never one of weight 0', () => {
    const near = (a: number, b: number) => 1 / (1 + Math.abs(a - b));
    // Unweighted: 0 scores 1/2 + 1/11, 1 scores 1/2 + 1/10 (the medoid), 10 scores 1/11 + 1/10.
    // Weights 1, 1, 5: 0 scores 1 + 1/2 + 5/11 ≈ 1.95, 1 scores 1 + 1/2 + 5/10 = 2, 10 scores 5 + 1/11 + 1/10.
    expect(medoidIndex([0, 1, 10], near)).toBe(1);
    expect(medoidIndex([0, 1, 10], near, [1, 1, 5])).toBe(2);
    // 0 would be central but has weight 0; 5 and 6 tie at 1 + 1/2, the earlier wins.
    expect(medoidIndex([5, 0, 6], near, [1, 0, 1])).toBe(0);
  });

  it('takes the weighted lower median, always one of the values', () => {
    // Sorted 1 (1), 2 (1), 9 (3): half of 5 is reached at 9.
    expect(lowerMedian([9, 1, 2], [3, 1, 1])).toBe(9);
    // Sorted 1 (1), 2 (1), 3 (1), 4 (1): half of 4 is reached at 2, the lower median.
    expect(lowerMedian([4, 3, 2, 1], [1, 1, 1, 1])).toBe(2);
    expect(lowerMedian([4, 3, 2, 1], [0, 0, 0, 0])).toBe(2);
  });

  it('compares numbers over a range, or relative to their size', () => {
    expect(numberSimilarity(3, 3)).toBe(1);
    expect(numberSimilarity(10, 20, 100)).toBeCloseTo(0.9, 12);
    expect(numberSimilarity(10, 20)).toBe(0.5);
    expect(numberSimilarity(0, 5)).toBe(0);
    expect(numberSimilarity(0, 500, 100)).toBe(0);
    expect(numberSimilarity(1, Number.NaN)).toBe(0);
    expect(numberSimilarity(-Number.MAX_VALUE, Number.MAX_VALUE)).toBe(0);
  });
});
