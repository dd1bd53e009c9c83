/**
 * Gold and standings: `/api/projects/{name}/gold` (a project's evaluation and training tasks),
 * `/api/gold/{id}`, and `/api/projects/{name}/standings` (who is in training, how they score on gold,
 * who is paused and why — with pause and reinstate for managers).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../app.ts';
import {
  apiGoldTaskSchema,
  apiStandingSchema,
  presentGoldTask,
  presentStanding,
} from '../../presenters/gold.ts';
import { requireRole, roleNote } from './auth.ts';
import { errorResponses, idParams, limitQuery, nameParams } from './common.ts';

const goldKind = z
  .enum(['evaluation', 'training'])
  .describe(
    '`evaluation`: mixed hidden into the queue at the project’s gold rate; `training`: shown to new annotators before real work.',
  );

const goldCreateBody = z
  .object({
    kind: goldKind,
    params: z
      .record(z.string(), z.unknown())
      .describe(
        'The task’s params, as for creating a task of the project’s type (e.g. `attachment`, `objects_to_annotate`); the project’s defaults apply.',
      ),
    expectedResponse: z
      .unknown()
      .describe('The known answer, in the type’s response format; checked against the params.'),
    initialResponse: z
      .unknown()
      .optional()
      .describe('For review-phase evaluation: an initial answer to be reviewed (checked the same way).'),
  })
  .describe('A new gold task.');

/** Gold routes. */
export const goldRoutes: FastifyPluginAsyncZod = async (app) => {
  const { gold, tasks } = app.services;

  app.get(
    '/projects/:name/gold',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['quality'],
        operationId: 'listGoldTasks',
        summary: "List a project's gold tasks",
        description: `Newest first, with how often each was answered and the mean score. Managers only: gold must stay hidden from the people it measures. ${roleNote('manager')}`,
        params: nameParams,
        querystring: z.object({
          kind: goldKind.optional(),
          archived: z
            .enum(['true', 'false'])
            .optional()
            .describe('`true` includes archived gold (default: active only).'),
          limit: limitQuery,
          before: z
            .string()
            .max(64)
            .optional()
            .describe('Only gold tasks older than this id (the next page).'),
        }),
        response: {
          200: z
            .object({
              gold: z.array(apiGoldTaskSchema).describe('Gold tasks, newest first.'),
              next: z.string().nullable().describe('`before` of the next page, or null at the end.'),
            })
            .describe('A page of gold tasks.'),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const { project, gold: rows } = await gold.list(principalOf(request), request.params.name, {
        ...(q.kind ? { kind: q.kind } : {}),
        includeArchived: q.archived === 'true',
        limit: q.limit,
        ...(q.before ? { before: q.before } : {}),
      });
      return {
        gold: rows.map((r) => presentGoldTask(r.gold, project.name, r)),
        next: rows.length === q.limit ? (rows.at(-1)?.gold.id ?? null) : null,
      };
    },
  );

  app.post(
    '/projects/:name/gold',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['quality'],
        operationId: 'createGoldTask',
        summary: 'Create a gold task',
        description: `An evaluation or training task of the project's type with its expected answer (the console's form of \`/v1/evaluation_tasks/{type}\` and \`/v1/training_tasks/{type}\`). 400 names each bad field of the params or of the expected answer. ${roleNote('manager')}`,
        params: nameParams,
        body: goldCreateBody,
        response: { 200: apiGoldTaskSchema, ...errorResponses },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const b = request.body;
      const project = await gold.project(p, request.params.name);
      const created = await tasks.createGold(p, b.kind, project.type, {
        ...b.params,
        project: project.name,
        expected_response: b.expectedResponse,
        ...(b.initialResponse !== undefined ? { initial_response: b.initialResponse } : {}),
      });
      const { gold: row, projectName } = await gold.get(p, created.id);
      return presentGoldTask(row, projectName);
    },
  );

  app.get(
    '/gold/:id',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['quality'],
        operationId: 'getGoldTask',
        summary: 'Get a gold task',
        description: roleNote('manager'),
        params: idParams,
        response: { 200: apiGoldTaskSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { gold: row, projectName } = await gold.get(principalOf(request), request.params.id);
      return presentGoldTask(row, projectName);
    },
  );

  app.patch(
    '/gold/:id',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['quality'],
        operationId: 'updateGoldTask',
        summary: 'Archive or restore a gold task',
        description: `Archived gold is no longer served; the answers it got and their scores stay. ${roleNote('manager')}`,
        params: idParams,
        body: z
          .object({ archived: z.boolean().describe('`true` archives, `false` restores.') })
          .describe('The change.'),
        response: { 200: apiGoldTaskSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { gold: row, projectName } = await gold.setArchived(
        principalOf(request),
        request.params.id,
        request.body.archived,
      );
      return presentGoldTask(row, projectName);
    },
  );

  app.get(
    '/projects/:name/standings',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['quality'],
        operationId: 'listStandings',
        summary: "People's standing with a project",
        description: `Everyone who answered the project's gold or was paused from it: training progress, gold results, the reliability their answers weigh in consensus, and any pause with its reason. ${roleNote('manager')}`,
        params: nameParams,
        response: {
          200: z
            .object({ standings: z.array(apiStandingSchema).describe('One per person, by user id.') })
            .describe('Standings by user id.'),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      standings: (await gold.standings(principalOf(request), request.params.name)).map(presentStanding),
    }),
  );

  app.put(
    '/projects/:name/standings/:userId/pause',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['quality'],
        operationId: 'setPaused',
        summary: 'Pause or reinstate a person on a project',
        description: `\`paused: true\` with a reason (shown to the person) ends their live leases on the project and keeps them from its work; \`paused: false\` reinstates them: their earlier gold no longer counts toward the pause rule, and a failed training gate is waived. ${roleNote('manager')}`,
        params: nameParams.extend({ userId: z.string().min(1).max(64).describe('The person.') }),
        body: z
          .discriminatedUnion('paused', [
            z.object({
              paused: z.literal(true).describe('Pause.'),
              reason: z.string().max(2000).describe('Why, in words the person will read (required).'),
            }),
            z.object({ paused: z.literal(false).describe('Reinstate.') }),
          ])
          .describe('Pause (with a reason) or reinstate.'),
        response: { 200: apiStandingSchema, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body;
      const view = await gold.setPaused(
        principalOf(request),
        request.params.name,
        request.params.userId,
        b.paused ? { paused: true, reason: b.reason } : { paused: false },
      );
      return presentStanding(view);
    },
  );
};
