/**
 * The task explorer: `GET /api/projects/{name}/tasks` (a project's tasks, filtered, a keyset page at a
 * time, with a bounded count), `GET /api/projects/{name}/task-filters` (what the filters can be set to),
 * `GET /api/tasks/{id}/timeline` (everything that happened to a task) and `POST /api/tasks/{id}/audit` (the
 * customer's accept or reject, as Scale's audit).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../app.ts';
import {
  apiTaskExplorerPageSchema,
  apiTaskFilterOptionsSchema,
  apiTaskTimelineSchema,
  presentExplorerPage,
  presentFilterOptions,
  presentTaskTimeline,
} from '../../presenters/task-explorer.ts';
import { EXPLORER_COUNT_BUDGET_MS, EXPLORER_COUNT_CAP } from '../../services/task-explorer.ts';
import { requireRole, roleNote } from './auth.ts';
import { dateQuery, errorResponses, idParams, nameParams } from './common.ts';

/** The largest page of the explorer. */
export const EXPLORER_MAX_LIMIT = 500;

const fraction = (what: string) => z.coerce.number().min(0).max(1).describe(what);

const explorerQuery = z.object({
  status: z
    .enum(['pending', 'completed', 'canceled', 'error'])
    .optional()
    .describe('Only tasks with this status.'),
  stage: z
    .enum(['label', 'review', 'done'])
    .optional()
    .describe('Only tasks at this stage: in `label`ing, in `review`, or `done` (any terminal status).'),
  batch: z.string().min(1).max(256).optional().describe('Only tasks of the project’s batch with this name.'),
  tag: z
    .preprocess(
      (value) => (value === undefined ? undefined : Array.isArray(value) ? value : [value]),
      z.array(z.string().min(1).max(200)).max(50).optional(),
    )
    .describe('Only tasks with any of these tags (repeat the parameter for several).'),
  agreementBelow: fraction(
    'Only tasks whose labeling agreement is below this, 0..1 (tasks without an agreement never match).',
  ).optional(),
  agreementAtLeast: fraction(
    'Only tasks whose labeling agreement is at least this, 0..1 (tasks without an agreement never match).',
  ).optional(),
  annotator: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('Only tasks this person (user id) submitted a labeling answer to, in any round.'),
  createdAfter: dateQuery('Only tasks created at or after this time (ISO 8601).').optional(),
  createdBefore: dateQuery('Only tasks created at or before this time (ISO 8601).').optional(),
  completedAfter: dateQuery('Only tasks completed at or after this time (ISO 8601).').optional(),
  completedBefore: dateQuery('Only tasks completed at or before this time (ISO 8601).').optional(),
  q: z
    .string()
    .max(256)
    .optional()
    .describe('A task id or unique_id: tasks whose id or unique_id equals it or starts with it.'),
  sort: z
    .enum(['newest', 'oldest'])
    .default('newest')
    .describe('`newest` first (default) or `oldest` first, by creation time.'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(EXPLORER_MAX_LIMIT)
    .default(100)
    .describe(`Largest number of tasks to return (1–${EXPLORER_MAX_LIMIT}, default 100).`),
  cursor: z
    .string()
    .min(1)
    .max(512)
    .optional()
    .describe('The `nextCursor` of the previous page (same `sort`); omitted for the first page.'),
});

const auditBody = z
  .object({
    accepted: z
      .boolean()
      .describe('`true` accepts the result; `false` rejects it (it goes back to labeling).'),
    comments: z
      .string()
      .max(5000)
      .nullable()
      .optional()
      .describe('What the auditor says; shown to the annotators of a rejected round.'),
  })
  .describe('The customer’s verdict.');

/** Task explorer routes. */
export const taskExplorerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { taskExplorer } = app.services;

  app.get(
    '/projects/:name/tasks',
    {
      preHandler: requireRole('viewer'),
      schema: {
        tags: ['tasks'],
        operationId: 'exploreProjectTasks',
        summary: "Explore a project's tasks",
        description: `A project's tasks (of the caller's environment), filtered, in creation order (\`newest\` or \`oldest\` first), a page at a time: pass \`nextCursor\` back as \`cursor\`. Every page costs the same however deep it is. Each row carries what a list shows (status, stage, batch, tags, agreement, who answered, a short preview), not the task's params. The first page also counts the matching tasks: exactly up to ${EXPLORER_COUNT_CAP.toLocaleString('en')} when that takes less than ${EXPLORER_COUNT_BUDGET_MS} ms, else the database's estimate (\`totalExact: false\`). Gold tasks are never listed. ${roleNote('viewer')}`,
        params: nameParams,
        querystring: explorerQuery,
        response: { 200: apiTaskExplorerPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await taskExplorer.list(principalOf(request), request.params.name, {
        sort: q.sort,
        limit: q.limit,
        ...definedOnly({
          status: q.status,
          stage: q.stage,
          batch: q.batch,
          tags: q.tag,
          agreementBelow: q.agreementBelow,
          agreementAtLeast: q.agreementAtLeast,
          annotator: q.annotator,
          createdAfter: q.createdAfter,
          createdBefore: q.createdBefore,
          completedAfter: q.completedAfter,
          completedBefore: q.completedBefore,
          q: q.q,
          cursor: q.cursor,
        }),
      });
      return presentExplorerPage(page);
    },
  );

  app.get(
    '/projects/:name/task-filters',
    {
      preHandler: requireRole('viewer'),
      schema: {
        tags: ['tasks'],
        operationId: 'getTaskFilterOptions',
        summary: "What a project's task filters can be set to",
        description: `The project's batches and the members who can answer tasks (for the \`batch\` and \`annotator\` filters of the task explorer). ${roleNote('viewer')}`,
        params: nameParams,
        response: { 200: apiTaskFilterOptionsSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentFilterOptions(await taskExplorer.filterOptions(principalOf(request), request.params.name)),
  );

  app.get(
    '/tasks/:id/timeline',
    {
      preHandler: requireRole('viewer'),
      schema: {
        tags: ['tasks'],
        operationId: 'getTaskTimeline',
        summary: "A task's timeline",
        description: `Everything that happened to a task: the task (with the params version it was created under), every assignment of every stage and round (who, which workforce, when, how long, their answer or why they skipped), review verdicts and customer audits, the final response with the labeling consensus and agreement, the webhook deliveries — and all of it as one chronological event list. Another organization's task is not found. ${roleNote('viewer')}`,
        params: idParams,
        response: { 200: apiTaskTimelineSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentTaskTimeline(await taskExplorer.timeline(principalOf(request), request.params.id)),
  );

  app.post(
    '/tasks/:id/audit',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['tasks'],
        operationId: 'auditTask',
        summary: 'Audit a completed task',
        description: `The customer's verdict on a completed task, the same as Scale's \`POST /v1/task/{id}/audit\`: recorded among the task's audits (and as a review); a rejection sends the task back to labeling for a new round, with the comments shown to the annotators of the rejected round (test-environment tasks are not relabeled). 400 \`task_not_pending\` when the task is not completed. Answers the task's timeline. ${roleNote('manager')}`,
        params: idParams,
        body: auditBody,
        response: { 200: apiTaskTimelineSchema, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body;
      const comments = b.comments?.trim() ? b.comments.trim() : null;
      return presentTaskTimeline(
        await taskExplorer.audit(principalOf(request), request.params.id, { accepted: b.accepted, comments }),
      );
    },
  );
};

/** The object without its undefined values. */
function definedOnly<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
