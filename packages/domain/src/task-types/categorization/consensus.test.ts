import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertConsensusProperties, permute, validAnswers } from '../../testing/consensus-harness.ts';
import { assertWeightedConsensusProperties } from '../../testing/score-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { scenarios } from './arbitraries.ts';
import { categorizationTaskType as type } from './index.ts';

const single = mustParse(type, { attachment: 'a', categories: ['red', 'green', 'blue'] });
const multiple = mustParse(type, {
  attachment: 'a',
  categories: ['red', 'green', 'blue'],
  allow_multiple: true,
  category_ids: { r: 'red', g: 'green', b: 'blue' },
});
const pick = (...categories: string[]) => ({
  category: categories,
  category_id: categories.map((category) => category[0] as string),
});

describe('categorization consensus', () => {
  it('returns a unanimous answer with agreement 1', () => {
    expect(type.consensus(single, [{ category: 'red' }, { category: 'red' }])).toEqual({
      response: { category: 'red' },
      agreement: 1,
    });
  });

  it('picks the majority category; agreement is its share', () => {
    const result = type.consensus(single, [{ category: 'blue' }, { category: 'red' }, { category: 'red' }]);
    expect(result.response).toEqual({ category: 'red' });
    expect(result.agreement).toBeCloseTo(2 / 3);
  });

  it('breaks a tie in favour of the earliest answer', () => {
    expect(type.consensus(single, [{ category: 'blue' }, { category: 'red' }]).response.category).toBe(
      'blue',
    );
    expect(type.consensus(single, [{ category: 'red' }, { category: 'blue' }]).response.category).toBe('red');
  });

  it('keeps the labels chosen by more than half, with their ids', () => {
    const result = type.consensus(multiple, [pick('red', 'green'), pick('red'), pick('red', 'blue')]);
    expect(result.response).toEqual(pick('red'));
    // Jaccard: {r,g}/{r} = 1/2, {r,g}/{r,b} = 1/3, {r}/{r,b} = 1/2.
    expect(result.agreement).toBeCloseTo(4 / 9);
  });

  it('falls back to the medoid answer when no label has a majority', () => {
    // Each label is chosen by exactly half; {green, blue} and {red, green} are the most central (tie → earlier).
    const answers = [pick('red'), pick('green', 'blue'), pick('blue'), pick('red', 'green')];
    expect(type.consensus(multiple, answers).response).toEqual(pick('green', 'blue'));
  });

  it('throws on no answers', () => {
    expect(() => type.consensus(single, [])).toThrow(/at least one answer/);
  });
});

describe('categorization consensus properties', () => {
  it('is valid, bounded, order-independent in agreement, and returns unanimous answers', () => {
    assertConsensusProperties(type, scenarios);
  });

  it('does not depend on the answer order when one category (or label set) strictly wins', () => {
    fc.assert(
      fc.property(
        scenarios,
        fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        ({ params, answers }, keys) => {
          const valid = validAnswers(type, params, answers);
          fc.pre(valid.length > 0);
          const result = type.consensus(params, valid);
          const again = type.consensus(params, permute(valid, keys));
          if (params.allow_multiple) {
            // The kept labels are decided by counts alone (only their order follows the answers), unless no
            // label has a majority and the medoid decides.
            const counts = params.categories.map(
              (c) => valid.filter((a) => (a.category as string[]).includes(c)).length,
            );
            fc.pre(counts.some((count) => count * 2 > valid.length));
            expect([...(again.response.category as string[])].sort()).toEqual(
              [...(result.response.category as string[])].sort(),
            );
          } else {
            const counts = params.categories.map((c) => valid.filter((a) => a.category === c).length);
            const best = Math.max(...counts);
            fc.pre(counts.filter((count) => count === best).length === 1);
            expect(again.response).toEqual(result.response);
          }
        },
      ),
    );
  });
});

describe('weighted categorization consensus', () => {
  it('lets one reliable annotator outvote two unreliable ones', () => {
    const answers = [{ category: 'blue' }, { category: 'blue' }, { category: 'red' }];
    expect(type.consensus(single, answers).response).toEqual({ category: 'blue' });
    // Weighted tally: blue 0.3 + 0.3 = 0.6, red 1.
    const result = type.consensus(single, answers, [0.3, 0.3, 1]);
    expect(result.response).toEqual({ category: 'red' });
    // The agreement describes the answers, not the weights: the most frequent choice has 2 of 3.
    expect(result.agreement).toBeCloseTo(2 / 3);
  });

  it('keeps the labels carrying more than half of the weight', () => {
    const answers = [pick('red', 'green'), pick('red', 'green'), pick('blue')];
    expect(type.consensus(multiple, answers).response).toEqual(pick('red', 'green'));
    // Total 1.4: red 0.4, green 0.4, blue 1 > 0.7.
    expect(type.consensus(multiple, answers, [0.2, 0.2, 1]).response).toEqual(pick('blue'));
  });

  it('counts every answer once when the weights are absent, equal or unusable', () => {
    const answers = [{ category: 'blue' }, { category: 'red' }, { category: 'red' }];
    for (const weights of [
      [2, 2, 2],
      [0, 0, 0],
      [1, Number.NaN, 1],
      [1, -1, 5],
      [Infinity, 1, 1],
    ]) {
      expect(type.consensus(single, answers, weights).response).toEqual({ category: 'red' });
    }
    expect(() => type.consensus(single, answers, [1, 2])).toThrow(RangeError);
  });

  it('has the weighted-consensus properties', () => {
    assertWeightedConsensusProperties(type, scenarios);
  });
});
