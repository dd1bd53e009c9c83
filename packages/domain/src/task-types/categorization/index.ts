import * as z from 'zod';
import { type FieldIssue, fieldIssue } from '../../issues.ts';
import { ATTACHMENT_TYPES, attachmentReferenceSchema } from '../../shared/attachments.ts';
import type { TaskType } from '../../task-type.ts';
import { categorizationConsensus } from './consensus.ts';
import { categorizationScore } from './score.ts';

/** Params of a `categorization` task: pick one (or several) categories for an attachment. */
export const categorizationParamsSchema = z
  .looseObject({
    /** Kind of attachment (default `image`). */
    attachment_type: z
      .enum(ATTACHMENT_TYPES)
      .default('image')
      .describe('Kind of attachment (default image).'),
    /** URL or file reference, or the text itself when `attachment_type` is `text`. */
    attachment: attachmentReferenceSchema.describe(
      'URL or file reference; the text itself for text attachments.',
    ),
    /** The categories to choose from, unique. */
    categories: z.array(z.string().min(1)).min(1).describe('Categories to choose from (unique).'),
    /** Optional `{id: category}` map; answers then also carry `category_id`. */
    category_ids: z
      .record(z.string().min(1), z.string())
      .optional()
      .describe('Map of category id to category; answers then carry category_id.'),
    /** Whether several categories may be chosen (answer is then an array). */
    allow_multiple: z.boolean().default(false).describe('Allow choosing several categories.'),
  })
  .superRefine((params, ctx) => {
    const seen = new Set<string>();
    params.categories.forEach((category, index) => {
      if (seen.has(category)) {
        ctx.addIssue({
          code: 'custom',
          path: ['categories', index],
          message: `duplicate category "${category}"`,
        });
      }
      seen.add(category);
    });
    const mapped = new Set<string>();
    for (const [id, category] of Object.entries(params.category_ids ?? {})) {
      if (!seen.has(category)) {
        ctx.addIssue({
          code: 'custom',
          path: ['category_ids', id],
          message: `"${category}" is not in categories`,
        });
      } else if (mapped.has(category)) {
        ctx.addIssue({
          code: 'custom',
          path: ['category_ids', id],
          message: `"${category}" already has an id`,
        });
      }
      mapped.add(category);
    }
  });

/** Parsed categorization params. */
export type CategorizationParams = z.output<typeof categorizationParamsSchema>;

const oneOrMany = z.union([z.string(), z.array(z.string()).min(1)]);

/** Answer of a categorization task. */
export const categorizationResponseSchema = z.strictObject({
  /** The chosen category, or the chosen categories when `allow_multiple`. */
  category: oneOrMany.describe('Chosen category; an array when allow_multiple.'),
  /** Id(s) of the chosen category(ies), present when the task has `category_ids`. */
  category_id: oneOrMany
    .optional()
    .describe('Id(s) of the chosen category(ies) when category_ids were given.'),
});

/** Parsed categorization answer. */
export type CategorizationResponse = z.output<typeof categorizationResponseSchema>;

function idsByCategory(params: CategorizationParams): Map<string, string> {
  return new Map(Object.entries(params.category_ids ?? {}).map(([id, category]) => [category, id]));
}

function validateCategorization(
  params: CategorizationParams,
  response: CategorizationResponse,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const chosen = Array.isArray(response.category) ? response.category : [response.category];
  if (params.allow_multiple && !Array.isArray(response.category)) {
    issues.push(fieldIssue(['category'], 'expected an array of categories because allow_multiple is true'));
  }
  if (!params.allow_multiple && Array.isArray(response.category)) {
    issues.push(fieldIssue(['category'], 'expected a single category because allow_multiple is false'));
  }
  const seen = new Set<string>();
  chosen.forEach((category, index) => {
    const path = Array.isArray(response.category) ? ['category', index] : ['category'];
    if (!params.categories.includes(category)) {
      issues.push(fieldIssue(path, `unknown category "${category}"`));
    } else if (seen.has(category)) {
      issues.push(fieldIssue(path, `category "${category}" chosen twice`));
    }
    seen.add(category);
  });
  if (params.category_ids === undefined) {
    if (response.category_id !== undefined) {
      issues.push(fieldIssue(['category_id'], 'not expected: the task has no category_ids'));
    }
    return issues;
  }
  if (response.category_id === undefined) {
    issues.push(fieldIssue(['category_id'], 'is required because the task has category_ids'));
    return issues;
  }
  const ids = idsByCategory(params);
  const expected = chosen.map((category) => ids.get(category));
  const given = Array.isArray(response.category_id) ? response.category_id : [response.category_id];
  if (Array.isArray(response.category_id) !== Array.isArray(response.category)) {
    issues.push(fieldIssue(['category_id'], 'must be an array exactly when category is an array'));
  } else if (given.length !== expected.length || given.some((id, i) => id !== expected[i])) {
    issues.push(fieldIssue(['category_id'], 'does not match the ids of the chosen categories'));
  }
  return issues;
}

/** `categorization`: choose categories for an attachment (Scale legacy type). */
export const categorizationTaskType: TaskType<CategorizationParams, CategorizationResponse> = {
  name: 'categorization',
  title: 'Categorization',
  paramsSchema: categorizationParamsSchema,
  responseSchema: categorizationResponseSchema,
  validateResponse: validateCategorization,
  placeholderResponse(params) {
    const first = params.categories[0] ?? '';
    const id = idsByCategory(params).get(first);
    if (params.allow_multiple)
      return id === undefined ? { category: [first] } : { category: [first], category_id: [id] };
    return id === undefined ? { category: first } : { category: first, category_id: id };
  },
  consensus: categorizationConsensus,
  score: categorizationScore,
  attachmentUrls(params) {
    return params.attachment_type === 'text' ? [] : [params.attachment];
  },
};
