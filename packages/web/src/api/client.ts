/**
 * The web app's one connection to the server: the SDK's typed `/api` client on the page's own origin,
 * authenticated by the session cookie, with the session's CSRF token on every write.
 */
import { type ApiErrorBody, createGroundworkClient } from '@groundwork/sdk';

let csrfToken: string | null = null;

/** Remembers the CSRF token of the session that just started (or null after logging out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The typed client every page uses. */
export const api = createGroundworkClient({
  baseUrl: window.location.origin,
  csrfToken: () => csrfToken,
});

/** A failed call, with the server's stable code, message and field details. */
export class ApiFailure extends Error {
  /** HTTP status (0 when the server could not be reached). */
  readonly status: number;
  /** The server's stable error code (`lease_expired`, `invalid_response`…), or `network`. */
  readonly code: string;
  /** Field-level problems. */
  readonly details: ApiErrorBody['details'];

  constructor(status: number, body: Partial<ApiErrorBody> | undefined) {
    super(body?.message ?? `The server answered ${status}.`);
    this.name = 'ApiFailure';
    this.status = status;
    this.code = body?.code ?? (status === 0 ? 'network' : 'unknown');
    this.details = body?.details ?? [];
  }
}

/**
 * Unwraps an SDK result: its data, or an {@link ApiFailure}. A call that never reached the server (network
 * down) becomes an ApiFailure with status 0 and code `network`.
 */
export async function call<T>(
  promise: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: Awaited<typeof promise>;
  try {
    result = await promise;
  } catch {
    throw new ApiFailure(0, {
      code: 'network' as ApiErrorBody['code'],
      message: 'The server cannot be reached. Check your connection; your work is kept in this browser.',
    });
  }
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiFailure(result.response.status, result.error as Partial<ApiErrorBody> | undefined);
  }
  return result.data as T;
}
