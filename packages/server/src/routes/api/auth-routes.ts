/**
 * `/api/auth`: logging in and out with email and password (a session cookie for the web app). A person
 * with a second factor signs in in two steps: the password step answers 401 `second_factor_required` and
 * sets the `gw_login_challenge` cookie (HttpOnly, 5 minutes, sent only to `/api/auth`); the code step
 * `POST /api/auth/login/totp` redeems it with a 6-digit code or a recovery code.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../errors.ts';
import { secondFactorBody } from '../../presenters/account.ts';
import { apiSessionSchema, presentSession } from '../../presenters/people.ts';
import { type ClientInfo, SESSION_COOKIE, type StartedSession } from '../../services/sessions.ts';
import { errorResponses } from './common.ts';

const loginBody = z
  .object({
    email: z.string().trim().min(1).max(320).describe('Email address of the account.'),
    password: z.string().min(1).max(1024).describe('Password of the account.'),
    org: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe("Slug of the organization to work in (default: the person's oldest membership)."),
  })
  .describe('Credentials.');

/** The cookie that carries a sign-in challenge from the password step to the code step. */
export const CHALLENGE_COOKIE = 'gw_login_challenge';
const CHALLENGE_PATH = '/api/auth';

const loggedOut = z.object({ ok: z.literal(true).describe('Always true.') }).describe('Logged out.');

/** Who is calling, for the session row and the login throttle. */
export function clientOf(request: FastifyRequest): ClientInfo {
  const agent = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof agent === 'string' ? agent : null };
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure over https, until the session's end. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  started: StartedSession,
): void {
  reply.setCookie(SESSION_COOKIE, started.token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secureCookies(request),
    expires: started.session.expiresAt,
  });
}

/** Whether cookies set for this request should be Secure (https, or an https public URL). */
function secureCookies(request: FastifyRequest): boolean {
  const publicUrl = request.server.config.publicUrl;
  return request.protocol === 'https' || (publicUrl?.startsWith('https:') ?? false);
}

/** Session routes. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sessions } = app.services;

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        operationId: 'login',
        summary: 'Log in',
        description:
          'Checks an email and password and starts a session: sets the `gw_session` cookie (HttpOnly) and ' +
          'returns the CSRF token to send with every write. Too many failed attempts answer 429. For a person ' +
          'with two-factor sign-in on, the answer is 401 `second_factor_required` with the `gw_login_challenge` ' +
          'cookie set: send the code to `POST /api/auth/login/totp` within 5 minutes. Needs no authentication.',
        security: [],
        body: loginBody,
        response: { 200: apiSessionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const step = await sessions.beginLogin(request.body, clientOf(request));
      if (step.kind === 'second_factor') {
        reply.setCookie(CHALLENGE_COOKIE, step.challenge, {
          httpOnly: true,
          sameSite: 'strict',
          path: CHALLENGE_PATH,
          secure: secureCookies(request),
          expires: step.expiresAt,
        });
        throw new ApiError(
          'second_factor_required',
          'Enter the 6-digit code of your authenticator app (or a recovery code) to finish signing in.',
        );
      }
      setSessionCookie(request, reply, step.started);
      return presentSession(sessions.view(step.started.session, step.started.token));
    },
  );

  app.post(
    '/auth/login/totp',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        operationId: 'loginSecondFactor',
        summary: 'Finish logging in with a second factor',
        description:
          'The second step of signing in for a person with two-factor sign-in on: redeems the `gw_login_challenge` ' +
          'cookie of `POST /api/auth/login` with the current 6-digit code (one step of clock drift either way; ' +
          'a code works once) or an unused recovery code, then starts the session as the login does. A wrong ' +
          'code answers 401; after 5 wrong codes the challenge answers 429 and the password step must be ' +
          'repeated. Needs no authentication.',
        security: [],
        body: secondFactorBody,
        response: { 200: apiSessionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const started = await sessions.completeLogin(
        request.cookies[CHALLENGE_COOKIE],
        request.body,
        clientOf(request),
      );
      reply.clearCookie(CHALLENGE_COOKIE, { path: CHALLENGE_PATH });
      setSessionCookie(request, reply, started);
      return presentSession(sessions.view(started.session, started.token));
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        operationId: 'logout',
        summary: 'Log out',
        description: 'Ends the session of the cookie and clears the cookie. Only for session callers.',
        response: { 200: loggedOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const login = request.loginSession;
      if (!login)
        throw new ApiError('invalid_request', 'Only a logged-in session can log out; API keys cannot.');
      await sessions.logout(login.record, login.token, clientOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/session',
    {
      schema: {
        tags: ['auth'],
        operationId: 'getSession',
        summary: 'Get the current session',
        description:
          'The logged-in person, organization, role and CSRF token of the session cookie (401 when logged out). Only for session callers.',
        response: { 200: apiSessionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const login = request.loginSession;
      if (!login) throw new ApiError('invalid_request', 'API keys have no session; this is for the web app.');
      return presentSession(sessions.view(login.record, login.token));
    },
  );
};
