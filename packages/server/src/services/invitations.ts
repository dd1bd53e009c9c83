/**
 * Invitations by link: a manager or admin invites an email address with a role; whoever opens the link
 * joins the organization as that person — creating the account, or proving they own it by its password
 * — and is logged in. The link's token is shown once; only its SHA-256 is stored. Links expire after
 * 7 days and work once.
 */

import { recordAudit } from '../commands/record-audit.ts';
import type { Database } from '../db/database.ts';
import { ApiError, invalid } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import {
  findInvitation,
  findInvitationByTokenHash,
  type InvitationRow,
  insertInvitation,
  listInvitationRows,
  markInvitationAccepted,
  revokeInvitationRow,
  workforceExists,
} from '../repositories/invitations.ts';
import { insertMembershipIfAbsent, isMember, listMemberRows } from '../repositories/members.ts';
import { findUserByEmail, insertUser } from '../repositories/orgs.ts';
import { findSsoConfig } from '../repositories/sso.ts';
import { actorOf, type Principal, type Role } from './principal.ts';
import {
  type ClientInfo,
  generateToken,
  hashPassword,
  hashToken,
  normalizeEmail,
  type SessionService,
  type StartedSession,
} from './sessions.ts';
import { requiresSso } from './sso.ts';

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** The shortest password a new account may have. */
export const MIN_PASSWORD_LENGTH = 10;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Where an invitation stands. */
export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

/** The status of an invitation at `now`. */
export function invitationStatus(row: InvitationRow, now: Date): InvitationStatus {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}

/**
 * Whether a caller with `caller` role may invite (or revoke an invitation) with `role`: managers invite
 * annotators, reviewers and viewers; admins any role but owner; owners any role.
 */
export function mayInvite(caller: Role, role: Role): boolean {
  if (caller === 'owner') return true;
  if (caller === 'admin') return role !== 'owner';
  if (caller === 'manager') return role === 'annotator' || role === 'reviewer' || role === 'viewer';
  return false;
}

/** What the public preview of an invitation link shows. */
export interface InvitationPreview {
  orgName: string;
  email: string;
  role: Role;
  expiresAt: Date;
}

/** Invitations. */
export class InvitationService {
  readonly #db: Database;
  readonly #sessions: SessionService;
  readonly #now: () => number;

  constructor(deps: { db: Database; sessions: SessionService; now?: () => number }) {
    this.#db = deps.db;
    this.#sessions = deps.sessions;
    this.#now = deps.now ?? Date.now;
  }

