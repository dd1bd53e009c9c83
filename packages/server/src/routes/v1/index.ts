/**
 * The Scale-compatible task API (`/v1`): HTTP Basic with the API key as user name, every success 200,
 * errors `{status_code, error}`. Names of projects and batches are path segments (`%2F` allowed).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticate, principalOf } from '../../app.ts';
import { ApiError, invalid } from '../../errors.ts';
import { lenientBoolean, lenientDate, repeatedList, stringList } from '../../lib/lenient.ts';
import {
  presentLimitedScaleTask,
  presentScaleBatch,
  presentScaleFile,
  presentScaleProject,
  presentScaleTask,
} from '../../presenters/scale.ts';
import type { TaskView } from '../../services/tasks.ts';
import { fileFieldsFrom, readMultipartUpload } from '../multipart.ts';

const taskIdParams = z.object({ task_id: z.string() });
const nameParams = z.object({ name: z.string().min(1) });
const metadataBody = z.record(z.string(), z.unknown(), {
  error: 'the body must be a JSON object (the new metadata)',
});
const tagsBody = z.array(z.string().min(1), { error: 'the body must be a JSON array of tags' });
const limit = z.coerce.number().int().min(1).max(100);
const offset = z.coerce.number().int().min(0);

const taskListQuery = z.looseObject({
  start_time: lenientDate.optional(),
  end_time: lenientDate.optional(),
  completed_after: lenientDate.optional(),
  completed_before: lenientDate.optional(),
  updated_after: lenientDate.optional(),
  updated_before: lenientDate.optional(),
  status: z.enum(['pending', 'completed', 'canceled', 'error']).optional(),
  type: z.string().optional(),
  project: z.string().optional(),
  batch: z.string().optional(),
  customer_review_status: stringList,
  unique_id: repeatedList,
  tags: repeatedList,
  limit: limit.default(100),
  offset: offset.optional(),
  next_token: z.string().optional(),
  include_attachment_url: lenientBoolean.optional(),
  limited_response: lenientBoolean.optional(),
});

const batchCreateBody = z.looseObject({
  project: z.string().min(1),
  name: z.string().min(1).max(256),
  callback: z.string().nullish(),
  calibration_batch: lenientBoolean.optional(),
  self_label_batch: lenientBoolean.optional(),
  staging_batch: lenientBoolean.optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

const batchListQuery = z.looseObject({
  start_time: lenientDate.optional(),
  end_time: lenientDate.optional(),
  exclude_archived: lenientBoolean.optional(),
  status: z.enum(['staging', 'in_progress', 'completed']).optional(),
  project: z.string().optional(),
  limit: limit.default(100),
  offset: offset.default(0),
});

const projectCreateBody = z.looseObject({
  type: z.string().min(1),
  name: z.string().min(1).max(256),
  params: z.record(z.string(), z.unknown()).nullish(),
  rapid: lenientBoolean.optional(),
  studio: lenientBoolean.optional(),
  datasetId: z.string().nullish(),
});

/** The /v1 routes. */
export const v1Routes: FastifyPluginAsync = async (plain) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', authenticate);
  const present = (view: TaskView) => presentScaleTask(view.row, view);
  const { tasks, batches, projects, files } = app.services;

  // ---- tasks
  app.post(
    '/task/:type',
    { schema: { params: z.object({ type: z.string() }), body: z.unknown() } },
    async (request) => {
      const key = request.headers['idempotency-key'];
      const idempotencyKey = typeof key === 'string' && key.length > 0 ? key : undefined;
      if (idempotencyKey !== undefined && idempotencyKey.length > 255) {
        throw invalid('Idempotency-Key: at most 255 characters');
      }
      return present(
        await tasks.create(
          principalOf(request),
          request.params.type,
          request.body,
          idempotencyKey ? { idempotencyKey } : {},
        ),
      );
    },
  );
  app.get('/task/:task_id', { schema: { params: taskIdParams } }, async (request) =>
    present(await tasks.get(principalOf(request), request.params.task_id)),
  );
  app.post(
    '/task/:task_id/cancel',
    {
      schema: {
        params: taskIdParams,
        querystring: z.looseObject({ clear_unique_id: lenientBoolean.optional() }),
        body: z.unknown(),
      },
    },
    async (request) =>
      present(
        await tasks.cancel(
          principalOf(request),
          request.params.task_id,
          request.query.clear_unique_id ?? false,
        ),
      ),
  );
  app.post(
    '/task/:task_id/audit',
    {
      schema: {
        params: taskIdParams,
        body: z.looseObject({ accepted: lenientBoolean, comments: z.string().nullish() }),
      },
    },
    async (request) =>
      present(
        await tasks.audit(principalOf(request), request.params.task_id, {
          accepted: request.body.accepted,
          comments: request.body.comments ?? null,
        }),
      ),
  );
  // Scale's "resend callback" (path unverified): queues the task's callback again with its current state.
  app.post(
    '/task/:task_id/send_callback',
    { schema: { params: taskIdParams, body: z.unknown() } },
    async (request) => {
      const principal = principalOf(request);
      await request.server.services.deliveries.sendTaskCallback(principal, request.params.task_id);
      return present(await tasks.get(principal, request.params.task_id));
    },
  );
  app.post(
    '/task/:task_id/unique_id',
    { schema: { params: taskIdParams, body: z.looseObject({ unique_id: z.string().min(1).max(256) }) } },
    async (request) =>
      present(await tasks.setUniqueId(principalOf(request), request.params.task_id, request.body.unique_id)),
  );
  app.delete(
    '/task/:task_id/unique_id',
    { schema: { params: taskIdParams, body: z.unknown() } },
    async (request) => present(await tasks.clearUniqueId(principalOf(request), request.params.task_id)),
  );
  app.post(
    '/task/:task_id/setMetadata',
    { schema: { params: taskIdParams, body: metadataBody } },
    async (request) =>
      present(await tasks.setMetadata(principalOf(request), request.params.task_id, request.body)),
  );
  app.post('/task/:task_id/tags', { schema: { params: taskIdParams, body: tagsBody } }, async (request) =>
    present(await tasks.changeTags(principalOf(request), request.params.task_id, 'set', request.body)),
  );
  app.put('/task/:task_id/tags', { schema: { params: taskIdParams, body: tagsBody } }, async (request) =>
    present(await tasks.changeTags(principalOf(request), request.params.task_id, 'add', request.body)),
  );
  app.delete('/task/:task_id/tags', { schema: { params: taskIdParams, body: tagsBody } }, async (request) =>
    present(await tasks.changeTags(principalOf(request), request.params.task_id, 'remove', request.body)),
  );
  app.get('/tasks', { schema: { querystring: taskListQuery } }, async (request) => {
    const q = request.query;
    const page = await tasks.list(principalOf(request), {
      project: q.project,
      batch: q.batch,
      status: q.status,
      type: q.type,
      startTime: q.start_time,
      endTime: q.end_time,
      completedAfter: q.completed_after,
      completedBefore: q.completed_before,
      updatedAfter: q.updated_after,
      updatedBefore: q.updated_before,
      customerReviewStatus: q.customer_review_status,
      uniqueIds: q.unique_id,
      tags: q.tags,
      limit: q.limit,
      offset: q.offset,
      nextToken: q.next_token || undefined,
    });
    return {
      docs: page.docs.map((v) => (q.limited_response ? presentLimitedScaleTask(v.row, v) : present(v))),
      total: page.total,
      limit: page.limit,
      offset: page.offset,
      has_more: page.hasMore,
      next_token: page.nextToken,
    };
  });

  // ---- gold: Scale's evaluation and training tasks
  for (const kind of ['evaluation', 'training'] as const) {
    app.post(
      `/${kind}_tasks/:type`,
      { schema: { params: z.object({ type: z.string() }), body: z.unknown() } },
      async (request) => {
        const gold = await tasks.createGold(principalOf(request), kind, request.params.type, request.body);
        return {
          id: gold.id,
          project: gold.project,
          type: request.params.type,
          params: gold.params,
          expected_response: gold.expectedResponse,
          ...(gold.initialResponse !== null ? { initial_response: gold.initialResponse } : {}),
        };
      },
    );
  }

  // ---- batches
  app.post('/batches', { schema: { body: batchCreateBody } }, async (request) => {
    const b = request.body;
    const view = await batches.create(principalOf(request), {
      project: b.project,
      name: b.name,
      callback: b.callback ?? null,
      calibrationBatch: b.calibration_batch ?? false,
      selfLabelBatch: b.self_label_batch ?? false,
      ...(b.staging_batch !== undefined ? { staging: b.staging_batch } : {}),
      metadata: b.metadata ?? {},
    });
    return presentScaleBatch(view.row, view.project);
  });
  app.get('/batches/:name', { schema: { params: nameParams } }, async (request) => {
    const view = await batches.get(principalOf(request), request.params.name);
    return presentScaleBatch(view.row, view.project);
  });
  app.get('/batches/:name/status', { schema: { params: nameParams } }, async (request) => {
    const { status, counts } = await batches.status(principalOf(request), request.params.name);
    return { status, pending: 0, completed: 0, error: 0, canceled: 0, ...counts };
  });
  app.post(
    '/batches/:name/finalize',
    { schema: { params: nameParams, body: z.unknown() } },
    async (request) => {
      const view = await batches.finalize(principalOf(request), request.params.name);
      return presentScaleBatch(view.row, view.project);
    },
  );
  app.post(
    '/batches/:name/setMetadata',
    { schema: { params: nameParams, body: metadataBody } },
    async (request) => {
      const view = await batches.setMetadata(principalOf(request), request.params.name, request.body);
      return presentScaleBatch(view.row, view.project);
    },
  );
  app.get('/batches', { schema: { querystring: batchListQuery } }, async (request) => {
    const q = request.query;
    const page = await batches.list(principalOf(request), {
      project: q.project,
      status: q.status,
      createdAfter: q.start_time,
      createdBefore: q.end_time,
      excludeArchived: q.exclude_archived,
      limit: q.limit,
      offset: q.offset,
    });
    return {
      docs: page.docs.map((v) => presentScaleBatch(v.row, v.project)),
      totalDocs: page.total,
      limit: q.limit,
      offset: q.offset,
      has_more: q.offset + page.docs.length < page.total,
    };
  });

  // ---- projects
  app.post('/projects', { schema: { body: projectCreateBody } }, async (request) => {
    const b = request.body;
    const { project, versions } = await projects.create(principalOf(request), {
      type: b.type,
      name: b.name,
      params: b.params ?? null,
    });
    return presentScaleProject(project, versions);
  });
  app.get(
    '/projects',
    { schema: { querystring: z.looseObject({ archived: lenientBoolean.optional() }) } },
    async (request) =>
      (await projects.list(principalOf(request), request.query.archived)).map((x) =>
        presentScaleProject(x.project, x.versions),
      ),
  );
  app.get('/projects/:name', { schema: { params: nameParams } }, async (request) => {
    const { project, versions } = await projects.get(principalOf(request), request.params.name);
    return presentScaleProject(project, versions);
  });
  app.post(
    '/projects/:name/setParams',
    {
      schema: {
        params: nameParams,
        body: z.record(z.string(), z.unknown(), { error: 'the body must be a JSON object' }),
      },
    },
    async (request) => {
      const { patch, instruction, ...params } = request.body;
      const patchFlag = lenientBoolean.safeParse(patch ?? false);
      if (!patchFlag.success)
        throw invalid('patch: must be a boolean', [{ path: 'patch', message: 'must be a boolean' }]);
      if (instruction !== undefined && instruction !== null && typeof instruction !== 'string') {
        throw invalid('instruction: must be a string', [
          { path: 'instruction', message: 'must be a string' },
        ]);
      }
      const { project, versions } = await projects.setParams(principalOf(request), request.params.name, {
        patch: patchFlag.data,
        ...(instruction !== undefined ? { instruction: instruction as string | null } : {}),
        params,
      });
      return presentScaleProject(project, versions);
    },
  );

  // ---- files
  app.post('/files/upload', async (request) => {
    if (!request.isMultipart()) {
      throw new ApiError(
        'unsupported_media_type',
        'Send the file as multipart/form-data with a `file` part.',
      );
    }
    const view = await readMultipartUpload(request, principalOf(request), files);
    return presentScaleFile(view.row, view.project);
  });
  app.post(
    '/files/import',
    { schema: { body: z.looseObject({ file_url: z.string().min(1) }) } },
    async (request) => {
      const body = request.body as Record<string, unknown>;
      const view = await files.importUrl(principalOf(request), request.body.file_url, fileFieldsFrom(body));
      return presentScaleFile(view.row, view.project);
    },
  );
};
