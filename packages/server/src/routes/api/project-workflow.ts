/**
 * `/api/projects/{name}/workflow`: a project's workflow (overlap, review stage, lease), routing
 * (workforces with shares, required skills) and queue priority.
 */
import {
  projectQualitySchema,
  projectRedactionSchema,
  projectRoutingSchema,
  projectWorkflowSchema,
} from '@groundwork/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../app.ts';
import { apiProjectWorkPolicySchema, presentProjectWorkPolicy } from '../../presenters/workforces.ts';
import { requireRole, roleNote } from './auth.ts';
import { errorResponses, nameParams } from './common.ts';

const setWorkPolicyBody = z
  .object({
    workflow: projectWorkflowSchema
      .optional()
      .describe(
        'The new workflow, replacing the old one whole (omitted keys take their defaults); a new overlap applies to tasks dispatched afterwards.',
      ),
    routing: projectRoutingSchema
      .optional()
      .describe(
        'The new routing, replacing the old one whole: active workforces of the organization, each at most once, with optional shares; required skills.',
      ),
    priority: z
      .int()
      .min(-100)
      .max(100)
      .optional()
      .describe('The new queue priority, -100..100; higher is served first.'),
    quality: projectQualitySchema
      .optional()
      .describe(
        'The new quality policy, replacing the old one whole (omitted keys take their defaults): hidden gold rate, pause threshold, training gate, weighted consensus.',
      ),
    redaction: projectRedactionSchema
      .optional()
      .describe(
        'The new personal-data masking policy, replacing the old one whole (omitted keys take their defaults): whose annotators see masked text (none, vendors, all, plus listed workforces), the kinds masked, the country of national phone numbers and a list of names. Applies to the next lease; a live masked lease whose masked text it changes answers 409 at submit until reloaded.',
      ),
  })
  .describe("Changes to a project's work policy; omitted parts stay as they are.");

/** Project workflow routes. */
export const projectWorkflowRoutes: FastifyPluginAsyncZod = async (app) => {
  const { projectWorkflows } = app.services;

  app.get(
    '/projects/:name/workflow',
    {
      preHandler: requireRole('viewer'),
      schema: {
        tags: ['projects'],
        operationId: 'getProjectWorkflow',
        summary: "Get a project's workflow, routing, priority, quality and redaction policy",
        description: `The project's work policy with defaults applied. ${roleNote('viewer')}`,
        params: nameParams,
        response: { 200: apiProjectWorkPolicySchema, ...errorResponses },
      },
    },
    async (request) =>
      presentProjectWorkPolicy(await projectWorkflows.get(principalOf(request), request.params.name)),
  );

  app.put(
    '/projects/:name/workflow',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['projects'],
        operationId: 'setProjectWorkflow',
        summary: "Set a project's workflow, routing, priority, quality and redaction policy",
        description: `Replaces the given parts of the project's work policy. A change of routing or priority re-stamps the project's open queue slots at once; a change of overlap applies to tasks dispatched afterwards; a new quality policy applies to the next lease and the next gold answer. ${roleNote('manager')}`,
        params: nameParams,
        body: setWorkPolicyBody,
        response: { 200: apiProjectWorkPolicySchema, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body;
      const policy = await projectWorkflows.set(principalOf(request), request.params.name, {
        ...(b.workflow ? { workflow: b.workflow } : {}),
        ...(b.routing ? { routing: b.routing } : {}),
        ...(b.priority !== undefined ? { priority: b.priority } : {}),
        ...(b.quality ? { quality: b.quality } : {}),
        ...(b.redaction ? { redaction: b.redaction } : {}),
      });
      return presentProjectWorkPolicy(policy);
    },
  );
};
