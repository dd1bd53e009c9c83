/** Projects: a task type with default params and instructions, versioned by `setParams`. */
import {
  describeIssues,
  mergeProjectParams,
  type ProjectRouting,
  type ProjectWorkflow,
  parseTaskParams,
  sampleTaskContent,
  type TaskTypeRegistry,
} from '@groundwork/domain';
import { recordAudit } from '../commands/record-audit.ts';
import type { Database, Db } from '../db/database.ts';
import { ApiError, invalid, notFound } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import {
  findProjectByName,
  insertParamVersion,
  insertProject,
  listParamVersions,
  listProjects,
  type ParamVersionRow,
  type ProjectRow,
  updateProjectParams,
} from '../repositories/projects.ts';
import { actorOf, type Principal } from './principal.ts';
import { checkWorkPolicy } from './project-workflow.ts';

/** A project with its param history. */
export interface ProjectWithHistory {
  project: ProjectRow;
  versions: ParamVersionRow[];
}

/** Input of project creation. */
export interface CreateProjectInput {
  type: string;
  name: string;
  params?: Record<string, unknown> | null;
  instruction?: string | null;
  /** How tasks become human work (defaults when absent). */
  workflow?: ProjectWorkflow;
  /** Who may work the project (every workforce when absent). */
  routing?: ProjectRouting;
  /** Queue priority, -100..100 (0 when absent). */
  priority?: number;
}

/** Project rules. */
export class ProjectService {
  readonly #db: Database;
  readonly #types: TaskTypeRegistry;

  constructor(deps: { db: Database; types: TaskTypeRegistry }) {
    this.#db = deps.db;
    this.#types = deps.types;
  }

  /** Creates a project; 409 if the name is taken in this environment. */
  async create(p: Principal, input: CreateProjectInput): Promise<ProjectWithHistory> {
    const type = this.#types.get(input.type);
    if (!type)
      throw invalid(`type: unknown task type ${JSON.stringify(input.type)}`, [
        { path: 'type', message: 'unknown task type' },
      ]);
    const { instruction: paramInstruction, ...rest } = input.params ?? {};
    const instruction = input.instruction ?? (typeof paramInstruction === 'string' ? paramInstruction : null);
    this.#checkDefaults(input.type, rest);
    return this.#db.withOrg(p.orgId, async (tx) => {
      await checkWorkPolicy(tx, { workflow: input.workflow, routing: input.routing });
      const project = await insertProject(tx, {
        id: newId(),
        orgId: p.orgId,
        isTest: p.isTest,
        name: input.name,
        type: input.type,
        params: rest,
        instruction,
        version: 0,
        ...(input.workflow ? { workflow: input.workflow } : {}),
        ...(input.routing ? { routing: input.routing } : {}),
        ...(input.priority !== undefined ? { priority: input.priority } : {}),
      });
      if (!project)
        throw new ApiError('name_taken', `A project named ${JSON.stringify(input.name)} already exists.`);
      await insertParamVersion(tx, {
        orgId: p.orgId,
        projectId: project.id,
        version: 0,
        params: rest,
        instruction,
      });
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action: 'project.create',
        target: { type: 'project', id: project.id },
        data: { name: project.name, type: project.type, environment: p.isTest ? 'test' : 'live' },
      });
      return { project, versions: await listParamVersions(tx, [project.id]) };
    });
  }

  /** A project by name. */
  async get(p: Principal, name: string): Promise<ProjectWithHistory> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const project = await this.require(tx, p, name);
      return { project, versions: await listParamVersions(tx, [project.id]) };
    });
  }

  /** Every project of the caller's environment. */
  async list(p: Principal, archived?: boolean): Promise<ProjectWithHistory[]> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const projects = await listProjects(tx, p.isTest, archived);
      const versions = await listParamVersions(
        tx,
        projects.map((x) => x.id),
      );
      return projects.map((project) => ({
        project,
        versions: versions.filter((v) => v.projectId === project.id),
      }));
    });
  }

  /**
   * Appends a param version. With `patch`, unspecified params are kept (given values replace old ones
   * wholesale); without it, the new version replaces every param. The project row is locked while it is
   * read and updated, so two changes made on the same `baseVersion` cannot both pass.
   */
  async setParams(
    p: Principal,
    name: string,
    input: {
      patch: boolean;
      instruction?: string | null;
      params: Record<string, unknown>;
      /** The version the change was made on: refused (409) when the project has moved on since. */
      baseVersion?: number;
    },
  ): Promise<ProjectWithHistory> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const project = await this.require(tx, p, name, true);
      if (input.baseVersion !== undefined && input.baseVersion !== project.version) {
        throw new ApiError(
          'version_conflict',
          `The project's params changed since version ${input.baseVersion}: they are at version ${project.version} now (saved by someone else). Reload them and apply your change again.`,
          [{ path: 'baseVersion', message: `expected ${project.version}` }],
        );
      }
      const params = input.patch ? { ...project.params, ...input.params } : input.params;
      const instruction =
        input.instruction !== undefined ? input.instruction : input.patch ? project.instruction : null;
      this.#checkDefaults(project.type, params);
      const version = project.version + 1;
      await insertParamVersion(tx, { orgId: p.orgId, projectId: project.id, version, params, instruction });
      const updated = await updateProjectParams(tx, project.id, { params, instruction, version });
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action: 'project.set_params',
        target: { type: 'project', id: project.id },
        data: { version, patch: input.patch },
      });
      return { project: updated, versions: await listParamVersions(tx, [project.id]) };
    });
  }

  /** The project by name in a scoped transaction, or 404. */
  async require(tx: Db, p: Principal, name: string, forUpdate = false): Promise<ProjectRow> {
    const project = await findProjectByName(tx, p.isTest, name, forUpdate);
    if (!project) throw notFound('project', name);
    return project;
  }

  /**
   * Default params need not be complete (each task supplies the rest), but what they do say must be
   * valid: the defaults are validated over a sample task's content (so that rules joining params and
   * content, and rules across params, run as they will for real tasks) and only the issues under keys the
   * defaults contain are reported.
   */
  #checkDefaults(typeName: string, params: Record<string, unknown>): void {
    const type = this.#types.get(typeName);
    if (!type || Object.keys(params).length === 0) return;
    const result = parseTaskParams(type, mergeProjectParams(sampleTaskContent(typeName, params), params));
    if (result.ok) return;
    const relevant = result.issues.filter((issue) => {
      const head = issue.path.split('.')[0] ?? '';
      return head !== '' && head in params;
    });
    if (relevant.length > 0) {
      throw new ApiError(
        'invalid_params',
        `Invalid params: ${describeIssues(relevant)}`,
        relevant.map((i) => ({ ...i, path: `params.${i.path}` })),
      );
    }
  }
}