  /** Creates an invitation; returns the row and the link's token (shown once). */
  async create(
    p: Principal,
    input: { email: string; role: Role; workforceId?: string | null },
  ): Promise<{ row: InvitationRow; token: string }> {
    const email = normalizeEmail(input.email);
    if (!EMAIL.test(email))
      throw invalid('email: not an email address', [{ path: 'email', message: 'invalid' }]);
    if (p.isTest) throw new ApiError('forbidden', 'A test key cannot invite people.');
    if (!mayInvite(p.role, input.role)) {
      throw new ApiError('forbidden', `You (${p.role}) cannot invite someone as ${input.role}.`, [
        { path: 'role', message: `a ${p.role} cannot invite this role` },
      ]);
    }
    const token = generateToken();
    const now = new Date(this.#now());
    const row = await this.#db.withOrg(p.orgId, async (tx) => {
      if (input.workforceId && !(await workforceExists(tx, input.workforceId))) {
        throw invalid(`workforceId: no workforce with id ${JSON.stringify(input.workforceId)}`, [
          { path: 'workforceId', message: 'unknown workforce' },
        ]);
      }
      if ((await listMemberRows(tx)).some((m) => m.email === email)) {
        throw new ApiError('already_member', `${email} is already a member of the organization.`, [
          { path: 'email', message: 'already a member' },
        ]);
      }
      const created = await insertInvitation(tx, {
        id: newId(now.getTime()),
        orgId: p.orgId,
        email,
        role: input.role,
        workforceId: input.workforceId ?? null,
        tokenHash: hashToken(token),
        invitedBy: p.userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      });
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action: 'invitation.create',
        target: { type: 'invitation', id: created.id },
        data: { email, role: input.role, workforceId: created.workforceId },
      });
      return created;
    });
    return { row, token };
  }

  /** Every invitation of the caller's organization, newest first (never their tokens). */
  async list(p: Principal): Promise<InvitationRow[]> {
    return this.#db.withOrg(p.orgId, (tx) => listInvitationRows(tx));
  }

  /** Revokes a pending invitation; 404 for unknown ids, 409 when it was already accepted. */
  async revoke(p: Principal, id: string): Promise<InvitationRow> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const row = await findInvitation(tx, id);
      if (!row) throw new ApiError('not_found', `No invitation with id ${JSON.stringify(id)}.`);
      if (!mayInvite(p.role, row.role)) {
        throw new ApiError('forbidden', `You (${p.role}) cannot revoke an invitation as ${row.role}.`);
      }
      if (row.acceptedAt) throw new ApiError('invitation_accepted', 'The invitation was already accepted.');
      if (row.revokedAt) return row;
      const revoked = await revokeInvitationRow(tx, id, new Date(this.#now()));
      if (!revoked) throw new ApiError('invitation_accepted', 'The invitation was already accepted.');
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action: 'invitation.revoke',
        target: { type: 'invitation', id },
        data: { email: row.email, role: row.role },
      });
      return revoked;
    });
  }

  /** What an open invitation link is for; 404 (saying why) when it is unknown, used, revoked or expired. */
  async preview(token: string): Promise<InvitationPreview> {
    const { invitation, org } = await this.#open(token);
    return {
      orgName: org.name,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
    };
  }

  /**
   * Accepts an invitation: creates the account (or checks the existing account's password), adds the
   * membership and marks the invitation accepted in one transaction, and starts a session — except for an
   * existing account with a second factor, which the password alone must not sign in: the invitation is
   * accepted and `second_factor_required` tells the person to sign in with their code.
   */
  async accept(
    input: { token: string; name?: string; password: string },
    client: ClientInfo,
  ): Promise<StartedSession> {
    const { invitation, org } = await this.#open(input.token);
    this.#sessions.assertNotThrottled(invitation.email, client.ip);
    const existing = await findUserByEmail(this.#db.system, invitation.email);
    let passwordHash: string | null = null;
    if (existing) {
      if (!(await this.#sessions.verifyPassword(existing.passwordHash, input.password))) {
        this.#sessions.recordFailure(invitation.email, client.ip);
        throw new ApiError(
          'unauthorized',
          `An account for ${invitation.email} exists; enter its password to accept the invitation.`,
          [{ path: 'password', message: 'not the password of the existing account' }],
        );
      }
    } else {
      const name = input.name?.trim();
      if (!name) throw invalid('name: required for a new account', [{ path: 'name', message: 'required' }]);
      if (input.password.length < MIN_PASSWORD_LENGTH) {
        throw invalid(`password: use at least ${MIN_PASSWORD_LENGTH} characters`, [
          { path: 'password', message: 'too short' },
        ]);
      }
      passwordHash = await hashPassword(input.password);
    }
    const now = new Date(this.#now());
    const started = await this.#db.withSystem(async (tx) => {
      const user =
        existing ??
        (await insertUser(tx, {
          id: newId(now.getTime()),
          email: invitation.email,
          name: input.name?.trim() ?? invitation.email,
          passwordHash,
        }));
      if (existing && (await isMember(tx, org.id, user.id))) {
        throw new ApiError('already_member', `${user.email} is already a member of ${org.name}.`);
      }
      if (!(await markInvitationAccepted(tx, invitation.id, user.id, now))) {
        throw new ApiError('not_found', 'This invitation was already used or revoked.');
      }
      const added = await insertMembershipIfAbsent(tx, {
        orgId: org.id,
        userId: user.id,
        role: invitation.role,
        workforceId: invitation.workforceId,
      });
      if (!added) throw new ApiError('already_member', `${user.email} is already a member of ${org.name}.`);
      await recordAudit({
        tx,
        orgId: org.id,
        actor: { type: 'user', id: user.id, origin: client },
        action: 'invitation.accept',
        target: { type: 'invitation', id: invitation.id },
        data: { email: user.email, role: invitation.role, newAccount: !existing },
      });
      if (existing?.totpEnabledAt) return 'second_factor' as const;
      // An organization that requires single sign-on lets only its owners and admins in by password.
      if (requiresSso(await findSsoConfig(tx, org.id), invitation.role)) return 'sso' as const;
      return this.#sessions.start(tx, {
        user,
        membership: {
          orgId: org.id,
          orgSlug: org.slug,
          orgName: org.name,
          role: invitation.role,
          workforceId: invitation.workforceId,
        },
        client,
      });
    });
    if (started === 'second_factor') {
      throw new ApiError(
        'second_factor_required',
        `You joined ${org.name}. This account signs in with a second factor: sign in with your password and code to continue.`,
      );
    }
    if (started === 'sso') {
      throw new ApiError(
        'forbidden',
        `You joined ${org.name}. It signs people in through its single sign-on: use "single sign-on (SSO)" on the sign-in page with the organization ${org.slug}.`,
      );
    }
    return started;
  }

  async #open(token: string) {
    const found = await findInvitationByTokenHash(this.#db.system, hashToken(token));
    if (!found) throw new ApiError('not_found', 'This invitation link is not valid.');
    const status = invitationStatus(found.invitation, new Date(this.#now()));
    if (status !== 'pending') {
      const why = { accepted: 'was already used', revoked: 'was revoked', expired: 'has expired' }[status];
      throw new ApiError('not_found', `This invitation ${why}; ask for a new one.`);
    }
    return found;
  }
}
