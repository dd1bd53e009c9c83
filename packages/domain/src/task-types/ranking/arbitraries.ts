import fc from 'fast-check';
import type { ConsensusScenario } from '../../testing/consensus-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { type RankingParams, rankingTaskType as type } from './index.ts';

/**
 * Random ranking tasks (2–5 responses, ties, criteria, justification) with 1–6 candidate answers, for the
 * property tests of consensus and score.
 * @internal
 */
export const scenarios: fc.Arbitrary<ConsensusScenario<RankingParams>> = fc
  .record({
    count: fc.integer({ min: 2, max: 5 }),
    allow_ties: fc.boolean(),
    criteria: fc.boolean(),
    required: fc.boolean(),
    require_justification: fc.boolean(),
  })
  .chain(({ count, criteria, required, ...options }) => {
    const ids = ['a', 'b', 'c', 'd', 'e'].slice(0, count);
    const p = mustParse(type, {
      prompt: 'p',
      responses: ids.map((id) => ({ id, content: id })),
      ...(criteria ? { criteria: [{ key: 'q', title: 'Q', required }] } : {}),
      ...options,
    });
    // A shuffled order cut into groups; groups of one are written as plain ids.
    const ranking = fc
      .tuple(
        fc.shuffledSubarray(ids, { minLength: count, maxLength: count }),
        fc.array(fc.boolean(), { minLength: count, maxLength: count }),
      )
      .map(([order, cuts]) => {
        const entries: (string | string[])[] = [];
        let group: string[] = [];
        order.forEach((id, index) => {
          group.push(id);
          if (!options.allow_ties || cuts[index] || index === order.length - 1) {
            entries.push(group.length === 1 ? (group[0] as string) : group);
            group = [];
          }
        });
        return entries;
      });
    const rating = fc.integer({ min: 1, max: 7 });
    const answer = fc.record(
      {
        ranking,
        criteria_ratings: fc.tuple(...ids.map(() => rating)).map((values) => ({
          q: Object.fromEntries(ids.map((id, i) => [id, values[i]])),
        })),
        justification: fc.constantFrom('a is best', 'b is best', 'all fine'),
      },
      { requiredKeys: ['ranking'] },
    );
    return fc.array(answer, { minLength: 1, maxLength: 6 }).map((answers) => ({ params: p, answers }));
  });
