/**
 * The generic JSON Lines task record: one task per line with everything Groundwork knows about it, so that
 * {@link parseTaskRecordLine} reads back exactly the {@link DatasetTask} (and answers) it was written from.
 * Keys are snake_case like the Scale-compatible API; absent values are written as `null`, never left out,
 * so every line has the same columns (what pandas, DuckDB and Hugging Face `datasets` expect).
 *
 * Also holds the helpers the other JSON Lines formats share: {@link jsonLine} and the task fields every
 * record's `metadata` carries.
 * @packageDocumentation
 */
import * as z from 'zod';
import { domainErrorMap, type FieldIssue, fieldIssue, zodIssuesToFieldIssues } from '../issues.ts';
import type { DatasetTask } from './catalog.ts';

/** One person's answer to a task, as exports carry it with `includeAnswers`. */
export interface DatasetAnswer {
  /** Assignment id. */
  id: string;
  /** Who answered (user id). */
  worker: string;
  /** Workflow stage of the answer: `label` or `review`. */
  stage: string;
  /** Labeling round (0 for the first). */
  round: number;
  /** Submission time, ISO 8601, or null. */
  submittedAt: string | null;
  /** Milliseconds the person spent, or null when not measured. */
  timeSpentMs: number | null;
  /** The answer as submitted. */
  response: unknown;
}

/** An answer inside a {@link TaskRecord}. */
export interface TaskRecordAnswer {
  /** Assignment id. */
  id: string;
  /** Who answered (user id). */
  worker: string;
  /** `label` or `review`. */
  stage: string;
  /** Labeling round. */
  round: number;
  /** Submission time, ISO 8601, or null. */
  submitted_at: string | null;
  /** Milliseconds spent, or null. */
  time_spent_ms: number | null;
  /** The answer as submitted (null when there was none). */
  response: unknown;
}

/** One line of the generic JSON Lines export. */
export interface TaskRecord {
  /** Task id. */
  task_id: string;
  /** Task type. */
  type: string;
  /** The caller's unique id, or null. */
  unique_id: string | null;
  /** Task status. */
  status: string;
  /** Batch name, or null. */
  batch: string | null;
  /** The task's params. */
  params: Record<string, unknown>;
  /** The final answer, or null. */
  response: unknown;
  /** The caller's metadata. */
  metadata: Record<string, unknown>;
  /** Tags. */
  tags: string[];
  /** Project params version the task was created under, or null. */
  params_version: number | null;
  /** Creation time, ISO 8601. */
  created_at: string;
  /** Completion time, ISO 8601, or null. */
  completed_at: string | null;
  /** Every person's answer; present only when the export asked for them. */
  answers?: TaskRecordAnswer[];
}

/** Result of reading one line of a JSON Lines format: the record, or what is wrong with it by path. */
export type RecordLineResult<T> = { ok: true; record: T } | { ok: false; problems: FieldIssue[] };

/**
 * The record of a task (and, when given, its answers). An undefined response is written as null; JSON has
 * no `undefined`, `NaN` or `-0`, so values inside params, response and metadata must be JSON values (as
 * everything read from the database is) to come back unchanged.
 */
export function taskRecord(task: DatasetTask, answers?: readonly DatasetAnswer[]): TaskRecord {
  const record: TaskRecord = {
    task_id: task.id,
    type: task.type,
    unique_id: task.uniqueId,
    status: task.status,
    batch: task.batch,
    params: task.params,
    response: task.response ?? null,
    metadata: task.metadata,
    tags: task.tags,
    params_version: task.paramsVersion,
    created_at: task.createdAt,
    completed_at: task.completedAt,
  };
  if (answers) {
    record.answers = answers.map((answer) => ({
      id: answer.id,
      worker: answer.worker,
      stage: answer.stage,
      round: answer.round,
      submitted_at: answer.submittedAt,
      time_spent_ms: answer.timeSpentMs,
      response: answer.response ?? null,
    }));
  }
  return record;
}

/**
 * A value as one JSON Lines line, without the trailing newline. U+2028 and U+2029 are escaped: JSON allows
 * them raw, but some line readers (Python's `str.splitlines`, older JavaScript) break lines on them.
 */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(/[\u2028\u2029]/g, (char) =>
    char === '\u2028' ? '\\u2028' : '\\u2029',
  );
}

/** {@link taskRecord} as one JSON line (no trailing newline). */
export function taskRecordLine(task: DatasetTask, answers?: readonly DatasetAnswer[]): string {
  return jsonLine(taskRecord(task, answers));
}

/**
 * Parses one JSON line into an object, never throwing: a problem at the root when it is not JSON or not an
 * object. Blank lines are problems too; callers skip them before if they allow them.
 * @internal
 */
