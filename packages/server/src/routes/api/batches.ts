/** `/api/batches`: named groups of tasks in a project. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../app.ts';
import { apiBatchSchema, apiBatchWithCountsSchema, presentBatch } from '../../presenters/api.ts';
import { requireRole, roleNote } from './auth.ts';
import { errorResponses, limitQuery, nameParams, offsetQuery } from './common.ts';

const batchPriority = z.int().min(-100).max(100);

const batchCreateBody = z
  .object({
    project: z.string().min(1).describe('Name of the project the batch belongs to.'),
    name: z.string().min(1).max(256).describe('Unique name of the batch in its environment.'),
    callback: z.string().nullable().optional().describe('URL or email notified when the batch completes.'),
    calibrationBatch: z.boolean().optional().describe('Make it a calibration batch (starts in staging).'),
    selfLabelBatch: z.boolean().optional().describe('Make it a self-label batch (starts in staging).'),
    staging: z
      .boolean()
      .optional()
      .describe('Hold the tasks back from annotators until the batch is finalized.'),
    metadata: z.record(z.string(), z.unknown()).optional().describe('Free-form metadata.'),
    priority: batchPriority.optional().describe('Queue priority within the project, -100..100 (default 0).'),
  })
  .describe('A new batch.');

const batchPatchBody = z
  .object({
    priority: batchPriority.describe(
      "Queue priority within the project, -100..100; the batch's open slots are re-stamped at once.",
    ),
  })
  .describe('Changes to a batch.');

/** Batch routes. */
export const batchRoutes: FastifyPluginAsyncZod = async (app) => {
  const { batches } = app.services;

  app.get(
    '/batches',
    {
      preHandler: requireRole('viewer'),
      schema: {
        tags: ['batches'],
        operationId: 'listBatches',
        summary: 'List batches',
        description: `Batches of the caller's environment, newest first. ${roleNote('viewer')}`,
        querystring: z.object({
          project: z.string().min(1).optional().describe('Only batches of this project.'),
          status: z
            .enum(['staging', 'in_progress', 'completed'])
            .optional()
            .describe('Only batches with this status.'),
          limit: limitQuery,
          offset: offsetQuery,
        }),
        response: {
          200: z
            .object({
              items: z.array(apiBatchSchema).describe('The batches of this page.'),
              total: z.int().describe('Number of batches matching the filters.'),
              limit: z.int().describe('The page size used.'),
              offset: z.int().describe('The offset used.'),
            })
            .describe('A page of batches.'),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await batches.list(principalOf(request), {
        project: q.project,
        status: q.status,
        limit: q.limit,
        offset: q.offset,
      });
      return {
        items: page.docs.map((v) => presentBatch(v.row, v.project)),
        total: page.total,
        limit: q.limit,
        offset: q.offset,
      };
    },
  );

  app.post(
    '/batches',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['batches'],
        operationId: 'createBatch',
        summary: 'Create a batch',
        description: `Creates a batch in a project; 409 \`name_taken\` if the name is used. ${roleNote('manager')}`,
        body: batchCreateBody,
        response: { 200: apiBatchSchema, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body;
      const view = await batches.create(principalOf(request), {
        project: b.project,
        name: b.name,
        callback: b.callback ?? null,
        calibrationBatch: b.calibrationBatch ?? false,
        selfLabelBatch: b.selfLabelBatch ?? false,
        ...(b.staging !== undefined ? { staging: b.staging } : {}),
        metadata: b.metadata ?? {},
        ...(b.priority !== undefined ? { priority: b.priority } : {}),
      });
      return presentBatch(view.row, view.project);
    },
  );

  app.get(
    '/batches/:name',
    {
      preHandler: requireRole('viewer'),
      schema: {
        tags: ['batches'],
        operationId: 'getBatch',
        summary: 'Get a batch',
        description: `A batch by name, with its task counts by status. ${roleNote('viewer')}`,
        params: nameParams,
        response: { 200: apiBatchWithCountsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const [view, { counts }] = await Promise.all([
        batches.get(principal, request.params.name),
        batches.status(principal, request.params.name),
      ]);
      return presentBatch(view.row, view.project, counts);
    },
  );

  app.patch(
    '/batches/:name',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['batches'],
        operationId: 'updateBatch',
        summary: 'Change a batch',
        description: `Sets a batch's queue priority; its open slots are re-stamped in the same transaction. ${roleNote('manager')}`,
        params: nameParams,
        body: batchPatchBody,
        response: { 200: apiBatchSchema, ...errorResponses },
      },
    },
    async (request) => {
      const view = await batches.setPriority(
        principalOf(request),
        request.params.name,
        request.body.priority,
      );
      return presentBatch(view.row, view.project);
    },
  );

  app.post(
    '/batches/:name/finalize',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['batches'],
        operationId: 'finalizeBatch',
        summary: 'Finalize a batch',
        description: `Releases a staging batch's tasks to annotators (queues their labeling slots); a batch already in progress is returned unchanged. ${roleNote('manager')}`,
        params: nameParams,
        response: { 200: apiBatchSchema, ...errorResponses },
      },
    },
    async (request) => {
      const view = await batches.finalize(principalOf(request), request.params.name);
      return presentBatch(view.row, view.project);
    },
  );
};
