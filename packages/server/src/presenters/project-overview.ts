/** The first-party shapes of a project's overview and of the projects list's progress. */
import { z } from 'zod';
import type {
  Mean,
  MeanPoint,
  ProjectOverview,
  ProjectProgress,
  StatusCounts,
} from '../services/project-overview.ts';

const timestamp = (what: string) => z.string().meta({ format: 'date-time' }).describe(what);

const statusCountsSchema = z
  .object({
    pending: z.int().describe('Tasks not finished yet (labeling or review).'),
    completed: z.int().describe('Tasks with a final response.'),
    canceled: z.int().describe('Canceled tasks.'),
    error: z.int().describe('Tasks that failed.'),
  })
  .describe('Tasks by status.');

const meanSchema = (what: string) =>
  z
    .object({
      mean: z.number().nullable().describe(`${what}, 0..1; null when there is nothing to average.`),
      n: z.int().describe('How many values the mean is over.'),
    })
    .describe(what);

const meanPointSchema = (what: string) =>
  z
    .object({
      start: timestamp('Start of the bucket (it ends where the next one starts).'),
      mean: z.number().nullable().describe(`${what}, 0..1; null when the bucket has none.`),
      n: z.int().describe('How many values the mean is over (0 in an empty bucket).'),
    })
    .describe(`${what} in one bucket.`);

/** A project's overview. */
export const apiProjectOverviewSchema = z
  .object({
    project: z
      .object({
        name: z.string().describe('Project name.'),
        type: z.string().describe('Task type.'),
        archived: z.boolean().describe('Whether the project is archived.'),
        overlap: z
          .int()
          .describe('Annotators per task; with 1, every completed task’s agreement is 1 by definition.'),
      })
      .describe('The project.'),
    days: z.int().describe('Length of the period in calendar days.'),
    bucket: z.enum(['day', 'hour']).describe('Size of a bucket of the series.'),
    timezone: z.string().describe('The IANA time zone days and hours are counted in.'),
    since: timestamp('Start of the first bucket.'),
    until: timestamp('End of the last bucket (the current day or hour included).'),
    tasks: z
      .object({
        total: z.int().describe('Every task of the project.'),
        byStatus: statusCountsSchema,
        byStage: z
          .object({
            label: z.int().describe('Tasks in labeling (pending).'),
            review: z.int().describe('Tasks waiting for a reviewer (pending).'),
            done: z.int().describe('Tasks out of the workflow (completed, canceled or failed).'),
          })
          .describe('Tasks by workflow stage.'),
        labeling: z.int().describe('Pending tasks in labeling (or not started).'),
        inReview: z.int().describe('Pending tasks waiting for a reviewer.'),
        unbatched: z.int().describe('Tasks outside any batch.'),
        agreement: meanSchema('Mean agreement of the completed tasks that have one'),
      })
      .describe('Every task of the project, whatever the period.'),
    batches: z
      .object({
        total: z.int().describe('Batches of the project that are not archived.'),
        items: z
          .array(
            z
              .object({
                name: z.string().describe('Batch name.'),
                status: z.enum(['staging', 'in_progress', 'completed']).describe('Batch status.'),
                createdAt: timestamp('When the batch was created.'),
                total: z.int().describe('Its tasks.'),
                counts: statusCountsSchema,
                completedShare: z
                  .number()
                  .nullable()
                  .describe('Completed tasks over all its tasks, 0..1; null without tasks.'),
              })
              .describe('One batch’s progress.'),
          )
          .describe('The newest batches that are not archived (at most 50), newest first.'),
      })
      .describe('Progress by batch.'),
    period: z
      .object({
        tasksCompleted: z.int().describe('Tasks completed in the period.'),
        answersSubmitted: z
          .int()
          .describe('Labeling answers submitted in the period (hidden gold excluded).'),
        reviewsDone: z.int().describe('Review verdicts submitted by reviewers in the period.'),
        agreement: meanSchema('Mean agreement of the tasks completed in the period'),
        gold: meanSchema('Mean score of the hidden-gold answers submitted in the period'),
      })
      .describe('Totals of the period.'),
    throughput: z
      .array(
        z
          .object({
            start: timestamp('Start of the bucket.'),
            tasksCompleted: z.int().describe('Tasks completed.'),
            answersSubmitted: z.int().describe('Labeling answers submitted (hidden gold excluded).'),
            reviewsDone: z.int().describe('Review verdicts submitted.'),
          })
          .describe('Work done in one bucket.'),
      )
      .describe('One point per bucket, oldest first; empty buckets have zeros.'),
    agreement: z
      .array(meanPointSchema('Mean agreement of the tasks completed'))
      .describe('One point per bucket, oldest first.'),
    gold: z
      .object({
        series: z
          .array(meanPointSchema('Mean score of the hidden-gold answers'))
          .describe('One point per bucket, oldest first.'),
        workforces: z
          .array(
            z
              .object({
                workforce: z
                  .object({
                    id: z.string().describe('Workforce id.'),
                    name: z.string().describe('Workforce name.'),
                  })
                  .nullable()
                  .describe('The workforce the answers were given for (null: none, unassigned people).'),
                overall: meanSchema('Mean gold score over the period'),
                series: z
                  .array(meanPointSchema('Mean score of its hidden-gold answers'))
                  .describe('One point per bucket, oldest first.'),
              })
              .describe('Hidden-gold accuracy of one workforce.'),
          )
          .describe('Per workforce with gold answers in the period, most answers first.'),
      })
      .describe('Hidden-gold accuracy over time.'),
  })
  .describe('A project’s overview: where its tasks stand, and how work went over the period.');

