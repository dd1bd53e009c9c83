import fc from 'fast-check';
import type { ConsensusScenario } from '../../testing/consensus-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { type NamedentityrecognitionParams, namedentityrecognitionTaskType as type } from './index.ts';

const spanArbitrary = fc
  .record({
    start: fc.nat({ max: 12 }),
    length: fc.integer({ min: 1, max: 6 }),
    label: fc.constantFrom('A', 'B'),
  })
  .map(({ start, length, label }) => ({ start, end: start + length, label }));
/**
 * Random NER tasks (overlaps allowed or not) with 1–6 candidate answers of up to 4 spans, for the property
 * tests of consensus and score.
 * @internal
 */
export const scenarios: fc.Arbitrary<ConsensusScenario<NamedentityrecognitionParams>> = fc
  .boolean()
  .chain((allow_overlap) => {
    const p = mustParse(type, {
      text: 'abcdefghijklmnopqrst',
      labels: [{ name: 'A' }, { name: 'B' }],
      allow_overlap,
    });
    const answer = fc
      .uniqueArray(spanArbitrary, { maxLength: 4, selector: (s) => `${s.start}:${s.end}:${s.label}` })
      .map((annotations) => ({ annotations }));
    return fc.array(answer, { minLength: 1, maxLength: 6 }).map((answers) => ({ params: p, answers }));
  });
