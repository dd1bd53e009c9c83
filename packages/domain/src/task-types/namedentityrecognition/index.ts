import * as z from 'zod';
import { type FieldIssue, fieldIssue } from '../../issues.ts';
import type { TaskType } from '../../task-type.ts';
import { namedentityrecognitionConsensus } from './consensus.ts';
import { namedentityrecognitionScore } from './score.ts';

/** An entity label; labels with `children` only group narrower labels. */
export interface EntityLabel {
  /** Stored label name (unique across the tree). */
  name: string;
  /** Guidance shown to the labeler. */
  description?: string | undefined;
  /** Narrower labels; when present, only they can be used in answers. */
  children?: EntityLabel[] | undefined;
}

/** Zod schema of an {@link EntityLabel} (recursive). */
export const entityLabelSchema: z.ZodType<EntityLabel> = z.lazy(() =>
  z.strictObject({
    /** Stored label name. */
    name: z.string().min(1).describe('Stored label name.'),
    /** Guidance for the labeler. */
    description: z.string().optional().describe('Guidance shown to the labeler.'),
    /** Narrower labels. */
    children: z
      .array(entityLabelSchema)
      .min(1)
      .optional()
      .describe('Narrower labels; groups are not answers.'),
  }),
);

function walkLabels(
  labels: readonly EntityLabel[],
  visit: (label: EntityLabel, path: PropertyKey[]) => void,
) {
  const go = (list: readonly EntityLabel[], path: PropertyKey[]) =>
    list.forEach((label, index) => {
      visit(label, [...path, index]);
      if (label.children) go(label.children, [...path, index, 'children']);
    });
  go(labels, []);
}

/** Names of the labels answers may use (leaves of the label tree). */
export function entityLeafLabels(labels: readonly EntityLabel[]): string[] {
  const leaves: string[] = [];
  walkLabels(labels, (label) => {
    if (!label.children) leaves.push(label.name);
  });
  return leaves;
}

/** Params of a `namedentityrecognition` task: mark spans of a text with entity labels. */
export const namedentityrecognitionParamsSchema = z
  .looseObject({
    /** The text to annotate. */
    text: z.string().min(1).describe('The text to annotate.'),
    /** Entity labels (names unique across the tree). */
    labels: z.array(entityLabelSchema).min(1).describe('Entity labels; names are unique across the tree.'),
    /** Whether spans may overlap (default true). */
    allow_overlap: z.boolean().default(true).describe('Whether entity spans may overlap (default true).'),
  })
  .superRefine((params, ctx) => {
    const seen = new Set<string>();
    walkLabels(params.labels, (label, path) => {
      if (seen.has(label.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['labels', ...path, 'name'],
          message: `duplicate label "${label.name}"`,
        });
      }
      seen.add(label.name);
    });
  });

/** Parsed NER params. */
export type NamedentityrecognitionParams = z.output<typeof namedentityrecognitionParamsSchema>;

/** One labeled span. Offsets are UTF-16 code-unit indexes into `text` (JavaScript string indexes), end exclusive. */
export const entityAnnotationSchema = z.strictObject({
  /** Index of the span's first character. */
  start: z.int().min(0).describe('Index of the first character (UTF-16 code units).'),
  /** Index just past the span's last character. */
  end: z.int().min(1).describe('Index just past the last character (exclusive).'),
  /** Entity label (a leaf label name). */
  label: z.string().min(1).describe('Entity label.'),
  /** The covered text, for convenience; must equal `text.slice(start, end)`. */
  text: z.string().optional().describe('The covered text; must equal text.slice(start, end).'),
});

/** Answer of a NER task. */
export const namedentityrecognitionResponseSchema = z.strictObject({
  /** The labeled spans. */
  annotations: z.array(entityAnnotationSchema).describe('Labeled spans.'),
});

/** Parsed NER answer. */
export type NamedentityrecognitionResponse = z.output<typeof namedentityrecognitionResponseSchema>;

function validateEntities(
  params: NamedentityrecognitionParams,
  response: NamedentityrecognitionResponse,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const leaves = new Set(entityLeafLabels(params.labels));
  const seen = new Set<string>();
  const length = params.text.length;
  response.annotations.forEach((entity, index) => {
    const at = (field: string) => ['annotations', index, field];
    if (entity.start >= entity.end) issues.push(fieldIssue(at('end'), 'must be greater than start'));
    if (entity.end > length) issues.push(fieldIssue(at('end'), `must be ≤ the text length (${length})`));
    if (!leaves.has(entity.label)) issues.push(fieldIssue(at('label'), `unknown label "${entity.label}"`));
    if (entity.text !== undefined && entity.text !== params.text.slice(entity.start, entity.end)) {
      issues.push(fieldIssue(at('text'), 'does not match the text between start and end'));
    }
    const key = `${entity.start}:${entity.end}:${entity.label}`;
    if (seen.has(key)) issues.push(fieldIssue(['annotations', index], 'duplicates an earlier span'));
    seen.add(key);
  });
  if (!params.allow_overlap) {
    const sorted = response.annotations
      .map((entity, index) => ({ ...entity, index }))
      .sort((a, b) => a.start - b.start || a.end - b.end);
    let reach: { end: number; index: number } | undefined;
    for (const current of sorted) {
      if (reach && current.start < reach.end) {
        issues.push(fieldIssue(['annotations', current.index], `overlaps annotations.${reach.index}`));
      }
      if (!reach || current.end > reach.end) reach = { end: current.end, index: current.index };
    }
  }
  return issues;
}

/** `namedentityrecognition`: label spans of text with entity types. */
export const namedentityrecognitionTaskType: TaskType<
  NamedentityrecognitionParams,
  NamedentityrecognitionResponse
> = {
  name: 'namedentityrecognition',
  title: 'Named entity recognition',
  paramsSchema: namedentityrecognitionParamsSchema,
  responseSchema: namedentityrecognitionResponseSchema,
  validateResponse: validateEntities,
  placeholderResponse() {
    return { annotations: [] };
  },
  consensus: namedentityrecognitionConsensus,
  score: namedentityrecognitionScore,
  attachmentUrls() {
    return [];
  },
};
