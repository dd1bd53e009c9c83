/**
 * Requests as a given caller: an API key (Bearer on `/api`, HTTP Basic on `/v1`), a login session
 * (cookie plus CSRF header), a cookie nobody issued, or nothing at all — so that one probe can be sent
 * unchanged by every kind of attacker.
 */
import type { App } from '../../src/app.ts';
import { basic } from '../harness.ts';

/** How a caller proves who it is (or fails to). */
export type Credential =
  | { kind: 'key'; key: string }
  | { kind: 'session'; token: string; csrf: string }
  | { kind: 'none' };

/** The HTTP methods the APIs use. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One request, ready to send as anyone. */
export interface ProbeRequest {
  method: Method;
  /** Path and query string, starting with `/api/` or `/v1/`. */
  url: string;
  /** The raw body; `contentType` says what it is. */
  payload?: string;
  contentType?: string;
}

/** The answer to a probe: status, content type and the body as text (JSON or not). */
export interface ProbeResponse {
  status: number;
  contentType: string;
  text: string;
}

/** The headers and cookies that carry `credential` on the API of `url`. */
function authOf(
  credential: Credential,
  url: string,
): { headers: Record<string, string>; cookies: Record<string, string> } {
  if (credential.kind === 'key') {
    const authorization = url.startsWith('/v1') ? basic(credential.key) : `Bearer ${credential.key}`;
    return { headers: { authorization }, cookies: {} };
  }
  if (credential.kind === 'session') {
    return { headers: { 'x-csrf-token': credential.csrf }, cookies: { gw_session: credential.token } };
  }
  return { headers: {}, cookies: {} };
}

/** Sends `request` through `app.inject` as `credential`. */
export async function send(app: App, credential: Credential, request: ProbeRequest): Promise<ProbeResponse> {
  const { headers, cookies } = authOf(credential, request.url);
  const response = await app.inject({
    method: request.method,
    url: request.url,
    headers: {
      ...headers,
      ...(request.payload !== undefined ? { 'content-type': request.contentType ?? 'application/json' } : {}),
    },
    cookies,
    ...(request.payload !== undefined ? { payload: request.payload } : {}),
  });
  return {
    status: response.statusCode,
    contentType: String(response.headers['content-type'] ?? ''),
    text: response.body,
  };
}

/** Sends a JSON body (or none) and parses the JSON answer; throws unless the status is 2xx. */
export async function sendOk(
  app: App,
  credential: Credential,
  method: Method,
  url: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const response = await send(app, credential, {
    method,
    url,
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`${method} ${url}: ${response.status} ${response.text.slice(0, 500)}`);
  }
  return (response.text ? JSON.parse(response.text) : {}) as Record<string, unknown>;
}

/** The boundary of the multipart bodies built here. */
export const MULTIPART_BOUNDARY = 'isolation-boundary';

/** A multipart/form-data body with one `file` part (and optional text fields). */
export function multipartBody(
  filename: string,
  content: string,
  fields: Record<string, string> = {},
): { payload: string; contentType: string } {
  const parts = Object.entries(fields).map(
    ([name, value]) =>
      `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  parts.push(
    `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      `Content-Type: text/plain\r\n\r\n${content}\r\n`,
  );
  return {
    payload: `${parts.join('')}--${MULTIPART_BOUNDARY}--\r\n`,
    contentType: `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`,
  };
}
