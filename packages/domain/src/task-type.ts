import type * as z from 'zod';
import { domainErrorMap, type FieldIssue, zodIssuesToFieldIssues } from './issues.ts';

/**
 * A kind of work (`imageannotation`, `categorization`, …): how its params and answers look and which answers
 * are acceptable for given params. Pure data and functions, so the server, workers and editors share it.
 */
export interface TaskType<P = unknown, R = unknown> {
  /** The `/v1/task/{name}` path segment and the task's `type`. */
  name: string;
  /** Human name shown in the console. */
  title: string;
  /** Type-specific creation params (everything except the common task fields). */
  paramsSchema: z.ZodType<P>;
  /** Shape of a completed task's `response`. */
  responseSchema: z.ZodType<R>;
  /** Semantic checks of a schema-valid answer against the task's params; an empty list means acceptable. */
  validateResponse(params: P, response: R): FieldIssue[];
  /** A valid answer used to auto-complete tasks created with a test key. */
  placeholderResponse(params: P): R;
  /** Every attachment URL or file reference the params point at, so the server can resolve uploaded files. */
  attachmentUrls(params: P): string[];
}

/** Looks task types up by name. Built by `createTaskTypeRegistry()` and passed explicitly to whoever needs it. */
export interface TaskTypeRegistry {
  /** The task type called `name`, or `undefined` when there is none. */
  get(name: string): TaskType | undefined;
  /** All registered names, sorted. */
  names(): string[];
}

/** Outcome of {@link parseTaskParams}: parsed params (defaults applied) or the problems found. */
export type ParseParamsResult<P> = { ok: true; params: P } | { ok: false; issues: FieldIssue[] };

/** Outcome of {@link checkResponse}: the parsed answer or the problems found. */
export type CheckResponseResult<R> = { ok: true; response: R } | { ok: false; issues: FieldIssue[] };

/** Validates and normalises a task's type-specific params against `type.paramsSchema`. */
export function parseTaskParams<P>(type: TaskType<P, unknown>, input: unknown): ParseParamsResult<P> {
  const result = type.paramsSchema.safeParse(input, { error: domainErrorMap });
  if (!result.success) return { ok: false, issues: zodIssuesToFieldIssues(result.error) };
  return { ok: true, params: result.data };
}

/** Checks an answer: first its shape (`responseSchema`), then its meaning (`validateResponse`) against the params. */
export function checkResponse<P, R>(
  type: TaskType<P, R>,
  params: P,
  response: unknown,
): CheckResponseResult<R> {
  const result = type.responseSchema.safeParse(response, { error: domainErrorMap });
  if (!result.success) return { ok: false, issues: zodIssuesToFieldIssues(result.error) };
  const issues = type.validateResponse(params, result.data);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, response: result.data };
}
