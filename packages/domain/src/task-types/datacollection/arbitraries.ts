import fc from 'fast-check';
import type { ConsensusScenario } from '../../testing/consensus-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { type DatacollectionParams, datacollectionTaskType as type } from './index.ts';

/**
 * Random datacollection tasks (1–3 fields) with 1–6 answers of short texts, for the property tests of
 * consensus and score.
 * @internal
 */
export const scenarios: fc.Arbitrary<ConsensusScenario<DatacollectionParams>> = fc
  .uniqueArray(fc.constantFrom('a', 'b', 'c'), { minLength: 1 })
  .chain((keys) => {
    const p = mustParse(type, { attachment: 'x', fields: Object.fromEntries(keys.map((k) => [k, k])) });
    const text = fc.constantFrom('one', 'two', 'one two', '', ' ');
    const answer = fc
      .tuple(...keys.map(() => text))
      .map((texts) => ({ fields: Object.fromEntries(keys.map((k, i) => [k, texts[i]])) }));
    return fc.array(answer, { minLength: 1, maxLength: 6 }).map((answers) => ({ params: p, answers }));
  });
