/**
 * The first-party (`/api`) shapes of sessions, members and invitations: camelCase, every key always
 * present (`null` when empty), like the other `/api` presenters.
 */
import { z } from 'zod';
import type { InvitationRow } from '../repositories/invitations.ts';
import type { MemberRow } from '../repositories/members.ts';
import { type InvitationPreview, invitationStatus } from '../services/invitations.ts';
import { ROLES } from '../services/principal.ts';
import type { SessionView } from '../services/sessions.ts';

const timestamp = (what: string) => z.string().meta({ format: 'date-time' }).describe(what);
const role = (what: string) => z.enum(ROLES).describe(what);

/** A logged-in session as its holder sees it. */
export const apiSessionSchema = z
  .object({
    user: z
      .object({
        id: z.string().describe('User id.'),
        email: z.string().describe('Email address the person logs in with.'),
        name: z.string().describe('Display name.'),
      })
      .describe('The logged-in person.'),
    org: z
      .object({
        id: z.string().describe('Organization id.'),
        slug: z.string().describe('URL-safe unique name of the organization.'),
        name: z.string().describe('Display name of the organization.'),
      })
      .describe('The organization the session acts in.'),
    role: role("The person's role in the organization."),
    workforceId: z.string().nullable().describe("The person's workforce in the organization, if any."),
    csrfToken: z
      .string()
      .describe('Send this value in the `x-csrf-token` header of every request that changes something.'),
    expiresAt: timestamp('When the session ends at the latest (it also ends after 12 hours of inactivity).'),
  })
  .describe('A logged-in session.');
/** A session. */
export type ApiSession = z.infer<typeof apiSessionSchema>;

/** Presents a session. */
export function presentSession(view: SessionView): ApiSession {
  return { ...view, expiresAt: view.expiresAt.toISOString() };
}

/** A member of the organization. */
export const apiMemberSchema = z
  .object({
    userId: z.string().describe('User id of the member.'),
    email: z.string().describe('Email address of the member.'),
    name: z.string().describe('Display name of the member.'),
    role: role('Role of the member in the organization.'),
    workforceId: z.string().nullable().describe('Workforce the member works for, if any.'),
    disabled: z.boolean().describe('A disabled member cannot log in or take work.'),
    createdAt: timestamp('When the person became a member.'),
  })
  .describe('A member of the organization.');
/** A member. */
export type ApiMember = z.infer<typeof apiMemberSchema>;

/** Presents a member. */
export function presentMember(row: MemberRow): ApiMember {
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    workforceId: row.workforceId,
    disabled: row.disabled,
    createdAt: row.createdAt.toISOString(),
  };
}

/** An invitation (never its token). */
export const apiInvitationSchema = z
  .object({
    id: z.string().describe('Invitation id.'),
    email: z.string().describe('Email address invited.'),
    role: role('Role the invited person gets.'),
    workforceId: z.string().nullable().describe('Workforce the invited person joins, if any.'),
    status: z
      .enum(['pending', 'accepted', 'revoked', 'expired'])
      .describe('`pending` until accepted, revoked or expired.'),
    invitedBy: z.string().nullable().describe('User id of who invited (null for an API key).'),
    createdAt: timestamp('When the invitation was created.'),
    expiresAt: timestamp('When the link stops working.'),
    acceptedAt: z.string().meta({ format: 'date-time' }).nullable().describe('When it was accepted.'),
    acceptedBy: z.string().nullable().describe('User id of who accepted it.'),
    revokedAt: z.string().meta({ format: 'date-time' }).nullable().describe('When it was revoked.'),
  })
  .describe('An invitation to join the organization.');
/** An invitation. */
export type ApiInvitation = z.infer<typeof apiInvitationSchema>;

/** Presents an invitation as seen at `now`. */
export function presentInvitation(row: InvitationRow, now = new Date()): ApiInvitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    workforceId: row.workforceId,
    status: invitationStatus(row, now),
    invitedBy: row.invitedBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    acceptedBy: row.acceptedBy,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** What an invitation link shows before it is accepted. */
export const apiInvitationPreviewSchema = z
  .object({
    orgName: z.string().describe('Name of the organization the link invites to.'),
    email: z.string().describe('Email address invited; accepting logs in (or creates) this account.'),
    role: role('Role the invited person gets.'),
    expiresAt: timestamp('When the link stops working.'),
  })
  .describe('An open invitation link.');

/** Presents an invitation preview. */
export function presentInvitationPreview(
  preview: InvitationPreview,
): z.infer<typeof apiInvitationPreviewSchema> {
  return { ...preview, expiresAt: preview.expiresAt.toISOString() };
}
