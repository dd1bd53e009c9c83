/** `/api/invitations`: invitations by link, and the public pages of a link. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../app.ts';
import {
  apiInvitationPreviewSchema,
  apiInvitationSchema,
  apiSessionSchema,
  presentInvitation,
  presentInvitationPreview,
  presentSession,
} from '../../presenters/people.ts';
import { MIN_PASSWORD_LENGTH } from '../../services/invitations.ts';
import { ROLES } from '../../services/principal.ts';
import { requireRole, roleNote } from './auth.ts';
import { clientOf, setSessionCookie } from './auth-routes.ts';
import { errorResponses, idParams } from './common.ts';

const createBody = z
  .object({
    email: z.string().trim().min(3).max(320).describe('Email address of the person to invite.'),
    role: z
      .enum(ROLES)
      .describe(
        'Role they get: managers may invite annotators, reviewers and viewers; admins any role but owner.',
      ),
    workforceId: z
      .string()
      .min(1)
      .max(64)
      .nullable()
      .optional()
      .describe('Workforce of the organization they join.'),
  })
  .describe('A new invitation.');

const createdInvitation = apiInvitationSchema
  .extend({
    token: z.string().describe('The secret of the link. It is shown only in this response.'),
    url: z.string().describe('The link to send to the person.'),
  })
  .describe('A new invitation with its link.');

const tokenParams = z.object({ token: z.string().min(1).max(200).describe('The token of the link.') });

const acceptBody = z
  .object({
    token: z.string().min(1).max(200).describe('The token of the link.'),
    name: z.string().trim().min(1).max(200).optional().describe('Display name (required for a new account).'),
    password: z
      .string()
      .min(1)
      .max(1024)
      .describe(
        `A new password (at least ${MIN_PASSWORD_LENGTH} characters), or the password of the existing account of the invited email.`,
      ),
  })
  .describe('Acceptance of an invitation.');

/** Invitation routes. */
export const invitationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { invitations, sessions } = app.services;

  app.post(
    '/invitations',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['invitations'],
        operationId: 'createInvitation',
        summary: 'Invite someone',
        description:
          'Creates an invitation link valid for 7 days; its token is shown only in this response. ' +
          `Managers may invite annotators, reviewers and viewers, admins any role but owner, owners any role. ${roleNote('manager')}`,
        body: createBody,
        response: { 200: createdInvitation, ...errorResponses },
      },
    },
    async (request) => {
      const { row, token } = await invitations.create(principalOf(request), request.body);
      const base = app.config.publicUrl ?? `${request.protocol}://${request.host}`;
      return { ...presentInvitation(row), token, url: `${base.replace(/\/+$/, '')}/invite/${token}` };
    },
  );

  app.get(
    '/invitations',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['invitations'],
        operationId: 'listInvitations',
        summary: 'List invitations',
        description: `Every invitation of the organization, newest first, with its status; never the tokens. ${roleNote('manager')}`,
        response: {
          200: z
            .object({ items: z.array(apiInvitationSchema).describe('The invitations.') })
            .describe('A list of invitations.'),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      items: (await invitations.list(principalOf(request))).map((r) => presentInvitation(r)),
    }),
  );

  app.delete(
    '/invitations/:id',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['invitations'],
        operationId: 'revokeInvitation',
        summary: 'Revoke an invitation',
        description: `Makes the link stop working (409 \`invitation_accepted\` when it was already used). ${roleNote('manager')}`,
        params: idParams,
        response: { 200: apiInvitationSchema, ...errorResponses },
      },
    },
    async (request) => presentInvitation(await invitations.revoke(principalOf(request), request.params.id)),
  );

  app.get(
    '/invitations/by-token/:token',
    {
      config: { public: true },
      schema: {
        tags: ['invitations'],
        operationId: 'previewInvitation',
        summary: 'Look at an invitation link',
        description:
          'What an open link invites to; 404 (saying why) when it is unknown, used, revoked or expired. Needs no authentication.',
        security: [],
        params: tokenParams,
        response: { 200: apiInvitationPreviewSchema, ...errorResponses },
      },
    },
    async (request) => presentInvitationPreview(await invitations.preview(request.params.token)),
  );

  app.post(
    '/invitations/accept',
    {
      config: { public: true },
      schema: {
        tags: ['invitations'],
        operationId: 'acceptInvitation',
        summary: 'Accept an invitation',
        description:
          'Creates the account of the invited email (or checks the password of the existing one), adds the ' +
          'membership, and logs in like `login` (sets the session cookie). 409 `already_member` when the ' +
          'person already is a member. Needs no authentication.',
        security: [],
        body: acceptBody,
        response: { 200: apiSessionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const started = await invitations.accept(request.body, clientOf(request));
      setSessionCookie(request, reply, started);
      return presentSession(sessions.view(started.session, started.token));
    },
  );
};
