import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mustParse, paramIssues, paths, responseIssues } from '../../testing/task-type-harness.ts';
import { demonstrationTaskType as type } from './index.ts';

const example = {
  prompt: [{ role: 'user', content: 'Explain recursion to a child.' }],
  guidelines: 'Friendly, under 100 words.',
  min_length: 10,
  max_length: 40,
};

describe('demonstration', () => {
  const params = mustParse(type, example);

  it('accepts a completion within the limits, counting code points', () => {
    expect(responseIssues(type, params, { completion: 'A thing that uses itself.' })).toEqual([]);
    expect(responseIssues(type, params, { completion: '😀'.repeat(40) })).toEqual([]);
  });

  it.each([
    ['completion', { completion: 'Too short' }],
    ['completion', { completion: 'x'.repeat(41) }],
    ['completion', { completion: ' '.repeat(20) }],
    ['completion', {}],
    ['notes', { completion: 'A thing that uses itself.', notes: 'x' }],
  ])('rejects at %s', (path, response) => {
    expect(paths(responseIssues(type, params, response))).toEqual([path]);
  });

  it('requires a rationale when asked', () => {
    const withRationale = mustParse(type, { ...example, require_rationale: true });
    expect(paths(responseIssues(type, withRationale, { completion: 'A thing that uses itself.' }))).toEqual([
      'rationale',
    ]);
  });

  it.each([
    ['min_length', { ...example, min_length: 50 }],
    ['max_length', { ...example, min_length: undefined, max_length: 0 }],
    ['prompt', { ...example, prompt: [] }],
  ])('rejects params at %s', (path, input) => {
    expect(paths(paramIssues(type, input))).toEqual([path]);
  });

  it('placeholder answers pass for arbitrary valid params', () => {
    const arbitrary = fc
      .record({
        min: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
        span: fc.nat({ max: 500 }),
        max: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
        rationale: fc.boolean(),
      })
      .map(({ min, span, max, rationale }) => ({
        prompt: 'Say hi.',
        min_length: min,
        max_length: min === undefined ? max : min + span,
        require_rationale: rationale,
      }));
    fc.assert(
      fc.property(arbitrary, (input) => {
        const p = mustParse(type, input);
        expect(responseIssues(type, p, type.placeholderResponse(p))).toEqual([]);
      }),
    );
  });
});
