/**
 * Managing gold and people's standing with projects: listing a project's evaluation and training tasks
 * with how they were answered, archiving them, and pausing or reinstating an annotator (the reason is
 * shown to them and to their managers). Creating gold goes through `TaskService.createGold`, which
 * shares the task's params handling.
 */
import { type ProjectQuality, readQuality, trainingState, trainingTarget } from '@groundwork/domain';
import { recordAudit } from '../commands/record-audit.ts';
import type { Database, Db } from '../db/database.ts';
import { ApiError, invalid, notFound } from '../errors.ts';
import { isId } from '../lib/ids.ts';
import { revokePersonLeases } from '../repositories/assignments.ts';
import {
  countActiveTraining,
  findGoldTask,
  type GoldKind,
  type GoldTaskRow,
  type GoldTaskStats,
  listGoldTasks,
  listStandings,
  lockStanding,
  type StandingRow,
  setGoldArchived,
  updateStanding,
} from '../repositories/gold.ts';
import { findMember, listMemberRows, type MemberRow } from '../repositories/members.ts';
import { findProjectById, findProjectByName, type ProjectRow } from '../repositories/projects.ts';
import { taskListStatements, taskViewStatements } from './audit-views.ts';
import { actorOf, type Principal } from './principal.ts';
import type { QualityPlans } from './quality-plans.ts';
import type { TrainingProgress } from './work.ts';

/** A person's standing with a project, as managers see it. */
export interface StandingView {
  userId: string;
  /** The person (null when they are no longer a member). */
  member: Pick<MemberRow, 'email' | 'name' | 'workforceId'> | null;
  /** Gold answers and their mean score (null before the first). */
  gold: { answers: number; meanScore: number | null };
  training: TrainingProgress;
  /** Reliability used to weigh their answers in consensus, and where it comes from. */
  reliability: number | null;
  reliabilitySource: 'gold' | 'consensus' | null;
  /** Set while they may not work the project. */
  paused: { at: Date; by: 'gold' | 'training' | 'manager'; reason: string } | null;
}

/** Gold management and standings. */
export class GoldService {
  readonly #db: Database;
  readonly #plans: QualityPlans | undefined;
  readonly #now: () => Date;

  constructor(deps: { db: Database; plans?: QualityPlans; now?: () => Date }) {
    this.#db = deps.db;
    this.#plans = deps.plans;
    this.#now = deps.now ?? (() => new Date());
  }

