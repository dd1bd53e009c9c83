/** `/api/tasks`: task reads and the bulk import (NDJSON or CSV). */
import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../app.ts';
import { ApiError, invalid } from '../../errors.ts';
import { apiTaskSchema, presentTask } from '../../presenters/api.ts';
import { csvImportRows } from '../../services/task-import-csv.ts';
import { IMPORT_CHUNK_ROWS, MAX_IMPORT_PROBLEMS } from '../../services/tasks.ts';
import { requireRole, roleNote } from './auth.ts';
import { dateQuery, errorResponses, idParams, withFieldNames } from './common.ts';
import { ndjsonRows, readNdjson } from './ndjson.ts';

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
  type: z.string().min(1).describe('Task type of every row, e.g. `categorization`.'),
  project: z.string().min(1).optional().describe('Project of rows that name neither a project nor a batch.'),
  batch: z.string().min(1).optional().describe('Batch of rows that name neither a project nor a batch.'),
  format: z
    .enum(['ndjson', 'csv'])
    .optional()
    .describe('How the body is written; default from the Content-Type (`text/csv` → `csv`, else `ndjson`).'),
  mode: z
    .enum(['all', 'partial'])
    .default('all')
    .describe(
      '`all` (default): any bad row fails the whole import and nothing is written; `partial`: good rows are created, bad rows are reported in `problems`.',
    ),
  onDuplicate: z
    .enum(['error', 'skip'])
    .default('error')
    .describe(
      '`error` (default): a row whose unique_id is taken is a bad row; `skip`: it is counted as `skipped` (for idempotent re-runs and resumed imports).',
    ),
});

const importBody = z
  .custom<Readable>(() => true)
  .meta({ type: 'string' })
  .describe(
    "NDJSON: one task per line as a JSON object with the fields of Scale's task creation (`attachment`, `project`, `batch`, `unique_id`, `metadata`, ...); blank lines are skipped. CSV: a header row naming the fields — `attachment`, `unique_id`, `instruction`, `priority`, `callback_url`, `batch`, `project`, `tags` (`;`-separated), `metadata` (a JSON object), `metadata.<key>`, and `params.<key>` or any other column for the type's params (e.g. `categories`); a params or metadata cell starting with `[` or `{` is read as JSON, an empty cell is left out.",
  );

const importProblemSchema = z
  .object({
    line: z.int().describe('Line of the bad row in the body, from 1 (a CSV header is line 1).'),
    path: z.string().describe('The field (or CSV column) at fault; empty for the whole row.'),
    message: z.string().describe('What is wrong.'),
  })
  .describe('A problem of a bad row.');

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

  // CSV bodies are streamed to the import like NDJSON ones (this plugin's routes only).
  app.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));

  app.post(
    '/tasks/import',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['tasks'],
        operationId: 'importTasks',
        summary: 'Import tasks in bulk (NDJSON or CSV)',
        description: `Creates many tasks of one type from an \`application/x-ndjson\` or \`text/csv\` body. By default all or nothing: every row is validated first and if any is invalid nothing is written and the error details name each bad line (\`line 12\`). With \`mode=partial\` the good rows are created (in chunks of ${IMPORT_CHUNK_ROWS.toLocaleString('en')}, each in one transaction) and each bad row is reported by line, field and message in \`problems\`; only a body that cannot be read at all fails the request. With \`onDuplicate=skip\` rows whose unique_id already exists are counted as \`skipped\`, so an import can be re-run or resumed. Line numbers count from 1 over the whole body (a CSV header is line 1). At most ${MAX_IMPORT_LINES.toLocaleString('en')} rows. ${roleNote('manager')}`,
        consumes: ['application/x-ndjson', 'text/csv'],
        querystring: importQuery,
        body: importBody,
        response: {
          200: z
            .object({
              created: z.int().describe('Number of tasks created.'),
              skipped: z
                .int()
                .describe('Rows not created because their unique_id already exists (`onDuplicate=skip`).'),
              failed: z.int().describe('Bad rows, not created (`mode=partial`; 0 otherwise).'),
              problems: z
                .array(importProblemSchema)
                .describe(
                  `Problems of the bad rows in line order, the first ${MAX_IMPORT_PROBLEMS.toLocaleString('en')}.`,
                ),
              firstTaskId: z.string().nullable().describe('Id of the first task created.'),
              lastTaskId: z.string().nullable().describe('Id of the last task created.'),
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
        throw new ApiError(
          'unsupported_media_type',
          'Send the tasks as application/x-ndjson (one per line) or text/csv (a header row, then one task per row).',
        );
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
      const contentType = String(request.headers['content-type'] ?? '').toLowerCase();
      const format = q.format ?? (contentType.startsWith('text/csv') ? 'csv' : 'ndjson');
      const limits = { maxBytes: maxImportBytes, maxLines: MAX_IMPORT_LINES };
      const options = {
        ...(q.project !== undefined ? { project: q.project } : {}),
        ...(q.batch !== undefined ? { batch: q.batch } : {}),
        mode: q.mode,
        onDuplicate: q.onDuplicate,
      };
      if (format === 'ndjson' && q.mode === 'all') {
        // All or nothing: read (and check) every line before anything is written, as before.
        const lines = await readNdjson(body, limits);
        if (lines.length === 0)
          throw invalid('The import holds no tasks.', [{ path: 'body', message: 'empty' }]);
        return tasks.importTasks(principal, q.type, [lines], options);
      }
      const rows = format === 'csv' ? csvImportRows(body, limits) : ndjsonRows(body, limits);
      return tasks.importTasks(principal, q.type, rows, options);
    },
  );
};

function isReadable(value: unknown): value is Readable {
  return typeof value === 'object' && value !== null && typeof (value as Readable).pipe === 'function';
}
