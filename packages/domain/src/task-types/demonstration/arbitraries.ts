import fc from 'fast-check';
import type { ConsensusScenario } from '../../testing/consensus-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { type DemonstrationParams, demonstrationTaskType as type } from './index.ts';

const word = fc.constantFrom('hello', 'world', 'hi', 'there', '!');
/**
 * Random demonstration tasks (length limits, rationale required or not) with 1–6 candidate answers, for
 * the property tests of consensus and score.
 * @internal
 */
export const scenarios: fc.Arbitrary<ConsensusScenario<DemonstrationParams>> = fc
  .record({
    min_length: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    max_length: fc.option(fc.integer({ min: 12, max: 40 }), { nil: undefined }),
    require_rationale: fc.boolean(),
  })
  .chain((options) => {
    const p = mustParse(type, { prompt: 'p', ...JSON.parse(JSON.stringify(options)) });
    const answer = fc.record(
      {
        completion: fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')),
        rationale: fc.constantFrom('because', 'why not'),
      },
      { requiredKeys: ['completion'] },
    );
    return fc.array(answer, { minLength: 1, maxLength: 6 }).map((answers) => ({ params: p, answers }));
  });