export function parseObjectLine(
  line: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; problems: FieldIssue[] } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { ok: false, problems: [fieldIssue([], `not valid JSON: ${(error as Error).message}`)] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: [fieldIssue([], 'expected a JSON object')] };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** An ISO 8601 time (anything `Date.parse` reads), kept as written. */
const timestamp = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO 8601 time');
const nullableString = z.string().nullable();

/**
 * The task fields every LLM-format record carries in its `metadata`, so a row can be traced back to its task
 * and filtered (by batch, tag or params version) without the generic export.
 */
export interface RecordTaskMetadata {
  /** Task id. */
  task_id: string;
  /** The caller's unique id, or null. */
  unique_id: string | null;
  /** Task type. */
  type: string;
  /** Batch name, or null. */
  batch: string | null;
  /** Project params version, or null. */
  params_version: number | null;
  /** Completion time, or null. */
  completed_at: string | null;
  /** Tags. */
  tags: string[];
}

/** @internal The task fields of {@link RecordTaskMetadata}. */
export function recordTaskMetadata(task: DatasetTask): RecordTaskMetadata {
  return {
    task_id: task.id,
    unique_id: task.uniqueId,
    type: task.type,
    batch: task.batch,
    params_version: task.paramsVersion,
    completed_at: task.completedAt,
    tags: task.tags,
  };
}

/** @internal Zod shape of {@link RecordTaskMetadata}. */
export const recordTaskMetadataShape = {
  task_id: z.string().min(1),
  unique_id: nullableString,
  type: z.string().min(1),
  batch: nullableString,
  params_version: z.int().nullable(),
  completed_at: timestamp.nullable(),
  tags: z.array(z.string()),
};

/**
 * @internal Parses a line against `schema`, returning its output or the issues by path (the root `""` for a
 * line that is not a JSON object).
 */
export function parseLineWith<T>(line: string, schema: z.ZodType<T>): RecordLineResult<T> {
  const object = parseObjectLine(line);
  if (!object.ok) return object;
  const parsed = schema.safeParse(object.value, { error: domainErrorMap });
  if (!parsed.success) return { ok: false, problems: zodIssuesToFieldIssues(parsed.error) };
  return { ok: true, record: parsed.data };
}

const jsonObject = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'expected an object',
);

// Params, metadata and responses are checked for shape only and taken from the parsed line as they are, so
// that no key (not even `__proto__`) is lost to copying.
const answerSchema = z.object({
  id: z.string().min(1),
  worker: z.string().min(1),
  stage: z.string().min(1),
  round: z.int(),
  submitted_at: timestamp.nullable(),
  time_spent_ms: z.number().nonnegative().nullable(),
  response: z.unknown().optional(),
});

const taskRecordSchema = z.object({
  task_id: z.string().min(1),
  type: z.string().min(1),
  unique_id: nullableString,
  status: z.string().min(1),
  batch: nullableString,
  params: jsonObject,
  response: z.unknown().optional(),
  metadata: jsonObject,
  tags: z.array(z.string()),
  params_version: z.int().nullable(),
  created_at: timestamp,
  completed_at: timestamp.nullable(),
  answers: z.array(answerSchema).optional(),
});

/**
 * Reads one line of the generic JSON Lines export back into its task and answers, never throwing; problems
 * name the offending field (`params`, `answers.2.worker`). Every field is required (null where the task has
 * no value), except `answers` and `response` (absent reads as null). Unknown fields are ignored, so later
 * versions may add some.
 */
export function parseTaskRecordLine(
  line: string,
): { ok: true; task: DatasetTask; answers?: DatasetAnswer[] } | { ok: false; problems: FieldIssue[] } {
  const object = parseObjectLine(line);
  if (!object.ok) return object;
  const raw = object.value;
  const parsed = taskRecordSchema.safeParse(raw, { error: domainErrorMap });
  if (!parsed.success) return { ok: false, problems: zodIssuesToFieldIssues(parsed.error) };
  const record = parsed.data;
  const task: DatasetTask = {
    id: record.task_id,
    type: record.type,
    uniqueId: record.unique_id,
    status: record.status,
    batch: record.batch,
    params: raw.params as Record<string, unknown>,
    response: raw.response ?? null,
    metadata: raw.metadata as Record<string, unknown>,
    tags: record.tags,
    paramsVersion: record.params_version,
    createdAt: record.created_at,
    completedAt: record.completed_at,
  };
  if (!record.answers) return { ok: true, task };
  const rawAnswers = raw.answers as Record<string, unknown>[];
  const answers = record.answers.map((answer, index) => ({
    id: answer.id,
    worker: answer.worker,
    stage: answer.stage,
    round: answer.round,
    submittedAt: answer.submitted_at,
    timeSpentMs: answer.time_spent_ms,
    response: rawAnswers[index]?.response ?? null,
  }));
  return { ok: true, task, answers };
}
