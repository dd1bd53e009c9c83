/** The first-party shapes of gold tasks and people's standings with projects. */
import { z } from 'zod';
import type { GoldTaskRow } from '../repositories/gold.ts';
import type { StandingView } from '../services/gold.ts';
import { apiTrainingProgressSchema } from './work.ts';

const timestamp = (what: string) => z.string().meta({ format: 'date-time' }).describe(what);

/** A gold task. */
export const apiGoldTaskSchema = z
  .object({
    id: z.string().describe('Gold task id.'),
    project: z.string().describe('Project name.'),
    kind: z
      .enum(['evaluation', 'training'])
      .describe(
        '`evaluation`: mixed hidden into the queue at the project’s gold rate; `training`: shown to new annotators before real work.',
      ),
    type: z.string().describe('Task type.'),
    params: z.record(z.string(), z.unknown()).describe('The task’s params, as annotators see them.'),
    expectedResponse: z.unknown().describe('The known answer that answers are scored against.'),
    initialResponse: z.unknown().describe('An initial answer for review-phase evaluation, or null.'),
    archived: z.boolean().describe('Archived gold is no longer served; its answers stay.'),
    createdAt: timestamp('When it was created.'),
    answers: z.int().optional().describe('Answers given to it (in lists).'),
    meanScore: z.number().nullable().optional().describe('Their mean score, 0..1 (in lists).'),
  })
  .describe('A gold task.');

/** The API shape of a gold task. */
export function presentGoldTask(
  gold: GoldTaskRow,
  projectName: string,
  stats?: { answers: number; meanScore: number | null },
): z.infer<typeof apiGoldTaskSchema> {
  return {
    id: gold.id,
    project: projectName,
    kind: gold.kind,
    type: gold.type,
    params: gold.params,
    expectedResponse: gold.expectedResponse ?? null,
    initialResponse: gold.initialResponse ?? null,
    archived: gold.archived,
    createdAt: gold.createdAt.toISOString(),
    ...(stats ? { answers: stats.answers, meanScore: stats.meanScore } : {}),
  };
}

/** A person's standing with a project. */
export const apiStandingSchema = z
  .object({
    userId: z.string().describe('The person.'),
    email: z.string().nullable().describe('Their email address (null when no longer a member).'),
    name: z.string().nullable().describe('Their name.'),
    workforceId: z.string().nullable().describe('Their workforce.'),
    gold: z
      .object({
        answers: z.int().describe('Evaluation answers given.'),
        meanScore: z.number().nullable().describe('Their mean score, 0..1 (null before the first).'),
      })
      .describe('Hidden gold results on this project.'),
    training: apiTrainingProgressSchema,
    reliability: z
      .number()
      .nullable()
      .describe('The weight of their answers in consensus, 0..1 (null: unknown, counted as 1).'),
    reliabilitySource: z
      .enum(['gold', 'consensus'])
      .nullable()
      .describe('Where the reliability comes from: recent gold scores, or agreement with consensus.'),
    paused: z
      .object({
        at: timestamp('Since when.'),
        by: z
          .enum(['gold', 'training', 'manager'])
          .describe('Why: low gold scores, a failed training gate, or a manager.'),
        reason: z.string().describe('The reason, as shown to the person.'),
      })
      .nullable()
      .describe('Set while they may not work the project.'),
  })
  .describe("A person's standing with a project.");

/** The API shape of a standing. */
export function presentStanding(v: StandingView): z.infer<typeof apiStandingSchema> {
  return {
    userId: v.userId,
    email: v.member?.email ?? null,
    name: v.member?.name ?? null,
    workforceId: v.member?.workforceId ?? null,
    gold: v.gold,
    training: v.training,
    reliability: v.reliability,
    reliabilitySource: v.reliabilitySource,
    paused: v.paused ? { at: v.paused.at.toISOString(), by: v.paused.by, reason: v.paused.reason } : null,
  };
}
