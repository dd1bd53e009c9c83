import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertConsensusProperties, permute, validAnswers } from '../../testing/consensus-harness.ts';
import { assertWeightedConsensusProperties } from '../../testing/score-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { scenarios } from './arbitraries.ts';
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

describe('weighted pairwisepreference consensus', () => {
  it('lets one reliable annotator outvote two unreliable ones, with weighted medians', () => {
    const answers = [
      answer('A', 2, 6, 2, 'A is shorter'),
      answer('A', 3, 5, 3, 'A is short'),
      answer('B', 6, 2, 7, 'B explains condensation'),
      answer('B', 4, 3, 6, 'B is right'),
    ];
    // Unweighted: A and B tie 2–2, the earliest (A) wins.
    expect(type.consensus(params, answers).response.choice).toBe('A');
    const result = type.consensus(params, answers, [0.2, 0.2, 1, 0.5]);
    // Choice: A 0.4, B 1.5. Strength among B: 4 (0.5), 6 (1): half of 1.5 is first reached at 6.
    // Ratings over all four, total 1.9 (half 0.95): A sorted 2 (1), … → cumulative 1 at 2 → 2;
    // B sorted 2 (0.2), 3 (0.2), 6 (0.5), 7 (1) → cumulative 0.4 at 3, 0.9 at 6, 1.9 at 7 → 7.
    expect(result.response).toEqual({
      choice: 'B',
      strength: 6,
      selected_response_id: 'r2',
      criteria_ratings: { helpful: { A: 2, B: 7 } },
      justification: 'B explains condensation',
    });
    // The agreement is the unweighted share of the most frequent choice.
    expect(result.agreement).toBe(1 / 2);
  });

  it('has the weighted-consensus properties', () => {
    assertWeightedConsensusProperties(type, scenarios, 300);
  });
});
