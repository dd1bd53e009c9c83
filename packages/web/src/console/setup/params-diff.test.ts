import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffParams, showValue } from './params-diff.ts';

describe('diffParams', () => {
  it('lists added, removed and changed values by path', () => {
    const before = { categories: ['a', 'b'], allow_multiple: false, geometries: { box: { min_width: 4 } } };
    const after = {
      categories: ['a', 'c', 'd'],
      geometries: { box: { min_width: 8 } },
      attachment_type: 'text',
    };
    expect(diffParams(before, after)).toEqual([
      { path: 'categories.1', kind: 'changed', before: 'b', after: 'c' },
      { path: 'categories.2', kind: 'added', before: undefined, after: 'd' },
      { path: 'allow_multiple', kind: 'removed', before: false, after: undefined },
      { path: 'geometries.box.min_width', kind: 'changed', before: 4, after: 8 },
      { path: 'attachment_type', kind: 'added', before: undefined, after: 'text' },
    ]);
  });

  it('finds nothing between equal values and one change between values of different kinds', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(diffParams(value, structuredClone(value))).toEqual([]);
      }),
    );
    expect(diffParams({ a: [1] }, { a: { 0: 1 } })).toEqual([
      { path: 'a', kind: 'changed', before: [1], after: { 0: 1 } },
    ]);
    expect(diffParams(1, 2)).toEqual([{ path: '', kind: 'changed', before: 1, after: 2 }]);
  });

  it('shows values short', () => {
    expect(showValue(undefined)).toBe('—');
    expect(showValue('abcdef', 4)).toBe('"ab…');
  });
});
