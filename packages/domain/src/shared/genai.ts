import * as z from 'zod';
import { type FieldIssue, fieldIssue } from '../issues.ts';
import { isMajority, lowerMedian } from './consensus.ts';

/** One message of a conversation. */
export const chatMessageSchema = z.strictObject({
  /** Who wrote the message. */
  role: z.enum(['system', 'user', 'assistant']).describe('Author of the message.'),
  /** Message text (markdown). */
  content: z.string().describe('Message text (markdown).'),
});

/** One chat message. */
export type ChatMessage = z.output<typeof chatMessageSchema>;

/** What the model was asked: a single prompt text or a conversation. */
export const promptSchema = z
  .union([z.string().trim().min(1), z.array(chatMessageSchema).min(1)])
  .describe('Prompt text, or the conversation so far as a list of messages.');

/** Prompt text or conversation. */
export type Prompt = z.output<typeof promptSchema>;

/** An inclusive integer rating range, e.g. `{min: 1, max: 7}`. */
export const ratingScaleSchema = z
  .strictObject({
    /** Lowest rating. */
    min: z.int().describe('Lowest rating.'),
    /** Highest rating. */
    max: z.int().describe('Highest rating.'),
  })
  .refine((scale) => scale.max > scale.min, { message: 'max must be greater than min', path: ['max'] });

/** An inclusive integer rating range. */
export type RatingScale = z.output<typeof ratingScaleSchema>;

/** The rating range used when a criterion does not set one. */
export const DEFAULT_RATING_SCALE: RatingScale = { min: 1, max: 7 };

/** A dimension the labeler rates each response on (helpfulness, honesty…). */
export const criterionSchema = z.strictObject({
  /** Stable key used in answers. */
  key: z.string().min(1).describe('Stable key used in answers.'),
  /** Name shown to the labeler. */
  title: z.string().min(1).describe('Name shown to the labeler.'),
  /** What the criterion means. */
  description: z.string().optional().describe('What the criterion means.'),
  /** Rating range; defaults to 1–7. */
  scale: ratingScaleSchema.optional().describe('Rating range; defaults to 1..7.'),
  /** Whether every response must be rated on this criterion (default true). */
  required: z.boolean().default(true).describe('Whether a rating is required (default true).'),
});

/** A rating criterion. */
export type Criterion = z.output<typeof criterionSchema>;

/** Criteria with unique keys. */
export const criteriaSchema = z
  .array(criterionSchema)
  .min(1)
  .superRefine((criteria, ctx) => {
    const seen = new Set<string>();
    criteria.forEach((criterion, index) => {
      if (seen.has(criterion.key)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'key'],
          message: `duplicate criterion key "${criterion.key}"`,
        });
      }
      seen.add(criterion.key);
    });
  })
  .describe('Dimensions each response is rated on.');

/** Message for a rating outside `scale`, or undefined when it fits. */
export function ratingProblem(value: number, scale: RatingScale): string | undefined {
  if (!Number.isInteger(value) || value < scale.min || value > scale.max) {
    return `expected an integer from ${scale.min} to ${scale.max}`;
  }
  return undefined;
}

/** Counts characters as Unicode code points, so an emoji counts once. */
export function characterCount(text: string): number {
  return [...text].length;
}

/** Checks ratings keyed by criterion, each holding one rating per `slots` key. */
export function criteriaRatingIssues(
  criteria: readonly Criterion[] | undefined,
  ratings: Readonly<Record<string, Readonly<Record<string, number>>>> | undefined,
  slots: readonly string[],
  path: PropertyKey[],
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!criteria) {
    if (ratings !== undefined) issues.push(fieldIssue(path, 'not expected: the task has no criteria'));
    return issues;
  }
  const byKey = new Map(criteria.map((criterion) => [criterion.key, criterion]));
  for (const key of Object.keys(ratings ?? {})) {
    if (!byKey.has(key)) issues.push(fieldIssue([...path, key], 'unknown criterion'));
  }
  for (const criterion of criteria) {
    const rating = ratings?.[criterion.key];
    if (rating === undefined) {
      if (criterion.required) issues.push(fieldIssue([...path, criterion.key], 'is required'));
      continue;
    }
    for (const slot of slots) {
      const value = rating[slot];
      if (value === undefined) {
        issues.push(fieldIssue([...path, criterion.key, slot], 'is required'));
        continue;
      }
      const problem = ratingProblem(value, criterion.scale ?? DEFAULT_RATING_SCALE);
      if (problem) issues.push(fieldIssue([...path, criterion.key, slot], problem));
    }
    for (const slot of Object.keys(rating)) {
      if (!slots.includes(slot)) issues.push(fieldIssue([...path, criterion.key, slot], 'unknown response'));
    }
  }
  return issues;
}

/** Placeholder ratings: every criterion's lowest rating for every slot. */
export function placeholderCriteriaRatings(
  criteria: readonly Criterion[],
  slots: readonly string[],
): Record<string, Record<string, number>> {
  return Object.fromEntries(
    criteria.map((criterion) => {
      const min = (criterion.scale ?? DEFAULT_RATING_SCALE).min;
      return [criterion.key, Object.fromEntries(slots.map((slot) => [slot, min]))];
    }),
  );
}

/**
 * Consensus of per-criterion ratings (`{criterionKey: {slot: rating}}`) across answers: for each criterion,
 * the lower median per slot of the answers that rated it, so every value is a rating someone gave. An
 * optional criterion is kept only when more than half of the answers rated it. Undefined when the task has
 * no criteria or no answer carried ratings.
 */
export function criteriaRatingsConsensus(
  criteria: readonly Criterion[] | undefined,
  ratings: readonly (Readonly<Record<string, Readonly<Record<string, number>>>> | undefined)[],
  slots: readonly string[],
): Record<string, Record<string, number>> | undefined {
  if (!criteria || ratings.every((rating) => rating === undefined)) return undefined;
  const result: Record<string, Record<string, number>> = {};
  for (const criterion of criteria) {
    const given = ratings.flatMap((rating) => {
      const value = rating?.[criterion.key];
      return value === undefined ? [] : [value];
    });
    if (given.length === 0 || (!criterion.required && !isMajority(given.length, ratings.length))) continue;
    const merged: Record<string, number> = {};
    for (const slot of slots) {
      const values = given.flatMap((rating) => (rating[slot] === undefined ? [] : [rating[slot]]));
      if (values.length > 0) merged[slot] = lowerMedian(values);
    }
    result[criterion.key] = merged;
  }
  return result;
}
