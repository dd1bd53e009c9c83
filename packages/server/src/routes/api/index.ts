/**
 * The first-party API (`/api`): API key as Bearer or Basic, or the session cookie; documented by
 * OpenAPI at /api/openapi.json. Every route declares its schemas, its OpenAPI `operationId` (the SDK's
 * method name) and the least role it needs; responses are built by `presenters/api.ts`.
 */
import type { FastifyPluginAsync } from 'fastify';
import { accountRoutes } from './account.ts';
import { apiKeyRoutes } from './api-keys.ts';
import { auditEventRoutes } from './audit-events.ts';
import { authenticateApi } from './auth.ts';
import { authRoutes } from './auth-routes.ts';
import { batchRoutes } from './batches.ts';
import { deliveryRoutes } from './deliveries.ts';
import { exportRoutes } from './exports.ts';
import { fileRoutes } from './files.ts';
import { goldRoutes } from './gold.ts';
import { invitationRoutes } from './invitations.ts';
import { memberWorkRoutes } from './member-work.ts';
import { memberRoutes } from './members.ts';
import { orgRoutes } from './orgs.ts';
import { projectOverviewRoutes } from './project-overview.ts';
import { projectWorkflowRoutes } from './project-workflow.ts';
import { projectRoutes } from './projects.ts';
import { qualityRoutes } from './quality.ts';
import { sessionRoutes } from './sessions.ts';
import { requireSsoGuard, ssoRoutes } from './sso.ts';
import { taskExplorerRoutes } from './task-explorer.ts';
import { taskRoutes } from './tasks.ts';
import { workRoutes } from './work.ts';
import { workforceRoutes } from './workforces.ts';

/** The /api routes. */
export const apiRoutes: FastifyPluginAsync = async (app) => {
  app.decorateRequest('loginSession', null);
  app.addHook('onRequest', authenticateApi);
  app.addHook('preHandler', requireSsoGuard);
  await app.register(authRoutes);
  await app.register(sessionRoutes);
  await app.register(accountRoutes);
  await app.register(orgRoutes);
  await app.register(projectRoutes);
  await app.register(projectWorkflowRoutes);
  await app.register(workforceRoutes);
  await app.register(batchRoutes);
  await app.register(taskRoutes);
  await app.register(taskExplorerRoutes);
  await app.register(workRoutes);
  await app.register(goldRoutes);
  await app.register(qualityRoutes);
  await app.register(projectOverviewRoutes);
  await app.register(apiKeyRoutes);
  await app.register(fileRoutes);
  await app.register(deliveryRoutes);
  await app.register(exportRoutes);
  await app.register(memberRoutes);
  await app.register(memberWorkRoutes);
  await app.register(invitationRoutes);
  await app.register(auditEventRoutes);
  await app.register(ssoRoutes);
};
