import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mustParse, paramIssues, paths, responseIssues } from '../../testing/task-type-harness.ts';
import { pairwisepreferenceTaskType as type } from './index.ts';

const example = {
  prompt: [
    { role: 'system', content: 'Be concise.' },
    { role: 'user', content: 'What is the capital of France?' },
  ],
  responses: [
    { id: 'r-1', content: 'Paris.', model: 'model-a' },
    { id: 'r-2', content: 'The capital of France is Paris, a city of…', model: 'model-b' },
  ],
  criteria: [
    { key: 'helpfulness', title: 'Helpfulness' },
    { key: 'honesty', title: 'Honesty', scale: { min: 1, max: 5 }, required: false },
  ],
  require_justification: true,
};

describe('pairwisepreference params', () => {
  it('accepts prompts as text or messages and defaults the scale', () => {
    const params = mustParse(type, example);
    expect(params.likert_scale).toBe(7);
    expect(mustParse(type, { ...example, prompt: 'Hi' }).prompt).toBe('Hi');
  });

  it.each([
    ['responses', { ...example, responses: [example.responses[0]] }],
    ['responses.1.id', { ...example, responses: [example.responses[0], example.responses[0]] }],
    ['prompt', { ...example, prompt: '' }],
    ['prompt.0.role', { ...example, prompt: [{ role: 'robot', content: 'x' }] }],
    ['criteria.1.key', { ...example, criteria: [example.criteria[0], example.criteria[0]] }],
    ['criteria.0.scale.max', { ...example, criteria: [{ key: 'k', title: 't', scale: { min: 3, max: 3 } }] }],
    ['likert_scale', { ...example, likert_scale: 1 }],
  ])('rejects at %s', (path, input) => {
    expect(paths(paramIssues(type, input))).toEqual([path]);
  });
});

describe('pairwisepreference response', () => {
  const params = mustParse(type, example);
  const good = {
    choice: 'A',
    selected_response_id: 'r-1',
    strength: 5,
    criteria_ratings: { helpfulness: { A: 6, B: 4 } },
    justification: 'A answers directly.',
  };

  it('accepts a complete answer and a tie', () => {
    expect(responseIssues(type, params, good)).toEqual([]);
    const tie = { choice: 'tie', criteria_ratings: { helpfulness: { A: 4, B: 4 } }, justification: 'Same.' };
    expect(responseIssues(type, params, tie)).toEqual([]);
  });

  it.each([
    ['choice', { ...good, choice: 'C' }],
    ['strength', { ...good, strength: undefined }],
    ['strength', { ...good, strength: 8 }],
    ['selected_response_id', { ...good, selected_response_id: 'r-2' }],
    ['criteria_ratings.helpfulness', { ...good, criteria_ratings: {} }],
    ['criteria_ratings.helpfulness.B', { ...good, criteria_ratings: { helpfulness: { A: 1, B: 0 } } }],
    [
      'criteria_ratings.honesty.A',
      { ...good, criteria_ratings: { ...good.criteria_ratings, honesty: { A: 6, B: 1 } } },
    ],
    [
      'criteria_ratings.speed',
      { ...good, criteria_ratings: { ...good.criteria_ratings, speed: { A: 1, B: 1 } } },
    ],
    ['justification', { ...good, justification: '  ' }],
  ])('rejects at %s', (path, response) => {
    expect(paths(responseIssues(type, params, response))).toEqual([path]);
  });

  it('refuses a tie when ties are not allowed, and strength on a tie', () => {
    const noTie = mustParse(type, { ...example, allow_tie: false });
    const tie = {
      choice: 'tie',
      strength: 2,
      criteria_ratings: { helpfulness: { A: 4, B: 4 } },
      justification: 'x',
    };
    expect(paths(responseIssues(type, noTie, tie))).toEqual(['choice', 'strength']);
  });
});

it('placeholder answers pass for arbitrary valid params', () => {
  const criterion = fc.record(
    {
      key: fc.stringMatching(/^[a-z]{1,5}$/),
      title: fc.constant('Criterion'),
      scale: fc
        .integer({ min: -5, max: 5 })
        .chain((min) => fc.integer({ min: min + 1, max: min + 10 }).map((max) => ({ min, max }))),
      required: fc.boolean(),
    },
    { requiredKeys: ['key', 'title'] },
  );
  const arbitrary = fc.record(
    {
      prompt: fc.oneof(fc.constant('Hello?'), fc.constant([{ role: 'user', content: 'Hello?' }])),
      responses: fc.boolean().map((ids) =>
        ids
          ? [
              { id: 'a', content: 'x' },
              { id: 'b', content: 'y' },
            ]
          : [{ content: 'x' }, { content: 'y' }],
      ),
      criteria: fc.uniqueArray(criterion, { minLength: 1, maxLength: 4, selector: (c) => c.key }),
      likert_scale: fc.integer({ min: 2, max: 11 }),
      allow_tie: fc.boolean(),
      require_justification: fc.boolean(),
    },
    { requiredKeys: ['prompt', 'responses'] },
  );
  fc.assert(
    fc.property(arbitrary, (input) => {
      const params = mustParse(type, input);
      expect(responseIssues(type, params, type.placeholderResponse(params))).toEqual([]);
    }),
  );
});
