/**
 * `/api/workforces`: the organization's teams of annotators — its own staff or outside vendors.
 * Reading them needs `manager`: which vendors an organization uses, and whom to call there, is business
 * information that annotators (a vendor's people among them) and viewers have no need to see.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../app.ts';
import {
  apiWorkforceMemberSchema,
  apiWorkforceSchema,
  presentWorkforce,
  presentWorkforceMember,
} from '../../presenters/workforces.ts';
import { requireRole, roleNote } from './auth.ts';
import { errorResponses, idParams } from './common.ts';

const workforceName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .describe('Unique name of the workforce in the organization (1–100 characters).');
const workforceKind = z
  .enum(['internal', 'vendor'])
  .describe("`internal`: the organization's own staff; `vendor`: an outside labeling company.");
const contact = z.string().trim().max(500).nullable().describe('Who to talk to (a name, an email address).');
const description = z.string().max(5000).nullable().describe('Free-text description.');

const workforceCreateBody = z
  .object({
    name: workforceName,
    kind: workforceKind,
    contact: contact.optional(),
    description: description.optional(),
  })
  .describe('A new workforce.');

const workforcePatchBody = z
  .object({
    name: workforceName.optional(),
    kind: workforceKind.optional(),
    contact: contact.optional(),
    description: description.optional(),
    archived: z
      .boolean()
      .optional()
      .describe('`true` archives (refused while a project routes to it), `false` restores.'),
  })
  .describe('Changes to a workforce; omitted fields stay as they are.');

/** Workforce routes. */
export const workforceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { workforces } = app.services;

  app.get(
    '/workforces',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['workforces'],
        operationId: 'listWorkforces',
        summary: 'List workforces',
        description: `The organization's workforces, oldest first. ${roleNote('manager')}`,
        querystring: z.object({
          archived: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional()
            .describe('Only archived (`true`) or only active (`false`) workforces; both when omitted.'),
        }),
        response: {
          200: z
            .object({ items: z.array(apiWorkforceSchema).describe('The workforces.') })
            .describe('A list of workforces.'),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const rows = await workforces.list(principalOf(request), request.query.archived);
      return { items: rows.map(presentWorkforce) };
    },
  );

  app.post(
    '/workforces',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['workforces'],
        operationId: 'createWorkforce',
        summary: 'Create a workforce',
        description: `Creates a workforce; 409 \`name_taken\` if the name is used. ${roleNote('admin')}`,
        body: workforceCreateBody,
        response: { 200: apiWorkforceSchema, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body;
      const row = await workforces.create(principalOf(request), {
        name: b.name,
        kind: b.kind,
        contact: b.contact ?? null,
        description: b.description ?? null,
      });
      return presentWorkforce(row);
    },
  );

  app.get(
    '/workforces/:id',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['workforces'],
        operationId: 'getWorkforce',
        summary: 'Get a workforce',
        description: `A workforce by id. ${roleNote('manager')}`,
        params: idParams,
        response: { 200: apiWorkforceSchema, ...errorResponses },
      },
    },
    async (request) => presentWorkforce(await workforces.get(principalOf(request), request.params.id)),
  );

  app.patch(
    '/workforces/:id',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['workforces'],
        operationId: 'updateWorkforce',
        summary: 'Change a workforce',
        description: `Renames, re-describes, archives or restores a workforce; 409 \`name_taken\` if renamed to a name in use, 409 \`workforce_in_use\` when archiving one a project routes to. ${roleNote('admin')}`,
        params: idParams,
        body: workforcePatchBody,
        response: { 200: apiWorkforceSchema, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body;
      const row = await workforces.update(principalOf(request), request.params.id, {
        ...(b.name !== undefined ? { name: b.name } : {}),
        ...(b.kind !== undefined ? { kind: b.kind } : {}),
        ...(b.contact !== undefined ? { contact: b.contact } : {}),
        ...(b.description !== undefined ? { description: b.description } : {}),
        ...(b.archived !== undefined ? { archived: b.archived } : {}),
      });
      return presentWorkforce(row);
    },
  );

  app.delete(
    '/workforces/:id',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['workforces'],
        operationId: 'archiveWorkforce',
        summary: 'Archive a workforce',
        description: `Archives a workforce (nothing is deleted: past work stays attributed, members keep it until moved). Refused with 409 \`workforce_in_use\`, naming the projects, while any project routes to it. ${roleNote('admin')}`,
        params: idParams,
        response: { 200: apiWorkforceSchema, ...errorResponses },
      },
    },
    async (request) => presentWorkforce(await workforces.archive(principalOf(request), request.params.id)),
  );

  app.get(
    '/workforces/:id/members',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['workforces'],
        operationId: 'listWorkforceMembers',
        summary: "List a workforce's members",
        description: `The members who work for the workforce, by email. ${roleNote('manager')}`,
        params: idParams,
        response: {
          200: z
            .object({ items: z.array(apiWorkforceMemberSchema).describe('The members.') })
            .describe('The members of a workforce.'),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const rows = await workforces.members(principalOf(request), request.params.id);
      return { items: rows.map(presentWorkforceMember) };
    },
  );
};
