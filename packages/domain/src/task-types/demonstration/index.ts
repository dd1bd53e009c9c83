import * as z from 'zod';
import { type FieldIssue, fieldIssue } from '../../issues.ts';
import { characterCount, promptSchema } from '../../shared/genai.ts';
import type { TaskType } from '../../task-type.ts';
import { demonstrationConsensus } from './consensus.ts';
import { demonstrationScore } from './score.ts';

/** Params of a `demonstration` task: write the ideal reply to a prompt or conversation (SFT data). */
export const demonstrationParamsSchema = z
  .looseObject({
    /** Prompt text or conversation to reply to. */
    prompt: promptSchema,
    /** Style and content guidelines for the writer (markdown). */
    guidelines: z.string().optional().describe('Guidelines for the writer (markdown).'),
    /** Fewest characters of the completion. */
    min_length: z.int().min(1).optional().describe('Fewest characters of the completion.'),
    /** Most characters of the completion. */
    max_length: z.int().min(1).optional().describe('Most characters of the completion.'),
    /** Whether the writer must explain their reply (default false). */
    require_rationale: z
      .boolean()
      .default(false)
      .describe('Whether a rationale is required (default false).'),
  })
  .superRefine((params, ctx) => {
    if (
      params.min_length !== undefined &&
      params.max_length !== undefined &&
      params.min_length > params.max_length
    ) {
      ctx.addIssue({ code: 'custom', path: ['min_length'], message: 'must be ≤ max_length' });
    }
  });

/** Parsed demonstration params. */
export type DemonstrationParams = z.output<typeof demonstrationParamsSchema>;

/** Answer of a demonstration task. */
export const demonstrationResponseSchema = z.strictObject({
  /** The written reply. Length is counted in Unicode characters (code points). */
  completion: z.string().describe('The written reply.'),
  /** Notes on why the reply is written this way. */
  rationale: z.string().optional().describe('Why the reply is written this way.'),
});

/** Parsed demonstration answer. */
export type DemonstrationResponse = z.output<typeof demonstrationResponseSchema>;

function validateDemonstration(params: DemonstrationParams, response: DemonstrationResponse): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const length = characterCount(response.completion);
  if (response.completion.trim() === '') issues.push(fieldIssue(['completion'], 'must not be blank'));
  else if (params.min_length !== undefined && length < params.min_length) {
    issues.push(
      fieldIssue(['completion'], `expected at least ${params.min_length} characters, got ${length}`),
    );
  } else if (params.max_length !== undefined && length > params.max_length) {
    issues.push(
      fieldIssue(['completion'], `expected at most ${params.max_length} characters, got ${length}`),
    );
  }
  if (params.require_rationale && (response.rationale ?? '').trim() === '') {
    issues.push(fieldIssue(['rationale'], 'is required'));
  }
  return issues;
}

const PLACEHOLDER = 'Placeholder demonstration.';

/** `demonstration`: a written reply used as supervised fine-tuning data. */
export const demonstrationTaskType: TaskType<DemonstrationParams, DemonstrationResponse> = {
  name: 'demonstration',
  title: 'Written demonstration',
  paramsSchema: demonstrationParamsSchema,
  responseSchema: demonstrationResponseSchema,
  validateResponse: validateDemonstration,
  placeholderResponse(params) {
    const length = Math.min(
      Math.max(PLACEHOLDER.length, params.min_length ?? 1),
      params.max_length ?? Infinity,
    );
    const response: DemonstrationResponse = { completion: PLACEHOLDER.padEnd(length, '.').slice(0, length) };
    if (params.require_rationale) response.rationale = 'Placeholder rationale.';
    return response;
  },
  consensus: demonstrationConsensus,
  score: demonstrationScore,
  attachmentUrls() {
    return [];
  },
};
