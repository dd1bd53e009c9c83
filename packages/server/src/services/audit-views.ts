/**
 * Audit events of people reading task data. Reading one task's data (the task, its timeline, a lease
 * handing it to an annotator, a webhook body carrying its result, a gold task) is a `task.view`; a list
 * page is one `task.list` with its filter and row count, never one event per row. Only people signed
 * in to the console are audited this way: API keys are machines, and their reads are not.
 *
 * Reads return the statements to append so that they can travel with the read's COMMIT
 * (`withOrgStarting`'s `finish`): no extra round trip, and the organization's audit lock is held only
 * for the COMMIT.
 */
import { auditAppendStatements } from '../commands/record-audit.ts';
import type { RawStatement } from '../db/database.ts';
import { actorOf, isPerson, type Principal } from './principal.ts';

/** How the data was read, recorded as `data.via`. */
export type TaskViewVia =
  | 'task'
  | 'timeline'
  | 'lease'
  | 'review_lease'
  | 'assignment'
  | 'delivery'
  | 'gold'
  | 'tasks'
  | 'explorer';

/** The object a view is about: a task or a gold task. */
export interface ViewedObject {
  type: 'task' | 'gold_task';
  id: string;
}

/**
 * The statements appending `task.view` of one object by the caller — none when the caller is not a
 * person (an API key).
 */
export function taskViewStatements(
  p: Principal,
  viewed: ViewedObject,
  via: TaskViewVia,
  data: Record<string, unknown> = {},
): RawStatement[] {
  if (!isPerson(p)) return [];
  return auditAppendStatements({
    orgId: p.orgId,
    actor: actorOf(p),
    action: 'task.view',
    target: viewed,
    data: { via, ...data },
  });
}

/**
 * The statements appending `task.list` of one page read by the caller: the filter it was read with
 * (only the filters given) and how many rows it showed — none when the caller is not a person.
 */
export function taskListStatements(
  p: Principal,
  target: { type: 'project'; id: string } | null,
  via: TaskViewVia,
  filter: Record<string, unknown>,
  count: number,
): RawStatement[] {
  if (!isPerson(p)) return [];
  return auditAppendStatements({
    orgId: p.orgId,
    actor: actorOf(p),
    action: 'task.list',
    target,
    data: { via, filter: definedFilter(filter), count },
  });
}

/** The filter without its undefined entries, dates as ISO strings. */
function definedFilter(filter: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}