  /** A project's gold tasks, newest first, with answer counts and mean scores; a person's read is audited. */
  async list(
    p: Principal,
    projectName: string,
    filter: { kind?: GoldKind; includeArchived: boolean; limit: number; before?: string },
  ): Promise<{ project: ProjectRow; gold: GoldTaskStats[] }> {
    return this.#db.withOrgStarting(p.orgId, [], async (tx, _first, finish) => {
      const project = await requireProject(tx, p, projectName);
      const gold = await listGoldTasks(tx, { projectId: project.id, ...filter });
      finish(
        taskListStatements(
          p,
          { type: 'project', id: project.id },
          'gold',
          { project: project.name, ...filter },
          gold.length,
        ),
      );
      return { project, gold };
    });
  }

  /** A project by name (404 when there is none), for creating its gold. */
  async project(p: Principal, projectName: string): Promise<ProjectRow> {
    return this.#db.withOrg(p.orgId, (tx) => requireProject(tx, p, projectName));
  }

  /** One gold task with its project's name; a person's read is audited (`task.view`). */
  async get(p: Principal, id: string): Promise<{ gold: GoldTaskRow; projectName: string }> {
    return this.#db.withOrgStarting(p.orgId, [], async (tx, _first, finish) => {
      const gold = await requireGold(tx, p, id);
      finish(taskViewStatements(p, { type: 'gold_task', id: gold.id }, 'gold'));
      const project = await findProjectById(tx, gold.projectId);
      return { gold, projectName: project?.name ?? gold.projectId };
    });
  }

  /** Archives (no longer served; answers kept) or restores a gold task. */
  async setArchived(
    p: Principal,
    id: string,
    archived: boolean,
  ): Promise<{ gold: GoldTaskRow; projectName: string }> {
    const result = await this.#db.withOrg(p.orgId, async (tx) => {
      const found = await requireGold(tx, p, id);
      const gold = found.archived === archived ? found : await setGoldArchived(tx, id, archived);
      if (gold !== found) {
        await recordAudit({
          tx,
          orgId: p.orgId,
          actor: actorOf(p),
          action: archived ? 'gold.archive' : 'gold.restore',
          target: { type: 'gold_task', id },
          data: { kind: gold.kind },
        });
      }
      const project = await findProjectById(tx, gold.projectId);
      return { gold, projectName: project?.name ?? gold.projectId };
    });
    this.#plans?.invalidate(p.orgId);
    return result;
  }

  /** Everyone with a standing on the project (they answered gold, or were paused), by user id. */
  async standings(p: Principal, projectName: string): Promise<StandingView[]> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const project = await requireProject(tx, p, projectName);
      const rows = await listStandings(tx, { projectId: project.id });
      const available = await countActiveTraining(tx, project.id);
      const members = await listMemberRows(tx);
      const byId = new Map(members.map((m) => [m.userId, m]));
      return rows.map((row) => viewStanding(row, project, available, byId.get(row.userId)));
    });
  }

  /**
   * Pauses a person from a project with a reason they will see (their live leases there end and go back
   * to the queue), or reinstates them: the pause ends, earlier gold no longer counts toward the pause
   * rule, and a failed training gate is waived.
   */
  async setPaused(
    p: Principal,
    projectName: string,
    userId: string,
    change: { paused: true; reason: string } | { paused: false },
  ): Promise<StandingView> {
    const view = await this.#db.withOrg(p.orgId, async (tx) => {
      const project = await requireProject(tx, p, projectName);
      const member = isId(userId) ? await findMember(tx, userId) : undefined;
      if (!member) throw new ApiError('not_found', `No member found with id ${JSON.stringify(userId)}.`);
      const standing = await lockStanding(tx, { orgId: p.orgId, projectId: project.id, userId });
      const now = this.#now();
      let row: StandingRow;
      if (change.paused) {
        const reason = change.reason.trim();
        if (!reason) throw invalid('reason: required to pause', [{ path: 'reason', message: 'is required' }]);
        row = await updateStanding(tx, project.id, userId, {
          pausedAt: now,
          pausedBy: 'manager',
          pauseReason: reason,
        });
        await revokePersonLeases(tx, project.id, userId);
      } else {
        row = await updateStanding(tx, project.id, userId, {
          pausedAt: null,
          pausedBy: null,
          pauseReason: null,
          reinstatedAt: now,
          ...(standing.pausedBy === 'training' && !standing.trainingPassedAt
            ? { trainingPassedAt: now }
            : {}),
        });
      }
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action: change.paused ? 'standing.pause' : 'standing.reinstate',
        target: { type: 'member', id: userId },
        data: {
          project: project.name,
          ...(change.paused ? { reason: change.reason.trim() } : { was: standing.pausedBy }),
        },
      });
      return viewStanding(row, project, await countActiveTraining(tx, project.id), member);
    });
    this.#plans?.invalidate(p.orgId);
    return view;
  }
}

/**
 * Where a person stands with a project's training gate: passed once they passed it (or a manager let
 * them through, `passedAt`), else as their answers so far say.
 */
export function trainingProgressOf(
  quality: ProjectQuality,
  progress: { available: number; answered: number; passed: number; passedAt: Date | null },
): TrainingProgress {
  return {
    state: progress.passedAt ? 'passed' : trainingState(quality, progress),
    answered: progress.answered,
    passedCount: progress.passed,
    target: trainingTarget(quality, progress.available),
  };
}

/** A standing row as managers and the person see it. */
export function viewStanding(
  row: StandingRow,
  project: ProjectRow,
  availableTraining: number,
  member: MemberRow | undefined,
): StandingView {
  return {
    userId: row.userId,
    member: member ? { email: member.email, name: member.name, workforceId: member.workforceId } : null,
    gold: {
      answers: row.goldAnswered,
      meanScore: row.goldAnswered > 0 ? row.goldScoreSum / row.goldAnswered : null,
    },
    training: trainingProgressOf(readQuality(project.quality), {
      available: availableTraining,
      answered: row.trainingAnswered,
      passed: row.trainingPassed,
      passedAt: row.trainingPassedAt,
    }),
    reliability: row.reliability,
    reliabilitySource: row.reliabilitySource,
    paused:
      row.pausedAt && row.pausedBy
        ? { at: row.pausedAt, by: row.pausedBy, reason: row.pauseReason ?? '' }
        : null,
  };
}

async function requireProject(tx: Db, p: Principal, name: string): Promise<ProjectRow> {
  const project = await findProjectByName(tx, p.isTest, name);
  if (!project) throw notFound('project', name);
  return project;
}

async function requireGold(tx: Db, p: Principal, id: string): Promise<GoldTaskRow> {
  const gold = isId(id) ? await findGoldTask(tx, p.isTest, id) : undefined;
  if (!gold) throw new ApiError('not_found', `No gold task found with id ${JSON.stringify(id)}.`);
  return gold;
}
