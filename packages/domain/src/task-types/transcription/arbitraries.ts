import fc from 'fast-check';
import type { ConsensusScenario } from '../../testing/consensus-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { type TranscriptionParams, transcriptionTaskType as type } from './index.ts';

const text = fc.constantFrom('1', '2', 'tea', 'tea 2', '');
/**
 * Random transcription tasks (with or without repeatable fields) with 1–6 answers of short texts, for the
 * property tests of consensus and score.
 * @internal
 */
export const scenarios: fc.Arbitrary<ConsensusScenario<TranscriptionParams>> = fc
  .boolean()
  .chain((repeatable) => {
    const p = mustParse(type, {
      attachment: 'x',
      fields: { a: 'A', b: 'B' },
      ...(repeatable ? { repeatable_fields: { item: 'Item' } } : {}),
    });
    const answer = fc.record(
      {
        fields: fc.record({ a: text, b: text }),
        repeatable_fields: repeatable
          ? fc.array(fc.record({ item: text }), { maxLength: 3 })
          : fc.constant(undefined),
      },
      { requiredKeys: ['fields'] },
    );
    return fc
      .array(answer, { minLength: 1, maxLength: 6 })
      .map((answers) => ({ params: p, answers: JSON.parse(JSON.stringify(answers)) as unknown[] }));
  });
