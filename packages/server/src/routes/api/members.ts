/** `/api/members`: the people of the organization, their roles and status. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../app.ts';
import { apiMemberSchema, presentMember } from '../../presenters/people.ts';
import { ROLES } from '../../services/principal.ts';
import { requireRole, roleNote } from './auth.ts';
import { errorResponses } from './common.ts';

const userParams = z.object({ userId: z.string().min(1).max(64).describe('User id of the member.') });

const changeBody = z
  .object({
    role: z.enum(ROLES).optional().describe('The new role (only an owner may grant or take `owner`).'),
    disabled: z
      .boolean()
      .optional()
      .describe('Disable (true) or re-enable (false) the member; disabling ends their sessions.'),
  })
  .refine((b) => b.role !== undefined || b.disabled !== undefined, {
    message: 'give role or disabled',
  })
  .describe('A change of a membership.');

/** Member routes. */
export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  const { members } = app.services;

  app.get(
    '/members',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['members'],
        operationId: 'listMembers',
        summary: 'List members',
        description: `Every member of the organization, by email. ${roleNote('manager')}`,
        response: {
          200: z
            .object({ items: z.array(apiMemberSchema).describe('The members.') })
            .describe('A list of members.'),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ items: (await members.list(principalOf(request))).map(presentMember) }),
  );

  app.patch(
    '/members/:userId',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['members'],
        operationId: 'updateMember',
        summary: "Change a member's role or status",
        description:
          'Only an owner may grant or take the `owner` role; the last owner cannot be demoted or disabled ' +
          `(409 \`last_owner\`); nobody changes their own role or status. ${roleNote('admin')}`,
        params: userParams,
        body: changeBody,
        response: { 200: apiMemberSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentMember(await members.update(principalOf(request), request.params.userId, request.body)),
  );

  app.delete(
    '/members/:userId',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['members'],
        operationId: 'removeMember',
        summary: 'Remove a member',
        description:
          'Removes the person from the organization and ends their sessions in it; their past work stays ' +
          `attributed. Only an owner may remove an owner; the last owner cannot be removed. ${roleNote('admin')}`,
        params: userParams,
        response: { 200: apiMemberSchema, ...errorResponses },
      },
    },
    async (request) => presentMember(await members.remove(principalOf(request), request.params.userId)),
  );
};
