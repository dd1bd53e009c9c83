/** `/api/api-keys`: the organization's API keys: create, list, revoke, rotate with an overlap window. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../app.ts';
import { ApiError } from '../../errors.ts';
import { apiKeyDetailSchema, presentApiKeyDetail } from '../../presenters/api-keys.ts';
import { DEFAULT_OVERLAP_MINUTES, MAX_OVERLAP_MINUTES } from '../../services/api-keys.ts';
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

const createdKey = apiKeyDetailSchema
  .extend({
    key: z.string().describe('The secret key. It is shown only in this response; store it now.'),
  })
  .describe('A new API key with its secret.');

const rotateBody = z
  .object({
    overlapMinutes: z
      .number()
      .int()
      .min(0)
      .max(MAX_OVERLAP_MINUTES)
      .default(DEFAULT_OVERLAP_MINUTES)
      .describe(
        `How many minutes the old key keeps working beside the new one (0 to ${MAX_OVERLAP_MINUTES}, i.e. 7 days; default ${DEFAULT_OVERLAP_MINUTES}). 0 stops it at once.`,
      ),
  })
  .describe('How to rotate.');

const rotatedKey = z
  .object({
    key: z.string().describe('The secret of the new key. It is shown only in this response; store it now.'),
    created: apiKeyDetailSchema.describe('The new key.'),
    retired: apiKeyDetailSchema.describe('The old key, with the time it stops working (`expiresAt`).'),
  })
  .describe('A rotated API key: the new key with its secret, and the old one.');

/** API key routes. */
export const apiKeyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { orgs, auth, apiKeys } = app.services;

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
            .object({ items: z.array(apiKeyDetailSchema).describe('The API keys.') })
            .describe('A list of API keys.'),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ items: (await orgs.listApiKeys(principalOf(request))).map(presentApiKeyDetail) }),
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
      return { ...presentApiKeyDetail(row), key };
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
        response: { 200: apiKeyDetailSchema, ...errorResponses },
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
      return presentApiKeyDetail(row);
    },
  );

  app.post(
    '/api-keys/:id/rotate',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['api-keys'],
        operationId: 'rotateApiKey',
        summary: 'Rotate an API key',
        description:
          'Creates a new key with the same name and environment and returns its secret once; the old key keeps ' +
          'working for `overlapMinutes` (default 60, at most 7 days) and is then refused like a revoked key. ' +
          `Rotating a key that is already rotated keeps the earlier end if it comes sooner. A test key may only rotate test keys. ${roleNote('admin')}`,
        params: idParams,
        body: rotateBody,
        response: { 200: rotatedKey, ...errorResponses },
      },
    },
    async (request) => {
      const rotated = await apiKeys.rotate(
        principalOf(request),
        request.params.id,
        request.body.overlapMinutes,
      );
      auth.invalidate();
      return {
        key: rotated.key,
        created: presentApiKeyDetail(rotated.created),
        retired: presentApiKeyDetail(rotated.retired),
      };
    },
  );
};
