/**
 * A project's work policy: its workflow (overlap, review stage, lease), its routing (which workforces
 * may work it, with shares, and which skills they need) and its queue priority. Changing routing or
 * priority re-stamps the project's open queue slots in the same transaction; a new overlap applies to
 * tasks dispatched afterwards (slots already queued stay as they are). The redaction policy (whose
 * annotators see personal data masked) applies to the next lease; live masked leases whose masked text it
 * changes answer 409 at submit and show the new masking when reloaded.
 */
import {
  type ProjectQuality,
  type ProjectRedaction,
  type ProjectRouting,
  type ProjectWorkflow,
  readQuality,
  readRedaction,
  readRouting,
  readWorkflow,
} from '@groundwork/domain';
import { recordAudit } from '../commands/record-audit.ts';
import type { Database, Db } from '../db/database.ts';
import { type ErrorDetail, invalid, notFound } from '../errors.ts';
import { isId } from '../lib/ids.ts';
import { findProjectByName, type ProjectRow, updateProjectPolicy } from '../repositories/projects.ts';
import { restampProjectQueue } from '../repositories/work-queue.ts';
import { findWorkforces } from '../repositories/workforces.ts';
import { actorOf, type Principal } from './principal.ts';
import type { QualityPlans } from './quality-plans.ts';

/** A project's work policy, defaults applied. */
export interface ProjectWorkPolicy {
  workflow: ProjectWorkflow;
  routing: ProjectRouting;
  priority: number;
  quality: ProjectQuality;
  /** Whose annotators see personal data masked, and what counts as such. */
  redaction: ProjectRedaction;
}

/** A change of work policy: what is given replaces the current value whole. */
export interface WorkPolicyChange {
  workflow?: ProjectWorkflow;
  routing?: ProjectRouting;
  priority?: number;
  quality?: ProjectQuality;
  redaction?: ProjectRedaction;
}

/** The work policy stored on a project, defaults applied. */
export function readWorkPolicy(project: ProjectRow): ProjectWorkPolicy {
  return {
    workflow: readWorkflow(project.workflow),
    routing: readRouting(project.routing),
    priority: project.priority,
    quality: readQuality(project.quality),
    redaction: readRedaction(project.redaction),
  };
}

/**
 * Checks what zod cannot: routed workforces exist in the organization and are not archived, none is
 * named twice, no skill is listed twice, and review `below_agreement` has an overlap of at least 2
 * (one answer agrees with nothing). Every problem is reported at once, each naming its field path.
 * Routed workforces are locked (FOR SHARE) so archiving one waits for this transaction.
 */
export async function checkWorkPolicy(tx: Db, change: WorkPolicyChange): Promise<void> {
  const details: ErrorDetail[] = [];
  const { workflow, routing, redaction } = change;
  if (workflow && workflow.review.mode === 'below_agreement' && workflow.overlap < 2) {
    details.push({
      path: 'workflow.review.mode',
      message: '"below_agreement" needs an overlap of at least 2',
    });
  }
  if (routing) {
    const ids = routing.workforces.map((w) => w.id);
    const known = new Map(
      (await findWorkforces(tx, [...new Set(ids.filter(isId))], true)).map((w) => [w.id, w]),
    );
    ids.forEach((id, i) => {
      const path = `routing.workforces.${i}.id`;
      const workforce = known.get(id);
      if (ids.indexOf(id) !== i) details.push({ path, message: 'names the same workforce twice' });
      else if (!workforce) details.push({ path, message: 'no such workforce' });
      else if (workforce.archived) details.push({ path, message: 'the workforce is archived' });
    });
    routing.skills.forEach((skill, i) => {
      if (routing.skills.indexOf(skill) !== i) {
        details.push({ path: `routing.skills.${i}`, message: 'names the same skill twice' });
      }
    });
  }
  if (redaction && redaction.workforces.length > 0) {
    const ids = redaction.workforces;
    const known = new Set((await findWorkforces(tx, [...new Set(ids.filter(isId))])).map((w) => w.id));
    ids.forEach((id, i) => {
      const path = `redaction.workforces.${i}`;
      if (ids.indexOf(id) !== i) details.push({ path, message: 'names the same workforce twice' });
      else if (!known.has(id)) details.push({ path, message: 'no such workforce' });
    });
  }
  if (details.length > 0) {
    throw invalid(details.map((d) => `${d.path}: ${d.message}`).join('; '), details);
  }
}

/** Reading and changing projects' work policies. */
export class ProjectWorkflowService {
  readonly #db: Database;
  readonly #plans: QualityPlans | undefined;

  constructor(deps: { db: Database; plans?: QualityPlans }) {
    this.#db = deps.db;
    this.#plans = deps.plans;
  }

  /** A project's work policy by project name, defaults applied. */
  async get(p: Principal, projectName: string): Promise<ProjectWorkPolicy> {
    return this.#db.withOrg(p.orgId, async (tx) => readWorkPolicy(await requireProject(tx, p, projectName)));
  }

  /**
   * Replaces the given parts of a project's work policy. When routing or priority change, the
   * project's open queue slots are re-stamped (workforce by the new shares, combined priority).
   */
  async set(p: Principal, projectName: string, change: WorkPolicyChange): Promise<ProjectWorkPolicy> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const project = await requireProject(tx, p, projectName, true);
      await checkWorkPolicy(tx, change);
      const values: Partial<Pick<ProjectRow, 'workflow' | 'routing' | 'priority' | 'quality' | 'redaction'>> =
        {};
      if (change.workflow) values.workflow = change.workflow;
      if (change.routing) values.routing = change.routing;
      if (change.priority !== undefined) values.priority = change.priority;
      if (change.quality) values.quality = change.quality;
      if (change.redaction) values.redaction = change.redaction;
      if (Object.keys(values).length === 0) return readWorkPolicy(project);
      const updated = await updateProjectPolicy(tx, project.id, values);
      if (change.quality) this.#plans?.invalidate(p.orgId);
      const restamped =
        change.routing || change.priority !== undefined ? await restampProjectQueue(tx, project.id) : 0;
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action: 'project.set_workflow',
        target: { type: 'project', id: project.id },
        data: { ...auditedPolicy(values), restamped_slots: restamped },
      });
      return readWorkPolicy(updated);
    });
  }
}

/**
 * A policy change as the audit log keeps it: the redaction's names (a customer list: personal data) are
 * recorded as their count, since the audit chain can never be edited.
 */
function auditedPolicy(values: Partial<Pick<ProjectRow, 'redaction'>> & Record<string, unknown>) {
  if (!values.redaction) return values;
  const { names, ...rest } = values.redaction as ProjectRedaction;
  return { ...values, redaction: { ...rest, names_count: names.length } };
}

async function requireProject(tx: Db, p: Principal, name: string, forUpdate = false): Promise<ProjectRow> {
  const project = await findProjectByName(tx, p.isTest, name, forUpdate);
  if (!project) throw notFound('project', name);
  return project;
}
