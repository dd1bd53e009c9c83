/** `/api/tasks`: task reads and the bulk NDJSON import. */
import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../app.ts';
import { ApiError, invalid } from '../../errors.ts';
import { apiTaskSchema, presentTask } from '../../presenters/api.ts';
import { requireRole, roleNote } from './auth.ts';
import { dateQuery, errorResponses, idParams, withFieldNames } from './common.ts';
import { readNdjson } from './ndjson.ts';

/** The most tasks one import may hold. */
export const MAX_IMPORT_LINES = 1_000_000;

const taskListQuery = z.object({
  project: z.string().min(1).optional().describe('Only tasks of this project.'),
  batch: z.string().min(1).optional().describe('Only tasks of this batch.'),
  status: z
    .enum(['pending', 'completed', 'canceled', 'error'])
    .optional()
    .describe('Only tasks with this status.'),
  type: z.string().min(1).optional().describe('Only tasks of this type.'),
  createdAfter: dateQuery('Only tasks created at or after this time (ISO 8601).').optional(),
  createdBefore: dateQuery('Only tasks created at or before this time (ISO 8601).').optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(100)
    .describe('Largest number of tasks to return (1–100, default 100).'),
  cursor: z
    .string()
    .min(1)
    .optional()
    .describe('The `nextCursor` of the previous page; omitted for the first page.'),
});

const importQuery = z.object({
  type: z.string().min(1).describe('Task type of every line, e.g. `categorization`.'),
  project: z.string().min(1).optional().describe('Project of lines that name neither a project nor a batch.'),
  batch: z.string().min(1).optional().describe('Batch of lines that name neither a project nor a batch.'),
});

const ndjsonBody = z
  .custom<Readable>(() => true)
  .meta({ type: 'string' })
  .describe(
    "One task per line as a JSON object with the fields of Scale's task creation (`attachment`, `project`, `batch`, `unique_id`, `metadata`, ...); blank lines are skipped.",
  );

/** Task routes. */
export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  const { tasks } = app.services;
  const { maxImportBytes } = app.config;

  app.get(
    '/tasks',
    {
      preHandler: requireRole('viewer'),
      schema: {
        tags: ['tasks'],
        operationId: 'listTasks',
        summary: 'List tasks',
        description: `Tasks of the caller's environment, newest first, a page at a time: pass \`nextCursor\` back as \`cursor\` for the next page. ${roleNote('viewer')}`,
        querystring: taskListQuery,
        response: {
          200: z
            .object({
              items: z.array(apiTaskSchema).describe('The tasks of this page.'),
              nextCursor: z.string().nullable().describe('Cursor of the next page; `null` on the last page.'),
              total: z.int().describe('Number of tasks matching the filters.'),
            })
            .describe('A page of tasks.'),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await withFieldNames({ next_token: 'cursor' }, () =>
        tasks.list(principalOf(request), {
          project: q.project,
          batch: q.batch,
          status: q.status,
          type: q.type,
          startTime: q.createdAfter,
          endTime: q.createdBefore,
          limit: q.limit,
          nextToken: q.cursor,
        }),
      );
      return {
        items: page.docs.map((v) => presentTask(v.row, v)),
        nextCursor: page.nextToken,
        total: page.total,
      };
    },
  );

  app.get(
    '/tasks/:id',
    {
      preHandler: requireRole('viewer'),
      schema: {
        tags: ['tasks'],
        operationId: 'getTask',
        summary: 'Get a task',
        description: `A task by id. ${roleNote('viewer')}`,
        params: idParams,
        response: { 200: apiTaskSchema, ...errorResponses },
      },
    },
    async (request) => {
      const view = await tasks.get(principalOf(request), request.params.id);
      return presentTask(view.row, view);
    },
  );

  app.post(
    '/tasks/import',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['tasks'],
        operationId: 'importTasks',
        summary: 'Import tasks in bulk (NDJSON)',
        description: `Creates many tasks of one type from an \`application/x-ndjson\` body, all or nothing: every line is validated first and if any is invalid nothing is written and the error details name each bad line (\`line 12\`). At most ${MAX_IMPORT_LINES.toLocaleString('en')} lines. ${roleNote('manager')}`,
        consumes: ['application/x-ndjson'],
        querystring: importQuery,
        body: ndjsonBody,
        response: {
          200: z
            .object({
              created: z.int().describe('Number of tasks created.'),
              firstTaskId: z.string().nullable().describe('Id of the task of the first line.'),
              lastTaskId: z.string().nullable().describe('Id of the task of the last line.'),
            })
            .describe('The outcome of an import.'),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const q = request.query;
      const body = request.body as unknown;
      if (!isReadable(body)) {
        throw new ApiError('unsupported_media_type', 'Send the tasks as application/x-ndjson, one per line.');
      }
      const declared = Number(request.headers['content-length']);
      if (declared > maxImportBytes) {
        body.resume();
        throw new ApiError(
          'payload_too_large',
          `The import is larger than the limit of ${maxImportBytes} bytes.`,
        );
      }
      try {
        tasks.type(q.type);
      } catch (error) {
        body.resume();
        if (error instanceof ApiError)
          throw invalid(`type: ${error.message}`, [{ path: 'type', message: error.message }]);
        throw error;
      }
      const lines = await readNdjson(body, { maxBytes: maxImportBytes, maxLines: MAX_IMPORT_LINES });
      if (lines.length === 0)
        throw invalid('The import holds no tasks.', [{ path: 'body', message: 'empty' }]);
      return tasks.createMany(principal, q.type, lines, {
        ...(q.project !== undefined ? { project: q.project } : {}),
        ...(q.batch !== undefined ? { batch: q.batch } : {}),
      });
    },
  );
};

function isReadable(value: unknown): value is Readable {
  return typeof value === 'object' && value !== null && typeof (value as Readable).pipe === 'function';
}
