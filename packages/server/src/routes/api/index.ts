/**
 * The first-party API (`/api`): API key as Bearer or Basic (session cookies later); documented by
 * OpenAPI at /api/openapi.json. Every route declares its schemas, its OpenAPI `operationId` (the SDK's
 * method name) and the least role it needs; responses are built by `presenters/api.ts`.
 */
import type { FastifyPluginAsync } from 'fastify';
import { authenticate } from '../../app.ts';
import { apiKeyRoutes } from './api-keys.ts';
import { batchRoutes } from './batches.ts';
import { fileRoutes } from './files.ts';
import { orgRoutes } from './orgs.ts';
import { projectRoutes } from './projects.ts';
import { taskRoutes } from './tasks.ts';

/** The /api routes. */
export const apiRoutes: FastifyPluginAsync = async (app) => {
  app.addHook('onRequest', authenticate);
  await app.register(orgRoutes);
  await app.register(projectRoutes);
  await app.register(batchRoutes);
  await app.register(taskRoutes);
  await app.register(apiKeyRoutes);
  await app.register(fileRoutes);
};
