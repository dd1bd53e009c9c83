import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mustParse, paramIssues, paths, responseIssues } from '../../testing/task-type-harness.ts';
import { rankingTaskType as type } from './index.ts';

const responses = ['a', 'b', 'c'].map((id) => ({ id, content: `Response ${id}` }));
const example = {
  prompt: 'Write a haiku about rain.',
  responses,
  criteria: [{ key: 'style', title: 'Style' }],
};

describe('ranking params', () => {
  it('accepts the example', () => {
    expect(mustParse(type, example).allow_ties).toBe(false);
  });

  it.each([
    ['responses', { ...example, responses: responses.slice(0, 1) }],
    [
      'responses',
      { ...example, responses: Array.from({ length: 21 }, (_, i) => ({ id: `r${i}`, content: 'x' })) },
    ],
    ['responses.1.id', { ...example, responses: [responses[0], responses[0]] }],
    ['responses.0.id', { ...example, responses: [{ content: 'x' }, responses[1]] }],
  ])('rejects at %s', (path, input) => {
    expect(paths(paramIssues(type, input))).toEqual([path]);
  });
});

describe('ranking response', () => {
  const params = mustParse(type, example);
  const ratings = { style: { a: 7, b: 4, c: 1 } };

  it('accepts a permutation', () => {
    expect(responseIssues(type, params, { ranking: ['b', 'a', 'c'], criteria_ratings: ratings })).toEqual([]);
  });

  it.each([
    ['ranking', { ranking: ['a', 'b'], criteria_ratings: ratings }],
    ['ranking.2', { ranking: ['a', 'b', 'b', 'c'], criteria_ratings: ratings }],
    ['ranking.3', { ranking: ['a', 'b', 'c', 'z'], criteria_ratings: ratings }],
    ['ranking.1', { ranking: ['a', ['b', 'c']], criteria_ratings: ratings }],
    ['criteria_ratings.style.c', { ranking: ['a', 'b', 'c'], criteria_ratings: { style: { a: 7, b: 4 } } }],
  ])('rejects at %s', (path, response) => {
    expect(paths(responseIssues(type, params, response))).toEqual([path]);
  });

  it('accepts tie groups when ties are allowed', () => {
    const ties = mustParse(type, { ...example, allow_ties: true, criteria: undefined });
    expect(responseIssues(type, ties, { ranking: ['a', ['b', 'c']] })).toEqual([]);
    expect(paths(responseIssues(type, ties, { ranking: [['a', 'b'], 'a', 'c'] }))).toEqual(['ranking.1']);
  });
});

it('placeholder answers pass for arbitrary valid params', () => {
  const arbitrary = fc.record({
    prompt: fc.constant('Rank these.'),
    responses: fc
      .uniqueArray(fc.stringMatching(/^[a-z0-9]{1,4}$/), { minLength: 2, maxLength: 20 })
      .map((ids) => ids.map((id) => ({ id, content: id }))),
    allow_ties: fc.boolean(),
    require_justification: fc.boolean(),
    criteria: fc.option(fc.constant([{ key: 'k', title: 'K', scale: { min: 0, max: 3 } }]), {
      nil: undefined,
    }),
  });
  fc.assert(
    fc.property(arbitrary, (input) => {
      const params = mustParse(type, input);
      expect(responseIssues(type, params, type.placeholderResponse(params))).toEqual([]);
    }),
  );
});
