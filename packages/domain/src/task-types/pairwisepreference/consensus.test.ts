import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertConsensusProperties, permute, validAnswers } from '../../testing/consensus-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { pairwisepreferenceTaskType as type } from './index.ts';

const params = mustParse(type, {
  prompt: 'Explain rain',
  responses: [
    { id: 'r1', content: 'Water falls.' },
    { id: 'r2', content: 'Clouds condense.' },
  ],
  criteria: [{ key: 'helpful', title: 'Helpful' }],
});
const answer = (
  choice: 'A' | 'B' | 'tie',
  strength: number | undefined,
  a: number,
  b: number,
  why?: string,
) => ({
  choice,
  ...(strength === undefined ? {} : { strength }),
  ...(choice === 'tie' ? {} : { selected_response_id: choice === 'A' ? 'r1' : 'r2' }),
  criteria_ratings: { helpful: { A: a, B: b } },
  ...(why === undefined ? {} : { justification: why }),
});

describe('pairwisepreference consensus', () => {
  it('returns a unanimous answer with agreement 1', () => {
    const one = answer('B', 3, 2, 6, 'B explains condensation');
    expect(type.consensus(params, [one, one, one])).toEqual({ response: one, agreement: 1 });
  });

  it('takes the majority choice, the lower median strength and ratings, and a central justification', () => {
    const result = type.consensus(params, [
      answer('A', 7, 7, 1, 'A is shorter'),
      answer('B', 2, 3, 5, 'B explains condensation'),
      answer('B', 5, 2, 7, 'B explains condensation well'),
      answer('B', 4, 4, 6, 'no'),
    ]);
    expect(result.response).toEqual({
      choice: 'B',
      strength: 4,
      selected_response_id: 'r2',
      criteria_ratings: { helpful: { A: 3, B: 5 } },
      justification: 'B explains condensation',
    });
    expect(result.agreement).toBe(3 / 4);
  });

  it('breaks a tie in favour of the earliest answer', () => {
    const a = answer('A', 1, 1, 1);
    const b = answer('tie', undefined, 1, 1);
    expect(type.consensus(params, [a, b]).response.choice).toBe('A');
    expect(type.consensus(params, [b, a]).response.choice).toBe('tie');
  });

  it('shows its two responses in a random order', () => {
    expect(type.displayItems?.(params)).toBe(2);
  });

  it('throws on no answers', () => {
    expect(() => type.consensus(params, [])).toThrow(/at least one answer/);
  });
});

const scenarios = fc
  .record({
    ids: fc.boolean(),
    criteria: fc.boolean(),
    required: fc.boolean(),
    allow_tie: fc.boolean(),
    require_justification: fc.boolean(),
    likert_scale: fc.integer({ min: 2, max: 7 }),
  })
  .chain(({ ids, criteria, required, ...options }) => {
    const p = mustParse(type, {
      prompt: 'p',
      responses: ids
        ? [
            { id: 'x', content: '1' },
            { id: 'y', content: '2' },
          ]
        : [{ content: '1' }, { content: '2' }],
      ...(criteria ? { criteria: [{ key: 'c', title: 'C', required, scale: { min: 1, max: 5 } }] } : {}),
      ...options,
    });
    const rating = fc.integer({ min: 1, max: 5 });
    const one = fc
      .record(
        {
          choice: fc.constantFrom('A', 'B', 'tie'),
          strength: fc.integer({ min: 1, max: options.likert_scale }),
          selected: fc.boolean(),
          criteria_ratings: fc.record({ c: fc.record({ A: rating, B: rating }) }),
          justification: fc.constantFrom('A is better', 'B is better', 'same', ''),
        },
        { requiredKeys: ['choice', 'strength', 'selected'] },
      )
      .map(({ choice, strength, selected, ...rest }) => {
        if (choice === 'tie') return { choice, ...rest };
        const id = p.responses[choice === 'A' ? 0 : 1]?.id;
        return { choice, strength, ...(selected && id ? { selected_response_id: id } : {}), ...rest };
      });
    return fc.array(one, { minLength: 1, maxLength: 7 }).map((answers) => ({ params: p, answers }));
  });

describe('pairwisepreference consensus properties', () => {
  it('is valid, bounded, order-independent in agreement, and returns unanimous answers', () => {
    assertConsensusProperties(type, scenarios, 300);
  });

  it('keeps a choice made by more than half of the answers whatever their order', () => {
    fc.assert(
      fc.property(
        scenarios,
        fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        ({ params: p, answers }, keys) => {
          const valid = validAnswers(type, p, answers);
          fc.pre(valid.length > 0);
          const result = type.consensus(p, valid);
          fc.pre(result.agreement > 0.5);
          const again = type.consensus(p, permute(valid, keys));
          expect(again.response.choice).toBe(result.response.choice);
          expect(again.response.strength).toBe(result.response.strength);
          expect(again.response.criteria_ratings).toEqual(result.response.criteria_ratings);
        },
      ),
    );
  });
});
