/**
 * `/api/sessions`: a person's own login sessions — list them, end one, end all others — and an admin's
 * ending of every session of a member. Ended sessions are kept as tombstones, so their cookies are
 * recognised (and refused) when presented again.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../app.ts';
import { ApiError } from '../../errors.ts';
import {
  apiEndedSessionsSchema,
  apiLoginSessionSchema,
  presentLoginSession,
} from '../../presenters/sessions.ts';
import { SESSION_COOKIE } from '../../services/sessions.ts';
import { requireRole, roleNote } from './auth.ts';
import { errorResponses, idParams } from './common.ts';

const memberParams = z.object({
  userId: z.string().min(1).max(64).describe('User id of the member.'),
});

/** Session routes. */
export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sessions } = app.services;

  const currentSessionId = (request: { loginSession: { record: { id: string } } | null }): string => {
    if (!request.loginSession) {
      throw new ApiError('invalid_request', 'Only a signed-in person has sessions; API keys do not.');
    }
    return request.loginSession.record.id;
  };

  app.get(
    '/sessions',
    {
      schema: {
        tags: ['sessions'],
        operationId: 'listSessions',
        summary: 'List my sessions',
        description:
          "The caller's live sessions in this organization (signed-in browsers), most recently used first, " +
          'with where they signed in from; `current` marks the one of the request. Only for session callers.',
        response: {
          200: z
            .object({ items: z.array(apiLoginSessionSchema).describe('The sessions.') })
            .describe('A list of sessions.'),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const current = currentSessionId(request);
      const items = await sessions.list(principalOf(request), current);
      return { items: items.map(presentLoginSession) };
    },
  );

  app.delete(
    '/sessions/:id',
    {
      schema: {
        tags: ['sessions'],
        operationId: 'endSession',
        summary: 'End a session',
        description:
          "Ends one session at once: the caller's own, or — for admins and owners — any member's in this " +
          'organization. Its cookie is refused from then on. Ending the current session signs the caller out. ' +
          'Audited as `session.revoked`. Only for session callers.',
        params: idParams,
        response: { 200: apiEndedSessionsSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const current = currentSessionId(request);
      await sessions.end(principalOf(request), request.params.id);
      if (request.params.id === current) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ended: 1 };
    },
  );

  app.post(
    '/sessions/end-others',
    {
      schema: {
        tags: ['sessions'],
        operationId: 'endOtherSessions',
        summary: 'End all my other sessions',
        description:
          'Ends every session of the caller in this organization except the current one (sign out everywhere else). ' +
          'Each is audited as `session.revoked`. Only for session callers.',
        response: { 200: apiEndedSessionsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const current = currentSessionId(request);
      return { ended: await sessions.endOthers(principalOf(request), current) };
    },
  );

  app.delete(
    '/members/:userId/sessions',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['sessions'],
        operationId: 'endMemberSessions',
        summary: "End all of a member's sessions",
        description:
          'Ends every session of a member in this organization at once (e.g. a lost laptop). Each is audited as ' +
          `\`session.revoked\`. 404 when the person is not a member. ${roleNote('admin')}`,
        params: memberParams,
        response: { 200: apiEndedSessionsSchema, ...errorResponses },
      },
    },
    async (request) => ({
      ended: await sessions.endAllOfMember(principalOf(request), request.params.userId),
    }),
  );
};
