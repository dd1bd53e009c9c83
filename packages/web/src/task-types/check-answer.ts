/**
 * The last step of a type's `toResponse`: the answer built from the draft is checked by the rules the server
 * applies (the domain's `checkResponse`), and each issue the domain finds is put in the type's own words.
 */
import { checkResponse, type FieldIssue, type TaskType } from '@groundwork/domain';
import type { DraftCheck } from './contract.ts';

/**
 * Checks `response` with `type`'s domain rules: the parsed answer (defaults applied), or one problem per issue
 * as `describe` names it for the person (`Fill in “Summary”` rather than `fields.summary: Required`).
 */
export function checkAnswer<P, R>(
  type: TaskType<P, R>,
  params: P,
  response: unknown,
  describe: (issue: FieldIssue) => string,
): DraftCheck<R> {
  const checked = checkResponse(type, params, response);
  if (!checked.ok) return { ok: false, problems: checked.issues.map((issue) => describe(issue)) };
  return { ok: true, response: checked.response };
}
