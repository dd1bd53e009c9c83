import { describe, expect, it } from 'vitest';
import { textMedoid } from './text-medoid.ts';

describe('textMedoid', () => {
  it('picks the text closest to the others', () => {
    // Jaccard: "red car"–"a red car" 2/3, "red car"–"the red car" 2/3, "a red car"–"the red car" 2/4,
    // anything–"blue boat" 0. Sums: 4/3, 7/6, 7/6, 0.
    const result = textMedoid(['a red car', 'red car', 'the red car', 'blue boat']);
    expect(result).toMatchObject({ index: 1, text: 'red car', source: 'medoid' });
    expect(result?.support).toBeCloseTo(4 / 9);
    // Pairs: 2/3 + 2/3 + 1/2 + 0 + 0 + 0 over 6.
    expect(result?.agreement).toBeCloseTo(11 / 36);
  });

  it('takes the text a reviewer accepted', () => {
    const result = textMedoid(['a red car', 'red car', 'blue boat'], { accepted: 2 });
    expect(result).toMatchObject({ index: 2, text: 'blue boat', source: 'accepted', support: 0 });
  });

  it('uses a given similarity, breaking ties toward the earliest text', () => {
    const sameLength = (a: string, b: string) => (a.length === b.length ? 1 : 0);
    expect(textMedoid(['xx', 'abc', 'def'], { similarity: sameLength })?.index).toBe(1);
    expect(textMedoid(['one', 'two'])?.index).toBe(0);
  });

  it('returns null for no texts, the text itself for one, and rejects a bad accepted index', () => {
    expect(textMedoid([])).toBeNull();
    expect(textMedoid(['only'])).toEqual({
      index: 0,
      text: 'only',
      source: 'medoid',
      support: 1,
      agreement: 1,
    });
    expect(() => textMedoid(['a'], { accepted: 1 })).toThrow(RangeError);
    expect(() => textMedoid([], { accepted: 0 })).toThrow(RangeError);
  });
});
