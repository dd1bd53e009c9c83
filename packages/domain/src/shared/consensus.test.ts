import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  jsonSimilarity,
  lowerMedian,
  meanPairwiseSimilarity,
  medoidIndex,
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
