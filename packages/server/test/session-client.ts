/**
 * Test helpers for people: members created through OrgService (as `groundwork user create` does),
 * logins through the API, and a client that calls `/api` with the session cookie and CSRF token.
 */
import type { App } from '../src/app.ts';
import type { Role } from '../src/services/principal.ts';
import type { Body, TestContext } from './harness.ts';

/** The password of every test member. */
export const PASSWORD = 'correct horse battery';

let counter = 0;

/** A fresh, unique email address. */
export function uniqueEmail(label: string): string {
  return `${label}-${process.pid}-${++counter}@example.test`;
}

/** A member created in `orgId` with PASSWORD; returns the user id and email. */
export async function addMember(
  ctx: TestContext,
  orgId: string,
  role: Role,
  email = uniqueEmail(role),
): Promise<{ id: string; email: string }> {
  const user = await ctx.orgs.addUser(orgId, { email, role, name: `Test ${role}`, password: PASSWORD });
  return { id: user.id, email: user.email };
}

/** A logged-in browser: its cookie token and CSRF token. */
export interface TestSession {
  token: string;
  csrf: string;
  body: Body;
}

/** Options of one call of a session client. */
export interface SessionCallOptions {
  /** The x-csrf-token header: the session's by default, `null` to leave it out. */
  csrf?: string | null;
  /** An Origin header to send. */
  origin?: string;
  /** Extra headers. */
  headers?: Record<string, string>;
}

/** Logs in through the API; throws unless it succeeds. */
export async function login(
  app: App,
  email: string,
  password = PASSWORD,
  org?: string,
): Promise<TestSession> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password, ...(org ? { org } : {}) },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'gw_session');
  if (!cookie) throw new Error('login set no gw_session cookie');
  const body = response.json() as Body;
  return { token: cookie.value, csrf: body.csrfToken as string, body };
}

/** Calls `/api` as a logged-in browser would (cookie, plus the CSRF header unless told otherwise). */
export async function callAsSession(
  app: App,
  session: Pick<TestSession, 'token' | 'csrf'>,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  options: SessionCallOptions = {},
): Promise<{ status: number; body: Body }> {
  const csrf = options.csrf === undefined ? session.csrf : options.csrf;
  const response = await app.inject({
    method,
    url: `/api${url}`,
    cookies: { gw_session: session.token },
    headers: {
      ...(csrf !== null ? { 'x-csrf-token': csrf } : {}),
      ...(options.origin ? { origin: options.origin } : {}),
      ...(payload !== undefined && typeof payload !== 'string' ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    ...(payload !== undefined
      ? { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }
      : {}),
  });
  const text = response.body;
  return { status: response.statusCode, body: (text ? JSON.parse(text) : {}) as Body };
}
