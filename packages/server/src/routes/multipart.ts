/** Reads Scale-style file uploads (`file` part plus text fields) shared by /v1 and /api. */
import type { FastifyRequest } from 'fastify';
import { ApiError, invalid } from '../errors.ts';
import { unstorableJson } from '../lib/nul.ts';
import type { FileFields, FileService, FileView, StoredBlob } from '../services/files.ts';
import type { Principal } from '../services/principal.ts';

/** The optional file fields from a JSON body or form fields (`project_name`, `display_name`, `reference_id`, `metadata`). */
export function fileFieldsFrom(source: Record<string, unknown>): FileFields {
  const fields: FileFields = {};
  for (const [key, target] of [
    ['project_name', 'projectName'],
    ['display_name', 'displayName'],
    ['reference_id', 'referenceId'],
  ] as const) {
    const value = source[key];
    if (value === undefined || value === null || value === '') continue;
    if (
      typeof value !== 'string' ||
      value.length > 1024 ||
      value.includes('\u0000') ||
      !value.isWellFormed()
    ) {
      throw invalid(`${key}: must be a string of at most 1024 characters`, [
        { path: key, message: 'invalid' },
      ]);
    }
    fields[target] = value;
  }
  let metadata = source.metadata;
  if (typeof metadata === 'string' && metadata !== '') {
    const unstorable = unstorableJson(metadata);
    if (unstorable) throw invalid(`metadata: ${unstorable}`, [{ path: 'metadata', message: unstorable }]);
    try {
      metadata = JSON.parse(metadata);
    } catch {
      throw invalid('metadata: not valid JSON', [{ path: 'metadata', message: 'not valid JSON' }]);
    }
  }
  if (metadata !== undefined && metadata !== null && metadata !== '') {
    if (typeof metadata !== 'object' || Array.isArray(metadata)) {
      throw invalid('metadata: must be a JSON object', [{ path: 'metadata', message: 'must be an object' }]);
    }
    fields.metadata = metadata as Record<string, unknown>;
  }
  return fields;
}

/** Streams the `file` part of a multipart request into the file service. */
export async function readMultipartUpload(
  request: FastifyRequest,
  p: Principal,
  files: FileService,
): Promise<FileView> {
  const fields: Record<string, unknown> = {};
  let blob: StoredBlob | undefined;
  let filename: string | undefined;
  try {
    const parts = request.parts()[Symbol.asyncIterator]();
    for (;;) {
      const step = await parts.next().catch((error: unknown) => {
        throw unreadable(error);
      });
      if (step.done) break;
      const part = step.value;
      if (part.type === 'field') {
        fields[part.fieldname] = part.value;
        continue;
      }
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw invalid(`${part.fieldname}: unexpected file part; send the file as \`file\``);
      }
      if (blob) throw invalid('file: send one file per request');
      // The file streams into the store as it arrives; fields may come before or after it.
      blob = await files
        .storeBlob(p, part.file, part.mimetype || 'application/octet-stream')
        .catch((error: unknown) => {
          throw part.file.errored ? unreadable(error) : error;
        });
      filename = part.filename.replaceAll('\u0000', '');
    }
    if (!blob) throw invalid('file: a `file` part is required', [{ path: 'file', message: 'required' }]);
    const described = fileFieldsFrom(fields);
    const stored = blob;
    blob = undefined;
    // recordBlob deletes the blob itself when the fields are refused.
    return await files.recordBlob(p, stored, {
      ...(filename ? { filename } : {}),
      fields: described,
      sourceUrl: null,
    });
  } finally {
    if (blob) await files.discardBlob(blob);
  }
}

/**
 * The parser's own errors (a body with no boundary, a truncated part, broken part headers) are the
 * client's: a 400 naming what was wrong, not a 500. Fastify's errors (limits) keep their status.
 */
function unreadable(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof ApiError || 'statusCode' in error) return error;
  return invalid(`The multipart/form-data body is malformed: ${error.message}.`);
}
