import type { FieldIssue } from '../issues.ts';
import { checkResponse, parseTaskParams, type TaskType } from '../task-type.ts';

/**
 * Test helpers for task types (used by the `*.test.ts` files only; not exported from the package).
 * @internal
 */
export function mustParse<P>(type: TaskType<P, unknown>, input: unknown): P {
  const result = parseTaskParams(type, input);
  if (!result.ok) throw new Error(`params rejected: ${JSON.stringify(result.issues)}`);
  return result.params;
}

/** Issues of params that should be rejected (empty when they were accepted). @internal */
export function paramIssues(type: TaskType<unknown, unknown>, input: unknown): FieldIssue[] {
  const result = parseTaskParams(type, input);
  return result.ok ? [] : result.issues;
}

/** Issues of an answer, schema and semantics (empty when accepted). @internal */
export function responseIssues<P, R>(type: TaskType<P, R>, params: P, response: unknown): FieldIssue[] {
  const result = checkResponse(type, params, response);
  return result.ok ? [] : result.issues;
}

/** Paths of the issues. @internal */
export function paths(issues: readonly FieldIssue[]): string[] {
  return issues.map((issue) => issue.path);
}
