import fc from 'fast-check';
import type { ConsensusScenario } from '../../testing/consensus-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { type CategorizationParams, categorizationTaskType as type } from './index.ts';

const pool = ['red', 'green', 'blue', 'cyan'];
/**
 * Random categorization tasks (single or multiple choice, with or without ids) with 1–7 valid answers, for
 * the property tests of consensus and score.
 * @internal
 */
export const scenarios: fc.Arbitrary<ConsensusScenario<CategorizationParams>> = fc
  .record({
    categories: fc.shuffledSubarray(pool, { minLength: 1 }),
    allow_multiple: fc.boolean(),
    withIds: fc.boolean(),
  })
  .chain(({ categories, allow_multiple, withIds }) => {
    const params = mustParse(type, {
      attachment: 'a',
      categories,
      allow_multiple,
      ...(withIds ? { category_ids: Object.fromEntries(categories.map((c) => [`id-${c}`, c])) } : {}),
    });
    const answer = allow_multiple
      ? fc.shuffledSubarray(categories, { minLength: 1 }).map((chosen) => ({
          category: chosen,
          ...(withIds ? { category_id: chosen.map((c) => `id-${c}`) } : {}),
        }))
      : fc.constantFrom(...categories).map((chosen) => ({
          category: chosen,
          ...(withIds ? { category_id: `id-${chosen}` } : {}),
        }));
    return fc
      .array(answer as fc.Arbitrary<unknown>, { minLength: 1, maxLength: 7 })
      .map((answers) => ({ params, answers }));
  });
