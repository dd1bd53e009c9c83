/** `/api/api-keys`: the organization's API keys. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../app.ts';
import { ApiError } from '../../errors.ts';
import { apiApiKeySchema, presentApiKey } from '../../presenters/api.ts';
import { actorOf } from '../../services/principal.ts';
import { requireRole, roleNote } from './auth.ts';
import { errorResponses, idParams } from './common.ts';

const createBody = z
  .object({
    name: z.string().trim().min(1).max(100).describe('A name to recognize the key by.'),
    environment: z
      .enum(['live', 'test'])
      .describe('`live` keys see live data; `test` keys see a separate test environment.'),
  })
  .describe('A new API key.');

const createdKey = apiApiKeySchema
  .extend({
    key: z.string().describe('The secret key. It is shown only in this response; store it now.'),
  })
  .describe('A new API key with its secret.');

/** API key routes. */
export const apiKeyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { orgs, auth } = app.services;

  app.get(
    '/api-keys',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['api-keys'],
        operationId: 'listApiKeys',
        summary: 'List API keys',
        description: `Every API key of the organization, revoked ones included, oldest first; never their secrets. ${roleNote('admin')}`,
        response: {
          200: z
            .object({ items: z.array(apiApiKeySchema).describe('The API keys.') })
            .describe('A list of API keys.'),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ items: (await orgs.listApiKeys(principalOf(request))).map(presentApiKey) }),
  );

  app.post(
    '/api-keys',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['api-keys'],
        operationId: 'createApiKey',
        summary: 'Create an API key',
        description: `Creates an API key and returns its secret once. A test key may only create test keys. ${roleNote('admin')}`,
        body: createBody,
        response: { 200: createdKey, ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      if (principal.isTest && request.body.environment === 'live') {
        throw new ApiError('forbidden', 'A test key cannot create live keys.', [
          { path: 'environment', message: 'a test key can only create test keys' },
        ]);
      }
      const { key, row } = await orgs.createApiKey(principal.orgId, {
        name: request.body.name,
        environment: request.body.environment,
        createdBy: principal.userId,
        actor: actorOf(principal),
      });
      return { ...presentApiKey(row), key };
    },
  );

  app.delete(
    '/api-keys/:id',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['api-keys'],
        operationId: 'revokeApiKey',
        summary: 'Revoke an API key',
        description: `Revokes an API key at once; requests with it fail from then on. A test key may only revoke test keys. ${roleNote('admin')}`,
        params: idParams,
        response: { 200: apiApiKeySchema, ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      if (principal.isTest) {
        const target = (await orgs.listApiKeys(principal)).find((k) => k.id === request.params.id);
        if (target?.environment === 'live') {
          throw new ApiError('forbidden', 'A test key cannot revoke live keys.');
        }
      }
      const row = await orgs.revokeApiKey(principal, request.params.id);
      auth.invalidate();
      return presentApiKey(row);
    },
  );
};
