/**
 * `/api/members/{userId}/workforce` and `/api/members/{userId}/skills`: which workforce a member works
 * for and which skills they hold — what project routing matches them against.
 */
import { projectRoutingSchema } from '@groundwork/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../app.ts';
import {
  apiMemberSkillSchema,
  apiMemberWorkforceSchema,
  presentMemberSkill,
} from '../../presenters/workforces.ts';
import { requireRole, roleNote } from './auth.ts';
import { dateQuery, errorResponses } from './common.ts';

const userIdParams = z.object({
  userId: z.string().min(1).max(64).describe("The member's user id."),
});

/** A skill: the same lowercase slug project routing requires. */
const skillSlug = projectRoutingSchema.shape.skills
  .unwrap()
  .element.describe('The skill, a lowercase slug (a-z, 0-9, `_` `.` `-`; e.g. `medicine`, `lidar`).');

const skillParams = userIdParams.extend({ skill: skillSlug });

const setWorkforceBody = z
  .object({
    workforceId: z
      .string()
      .min(1)
      .nullable()
      .describe("The workforce's id (an active workforce of the organization), or null for none."),
  })
  .describe("A member's workforce.");

const grantSkillBody = z
  .object({
    expiresAt: dateQuery('When the skill expires.')
      .nullable()
      .optional()
      .describe('When the skill expires (ISO 8601, in the future); omitted or null: never.'),
  })
  .describe('A skill grant.');

/** Member workforce and skill routes. */
export const memberWorkRoutes: FastifyPluginAsyncZod = async (app) => {
  const { workforces } = app.services;

  app.put(
    '/members/:userId/workforce',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['members'],
        operationId: 'setMemberWorkforce',
        summary: "Set a member's workforce",
        description: `Puts a member in a workforce, or in none with null. 404 for a user who is not a member; 400 for a workforce that is unknown or archived. ${roleNote('admin')}`,
        params: userIdParams,
        body: setWorkforceBody,
        response: { 200: apiMemberWorkforceSchema, ...errorResponses },
      },
    },
    async (request) =>
      workforces.setMemberWorkforce(principalOf(request), request.params.userId, request.body.workforceId),
  );

  app.get(
    '/members/:userId/skills',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['members'],
        operationId: 'listMemberSkills',
        summary: "List a member's skills",
        description: `The skills and qualifications a member holds, expired ones included (\`active: false\`). ${roleNote('manager')}`,
        params: userIdParams,
        response: {
          200: z
            .object({ items: z.array(apiMemberSkillSchema).describe('The skills, by name.') })
            .describe("A member's skills."),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const rows = await workforces.skills(principalOf(request), request.params.userId);
      const now = new Date();
      return { items: rows.map((row) => presentMemberSkill(row, now)) };
    },
  );

  app.put(
    '/members/:userId/skills/:skill',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['members'],
        operationId: 'grantMemberSkill',
        summary: 'Grant a member a skill',
        description: `Grants (or renews) a skill, recorded as granted by the caller. ${roleNote('manager')}`,
        params: skillParams,
        body: grantSkillBody.nullish(),
        response: { 200: apiMemberSkillSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { userId, skill } = request.params;
      const row = await workforces.grantSkill(
        principalOf(request),
        userId,
        skill,
        request.body?.expiresAt ?? null,
      );
      return presentMemberSkill(row, new Date());
    },
  );

  app.delete(
    '/members/:userId/skills/:skill',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['members'],
        operationId: 'revokeMemberSkill',
        summary: "Take away a member's skill",
        description: `Removes a skill (granted or earned) and returns what was removed; 404 if the member does not hold it. ${roleNote('manager')}`,
        params: skillParams,
        response: { 200: apiMemberSkillSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { userId, skill } = request.params;
      const removed = await workforces.revokeSkill(principalOf(request), userId, skill);
      return presentMemberSkill(removed, new Date());
    },
  );
};
