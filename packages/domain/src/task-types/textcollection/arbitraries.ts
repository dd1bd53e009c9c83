import fc from 'fast-check';
import { mulberry32 } from '../../quality/random.ts';
import { numberProblem, placeholderNumber } from '../../shared/numbers.ts';
import type { ConsensusScenario } from '../../testing/consensus-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import type { FormField } from './form-fields.ts';
import { type TextcollectionParams, textcollectionTaskType as type } from './index.ts';
import { conditionHolds } from './validate.ts';

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A random answer to one response of `field`, usually valid (invalid ones are filtered by the harness). */
function randomSingle(field: FormField, random: () => number): unknown {
  switch (field.type) {
    case 'category': {
      const values = field.choices.map((choice) => choice.value);
      if (field.max_choices <= 1) return pick(random, values);
      const count =
        field.min_choices +
        Math.floor(random() * (Math.min(field.max_choices, values.length) - field.min_choices + 1));
      return [...values].sort(() => random() - 0.5).slice(0, count);
    }
    case 'text': {
      const base = pick(random, ['curry', 'green curry', 'tea', 'Curry!']);
      const min = field.min_characters ?? 0;
      return base.padEnd(min, 'x').slice(0, field.max_characters ?? Infinity);
    }
    case 'number': {
      const options = [placeholderNumber(field), (field.min ?? 0) + (field.step ?? 1), field.max ?? 1];
      const valid = options.filter((value) => numberProblem(value, field) === undefined);
      return pick(random, valid.length > 0 ? valid : options);
    }
    case 'boolean':
      return random() < 0.5;
    case 'datetime':
      return field.format === 'date'
        ? pick(random, ['2024-01-31', '2024-02-01'])
        : field.format === 'time'
          ? pick(random, ['13:45', '08:00'])
          : pick(random, ['2024-01-31T13:45:00Z', '2024-02-01T08:00:00Z']);
    case 'field_set':
      return randomAnswers(field.fields, random);
  }
}

function randomAnswers(fields: readonly FormField[], random: () => number): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  const shown = new Set<string>();
  for (const field of fields) {
    const condition = field.condition;
    if (
      condition &&
      !(shown.has(condition.field_id) && conditionHolds(condition, answers[condition.field_id]))
    )
      continue;
    shown.add(field.field_id);
    if (!field.required && random() < 0.4) continue;
    answers[field.field_id] =
      field.max_responses_required > 1
        ? Array.from({ length: field.min_responses_required + Math.floor(random() * 2) }, () =>
            randomSingle(field, random),
          ).slice(0, field.max_responses_required)
        : randomSingle(field, random);
  }
  return answers;
}

const leaf = fc.oneof(
  fc.record({
    type: fc.constant('category'),
    choices: fc.constant(['a', 'b', 'c'].map((value) => ({ label: value, value }))),
    max_choices: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ type: fc.constant('text'), min_characters: fc.option(fc.nat({ max: 8 }), { nil: undefined }) }),
  fc.record({
    type: fc.constant('number'),
    min: fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }),
    step: fc.option(fc.constantFrom(0.5, 1, 3), { nil: undefined }),
  }),
  fc.constant({ type: 'boolean' }),
  fc.constantFrom('date', 'time', 'datetime').map((format) => ({ type: 'datetime', format })),
);
const fieldsArbitrary = fc
  .array(
    fc.record({
      shape: fc.oneof({ weight: 5, arbitrary: leaf }, { weight: 1, arbitrary: fc.constant('set' as const) }),
      required: fc.boolean(),
      many: fc.integer({ min: 1, max: 2 }),
      conditionOn: fc.option(fc.nat(), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((entries) =>
    entries.map(({ shape, required, many, conditionOn }, index) => ({
      ...(shape === 'set'
        ? {
            type: 'field_set',
            fields: [
              { field_id: `f${index}_x`, title: 'X', type: 'boolean' },
              { field_id: `f${index}_y`, title: 'Y', type: 'text', required: false },
            ],
          }
        : shape),
      field_id: `f${index}`,
      title: `Question ${index}`,
      required,
      max_responses_required: many,
      ...(conditionOn !== undefined && index > 0
        ? { condition: { field_id: `f${conditionOn % index}`, value: [true, 'a', 'b'] } }
        : {}),
    })),
  );

/**
 * Random forms (1–5 fields of every kind, field sets, conditions, several responses) with 1–6 random,
 * mostly valid answers, for the property tests of consensus and score.
 * @internal
 */
export const scenarios: fc.Arbitrary<ConsensusScenario<TextcollectionParams>> = fieldsArbitrary.chain(
  (fields) => {
    const p = mustParse(type, { fields });
    return fc.array(fc.integer(), { minLength: 1, maxLength: 6 }).map((seeds) => ({
      params: p,
      answers: seeds.map((seed) => ({ annotations: randomAnswers(p.fields, mulberry32(seed)) })),
    }));
  },
);
