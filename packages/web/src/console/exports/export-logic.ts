/**
 * The pure logic of the exports page: turning the form into the export request (dates as whole local days,
 * tags as a list), how far an export has come, whether to keep polling, and an export's options in words.
 */
import type { DatasetFormatId } from '@groundwork/domain';

/** The task statuses an export can take. */
export type ExportTaskStatus = 'completed' | 'pending' | 'canceled' | 'error' | 'any';

/** The lifecycle of an export job. */
export type ExportStatus = 'queued' | 'running' | 'completed' | 'failed' | 'canceled';

/** The export form as the person fills it. */
export interface ExportForm {
  /** The format id, `''` before one is chosen. */
  format: DatasetFormatId | '';
  /** A batch name, or `''` for every batch. */
  batch: string;
  /** Which tasks by status. */
  status: ExportTaskStatus;
  /** Tags as typed: separated by commas or semicolons. */
  tags: string;
  /** `YYYY-MM-DD` from a date input, or `''`. */
  createdFrom: string;
  /** `YYYY-MM-DD` from a date input, or `''` (the whole day is included). */
  createdTo: string;
  /** Include every annotator's answer (formats that carry them). */
  includeAnswers: boolean;
}

/** The formats whose records can carry every annotator's answer. */
export const FORMATS_WITH_ANSWERS: ReadonlySet<string> = new Set(['jsonl', 'scale_json']);

/** The body of `POST /api/projects/{name}/exports`. */
export interface ExportRequest {
  format: DatasetFormatId;
  batch?: string;
  status: ExportTaskStatus;
  tags?: string[];
  createdAfter?: string;
  createdBefore?: string;
  options?: { includeAnswers: boolean };
}

/** Tags as typed (`a, b; c`) → unique, trimmed, non-empty, in the order typed. */
export function parseTags(text: string): string[] {
  const tags: string[] = [];
  for (const part of text.split(/[,;\n]/)) {
    const tag = part.trim();
    if (tag !== '' && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/**
 * A `YYYY-MM-DD` day at its start (`end`: its last millisecond) in the browser's time zone, as ISO 8601 UTC;
 * null for anything that is not a real day.
 */
export function dayBoundary(day: string, end: boolean): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const at = end ? new Date(year, month, date, 23, 59, 59, 999) : new Date(year, month, date, 0, 0, 0, 0);
  if (at.getFullYear() !== year || at.getMonth() !== month || at.getDate() !== date) return null;
  return at.toISOString();
}

/** The problems of the form, by field (`createdTo`: "The end is before the start."); empty when it can be sent. */
export function exportFormProblems(form: ExportForm): Partial<Record<keyof ExportForm, string>> {
  const problems: Partial<Record<keyof ExportForm, string>> = {};
  if (form.format === '') problems.format = 'Choose a format.';
  const from = form.createdFrom === '' ? null : dayBoundary(form.createdFrom, false);
  const to = form.createdTo === '' ? null : dayBoundary(form.createdTo, true);
  if (form.createdFrom !== '' && from === null) problems.createdFrom = 'Not a date.';
  if (form.createdTo !== '' && to === null) problems.createdTo = 'Not a date.';
  if (from !== null && to !== null && to < from) problems.createdTo = 'The end is before the start.';
  return problems;
}

/** The request the form makes: empty filters left out, the answers option only for formats that carry it. */
export function exportRequest(form: ExportForm & { format: DatasetFormatId }): ExportRequest {
  const tags = parseTags(form.tags);
  const from = form.createdFrom === '' ? null : dayBoundary(form.createdFrom, false);
  const to = form.createdTo === '' ? null : dayBoundary(form.createdTo, true);
  return {
    format: form.format,
    status: form.status,
    ...(form.batch !== '' ? { batch: form.batch } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(from !== null ? { createdAfter: from } : {}),
    ...(to !== null ? { createdBefore: to } : {}),
    ...(FORMATS_WITH_ANSWERS.has(form.format) ? { options: { includeAnswers: form.includeAnswers } } : {}),
  };
}

/** Whether an export is still being worked on (the page polls while one is). */
export function isActive(status: ExportStatus): boolean {
  return status === 'queued' || status === 'running';
}

/**
 * How far an export has come, 0..1: `done / total` while running, 1 once completed; null while the total is
 * unknown (queued, or counting) — an indeterminate bar.
 */
export function exportProgress(job: {
  status: ExportStatus;
  total: number | null;
  done: number;
}): number | null {
  if (job.status === 'completed') return 1;
  if (job.total === null) return null;
  if (job.total <= 0) return job.status === 'running' ? null : 0;
  return Math.min(1, Math.max(0, job.done / job.total));
}

/** The badge tone of an export's status. */
export function statusTone(status: ExportStatus): 'ok' | 'bad' | 'wait' | 'info' | undefined {
  switch (status) {
    case 'completed':
      return 'ok';
    case 'failed':
      return 'bad';
    case 'running':
      return 'info';
    case 'queued':
      return 'wait';
    default:
      return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `2024-03-05` of an ISO time in the browser's time zone, or the text unchanged when it is not one. */
function day(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/**
 * An export's filters in words: `batch spring · completed tasks · tags a, b · created 2024-01-01 → 2024-01-31 ·
 * with every answer`. Reads the options leniently (the filters may sit at the top or under `filters`); unknown
 * keys are left out.
 */
export function describeOptions(options: unknown): string {
  if (!isRecord(options)) return 'All completed tasks';
  const filters = isRecord(options.filters) ? { ...options, ...options.filters } : options;
  const parts: string[] = [];
  if (typeof filters.batch === 'string' && filters.batch !== '') parts.push(`batch ${filters.batch}`);
  const status = typeof filters.status === 'string' ? filters.status : 'completed';
  parts.push(status === 'any' ? 'tasks of every status' : `${status} tasks`);
  if (Array.isArray(filters.tags) && filters.tags.length > 0) parts.push(`tags ${filters.tags.join(', ')}`);
  const after = typeof filters.createdAfter === 'string' ? day(filters.createdAfter) : null;
  const before = typeof filters.createdBefore === 'string' ? day(filters.createdBefore) : null;
  if (after && before) parts.push(`created ${after} → ${before}`);
  else if (after) parts.push(`created from ${after}`);
  else if (before) parts.push(`created until ${before}`);
  const extra = isRecord(filters.options) ? filters.options : filters;
  if (extra.includeAnswers === true) parts.push('with every answer');
  return parts.join(' · ');
}

/** The moment an export froze its data (`asOf`), from its options; null when it has none. */
export function asOfOf(options: unknown): string | null {
  if (!isRecord(options)) return null;
  return typeof options.asOf === 'string' ? options.asOf : null;
}

/** How long an export took (`under 1 s`, `12 s`, `3 min 5 s`), or null before it finished. */
export function exportDuration(job: { startedAt: string | null; finishedAt: string | null }): string | null {
  if (!job.startedAt || !job.finishedAt) return null;
  const ms = Date.parse(job.finishedAt) - Date.parse(job.startedAt);
  if (!Number.isFinite(ms) || ms < 0) return null;
  if (ms < 1000) return 'under 1 s';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
}
