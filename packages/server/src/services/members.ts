/**
 * The members of an organization: who they are, their role, whether they may log in. Only an owner may
 * grant or take the owner role; the last enabled owner cannot be demoted, disabled or removed; nobody
 * changes their own role or status.
 */
import { recordAudit } from '../commands/record-audit.ts';
import type { Database } from '../db/database.ts';
import { ApiError } from '../errors.ts';
import {
  deleteMembership,
  findMember,
  listMemberRows,
  lockEnabledOwners,
  type MemberRow,
  updateMembership,
} from '../repositories/members.ts';
import { endSessionsOfUser } from '../repositories/sessions.ts';
import { actorOf, type Principal, type Role } from './principal.ts';
import type { SessionService } from './sessions.ts';

/** A change of a membership. */
export interface MemberChange {
  role?: Role;
  disabled?: boolean;
}

/** Member administration. */
export class MemberService {
  readonly #db: Database;
  readonly #sessions: SessionService;

  constructor(deps: { db: Database; sessions: SessionService }) {
    this.#db = deps.db;
    this.#sessions = deps.sessions;
  }

  /** The members of the caller's organization. */
  async list(p: Principal): Promise<MemberRow[]> {
    return this.#db.withOrg(p.orgId, (tx) => listMemberRows(tx));
  }

  /** Changes a member's role or status; 404 for people who are not members. */
  async update(p: Principal, userId: string, change: MemberChange): Promise<MemberRow> {
    if (p.userId !== null && p.userId === userId) {
      throw new ApiError('forbidden', 'You cannot change your own role or status.');
    }
    const updated = await this.#db.withOrg(p.orgId, async (tx) => {
      const owners = await lockEnabledOwners(tx);
      const member = await findMember(tx, userId);
      if (!member) throw notAMember(userId);
      const touchesOwner = member.role === 'owner' || change.role === 'owner';
      if (touchesOwner && p.role !== 'owner') {
        throw new ApiError('forbidden', 'Only an owner may grant, take or change the owner role.', [
          { path: 'role', message: 'needs the owner role' },
        ]);
      }
      const role = change.role ?? member.role;
      const disabled = change.disabled ?? member.disabled;
      const stillOwner = role === 'owner' && !disabled;
      if (!stillOwner && owners.includes(userId) && owners.length === 1) {
        throw new ApiError(
          'last_owner',
          'This is the last owner of the organization; make someone else owner first.',
        );
      }
      await updateMembership(tx, userId, { role, disabled });
      if (disabled && !member.disabled)
        await endSessionsOfUser(tx, { userId, reason: 'revoked', at: new Date() });
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action: 'member.update',
        target: { type: 'user', id: userId },
        data: {
          email: member.email,
          from: { role: member.role, disabled: member.disabled },
          to: { role, disabled },
        },
      });
      return { ...member, role, disabled };
    });
    this.#sessions.invalidateUser(userId);
    return updated;
  }

  /** Removes a member from the organization and ends their sessions in it. */
  async remove(p: Principal, userId: string): Promise<MemberRow> {
    const removed = await this.#db.withOrg(p.orgId, async (tx) => {
      const owners = await lockEnabledOwners(tx);
      const member = await findMember(tx, userId);
      if (!member) throw notAMember(userId);
      if (member.role === 'owner' && p.role !== 'owner') {
        throw new ApiError('forbidden', 'Only an owner may remove an owner.');
      }
      if (owners.includes(userId) && owners.length === 1) {
        throw new ApiError(
          'last_owner',
          'This is the last owner of the organization; make someone else owner first.',
        );
      }
      await deleteMembership(tx, userId);
      await endSessionsOfUser(tx, { userId, reason: 'revoked', at: new Date() });
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action: 'member.remove',
        target: { type: 'user', id: userId },
        data: { email: member.email, role: member.role },
      });
      return member;
    });
    this.#sessions.invalidateUser(userId);
    return removed;
  }
}

function notAMember(userId: string): ApiError {
  return new ApiError('not_found', `No member with user id ${JSON.stringify(userId)}.`);
}
