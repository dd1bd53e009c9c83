/**
 * The closed vocabulary of errors the API answers with. Each has an HTTP status and a stable code; one
 * error handler renders them (Scale's `{status_code, error}` on /v1, `{code, message, details}` on /api).
 */

/** Every error code, with its HTTP status. */
export const ERROR_CODES = {
  invalid_request: 400,
  invalid_params: 400,
  invalid_response: 400,
  task_not_pending: 400,
  unauthorized: 401,
  second_factor_required: 401,
  forbidden: 403,
  csrf_failed: 403,
  paused_from_project: 403,
  not_found: 404,
  unique_id_taken: 409,
  lease_not_held: 409,
  lease_expired: 409,
  idempotency_key_used: 409,
  name_taken: 409,
  reference_id_taken: 409,
  workforce_in_use: 409,
  already_member: 409,
  last_owner: 409,
  invitation_accepted: 409,
  export_finished: 409,
  version_conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  data_key_missing: 500,
  fetch_failed: 502,
} as const;

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** A field-level problem of a request. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/** An error that is safe to show to the caller. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[];
  constructor(code: ErrorCode, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.code = code;
    this.status = ERROR_CODES[code];
    this.details = details;
  }
}

/** 400 for a bad request field. */
export function invalid(message: string, details: ErrorDetail[] = []): ApiError {
  return new ApiError('invalid_request', message, details);
}

/** 404; also the answer for anything that belongs to another organization. */
export function notFound(what: string, id: string): ApiError {
  return new ApiError(
    'not_found',
    `No ${what} found with ${what === 'task' ? 'id' : 'name'} ${JSON.stringify(id)}.`,
  );
}
