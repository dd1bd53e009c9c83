import * as z from 'zod';
import { limitsOrdered } from '../../shared/numbers.ts';

/** A value a condition can compare with. */
export type ConditionValue = string | number | boolean;

/** Shows a field only when an earlier sibling field's answer equals `value` (or one of `value` when an array). */
export interface FieldCondition {
  /** `field_id` of an earlier field in the same list. */
  field_id: string;
  /** Expected answer, or a list of accepted answers. */
  value: ConditionValue | ConditionValue[];
}

/** Properties every form field has. */
export interface FormFieldBase {
  /** Stable key of the field's answer, unique across the whole form. */
  field_id: string;
  /** Question shown to the labeler. */
  title: string;
  /** Longer explanation. */
  description?: string | undefined;
  /** Short help text. */
  hint?: string | undefined;
  /** Whether an answer is required when the field is shown (default true). */
  required: boolean;
  /** Fewest answers when answered (default 1). */
  min_responses_required: number;
  /** Most answers (default 1, at most 100); above 1 the answer is an array. */
  max_responses_required: number;
  /** Show the field only when an earlier sibling has a given answer. */
  condition?: FieldCondition | undefined;
}

/** An option of a category field. */
export interface CategoryChoice {
  /** Text shown to the labeler. */
  label: string;
  /** Value stored in the answer (unique within the field). */
  value: string;
  /** Help text for this option. */
  hint?: string | undefined;
}

/** Multiple choice. The answer is a choice value, or an array of them when `max_choices > 1`. */
export interface CategoryFormField extends FormFieldBase {
  /** Field kind. */
  type: 'category';
  /** Options. */
  choices: CategoryChoice[];
  /** Fewest options to select (default 1). */
  min_choices: number;
  /** Most options to select (default 1). */
  max_choices: number;
}

/** Free text. */
export interface TextFormField extends FormFieldBase {
  /** Field kind. */
  type: 'text';
  /** Fewest characters. */
  min_characters?: number | undefined;
  /** Most characters. */
  max_characters?: number | undefined;
  /** Placeholder shown in the empty input. */
  placeholder?: string | undefined;
}

/** A number. */
export interface NumberFormField extends FormFieldBase {
  /** Field kind. */
  type: 'number';
  /** Smallest value. */
  min?: number | undefined;
  /** Largest value. */
  max?: number | undefined;
  /** Allowed increments from `min` (or 0). */
  step?: number | undefined;
  /** Unit shown next to the input (display only). */
  unit?: string | undefined;
}

/** Yes/no. */
export interface BooleanFormField extends FormFieldBase {
  /** Field kind. */
  type: 'boolean';
}

/** A date, time or date-time, answered as an ISO-8601 string. */
export interface DatetimeFormField extends FormFieldBase {
  /** Field kind. */
  type: 'datetime';
  /** Which part is asked for (default `datetime`). */
  format: 'date' | 'time' | 'datetime';
}

/** A group of at least two fields answered together as one object keyed by child `field_id`. */
export interface FieldSetFormField extends FormFieldBase {
  /** Field kind. */
  type: 'field_set';
  /** The grouped fields. */
  fields: FormField[];
  /** Lay the children out on one line. */
  inline?: boolean | undefined;
}

/** One question of a textcollection form. */
export type FormField =
  | CategoryFormField
  | TextFormField
  | NumberFormField
  | BooleanFormField
  | DatetimeFormField
  | FieldSetFormField;

const conditionValueSchema = z.union([z.string(), z.number(), z.boolean()]);

/** Zod schema of a {@link FieldCondition}. */
export const fieldConditionSchema = z.strictObject({
  /** `field_id` of an earlier sibling field. */
  field_id: z.string().min(1).describe('field_id of an earlier field in the same list.'),
  /** Expected answer, or accepted answers. */
  value: z
    .union([conditionValueSchema, z.array(conditionValueSchema).min(1)])
    .describe('Accepted answer(s).'),
});

const base = {
  /** Stable key of the answer, unique across the form. */
  field_id: z.string().min(1).describe('Stable key of the answer, unique across the form.'),
  /** Question shown to the labeler. */
  title: z.string().min(1).describe('Question shown to the labeler.'),
  /** Longer explanation. */
  description: z.string().optional().describe('Longer explanation.'),
  /** Short help text. */
  hint: z.string().optional().describe('Short help text.'),
  /** Whether an answer is required when shown. */
  required: z.boolean().default(true).describe('Whether an answer is required when the field is shown.'),
  /** Fewest answers. */
  min_responses_required: z.int().min(1).max(100).default(1).describe('Fewest answers (default 1).'),
  /** Most answers; above 1 the answer is an array. */
  max_responses_required: z.int().min(1).max(100).default(1).describe('Most answers (default 1, ≤ 100).'),
  /** Show only when an earlier sibling has a given answer. */
  condition: fieldConditionSchema.optional().describe('Show only when an earlier field has a given answer.'),
};

