/** `/api/files`: uploads, URL imports and downloads of files used as task attachments. */
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../app.ts';
import { ApiError } from '../../errors.ts';
import { apiFileSchema, presentFile } from '../../presenters/api.ts';
import type { FileRow } from '../../repositories/files.ts';
import { readMultipartUpload } from '../multipart.ts';
import { requireRole, roleNote } from './auth.ts';
import { errorResponses, idParams, withFieldNames } from './common.ts';

/** How the file service names the fields it checks, and how this API names them. */
const FIELD_NAMES = {
  file_url: 'url',
  project_name: 'projectName',
  display_name: 'displayName',
  reference_id: 'referenceId',
};

const uploadForm = z
  .object({
    file: z.string().meta({ format: 'binary' }).describe('The file (send it after the text fields).'),
    project_name: z.string().optional().describe('Name of the project the file belongs to.'),
    display_name: z.string().optional().describe('Name shown for the file (default: the file name).'),
    reference_id: z.string().optional().describe('Your unique reference of the file.'),
    metadata: z.string().optional().describe('Free-form metadata as a JSON object.'),
  })
  .describe('A multipart form: text fields first, then the `file` part.');

// The multipart parser leaves the body empty (the parts are streamed by the handler), so the form is
// only documented, never validated.
const { $schema: _dialect, ...uploadFormJson } = z.toJSONSchema(uploadForm);
const uploadBody = z.unknown().meta(uploadFormJson);

const importBody = z
  .object({
    url: z
      .url({ protocol: /^https?$/ })
      .describe('The http(s) URL to download the file from (public addresses only).'),
    projectName: z.string().min(1).max(1024).optional().describe('Name of the project the file belongs to.'),
    displayName: z.string().min(1).max(1024).optional().describe('Name shown for the file.'),
    referenceId: z.string().min(1).max(1024).optional().describe('Your unique reference of the file.'),
    metadata: z.record(z.string(), z.unknown()).optional().describe('Free-form metadata.'),
  })
  .describe('A file to download and store.');

/** File routes. */
export const fileRoutes: FastifyPluginAsyncZod = async (app) => {
  const { files } = app.services;

  app.post(
    '/files',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['files'],
        operationId: 'uploadFile',
        summary: 'Upload a file',
        description: `Stores the \`file\` part of a multipart/form-data body; use its \`attachmentUrl\` in tasks. ${roleNote('manager')}`,
        consumes: ['multipart/form-data'],
        body: uploadBody,
        response: { 200: apiFileSchema, ...errorResponses },
      },
    },
    async (request) => {
      if (!request.isMultipart()) {
        throw new ApiError(
          'unsupported_media_type',
          'Send the file as multipart/form-data with a `file` part.',
        );
      }
      const view = await withFieldNames(FIELD_NAMES, () =>
        readMultipartUpload(request, principalOf(request), files),
      );
      return presentFile(view.row, view.project);
    },
  );

  app.post(
    '/files/import',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['files'],
        operationId: 'importFile',
        summary: 'Import a file from a URL',
        description: `Downloads a file from a public http(s) URL and stores it. ${roleNote('manager')}`,
        body: importBody,
        response: { 200: apiFileSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { url, ...fields } = request.body;
      const view = await withFieldNames(FIELD_NAMES, () =>
        files.importUrl(principalOf(request), url, fields),
      );
      return presentFile(view.row, view.project);
    },
  );

  app.get(
    '/files/:id',
    {
      preHandler: requireRole('viewer'),
      schema: {
        tags: ['files'],
        operationId: 'getFile',
        summary: 'Get a file',
        description: `A file's description by id. ${roleNote('viewer')}`,
        params: idParams,
        response: { 200: apiFileSchema, ...errorResponses },
      },
    },
    async (request) => {
      const view = await files.get(principalOf(request), request.params.id);
      return presentFile(view.row, view.project);
    },
  );

  app.get(
    '/files/:id/content',
    {
      preHandler: requireRole('viewer'),
      schema: {
        tags: ['files'],
        operationId: 'getFileContent',
        summary: "Download a file's content",
        description: `Streams the stored bytes with the file's content type. ${roleNote('viewer')}`,
        params: idParams,
        response: { 200: fileContentResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendFileContent(reply, await files.open(principalOf(request), request.params.id)),
  );
};

/** The OpenAPI description of a file-content answer. */
export const fileContentResponse = {
  description: 'The file content.',
  content: {
    'application/octet-stream': {
      schema: z.string().meta({ format: 'binary' }).describe('The bytes of the file.'),
    },
  },
};

/**
 * The policy of uploaded files' bytes: whatever a file claims to be (an HTML page, an SVG with script), it
 * runs nothing and reaches nothing when opened or framed on this origin — it is sandboxed into an opaque
 * origin without scripts. PDFs are exempt: Chromium refuses to show a sandboxed PDF, and its viewer does
 * not run the document's script in the page's origin.
 */
export const FILE_CONTENT_CSP =
  "sandbox; default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'";

/**
 * Streams a stored file with its content type, never sniffed by the browser, sandboxed; the browser may keep
 * it privately for `maxAgeSeconds` (a lease's signed link: no longer than the link works).
 */
export function sendFileContent(
  reply: FastifyReply,
  file: { row: FileRow; body: Readable },
  maxAgeSeconds = 3600,
): FastifyReply {
  if (file.row.mimeType !== 'application/pdf') reply.header('content-security-policy', FILE_CONTENT_CSP);
  return (
    reply
      .type(file.row.mimeType)
      .header('content-length', file.row.size)
      .header('content-disposition', 'inline')
      .header('x-content-type-options', 'nosniff')
      // A file's bytes never change under its id: the workbench loads the next task's image ahead of time
      // and shows it from the browser's cache. Private: never kept by a shared proxy.
      .header('cache-control', `private, max-age=${maxAgeSeconds}, immutable`)
      .send(file.body as unknown as string)
  ); // a stream: documented as binary, never serialized
}
