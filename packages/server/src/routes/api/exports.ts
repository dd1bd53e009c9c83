/**
 * Dataset exports: `/api/projects/{name}/exports` (request one, list a project's) and `/api/exports/{id}`
 * (follow, cancel, repeat, download). An export is made in the background by the job worker; its file is
 * downloadable once it is `completed`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../app.ts';
import { apiExportSchema, datasetFormatIdSchema, presentExport } from '../../presenters/exports.ts';
import { EXPORT_STATUSES } from '../../services/export-writers/types.ts';
import { requireRole, roleNote } from './auth.ts';
import { dateQuery, errorResponses, idParams, nameParams } from './common.ts';

const exportCreateBody = z
  .object({
    format: datasetFormatIdSchema,
    batch: z.string().min(1).max(256).optional().describe('Only the tasks of this batch of the project.'),
    status: z
      .enum(EXPORT_STATUSES)
      .optional()
      .describe('Which tasks by status: `completed` (default), `pending`, `canceled`, `error` or `any`.'),
    tags: z
      .array(z.string().min(1).max(256).describe('A tag.'))
      .max(100)
      .optional()
      .describe('Only tasks carrying any of these tags.'),
    createdAfter: dateQuery('Only tasks created at or after this time (ISO 8601).').optional(),
    createdBefore: dateQuery('Only tasks created at or before this time (ISO 8601).').optional(),
    options: z
      .object({
        includeAnswers: z
          .boolean()
          .optional()
          .describe('JSON Lines and Scale JSON: include every annotator’s submitted answer (default false).'),
      })
      .optional()
      .describe('Format options.'),
  })
  .describe('What to export.');

/** The OpenAPI description of an export's file. */
const exportFileResponse = {
  description: 'The export file (JSON, JSON Lines or zip, per the format).',
  content: {
    'application/octet-stream': {
      schema: z.string().meta({ format: 'binary' }).describe('The bytes of the file.'),
    },
  },
};

/** Export routes. */
export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { exports } = app.services;

  app.post(
    '/projects/:name/exports',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['exports'],
        operationId: 'createExport',
        summary: 'Export a project’s tasks',
        description: `Queues an export of the project's tasks in one format; a worker writes the file in the background (follow it with \`GET /api/exports/{id}\`). The export freezes \`asOf\` (now) and the project's params version, so repeating it gives the same file while the data is unchanged. 400 names \`format\` when the format does not apply to the project's type. ${roleNote('manager')}`,
        params: nameParams,
        body: exportCreateBody,
        response: { 200: apiExportSchema, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body;
      const view = await exports.create(principalOf(request), request.params.name, {
        format: b.format,
        ...(b.batch !== undefined ? { batch: b.batch } : {}),
        ...(b.status !== undefined ? { status: b.status } : {}),
        ...(b.tags !== undefined ? { tags: b.tags } : {}),
        ...(b.createdAfter !== undefined ? { createdAfter: b.createdAfter } : {}),
        ...(b.createdBefore !== undefined ? { createdBefore: b.createdBefore } : {}),
        ...(b.options?.includeAnswers !== undefined ? { includeAnswers: b.options.includeAnswers } : {}),
      });
      return presentExport(view.row, view.project);
    },
  );

  app.get(
    '/projects/:name/exports',
    {
      preHandler: requireRole('viewer'),
      schema: {
        tags: ['exports'],
        operationId: 'listExports',
        summary: 'List a project’s exports',
        description: `Newest first, at most 100. ${roleNote('viewer')}`,
        params: nameParams,
        response: {
          200: z
            .object({ items: z.array(apiExportSchema).describe('Exports, newest first.') })
            .describe('A project’s exports.'),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      items: (await exports.list(principalOf(request), request.params.name)).map((v) =>
        presentExport(v.row, v.project),
      ),
    }),
  );

  app.get(
    '/exports/:id',
    {
      preHandler: requireRole('viewer'),
      schema: {
        tags: ['exports'],
        operationId: 'getExport',
        summary: 'Get an export',
        description: `Its status and progress (\`done\` of \`total\` tasks). ${roleNote('viewer')}`,
        params: idParams,
        response: { 200: apiExportSchema, ...errorResponses },
      },
    },
    async (request) => {
      const view = await exports.get(principalOf(request), request.params.id);
      return presentExport(view.row, view.project);
    },
  );

  app.post(
    '/exports/:id/cancel',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['exports'],
        operationId: 'cancelExport',
        summary: 'Cancel an export',
        description: `A queued or running export stops and leaves no file. Canceling a canceled export changes nothing; a completed or failed one answers 409 \`export_finished\`. ${roleNote('manager')}`,
        params: idParams,
        response: { 200: apiExportSchema, ...errorResponses },
      },
    },
    async (request) => {
      const view = await exports.cancel(principalOf(request), request.params.id);
      return presentExport(view.row, view.project);
    },
  );

  app.post(
    '/exports/:id/repeat',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['exports'],
        operationId: 'repeatExport',
        summary: 'Repeat an export',
        description: `A new export with the format, options, \`asOf\` and params version of this one: the same file while the data is unchanged. ${roleNote('manager')}`,
        params: idParams,
        response: { 200: apiExportSchema, ...errorResponses },
      },
    },
    async (request) => {
      const view = await exports.repeat(principalOf(request), request.params.id);
      return presentExport(view.row, view.project);
    },
  );

  app.get(
    '/exports/:id/download',
    {
      preHandler: requireRole('viewer'),
      schema: {
        tags: ['exports'],
        operationId: 'downloadExport',
        summary: 'Download an export’s file',
        description: `Streams the file of a completed export as an attachment named \`<project>-<format>-<date>.<ext>\`; 404 until it is completed. Recorded in the audit log. ${roleNote('viewer')}`,
        params: idParams,
        response: { 200: exportFileResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await exports.open(principalOf(request), request.params.id);
      const name = file.row.fileName ?? `${file.row.id}.bin`;
      return reply
        .type(file.row.contentType ?? 'application/octet-stream')
        .header('content-length', file.size)
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-cache')
        .send(file.body as unknown as string); // a stream: documented as binary, never serialized
    },
  );
};
