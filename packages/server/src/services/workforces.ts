/**
 * Workforces (the organization's own staff or outside vendors), which workforce each member works for,
 * and the skills members hold. Project routing names workforces and skills; the queue honours them.
 */
import { recordAudit } from '../commands/record-audit.ts';
import type { Database, Db } from '../db/database.ts';
import { ApiError, invalid } from '../errors.ts';
import { isId, newId } from '../lib/ids.ts';
import { listProjectsRoutingTo } from '../repositories/projects.ts';
import {
  deleteMemberSkill,
  encodeGrantor,
  listMemberSkills,
  type MemberSkillRow,
  upsertMemberSkill,
} from '../repositories/skills.ts';
import {
  findMemberWorkforce,
  findWorkforce,
  insertWorkforce,
  listWorkforceMembers,
  listWorkforces,
  setMemberWorkforce,
  updateWorkforce,
  type WorkforceChanges,
  type WorkforceMemberRow,
  type WorkforceRow,
} from '../repositories/workforces.ts';
import { actorOf, type Principal } from './principal.ts';

/** Input of workforce creation. */
export interface CreateWorkforceInput {
  name: string;
  kind: WorkforceRow['kind'];
  contact?: string | null;
  description?: string | null;
}

/** Workforce, member-workforce and skill rules. */
export class WorkforceService {
  readonly #db: Database;
  readonly #now: () => Date;

  constructor(deps: { db: Database; now?: () => Date }) {
    this.#db = deps.db;
    this.#now = deps.now ?? (() => new Date());
  }

  /** The organization's workforces, oldest first; `archived` filters when given. */
  async list(p: Principal, archived?: boolean): Promise<WorkforceRow[]> {
    return this.#db.withOrg(p.orgId, (tx) => listWorkforces(tx, archived));
  }

  /** A workforce by id, or 404. */
  async get(p: Principal, id: string): Promise<WorkforceRow> {
    return this.#db.withOrg(p.orgId, (tx) => requireWorkforce(tx, id));
  }

