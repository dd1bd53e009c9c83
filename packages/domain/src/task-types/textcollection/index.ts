import * as z from 'zod';
import type { TaskType } from '../../task-type.ts';
import { textcollectionConsensus } from './consensus.ts';
import { formFieldSchema } from './form-fields.ts';
import { textcollectionScore } from './score.ts';
import { formAnswerIssues, formDefinitionIssues, placeholderFormAnswers } from './validate.ts';

/** Something shown to the labeler next to the form. */
export const textcollectionAttachmentSchema = z.strictObject({
  /** Kind of content. */
  type: z.enum(['pdf', 'image', 'text', 'video', 'website', 'audio']).describe('Kind of content.'),
  /** Markdown text for `text`, otherwise the URL or file reference. */
  content: z
    .string()
    .min(1)
    .describe('Markdown text for text attachments, otherwise a URL or file reference.'),
  /** `field_id`s of the top-level fields this attachment belongs to (default: all). */
  forms: z
    .array(z.string().min(1))
    .optional()
    .describe('field_ids of the fields this attachment belongs to.'),
});

/** Params of a `textcollection` task: a form answered about some attachments. */
export const textcollectionParamsSchema = z
  .looseObject({
    /** Content shown next to the form. */
    attachments: z
      .array(textcollectionAttachmentSchema)
      .default([])
      .describe('Content shown next to the form.'),
    /** The form's questions. */
    fields: z.array(formFieldSchema).min(1).describe('The questions of the form.'),
    /** Heading of the form. */
    title: z.string().optional().describe('Heading of the form.'),
    /** Introduction shown above the form. */
    description: z.string().optional().describe('Introduction shown above the form.'),
    /** How many independent answers to collect for consensus (≤ 100). */
    responses_required: z
      .int()
      .min(1)
      .max(100)
      .optional()
      .describe('Independent answers to collect (≤ 100).'),
  })
  .superRefine((params, ctx) => {
    for (const issue of formDefinitionIssues(params.fields, [])) {
      ctx.addIssue({ code: 'custom', path: ['fields', ...issue.path.split('.')], message: issue.message });
    }
    const topLevel = new Set(params.fields.map((field) => field.field_id));
    params.attachments.forEach((attachment, index) => {
      attachment.forms?.forEach((id, formIndex) => {
        if (!topLevel.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['attachments', index, 'forms', formIndex],
            message: `no top-level field has field_id "${id}"`,
          });
        }
      });
    });
  });

/** Parsed textcollection params. */
export type TextcollectionParams = z.output<typeof textcollectionParamsSchema>;

/** Answer of a textcollection task. */
export const textcollectionResponseSchema = z.strictObject({
  /** Answers keyed by `field_id`; arrays when `max_responses_required > 1`, objects for field sets. */
  annotations: z
    .record(z.string(), z.json())
    .describe('Answers keyed by field_id; arrays when max_responses_required > 1, objects for field sets.'),
});

/** Parsed textcollection answer. */
export type TextcollectionResponse = z.output<typeof textcollectionResponseSchema>;

/** `textcollection`: the generic form task. */
export const textcollectionTaskType: TaskType<TextcollectionParams, TextcollectionResponse> = {
  name: 'textcollection',
  title: 'Text collection (form)',
  paramsSchema: textcollectionParamsSchema,
  responseSchema: textcollectionResponseSchema,
  validateResponse(params, response) {
    return formAnswerIssues(params.fields, response.annotations, ['annotations']);
  },
  placeholderResponse(params) {
    return { annotations: placeholderFormAnswers(params.fields) as TextcollectionResponse['annotations'] };
  },
  consensus: textcollectionConsensus,
  score: textcollectionScore,
  attachmentUrls(params) {
    return params.attachments.filter((attachment) => attachment.type !== 'text').map((a) => a.content);
  },
};
