/** `/api/org`: the caller's organization. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { principalOf } from '../../app.ts';
import { apiOrgSchema, presentOrg } from '../../presenters/api.ts';
import { requireRole, roleNote } from './auth.ts';
import { errorResponses } from './common.ts';

/** Organization routes. */
export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  const { orgs } = app.services;

  app.get(
    '/org',
    {
      preHandler: requireRole('viewer'),
      schema: {
        tags: ['organization'],
        operationId: 'getOrg',
        summary: "Get the caller's organization",
        description: `The organization the API key belongs to, and the environment and role it acts with. ${roleNote('viewer')}`,
        response: { 200: apiOrgSchema, ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return presentOrg(await orgs.getOrg(principal), principal);
    },
  );
};
