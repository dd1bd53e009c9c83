import fc from 'fast-check';
import type { ConsensusScenario } from '../../testing/consensus-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { type ComparisonParams, comparisonTaskType as type } from './index.ts';

const words = fc.constantFrom('sharp', 'blurry', 'bright', 'dark', 'sharp image', '');
/**
 * Random comparison tasks (choices, fields or both) with 1–6 candidate answers, for the property tests of
 * consensus and score.
 * @internal
 */
export const scenarios: fc.Arbitrary<ConsensusScenario<ComparisonParams>> = fc
  .record({
    choices: fc.option(fc.shuffledSubarray(['yes', 'no', 'same'], { minLength: 1 }), { nil: undefined }),
    fields: fc.option(fc.uniqueArray(fc.constantFrom('why', 'what', 'how'), { minLength: 1 }), {
      nil: undefined,
    }),
  })
  .filter(({ choices, fields }) => choices !== undefined || fields !== undefined)
  .chain(({ choices, fields }) => {
    const params = mustParse(type, {
      attachments: ['a', 'b'],
      ...(choices ? { choices } : {}),
      ...(fields ? { fields: Object.fromEntries(fields.map((key) => [key, key])) } : {}),
    });
    const answer = fc
      .record(
        {
          choice: choices ? fc.constantFrom(...choices) : fc.constant(undefined),
          fields: fields
            ? fc
                .tuple(...fields.map(() => words))
                .map((texts) => Object.fromEntries(fields.map((key, i) => [key, texts[i]])))
            : fc.constant(undefined),
        },
        { requiredKeys: [] },
      )
      .map((answer) => JSON.parse(JSON.stringify(answer)) as unknown);
    return fc.array(answer, { minLength: 1, maxLength: 6 }).map((answers) => ({ params, answers }));
  });