/** A project's overview. */
export type ApiProjectOverview = z.infer<typeof apiProjectOverviewSchema>;

const presentMean = (m: Mean) => ({ mean: m.mean, n: m.n });
const presentMeanPoint = (p: MeanPoint) => ({ start: p.start.toISOString(), mean: p.mean, n: p.n });
const presentCounts = (c: StatusCounts) => ({ ...c });

/** Presents a project's overview. */
export function presentProjectOverview(o: ProjectOverview): ApiProjectOverview {
  return {
    project: { ...o.project },
    days: o.days,
    bucket: o.bucket,
    timezone: o.timezone,
    since: o.since.toISOString(),
    until: o.until.toISOString(),
    tasks: {
      ...o.tasks,
      byStatus: presentCounts(o.tasks.byStatus),
      byStage: { ...o.tasks.byStage },
      agreement: presentMean(o.tasks.agreement),
    },
    batches: {
      total: o.batches.total,
      items: o.batches.items.map((b) => ({
        name: b.name,
        status: b.status,
        createdAt: b.createdAt.toISOString(),
        total: b.total,
        counts: presentCounts(b.counts),
        completedShare: b.completedShare,
      })),
    },
    period: {
      tasksCompleted: o.period.tasksCompleted,
      answersSubmitted: o.period.answersSubmitted,
      reviewsDone: o.period.reviewsDone,
      agreement: presentMean(o.period.agreement),
      gold: presentMean(o.period.gold),
    },
    throughput: o.throughput.map((p) => ({ ...p, start: p.start.toISOString() })),
    agreement: o.agreement.map(presentMeanPoint),
    gold: {
      series: o.gold.series.map(presentMeanPoint),
      workforces: o.gold.workforces.map((w) => ({
        workforce: w.workforce,
        overall: presentMean(w.overall),
        series: w.series.map(presentMeanPoint),
      })),
    },
  };
}

/** One project of the projects list with its progress. */
export const apiProjectProgressSchema = z
  .object({
    name: z.string().describe('Project name; used in paths.'),
    type: z.string().describe('Task type.'),
    archived: z.boolean().describe('Whether the project is archived.'),
    createdAt: timestamp('When the project was created.'),
    tasks: z
      .object({
        total: z.int().describe('Every task of the project.'),
        labeling: z.int().describe('Pending tasks in labeling (or not started).'),
        inReview: z.int().describe('Pending tasks waiting for a reviewer.'),
        completed: z.int().describe('Completed tasks.'),
        canceled: z.int().describe('Canceled tasks.'),
        error: z.int().describe('Tasks that failed.'),
      })
      .describe('Its tasks by status (pending split into labeling and review).'),
    lastCompletedAt: timestamp('When its latest task was completed.')
      .nullable()
      .describe('When its latest task was completed; null before the first.'),
  })
  .describe('A project with its progress.');

/** One project of the projects list with its progress. */
export type ApiProjectProgress = z.infer<typeof apiProjectProgressSchema>;

/** Presents one project's progress. */
export function presentProjectProgress(p: ProjectProgress): ApiProjectProgress {
  return {
    name: p.name,
    type: p.type,
    archived: p.archived,
    createdAt: p.createdAt.toISOString(),
    tasks: { ...p.tasks },
    lastCompletedAt: p.lastCompletedAt?.toISOString() ?? null,
  };
}
