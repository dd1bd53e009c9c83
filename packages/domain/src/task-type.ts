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
  /**
   * Merges the answers of one stage (every slot filled) into the stage result, with an agreement score.
   * Throws on an empty list. When every answer passes {@link checkResponse}, so does the result. Ties go to
   * the earliest answer, so the result is deterministic for a given answer order.
   *
   * `weights`, one non-negative number per answer (the annotator's measured reliability), make the vote a
   * weighted one: choices and labels by weighted plurality or majority, free text by the weighted medoid,
   * rankings by weighted Borda count, shapes by weighted fusion. Absent weights, equal weights and unusable
   * ones (all zero, or any negative or non-finite) all mean every answer counts once, exactly as without
   * them. A weight of 0 makes an answer count for nothing in the result. The agreement never uses the
   * weights: it describes how much the answers agree, not who gave them.
   *
   * @throws RangeError when `weights` does not have one entry per answer.
   */
  consensus(params: P, answers: readonly R[], weights?: readonly number[]): ConsensusResult<R>;
  /**
   * Grades an annotator's `answer` against a `reference` answer (a gold task's expected response, or a
   * reviewer's fix), from 0 (nothing right) to 1 (as good as the reference). Both are answers to `params`
   * (schema-valid; semantically valid ones give the meaningful grades). Deterministic and never NaN; an
   * answer always scores 1 against itself. Symmetric unless the type says otherwise (a type that grades
   * only what the reference answered is not). Each type documents its rule: exact match for choices, a
   * normalised text similarity for free text, set or span F1 for labels, IoU with optimal matching for
   * shapes, Kendall-tau agreement for rankings.
   */
  score(params: P, answer: R, reference: R): number;
  /**
   * For types that show several items side by side (pairwise preference, ranking): how many, so the server
   * can show them in a random order per assignment (see {@link randomDisplayOrder}) to cancel position bias.
   * Answers always refer to the items in the task's canonical order. Absent for types without such items.
   */
  displayItems?(params: P): number;
}

/** Outcome of {@link TaskType.consensus}: the merged answer and how much the answers agreed. */
export interface ConsensusResult<R> {
  /** The stage result, an answer of the type's response schema. */
  response: R;
  /** Agreement between the answers, from 0 (none) to 1 (all agree; also for a single answer). */
  agreement: number;
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

/**
 * A uniformly random display order of `count` items (Fisher–Yates): `order[i]` is the canonical index of
 * the item shown at position `i`. `random` returns numbers in [0, 1), like `Math.random`; injecting it keeps
 * this function pure and testable.
 */
export function randomDisplayOrder(count: number, random: () => number): number[] {
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`expected a non-negative item count, got ${count}`);
  const order = Array.from({ length: count }, (_, index) => index);
  for (let i = count - 1; i > 0; i -= 1) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** Whether `order` is a display order of `count` items: each canonical index 0..count-1 exactly once. */
export function isDisplayOrder(order: readonly number[], count: number): boolean {
  return (
    order.length === count &&
    new Set(order).size === count &&
    order.every((index) => Number.isInteger(index) && index >= 0 && index < count)
  );
}
