import * as z from 'zod';
import { type FieldIssue, fieldIssue } from '../../issues.ts';
import {
  criteriaRatingIssues,
  criteriaSchema,
  placeholderCriteriaRatings,
  promptSchema,
  ratingProblem,
} from '../../shared/genai.ts';
import type { TaskType } from '../../task-type.ts';
import { pairwisepreferenceConsensus } from './consensus.ts';
import { pairwisepreferenceScore } from './score.ts';

/** A model output to be judged. */
export const candidateSchema = z.strictObject({
  /** Caller's id of the response, echoed back as `selected_response_id`. */
  id: z.string().min(1).optional().describe("Caller's id of the response."),
  /** The response text (markdown). */
  content: z.string().describe('Response text (markdown).'),
  /** Model that produced it (hidden from labelers by default). */
  model: z.string().optional().describe('Model that produced the response.'),
});

/** Params of a `pairwisepreference` task: which of two responses to a prompt is better, and how much. */
export const pairwisepreferenceParamsSchema = z
  .looseObject({
    /** Prompt text or conversation the responses answer. */
    prompt: promptSchema,
    /** Exactly two responses, A then B. */
    responses: z.array(candidateSchema).length(2).describe('Exactly two responses: A, then B.'),
    /** Dimensions to rate both responses on. */
    criteria: criteriaSchema.optional(),
    /** Points of the preference-strength scale (default 7): strength is 1..likert_scale. */
    likert_scale: z.int().min(2).max(11).default(7).describe('Points of the strength scale (default 7).'),
    /** Whether "tie" is an acceptable answer (default true). */
    allow_tie: z.boolean().default(true).describe('Whether a tie is allowed (default true).'),
    /** Whether the labeler must explain the choice (default false). */
    require_justification: z.boolean().default(false).describe('Whether a justification is required.'),
  })
  .superRefine((params, ctx) => {
    const [a, b] = params.responses;
    if (a?.id !== undefined && a.id === b?.id) {
      ctx.addIssue({
        code: 'custom',
        path: ['responses', 1, 'id'],
        message: 'must differ from responses.0.id',
      });
    }
  });

/** Parsed pairwise-preference params. */
export type PairwisepreferenceParams = z.output<typeof pairwisepreferenceParamsSchema>;

/** Ratings of both responses on one criterion. */
export const pairRatingSchema = z.strictObject({
  /** Rating of response A. */
  A: z.number().describe('Rating of response A.'),
  /** Rating of response B. */
  B: z.number().describe('Rating of response B.'),
});

/** Answer of a pairwise-preference task. */
export const pairwisepreferenceResponseSchema = z.strictObject({
  /** The preferred response by position (A = `responses[0]`), or `tie`. */
  choice: z.enum(['A', 'B', 'tie']).describe('Preferred response by position (A = responses[0]) or tie.'),
  /** `id` of the preferred response, when the responses have ids. */
  selected_response_id: z
    .string()
    .optional()
    .describe('id of the preferred response, when responses have ids.'),
  /** How strongly the choice is preferred: 1 (slightly) … likert_scale (overwhelmingly); absent for a tie. */
  strength: z.int().optional().describe('Preference strength 1..likert_scale; required unless tie.'),
  /** Per-criterion ratings of A and B, keyed by criterion key. */
  criteria_ratings: z.record(z.string(), pairRatingSchema).optional().describe('Ratings per criterion key.'),
  /** Why the labeler chose this way. */
  justification: z.string().optional().describe('Why the labeler chose this way.'),
});

/** Parsed pairwise-preference answer. */
export type PairwisepreferenceResponse = z.output<typeof pairwisepreferenceResponseSchema>;

function validatePreference(
  params: PairwisepreferenceParams,
  response: PairwisepreferenceResponse,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { choice } = response;
  if (choice === 'tie') {
    if (!params.allow_tie) issues.push(fieldIssue(['choice'], 'a tie is not allowed for this task'));
    if (response.strength !== undefined) issues.push(fieldIssue(['strength'], 'not expected for a tie'));
    if (response.selected_response_id !== undefined) {
      issues.push(fieldIssue(['selected_response_id'], 'not expected for a tie'));
    }
  } else {
    if (response.strength === undefined) issues.push(fieldIssue(['strength'], 'is required'));
    else {
      const problem = ratingProblem(response.strength, { min: 1, max: params.likert_scale });
      if (problem) issues.push(fieldIssue(['strength'], problem));
    }
    const chosen = params.responses[choice === 'A' ? 0 : 1];
    if (response.selected_response_id !== undefined && response.selected_response_id !== chosen?.id) {
      issues.push(
        fieldIssue(
          ['selected_response_id'],
          chosen?.id === undefined
            ? 'not expected: the responses have no ids'
            : `expected "${chosen.id}" (response ${choice})`,
        ),
      );
    }
  }
  issues.push(
    ...criteriaRatingIssues(params.criteria, response.criteria_ratings, ['A', 'B'], ['criteria_ratings']),
  );
  if (params.require_justification && (response.justification ?? '').trim() === '') {
    issues.push(fieldIssue(['justification'], 'is required'));
  }
  return issues;
}

/** `pairwisepreference`: compare two model responses (RLHF preference data). */
export const pairwisepreferenceTaskType: TaskType<PairwisepreferenceParams, PairwisepreferenceResponse> = {
  name: 'pairwisepreference',
  title: 'Pairwise preference',
  paramsSchema: pairwisepreferenceParamsSchema,
  responseSchema: pairwisepreferenceResponseSchema,
  validateResponse: validatePreference,
  placeholderResponse(params) {
    const response: PairwisepreferenceResponse = { choice: 'A', strength: 1 };
    const id = params.responses[0]?.id;
    if (id !== undefined) response.selected_response_id = id;
    if (params.criteria) {
      response.criteria_ratings = placeholderCriteriaRatings(params.criteria, ['A', 'B']) as Record<
        string,
        { A: number; B: number }
      >;
    }
    if (params.require_justification) response.justification = 'Placeholder justification.';
    return response;
  },
  consensus: pairwisepreferenceConsensus,
  score: pairwisepreferenceScore,
  displayItems() {
    return 2;
  },
  attachmentUrls() {
    return [];
  },
};
