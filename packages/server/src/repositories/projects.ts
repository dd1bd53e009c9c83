/** Project and param-version queries. Callers pass a transaction already scoped to the organization. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { projectParamVersions, projects } from '../db/schema.ts';

/** A project row. */
export type ProjectRow = typeof projects.$inferSelect;
/** One version of a project's params. */
export type ParamVersionRow = typeof projectParamVersions.$inferSelect;

/** Finds a project by name in one environment, optionally locking it for an update. */
export async function findProjectByName(
  tx: Db,
  isTest: boolean,
  name: string,
  forUpdate = false,
): Promise<ProjectRow | undefined> {
  const query = tx
    .select()
    .from(projects)
    .where(and(eq(projects.isTest, isTest), eq(projects.name, name)))
    .limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** Finds a project by id. */
export async function findProjectById(tx: Db, id: string): Promise<ProjectRow | undefined> {
  const [row] = await tx.select().from(projects).where(eq(projects.id, id)).limit(1);
  return row;
}

/** Lists the projects of an environment, oldest first. */
export async function listProjects(tx: Db, isTest: boolean, archived?: boolean): Promise<ProjectRow[]> {
  const where = [eq(projects.isTest, isTest)];
  if (archived !== undefined) where.push(eq(projects.archived, archived));
  return tx
    .select()
    .from(projects)
    .where(and(...where))
    .orderBy(asc(projects.createdAt), asc(projects.id));
}

/** Inserts a project; returns undefined if the name is taken. */
export async function insertProject(
  tx: Db,
  row: typeof projects.$inferInsert,
): Promise<ProjectRow | undefined> {
  const [created] = await tx.insert(projects).values(row).onConflictDoNothing().returning();
  return created;
}

/** Records a new current version of a project's params. */
export async function updateProjectParams(
  tx: Db,
  id: string,
  values: { params: Record<string, unknown>; instruction: string | null; version: number },
): Promise<ProjectRow> {
  const [row] = await tx
    .update(projects)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(projects.id, id))
    .returning();
  if (!row) throw new Error(`project ${id} vanished`);
  return row;
}

/** Appends a param version. */
export async function insertParamVersion(
  tx: Db,
  row: typeof projectParamVersions.$inferInsert,
): Promise<void> {
  await tx.insert(projectParamVersions).values(row);
}

/** Every param version of the given projects, oldest first. */
export async function listParamVersions(tx: Db, projectIds: string[]): Promise<ParamVersionRow[]> {
  if (projectIds.length === 0) return [];
  return tx
    .select()
    .from(projectParamVersions)
    .where(inArray(projectParamVersions.projectId, projectIds))
    .orderBy(asc(projectParamVersions.projectId), asc(projectParamVersions.version));
}

/** Names of projects by id. */
export async function projectNames(tx: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(inArray(projects.id, ids))
    .orderBy(desc(projects.id));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Sets a project's workflow, routing and/or priority (what is given). */
export async function updateProjectPolicy(
  tx: Db,
  id: string,
  values: Partial<Pick<ProjectRow, 'workflow' | 'routing' | 'priority' | 'quality' | 'redaction'>>,
): Promise<ProjectRow> {
  const [row] = await tx
    .update(projects)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(projects.id, id))
    .returning();
  if (!row) throw new Error(`project ${id} vanished`);
  return row;
}

/** The projects (of both environments, archived or not) whose routing names the workforce, by name. */
export async function listProjectsRoutingTo(
  tx: Db,
  workforceId: string,
): Promise<Array<Pick<ProjectRow, 'id' | 'name' | 'isTest'>>> {
  return tx
    .select({ id: projects.id, name: projects.name, isTest: projects.isTest })
    .from(projects)
    .where(sql`${projects.routing} -> 'workforces' @> ${JSON.stringify([{ id: workforceId }])}::jsonb`)
    .orderBy(asc(projects.name));
}
