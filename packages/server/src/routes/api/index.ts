/** The first-party API (`/api`): session cookie or API key; documented by OpenAPI at /api/openapi.json. */
import type { FastifyPluginAsync } from 'fastify';

/** The /api routes. */
export const apiRoutes: FastifyPluginAsync = async () => {};
