import * as z from 'zod';
import { attachmentReferenceSchema } from '../../shared/attachments.ts';
import {
  checkFieldAnswers,
  fieldAnswersSchema,
  fieldDescriptionsSchema,
  placeholderFieldAnswers,
} from '../../shared/field-descriptions.ts';
import type { TaskType } from '../../task-type.ts';
import { datacollectionConsensus } from './consensus.ts';
import { datacollectionScore } from './score.ts';

/** Params of a `datacollection` task: look something up and fill in fields. */
export const datacollectionParamsSchema = z.looseObject({
  /** Kind of attachment (default `website`). */
  attachment_type: z
    .enum(['text', 'image', 'website'])
    .default('website')
    .describe('Kind of attachment (default website).'),
  /** URL or file reference, or the text itself when `attachment_type` is `text`. */
  attachment: attachmentReferenceSchema,
  /** Fields to collect, `{key: description}`. */
  fields: fieldDescriptionsSchema,
});

/** Parsed datacollection params. */
export type DatacollectionParams = z.output<typeof datacollectionParamsSchema>;

/** Answer of a datacollection task. */
export const datacollectionResponseSchema = z.strictObject({
  /** One text per field key. */
  fields: fieldAnswersSchema,
});

/** Parsed datacollection answer. */
export type DatacollectionResponse = z.output<typeof datacollectionResponseSchema>;

/** `datacollection`: collect facts about an attachment into fields (Scale legacy type). */
export const datacollectionTaskType: TaskType<DatacollectionParams, DatacollectionResponse> = {
  name: 'datacollection',
  title: 'Data collection',
  paramsSchema: datacollectionParamsSchema,
  responseSchema: datacollectionResponseSchema,
  validateResponse(params, response) {
    return checkFieldAnswers(params.fields, response.fields, ['fields']);
  },
  placeholderResponse(params) {
    return { fields: placeholderFieldAnswers(params.fields) };
  },
  consensus: datacollectionConsensus,
  score: datacollectionScore,
  attachmentUrls(params) {
    return params.attachment_type === 'text' ? [] : [params.attachment];
  },
};
