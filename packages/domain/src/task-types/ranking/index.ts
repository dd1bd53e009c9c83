import * as z from 'zod';
import { type FieldIssue, fieldIssue } from '../../issues.ts';
import {
  criteriaRatingIssues,
  criteriaSchema,
  placeholderCriteriaRatings,
  promptSchema,
} from '../../shared/genai.ts';
import type { TaskType } from '../../task-type.ts';
import { rankingConsensus } from './consensus.ts';
import { rankingScore } from './score.ts';

/** A model output to be ranked; `id` is how the answer refers to it. */
export const rankedCandidateSchema = z.strictObject({
  /** Id used in the answer's ranking (unique within the task). */
  id: z.string().min(1).describe('Id used in the ranking (unique within the task).'),
  /** Response text (markdown). */
  content: z.string().describe('Response text (markdown).'),
  /** Model that produced it. */
  model: z.string().optional().describe('Model that produced the response.'),
});

/** Params of a `ranking` task: order 2–20 responses to a prompt from best to worst. */
export const rankingParamsSchema = z
  .looseObject({
    /** Prompt text or conversation the responses answer. */
    prompt: promptSchema,
    /** The responses to rank (2–20, unique ids). */
    responses: z
      .array(rankedCandidateSchema)
      .min(2)
      .max(20)
      .describe('Responses to rank (2..20, unique ids).'),
    /** Dimensions each response is rated on. */
    criteria: criteriaSchema.optional(),
    /** Whether equally good responses may share a rank (default false). */
    allow_ties: z.boolean().default(false).describe('Whether responses may share a rank (default false).'),
    /** Whether the labeler must explain the ranking (default false). */
    require_justification: z.boolean().default(false).describe('Whether a justification is required.'),
  })
  .superRefine((params, ctx) => {
    const seen = new Set<string>();
    params.responses.forEach((response, index) => {
      if (seen.has(response.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['responses', index, 'id'],
          message: `duplicate id "${response.id}"`,
        });
      }
      seen.add(response.id);
    });
  });

/** Parsed ranking params. */
export type RankingParams = z.output<typeof rankingParamsSchema>;

/** Answer of a ranking task. */
export const rankingResponseSchema = z.strictObject({
  /** Response ids from best to worst; with `allow_ties`, an entry may be an array of ids sharing a rank. */
  ranking: z
    .array(z.union([z.string(), z.array(z.string()).min(1)]))
    .min(1)
    .describe('Response ids best first; with allow_ties an entry may be a group of ids sharing a rank.'),
  /** Per-criterion ratings, `{criterionKey: {responseId: rating}}`. */
  criteria_ratings: z
    .record(z.string(), z.record(z.string(), z.number()))
    .optional()
    .describe('Ratings per criterion key, then per response id.'),
  /** Why the labeler ranked this way. */
  justification: z.string().optional().describe('Why the labeler ranked this way.'),
});

/** Parsed ranking answer. */
export type RankingResponse = z.output<typeof rankingResponseSchema>;

function validateRanking(params: RankingParams, response: RankingResponse): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const ids = params.responses.map((candidate) => candidate.id);
  const placed = new Set<string>();
  const place = (id: string, path: PropertyKey[]) => {
    if (!ids.includes(id)) issues.push(fieldIssue(path, `unknown response id "${id}"`));
    else if (placed.has(id)) issues.push(fieldIssue(path, `response "${id}" is ranked twice`));
    placed.add(id);
  };
  response.ranking.forEach((entry, index) => {
    if (typeof entry === 'string') {
      place(entry, ['ranking', index]);
      return;
    }
    if (!params.allow_ties) issues.push(fieldIssue(['ranking', index], 'ties are not allowed for this task'));
    entry.forEach((id, member) => {
      place(id, ['ranking', index, member]);
    });
  });
  const missing = ids.filter((id) => !placed.has(id));
  if (missing.length > 0) {
    issues.push(
      fieldIssue(
        ['ranking'],
        `must rank every response; missing ${missing.map((id) => `"${id}"`).join(', ')}`,
      ),
    );
  }
  issues.push(...criteriaRatingIssues(params.criteria, response.criteria_ratings, ids, ['criteria_ratings']));
  if (params.require_justification && (response.justification ?? '').trim() === '') {
    issues.push(fieldIssue(['justification'], 'is required'));
  }
  return issues;
}

/** `ranking`: order N model responses from best to worst. */
export const rankingTaskType: TaskType<RankingParams, RankingResponse> = {
  name: 'ranking',
  title: 'Ranking',
  paramsSchema: rankingParamsSchema,
  responseSchema: rankingResponseSchema,
  validateResponse: validateRanking,
  placeholderResponse(params) {
    const ids = params.responses.map((candidate) => candidate.id);
    const response: RankingResponse = { ranking: ids };
    if (params.criteria) response.criteria_ratings = placeholderCriteriaRatings(params.criteria, ids);
    if (params.require_justification) response.justification = 'Placeholder justification.';
    return response;
  },
  consensus: rankingConsensus,
  score: rankingScore,
  displayItems(params) {
    return params.responses.length;
  },
  attachmentUrls() {
    return [];
  },
};
