/**
 * The CLI's calls to a running server, through the typed SDK (`@groundwork/sdk`): each function makes one
 * call and turns a failure — an error answer of the API or a server that cannot be reached — into a
 * {@link RemoteApiError}.
 */
import { createGroundworkClient, type GroundworkClient, type ResponseOf } from '@groundwork/sdk';

/** Where the server is and who is calling. */
export interface ApiTarget {
  /** Base URL, e.g. `http://localhost:8080`. */
  url: string;
  /** An API key (`live_…` or `test_…`). */
  key: string;
}

/** An error answer of the first-party API (`{code, message, details}`), or a transport failure. */
export class RemoteApiError extends Error {
  readonly status: number | null;
  readonly code: string;
  readonly details: Array<{ path: string; message: string }>;
  constructor(
    message: string,
    init: { status: number | null; code: string; details?: Array<{ path: string; message: string }> },
  ) {
    super(message);
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
  }
}

const clients = new WeakMap<ApiTarget, GroundworkClient>();

function client(target: ApiTarget): GroundworkClient {
  let found = clients.get(target);
  if (!found) {
    found = createGroundworkClient({ baseUrl: target.url, apiKey: target.key });
    clients.set(target, found);
  }
  return found;
}

/** Runs one SDK call: its data, or a RemoteApiError for an error answer or an unreachable server. */
async function call<T>(
  target: ApiTarget,
  run: (gw: GroundworkClient) => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await run(client(target));
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const origin = new URL(target.url).origin;
    throw new RemoteApiError(
      `cannot reach ${origin}: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
      { status: null, code: 'unreachable' },
    );
  }
  const { data, error, response } = result;
  if (response.ok && data !== undefined) return data;
  const body = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    message?: unknown;
    details?: unknown;
  };
  const details = Array.isArray(body.details)
    ? body.details.filter(
        (d): d is { path: string; message: string } =>
          typeof d?.path === 'string' && typeof d?.message === 'string',
      )
    : [];
  throw new RemoteApiError(
    typeof body.message === 'string'
      ? body.message
      : `HTTP ${response.status} from ${new URL(target.url).origin}`,
    { status: response.status, code: typeof body.code === 'string' ? body.code : 'http_error', details },
  );
}

/** The caller's organization (and environment); also proves the key works. */
export function getOrg(target: ApiTarget): Promise<ResponseOf<'getOrg'>> {
  return call(target, (gw) => gw.GET('/api/org'));
}

/** A project by name. */
export function getProject(target: ApiTarget, name: string): Promise<ResponseOf<'getProject'>> {
  return call(target, (gw) => gw.GET('/api/projects/{name}', { params: { path: { name } } }));
}

/** One request of a bulk import: rows in CSV or NDJSON, and how the server treats them. */
export interface ImportChunkInput {
  /** Task type of every row. */
  type: string;
  /** Default project of rows that name none. */
  project?: string | undefined;
  /** Default batch of rows that name none. */
  batch?: string | undefined;
  /** How `body` is written. */
  format: 'csv' | 'ndjson';
  /** The rows (for CSV with its header). */
  body: string;
}

/** The outcome of one import request: counts and the bad rows' problems by line of the request body. */
export type ImportChunkResult = ResponseOf<'importTasks'>;

/**
 * Sends rows to `POST /api/tasks/import` in partial mode, skipping taken unique_ids: good rows are created,
 * bad ones come back in `problems`, rows already imported are counted as skipped.
 */
export function importChunk(target: ApiTarget, input: ImportChunkInput): Promise<ImportChunkResult> {
  return call(target, (gw) =>
    gw.POST('/api/tasks/import', {
      params: {
        query: {
          type: input.type,
          format: input.format,
          mode: 'partial',
          onDuplicate: 'skip',
          ...(input.project !== undefined ? { project: input.project } : {}),
          ...(input.batch !== undefined ? { batch: input.batch } : {}),
        },
      },
      body: input.body,
      bodySerializer: (body: string) => body,
      headers: { 'content-type': input.format === 'csv' ? 'text/csv' : 'application/x-ndjson' },
    }),
  );
}

/** A file to upload. */
export interface UploadInput {
  /** The bytes. */
  bytes: Uint8Array;
  /** Its content type. */
  contentType: string;
  /** The file name shown for it. */
  fileName: string;
  /** A unique reference (the server refuses a second file with it: 409 `reference_id_taken`). */
  referenceId?: string | undefined;
}

/** Uploads a file (`POST /api/files`); its `attachmentUrl` is what tasks use. */
export function uploadFile(target: ApiTarget, input: UploadInput): Promise<ResponseOf<'uploadFile'>> {
  const form = new FormData();
  form.set('display_name', input.fileName);
  if (input.referenceId !== undefined) form.set('reference_id', input.referenceId);
  form.set(
    'file',
    new Blob([input.bytes as Uint8Array<ArrayBuffer>], { type: input.contentType }),
    input.fileName,
  );
  return call(target, (gw) =>
    gw.POST('/api/files', { body: form as never, bodySerializer: (body: unknown) => body as FormData }),
  );
}

/** Every gold task of a project, archived ones too (page by page). */
export async function listGold(
  target: ApiTarget,
  project: string,
): Promise<ResponseOf<'listGoldTasks'>['gold']> {
  const all: ResponseOf<'listGoldTasks'>['gold'] = [];
  let before: string | undefined;
  do {
    const page = await call(target, (gw) =>
      gw.GET('/api/projects/{name}/gold', {
        params: {
          path: { name: project },
          query: { archived: 'true', limit: 100, ...(before !== undefined ? { before } : {}) },
        },
      }),
    );
    all.push(...page.gold);
    before = page.next ?? undefined;
  } while (before !== undefined);
  return all;
}

/** Creates a gold task of a project with its expected answer. */
export function createGold(
  target: ApiTarget,
  project: string,
  body: { kind: 'evaluation' | 'training'; params: Record<string, unknown>; expectedResponse: unknown },
): Promise<ResponseOf<'createGoldTask'>> {
  return call(target, (gw) =>
    gw.POST('/api/projects/{name}/gold', { params: { path: { name: project } }, body }),
  );
}
