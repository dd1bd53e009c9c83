/** `/api/projects`: projects and their versioned default params. */

import { projectRoutingSchema, projectWorkflowSchema } from '@groundwork/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../app.ts';
import {
  apiParamVersionSchema,
  apiProjectSchema,
  presentParamVersion,
  presentProject,
} from '../../presenters/api.ts';
import { requireRole, roleNote } from './auth.ts';
import { errorResponses, nameParams } from './common.ts';

const paramsObject = z.record(z.string(), z.unknown());

const projectCreateBody = z
  .object({
    name: z.string().min(1).max(256).describe('Unique name of the project in its environment.'),
    type: z.string().min(1).describe('Task type of the tasks of the project, e.g. `categorization`.'),
    params: paramsObject
      .optional()
      .describe('Default params merged into every task; validated against the task type.'),
    instruction: z
      .string()
      .nullable()
      .optional()
      .describe('Markdown instruction appended to every task of the project.'),
    workflow: projectWorkflowSchema
      .optional()
      .describe('How tasks become human work: overlap, review stage, lease (defaults when omitted).'),
    routing: projectRoutingSchema
      .optional()
      .describe('Which workforces (with optional shares) and skills may work it (everyone when omitted).'),
    priority: z
      .int()
      .min(-100)
      .max(100)
      .optional()
      .describe('Queue priority, -100..100 (default 0); higher is served first.'),
  })
  .describe('A new project.');

const setParamsBody = z
  .object({
    params: paramsObject.describe('The new default params.'),
    instruction: z
      .string()
      .nullable()
      .optional()
      .describe('The new instruction; omitted keeps it when patching, clears it otherwise.'),
    patch: z
      .boolean()
      .default(false)
      .describe('Keep params that are not given (given ones replace old values wholesale); default false.'),
    baseVersion: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        'The params version the change was made on; when the project is at another version by now (someone else saved), the change is refused with 409 version_conflict instead of overwriting theirs.',
      ),
  })
  .describe('A new version of the default params.');

/** Project routes. */
export const projectRoutes: FastifyPluginAsyncZod = async (app) => {
  const { projects } = app.services;

  app.get(
    '/projects',
    {
      preHandler: requireRole('viewer'),
      schema: {
        tags: ['projects'],
        operationId: 'listProjects',
        summary: 'List projects',
        description: `Every project of the caller's environment, oldest first. ${roleNote('viewer')}`,
        querystring: z.object({
          archived: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional()
            .describe('Only archived (`true`) or only active (`false`) projects; both when omitted.'),
        }),
        response: {
          200: z
            .object({ items: z.array(apiProjectSchema).describe('The projects.') })
            .describe('A list of projects.'),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const list = await projects.list(principalOf(request), request.query.archived);
      return { items: list.map((x) => presentProject(x.project)) };
    },
  );

  app.post(
    '/projects',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['projects'],
        operationId: 'createProject',
        summary: 'Create a project',
        description: `Creates a project; 409 \`name_taken\` if the name is used. ${roleNote('manager')}`,
        body: projectCreateBody,
        response: { 200: apiProjectSchema, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body;
      const { project } = await projects.create(principalOf(request), {
        name: b.name,
        type: b.type,
        params: b.params ?? null,
        ...(b.instruction !== undefined ? { instruction: b.instruction } : {}),
        ...(b.workflow ? { workflow: b.workflow } : {}),
        ...(b.routing ? { routing: b.routing } : {}),
        ...(b.priority !== undefined ? { priority: b.priority } : {}),
      });
      return presentProject(project);
    },
  );

  app.get(
    '/projects/:name',
    {
      preHandler: requireRole('viewer'),
      schema: {
        tags: ['projects'],
        operationId: 'getProject',
        summary: 'Get a project',
        description: `A project by name. ${roleNote('viewer')}`,
        params: nameParams,
        response: { 200: apiProjectSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { project } = await projects.get(principalOf(request), request.params.name);
      return presentProject(project);
    },
  );

  app.post(
    '/projects/:name/params',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['projects'],
        operationId: 'setProjectParams',
        summary: "Set a project's default params",
        description: `Records a new version of the project's default params (and instruction); tasks created afterwards use it. ${roleNote('manager')}`,
        params: nameParams,
        body: setParamsBody,
        response: { 200: apiProjectSchema, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body;
      const { project } = await projects.setParams(principalOf(request), request.params.name, {
        patch: b.patch,
        ...(b.baseVersion !== undefined ? { baseVersion: b.baseVersion } : {}),
        params: b.params,
        ...(b.instruction !== undefined ? { instruction: b.instruction } : {}),
      });
      return presentProject(project);
    },
  );

  app.get(
    '/projects/:name/param-history',
    {
      preHandler: requireRole('viewer'),
      schema: {
        tags: ['projects'],
        operationId: 'getProjectParamHistory',
        summary: "List a project's param versions",
        description: `Every version of the project's default params, oldest first; the last is current. ${roleNote('viewer')}`,
        params: nameParams,
        response: {
          200: z
            .object({ items: z.array(apiParamVersionSchema).describe('The versions, oldest first.') })
            .describe('The param history of a project.'),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { versions } = await projects.get(principalOf(request), request.params.name);
      return { items: versions.map(presentParamVersion) };
    },
  );
};
