import * as z from 'zod';
import { type FieldIssue, fieldIssue } from '../../issues.ts';
import { ATTACHMENT_TYPES, attachmentReferenceSchema } from '../../shared/attachments.ts';
import {
  checkFieldAnswers,
  fieldAnswersSchema,
  fieldDescriptionsSchema,
  placeholderFieldAnswers,
} from '../../shared/field-descriptions.ts';
import type { TaskType } from '../../task-type.ts';
import { comparisonConsensus } from './consensus.ts';
import { comparisonScore } from './score.ts';

/** Params of a `comparison` task: compare attachments, answering with a choice and/or free-text fields. */
export const comparisonParamsSchema = z
  .looseObject({
    /** Kind of the attachments (default `image`). */
    attachment_type: z
      .enum(ATTACHMENT_TYPES)
      .default('image')
      .describe('Kind of the attachments (default image).'),
    /** The items to compare: URLs, file references, or texts when `attachment_type` is `text`; at least two. */
    attachments: z
      .array(attachmentReferenceSchema)
      .min(2)
      .describe('Items to compare (at least two): URLs, file references or texts.'),
    /** Answer options, unique. */
    choices: z.array(z.string().min(1)).min(1).optional().describe('Answer options (unique).'),
    /** Free-text fields to fill, `{key: description}`. */
    fields: fieldDescriptionsSchema.optional(),
  })
  .superRefine((params, ctx) => {
    if (params.choices === undefined && params.fields === undefined) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'give choices, fields or both' });
    }
    const seen = new Set<string>();
    params.choices?.forEach((choice, index) => {
      if (seen.has(choice))
        ctx.addIssue({ code: 'custom', path: ['choices', index], message: `duplicate "${choice}"` });
      seen.add(choice);
    });
  });

/** Parsed comparison params. */
export type ComparisonParams = z.output<typeof comparisonParamsSchema>;

/** Answer of a comparison task. */
export const comparisonResponseSchema = z.strictObject({
  /** The chosen option; present exactly when the task has `choices`. */
  choice: z.string().optional().describe('Chosen option, when the task has choices.'),
  /** Field answers; present exactly when the task has `fields`. */
  fields: fieldAnswersSchema.optional(),
});

/** Parsed comparison answer. */
export type ComparisonResponse = z.output<typeof comparisonResponseSchema>;

function validateComparison(params: ComparisonParams, response: ComparisonResponse): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (params.choices) {
    if (response.choice === undefined) issues.push(fieldIssue(['choice'], 'is required'));
    else if (!params.choices.includes(response.choice)) {
      issues.push(fieldIssue(['choice'], `unknown choice "${response.choice}"`));
    }
  } else if (response.choice !== undefined) {
    issues.push(fieldIssue(['choice'], 'not expected: the task has no choices'));
  }
  if (params.fields) {
    if (response.fields === undefined) issues.push(fieldIssue(['fields'], 'is required'));
    else issues.push(...checkFieldAnswers(params.fields, response.fields, ['fields']));
  } else if (response.fields !== undefined) {
    issues.push(fieldIssue(['fields'], 'not expected: the task has no fields'));
  }
  return issues;
}

/** `comparison`: compare attachments (Scale legacy type). */
export const comparisonTaskType: TaskType<ComparisonParams, ComparisonResponse> = {
  name: 'comparison',
  title: 'Comparison',
  paramsSchema: comparisonParamsSchema,
  responseSchema: comparisonResponseSchema,
  validateResponse: validateComparison,
  placeholderResponse(params) {
    const response: ComparisonResponse = {};
    if (params.choices?.[0] !== undefined) response.choice = params.choices[0];
    if (params.fields) response.fields = placeholderFieldAnswers(params.fields);
    return response;
  },
  consensus: comparisonConsensus,
  score: comparisonScore,
  attachmentUrls(params) {
    return params.attachment_type === 'text' ? [] : [...params.attachments];
  },
};
