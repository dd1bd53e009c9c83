/**
 * The CLI's calls to a running server. A thin `fetch` client for now; when `@groundwork/sdk` is generated
 * these functions delegate to it and keep their signatures.
 */

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

/** Options of a bulk task import. */
export interface ImportTasksInput {
  /** Task type of every line. */
  type: string;
  /** Default project of lines that name none. */
  project?: string;
  /** Default batch of lines that name none. */
  batch?: string;
  /** NDJSON, one task per line, streamed as it is read. */
  body: ReadableStream<Uint8Array>;
}

/** The outcome of an import: how many tasks were created, and the ids of the first and last. */
export interface ImportTasksResult {
  created: number;
  firstTaskId?: string | null;
  lastTaskId?: string | null;
}

/**
 * Streams NDJSON task lines to `POST /api/tasks/import`. All or nothing: either every line becomes a task
 * or the server rejects the file, naming the bad lines in `details` (`{path: 'line 12', message}`).
 */
export async function importTasks(target: ApiTarget, input: ImportTasksInput): Promise<ImportTasksResult> {
  const query = new URLSearchParams({ type: input.type });
  if (input.project !== undefined) query.set('project', input.project);
  if (input.batch !== undefined) query.set('batch', input.batch);
  const response = await send(target, `/api/tasks/import?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson' },
    body: input.body,
    duplex: 'half',
  });
  const result = (await response.json()) as Partial<ImportTasksResult>;
  if (typeof result.created !== 'number') {
    throw new RemoteApiError('the server answered without a task count', {
      status: response.status,
      code: 'bad_response',
    });
  }
  return result as ImportTasksResult;
}

async function send(
  target: ApiTarget,
  path: string,
  init: RequestInit & { duplex?: 'half' },
): Promise<Response> {
  const url = new URL(path, target.url.endsWith('/') ? target.url : `${target.url}/`);
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: {
        ...(init.headers as Record<string, string>),
        authorization: `Bearer ${target.key}`,
        accept: 'application/json',
      },
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new RemoteApiError(
      `cannot reach ${url.origin}: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
      {
        status: null,
        code: 'unreachable',
      },
    );
  }
  if (response.ok) return response;
  const text = await response.text();
  let body: { code?: unknown; message?: unknown; details?: unknown } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // Not our API's error shape (a proxy's HTML page, say): report the status alone.
  }
  const details = Array.isArray(body.details)
    ? body.details.filter(
        (d): d is { path: string; message: string } =>
          typeof d?.path === 'string' && typeof d?.message === 'string',
      )
    : [];
  throw new RemoteApiError(
    typeof body.message === 'string' ? body.message : `HTTP ${response.status} from ${url.origin}`,
    {
      status: response.status,
      code: typeof body.code === 'string' ? body.code : 'http_error',
      details,
    },
  );
}