const categoryChoiceSchema = z.strictObject({
  /** Text shown to the labeler. */
  label: z.string().min(1).describe('Text shown to the labeler.'),
  /** Stored value. */
  value: z.string().min(1).describe('Value stored in the answer.'),
  /** Help text. */
  hint: z.string().optional().describe('Help text for this option.'),
});

const categoryFieldSchema = z.strictObject({
  ...base,
  /** Field kind. */
  type: z.literal('category').describe('Multiple choice.'),
  /** Options. */
  choices: z.array(categoryChoiceSchema).min(1).describe('Options.'),
  /** Fewest options to select. */
  min_choices: z.int().min(1).default(1).describe('Fewest options to select (default 1).'),
  /** Most options to select. */
  max_choices: z.int().min(1).default(1).describe('Most options to select (default 1).'),
});

const textFieldSchema = z.strictObject({
  ...base,
  /** Field kind. */
  type: z.literal('text').describe('Free text.'),
  /** Fewest characters. */
  min_characters: z.int().min(0).optional().describe('Fewest characters.'),
  /** Most characters. */
  max_characters: z.int().min(1).optional().describe('Most characters.'),
  /** Placeholder of the empty input. */
  placeholder: z.string().optional().describe('Placeholder of the empty input.'),
});

const numberFieldSchema = z.strictObject({
  ...base,
  /** Field kind. */
  type: z.literal('number').describe('A number.'),
  /** Smallest value. */
  min: z.number().optional().describe('Smallest value.'),
  /** Largest value. */
  max: z.number().optional().describe('Largest value.'),
  /** Increments from min (or 0). */
  step: z.number().positive().optional().describe('Allowed increments from min (or 0).'),
  /** Unit label. */
  unit: z.string().optional().describe('Unit shown next to the input.'),
});

const booleanFieldSchema = z.strictObject({
  ...base,
  /** Field kind. */
  type: z.literal('boolean').describe('Yes/no.'),
});

const datetimeFieldSchema = z.strictObject({
  ...base,
  /** Field kind. */
  type: z.literal('datetime').describe('Date, time or date-time as ISO-8601.'),
  /** Which part is asked for. */
  format: z
    .enum(['date', 'time', 'datetime'])
    .default('datetime')
    .describe('date, time or datetime (default).'),
});

const fieldSetSchema = z.strictObject({
  ...base,
  /** Field kind. */
  type: z.literal('field_set').describe('Group of fields answered as one object.'),
  /** The grouped fields (at least two). */
  get fields() {
    return z.array(formFieldSchema).min(2).describe('Grouped fields (at least two).');
  },
  /** Lay the children out on one line. */
  inline: z.boolean().optional().describe('Lay the children out on one line.'),
});

/** Zod schema of a {@link FormField}: a union on `type`, with per-kind consistency checks. */
export const formFieldSchema: z.ZodType<FormField> = z
  .discriminatedUnion('type', [
    categoryFieldSchema,
    textFieldSchema,
    numberFieldSchema,
    booleanFieldSchema,
    datetimeFieldSchema,
    fieldSetSchema,
  ])
  .superRefine((field, ctx) => {
    if (field.min_responses_required > field.max_responses_required) {
      ctx.addIssue({
        code: 'custom',
        path: ['min_responses_required'],
        message: 'must be ≤ max_responses_required',
      });
    }
    if (field.type === 'category') {
      const seen = new Set<string>();
      field.choices.forEach((choice, index) => {
        if (seen.has(choice.value)) {
          ctx.addIssue({
            code: 'custom',
            path: ['choices', index, 'value'],
            message: `duplicate "${choice.value}"`,
          });
        }
        seen.add(choice.value);
      });
      if (field.min_choices > field.max_choices) {
        ctx.addIssue({ code: 'custom', path: ['min_choices'], message: 'must be ≤ max_choices' });
      }
      if (field.min_choices > field.choices.length) {
        ctx.addIssue({ code: 'custom', path: ['min_choices'], message: 'must be ≤ the number of choices' });
      }
    }
    if (field.type === 'text' && !limitsOrdered({ min: field.min_characters, max: field.max_characters })) {
      ctx.addIssue({ code: 'custom', path: ['min_characters'], message: 'must be ≤ max_characters' });
    }
    if (field.type === 'number' && !limitsOrdered(field)) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: 'must be ≤ max' });
    }
  });
