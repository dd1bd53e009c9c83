import fc from 'fast-check';
import type { ConsensusScenario } from '../../testing/consensus-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { type PairwisepreferenceParams, pairwisepreferenceTaskType as type } from './index.ts';

/**
 * Random pairwise-preference tasks (ids, criteria, ties, justification, scale) with 1–7 candidate answers,
 * for the property tests of consensus and score.
 * @internal
 */
export const scenarios: fc.Arbitrary<ConsensusScenario<PairwisepreferenceParams>> = fc
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