  /** Creates a workforce; 409 `name_taken` if the organization has one of that name. */
  async create(p: Principal, input: CreateWorkforceInput): Promise<WorkforceRow> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const row = await insertWorkforce(tx, {
        id: newId(),
        orgId: p.orgId,
        name: input.name,
        kind: input.kind,
        contact: input.contact ?? null,
        description: input.description ?? null,
      });
      if (!row) throw nameTaken(input.name);
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action: 'workforce.create',
        target: { type: 'workforce', id: row.id },
        data: { name: row.name, kind: row.kind },
      });
      return row;
    });
  }

  /**
   * Changes a workforce. `archived: true` archives it (refused while a project routes to it), `false`
   * restores it. 409 `name_taken` if renamed to a name in use.
   */
  async update(p: Principal, id: string, changes: WorkforceChanges): Promise<WorkforceRow> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const current = await requireWorkforce(tx, id, true);
      const changed: WorkforceChanges = Object.fromEntries(
        Object.entries(changes).filter(([key, value]) => current[key as keyof WorkforceRow] !== value),
      );
      if (Object.keys(changed).length === 0) return current;
      if (changes.archived === true && !current.archived) await refuseIfRouted(tx, current);
      const row = await updateWorkforce(tx, id, changed);
      if (!row) throw nameTaken(changes.name ?? current.name);
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action:
          changes.archived === true && !current.archived
            ? 'workforce.archive'
            : changes.archived === false && current.archived
              ? 'workforce.restore'
              : 'workforce.update',
        target: { type: 'workforce', id },
        data: changed,
      });
      return row;
    });
  }

  /** Archives a workforce (idempotent); 409 `workforce_in_use` naming the projects that route to it. */
  async archive(p: Principal, id: string): Promise<WorkforceRow> {
    return this.update(p, id, { archived: true });
  }

  /** The members of a workforce, by email. */
  async members(p: Principal, id: string): Promise<WorkforceMemberRow[]> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      await requireWorkforce(tx, id);
      return listWorkforceMembers(tx, id);
    });
  }

  /**
   * Puts a member in a workforce (or in none, with null). The workforce must be one of the
   * organization's and not archived (a 400 on `workforceId`); an unknown member is a 404.
   */
  async setMemberWorkforce(
    p: Principal,
    userId: string,
    workforceId: string | null,
  ): Promise<{ userId: string; workforceId: string | null }> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const member = await requireMember(tx, userId, true);
      if (workforceId !== null) {
        const workforce = isId(workforceId) ? await findWorkforce(tx, workforceId) : undefined;
        if (!workforce || workforce.archived) {
          const why = workforce ? 'is archived' : 'no such workforce';
          throw invalid(`workforceId: ${why}`, [{ path: 'workforceId', message: why }]);
        }
      }
      if (member.workforceId !== workforceId) {
        await setMemberWorkforce(tx, userId, workforceId);
        await recordAudit({
          tx,
          orgId: p.orgId,
          actor: actorOf(p),
          action: 'member.set_workforce',
          target: { type: 'user', id: userId },
          data: { from: member.workforceId, to: workforceId },
        });
      }
      return { userId, workforceId };
    });
  }

  /** The skills a member holds (expired ones included), by name; 404 for an unknown member. */
  async skills(p: Principal, userId: string): Promise<MemberSkillRow[]> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      await requireMember(tx, userId);
      return listMemberSkills(tx, userId);
    });
  }

  /**
   * Grants a member a skill, or renews it (the grant replaces what they held, a qualification too).
   * `expiresAt` must be in the future; null or absent: never expires.
   */
  async grantSkill(
    p: Principal,
    userId: string,
    skill: string,
    expiresAt: Date | null,
  ): Promise<MemberSkillRow> {
    const now = this.#now();
    if (expiresAt && expiresAt <= now) {
      throw invalid('expiresAt: must be in the future', [
        { path: 'expiresAt', message: 'must be in the future' },
      ]);
    }
    return this.#db.withOrg(p.orgId, async (tx) => {
      await requireMember(tx, userId);
      const actor = actorOf(p);
      const row = await upsertMemberSkill(tx, {
        orgId: p.orgId,
        userId,
        skill,
        source: 'granted',
        grantedBy: actor.id ? encodeGrantor({ type: actor.type, id: actor.id }) : null,
        grantedAt: now,
        expiresAt,
      });
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor,
        action: 'member.grant_skill',
        target: { type: 'user', id: userId },
        data: { skill, expires_at: expiresAt?.toISOString() ?? null },
      });
      return row;
    });
  }

  /** Takes a skill away from a member; 404 if the member is unknown or does not hold it. */
  async revokeSkill(p: Principal, userId: string, skill: string): Promise<MemberSkillRow> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      await requireMember(tx, userId);
      const removed = await deleteMemberSkill(tx, userId, skill);
      if (!removed) {
        throw new ApiError('not_found', `The member does not hold the skill ${JSON.stringify(skill)}.`);
      }
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action: 'member.revoke_skill',
        target: { type: 'user', id: userId },
        data: { skill, source: removed.source },
      });
      return removed;
    });
  }
}

/** The workforce by id in a scoped transaction, or 404 (another organization's answers the same). */
async function requireWorkforce(tx: Db, id: string, forUpdate = false): Promise<WorkforceRow> {
  const row = isId(id) ? await findWorkforce(tx, id, forUpdate) : undefined;
  if (!row) throw new ApiError('not_found', `No workforce found with id ${JSON.stringify(id)}.`);
  return row;
}

/** The member's membership in a scoped transaction, or 404. */
async function requireMember(
  tx: Db,
  userId: string,
  forUpdate = false,
): Promise<{ workforceId: string | null }> {
  const member = await findMemberWorkforce(tx, userId, forUpdate);
  if (!member) throw new ApiError('not_found', `No member found with id ${JSON.stringify(userId)}.`);
  return member;
}

/** 409 while any project (either environment, archived or not) routes to the workforce. */
async function refuseIfRouted(tx: Db, workforce: WorkforceRow): Promise<void> {
  const projects = await listProjectsRoutingTo(tx, workforce.id);
  if (projects.length === 0) return;
  const named = projects.map((x) => `${JSON.stringify(x.name)}${x.isTest ? ' (test)' : ''}`);
  throw new ApiError(
    'workforce_in_use',
    `Workforce ${JSON.stringify(workforce.name)} is in the routing of project(s) ${named.join(', ')}; remove it from their routing first.`,
    projects.map((x) => ({ path: 'projects', message: `${x.name}${x.isTest ? ' (test)' : ''}` })),
  );
}

function nameTaken(name: string): ApiError {
  return new ApiError('name_taken', `A workforce named ${JSON.stringify(name)} already exists.`);
}
