/** `/api/auth`: logging in and out with email and password (a session cookie for the web app). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../errors.ts';
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
  const publicUrl = request.server.config.publicUrl;
  reply.setCookie(SESSION_COOKIE, started.token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: request.protocol === 'https' || (publicUrl?.startsWith('https:') ?? false),
    expires: started.session.expiresAt,
  });
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
          'returns the CSRF token to send with every write. Too many failed attempts answer 429. Needs no authentication.',
        security: [],
        body: loginBody,
        response: { 200: apiSessionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const started = await sessions.login(request.body, clientOf(request));
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
