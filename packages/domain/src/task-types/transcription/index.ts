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
import { transcriptionConsensus } from './consensus.ts';
import { transcriptionScore } from './score.ts';

/** Params of a `transcription` task: copy fields out of an attachment. */
export const transcriptionParamsSchema = z.looseObject({
  /** Kind of attachment (default `image`). */
  attachment_type: z.enum(ATTACHMENT_TYPES).default('image').describe('Kind of attachment (default image).'),
  /** URL or file reference of the document to transcribe. */
  attachment: attachmentReferenceSchema,
  /** Fields transcribed once, `{key: description}`. */
  fields: fieldDescriptionsSchema,
  /** Fields transcribed once per repeated item (e.g. invoice lines), `{key: description}`. */
  repeatable_fields: fieldDescriptionsSchema.optional(),
});

/** Parsed transcription params. */
export type TranscriptionParams = z.output<typeof transcriptionParamsSchema>;

/** Answer of a transcription task. */
export const transcriptionResponseSchema = z.strictObject({
  /** One text per field key. */
  fields: fieldAnswersSchema,
  /** One entry per repeated item, each with a text per repeatable field key. */
  repeatable_fields: z.array(fieldAnswersSchema).optional().describe('One entry per repeated item.'),
});

/** Parsed transcription answer. */
export type TranscriptionResponse = z.output<typeof transcriptionResponseSchema>;

function validateTranscription(params: TranscriptionParams, response: TranscriptionResponse): FieldIssue[] {
  const issues = checkFieldAnswers(params.fields, response.fields, ['fields']);
  const repeatable = params.repeatable_fields;
  if (!repeatable) {
    if (response.repeatable_fields !== undefined) {
      issues.push(fieldIssue(['repeatable_fields'], 'not expected: the task has no repeatable_fields'));
    }
    return issues;
  }
  response.repeatable_fields?.forEach((row, index) => {
    issues.push(...checkFieldAnswers(repeatable, row, ['repeatable_fields', index]));
  });
  return issues;
}

/** `transcription`: copy fields (and repeated rows) out of a document (Scale legacy type). */
export const transcriptionTaskType: TaskType<TranscriptionParams, TranscriptionResponse> = {
  name: 'transcription',
  title: 'Transcription',
  paramsSchema: transcriptionParamsSchema,
  responseSchema: transcriptionResponseSchema,
  validateResponse: validateTranscription,
  placeholderResponse(params) {
    const response: TranscriptionResponse = { fields: placeholderFieldAnswers(params.fields) };
    if (params.repeatable_fields) response.repeatable_fields = [];
    return response;
  },
  consensus: transcriptionConsensus,
  score: transcriptionScore,
  attachmentUrls(params) {
    return params.attachment_type === 'text' ? [] : [params.attachment];
  },
};
