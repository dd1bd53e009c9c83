/**
 * Project overviews: one project's progress, throughput, agreement and gold trends
 * (`/api/projects/{name}/overview`), and every project's progress for the console's projects list
 * (`/api/project-progress`; not `/api/projects/overview`, which would hide a project named "overview").
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../app.ts';
import {
  apiProjectOverviewSchema,
  apiProjectProgressSchema,
  presentProjectOverview,
  presentProjectProgress,
} from '../../presenters/project-overview.ts';
import { MAX_HOURLY_DAYS, MAX_OVERVIEW_DAYS, OVERVIEW_BATCH_LIMIT } from '../../services/project-overview.ts';
import { requireRole, roleNote } from './auth.ts';
import { errorResponses, nameParams } from './common.ts';

const overviewQuery = z.object({
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_OVERVIEW_DAYS)
    .default(30)
    .describe(
      `The period: the last this many calendar days, today included (1–${MAX_OVERVIEW_DAYS}, default 30).`,
    ),
  bucket: z
    .enum(['day', 'hour'])
    .default('day')
    .describe(
      `Size of a bucket of the series: \`day\` (default) or \`hour\` (periods up to ${MAX_HOURLY_DAYS} days).`,
    ),
  timezone: z
    .string()
    .min(1)
    .max(64)
    .default('UTC')
    .describe('IANA time zone the days and hours are counted in, e.g. `Europe/Paris` (default `UTC`).'),
});

/** Project overview routes. */
export const projectOverviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const { projectOverview } = app.services;

  app.get(
    '/projects/:name/overview',
    {
      preHandler: requireRole('viewer'),
      schema: {
        tags: ['projects'],
        operationId: 'getProjectOverview',
        summary: "A project's progress and trends",
        description: `Where the project's tasks stand — by status, by workflow stage, and for each of its newest ${OVERVIEW_BATCH_LIMIT} batches — and how work went over the period, one point per day or hour: tasks completed, labeling answers and review verdicts submitted, the mean agreement of the tasks completed, and the mean score of hidden-gold answers overall and per workforce. Every series has every bucket of the period (0 or null where nothing happened). Everything is counted in the database, so the answer stays small for any project size. ${roleNote('viewer')}`,
        params: nameParams,
        querystring: overviewQuery,
        response: { 200: apiProjectOverviewSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentProjectOverview(
        await projectOverview.overview(principalOf(request), request.params.name, request.query),
      ),
  );

  app.get(
    '/project-progress',
    {
      preHandler: requireRole('viewer'),
      schema: {
        tags: ['projects'],
        operationId: 'listProjectProgress',
        summary: 'Every project with its progress',
        description: `Every project of the caller's environment, oldest first, with its tasks counted by status (pending split into labeling and review) and when its latest task was completed — in one read, for the projects list. ${roleNote('viewer')}`,
        querystring: z.object({
          archived: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional()
            .describe('Only archived (`true`) or only active (`false`) projects; both when omitted.'),
        }),
        response: {
          200: z
            .object({ items: z.array(apiProjectProgressSchema).describe('The projects, oldest first.') })
            .describe('Projects with their progress.'),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const items = await projectOverview.progress(principalOf(request), {
        ...(request.query.archived !== undefined ? { archived: request.query.archived } : {}),
      });
      return { items: items.map(presentProjectProgress) };
    },
  );
};
