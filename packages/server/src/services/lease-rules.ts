/**
 * Rules every lease follows, whether of a task's slot or of a gold task: who may hold one, how answers
 * are checked and timed, and the errors a holder gets. Shared by the work service and gold work.
 */
import { randomInt } from 'node:crypto';
import { checkResponse, describeIssues, type TaskType, type TaskTypeRegistry } from '@groundwork/domain';
import { ApiError } from '../errors.ts';
import type { Principal } from './principal.ts';

/** The longest time a submission may claim to have taken (a day). */
const MAX_TIME_SPENT_MS = 86_400_000;

/** The person behind a principal; work is done by people, not by API keys (403 for a key). */
export function requireUser(p: Principal): string {
  if (!p.userId) {
    throw new ApiError(
      'forbidden',
      'Work is leased to people: log in as a member (API keys cannot take work).',
    );
  }
  return p.userId;
}

/** 409: the assignment is no longer leased (submitted, skipped, released, expired or revoked). */
export function leaseNotHeld(id: string, status: string): ApiError {
  return new ApiError('lease_not_held', `Assignment ${id} is ${status}; it is no longer leased to you.`);
}

/** 409: the lease ran out. */
export function leaseExpired(id: string, at: Date): ApiError {
  return new ApiError('lease_expired', `The lease on assignment ${id} expired at ${at.toISOString()}.`);
}

/** 404 for an assignment that is not the caller's (or does not exist: the same answer). */
export function notFoundAssignment(id: string): ApiError {
  return new ApiError('not_found', `No assignment found with id ${JSON.stringify(id)}.`);
}

/** The answer if it is valid for the task, else a 400 naming each bad field under `response`. */
export function checkedAnswer(type: TaskType, params: unknown, response: unknown): unknown {
  const checked = checkResponse(type, params, response);
  if (!checked.ok) {
    throw new ApiError(
      'invalid_response',
      `Invalid response: ${describeIssues(checked.issues)}`,
      checked.issues.map((i) => ({ path: i.path ? `response.${i.path}` : 'response', message: i.message })),
    );
  }
  return checked.response;
}

/** Time spent as reported by the workbench, capped by the lease's wall time (plus 5 s) and a day. */
export function timeSpent(leasedAt: Date, now: Date, reported: number | undefined): number {
  const wall = Math.max(0, now.getTime() - leasedAt.getTime());
  return Math.min(reported ?? wall, wall + 5000, MAX_TIME_SPENT_MS);
}

/** A uniformly random permutation of 0..n-1 (Fisher–Yates with crypto randomness). */
export function shuffledOrder(n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** The ids of the uploaded files (`groundwork://files/<id>`) a task's params reference. */
export function fileIdsOf(type: TaskType, params: unknown): string[] {
  return type.attachmentUrls(params as never).flatMap((url) => {
    const match = /^groundwork:\/\/files\/([0-9a-f]{24})$/.exec(url);
    return match?.[1] ? [match[1]] : [];
  });
}

/** The registered type called `name` (a stored task's type is always registered). */
export function typeOf(types: TaskTypeRegistry, name: string): TaskType {
  const type = types.get(name);
  if (!type) throw new Error(`unknown task type ${name}`);
  return type;
}
