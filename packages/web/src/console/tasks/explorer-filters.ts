/**
 * The task explorer's filters as the page holds them (what the controls show), as the URL's search keeps
 * them (so a filtered view can be reloaded, shared and come back to), and as the API reads them. Pure: the
 * page converts with these and nothing else.
 */
import type { operations } from '@groundwork/sdk';

/** The API query of `GET /api/projects/{name}/tasks`. */
export type ExplorerApiQuery = NonNullable<operations['exploreProjectTasks']['parameters']['query']>;

/** Task statuses a filter can pick. */
export const STATUSES = ['pending', 'completed', 'canceled', 'error'] as const;
/** Workflow stages a filter can pick. */
export const STAGES = ['label', 'review', 'done'] as const;

/** The filters as the controls show them: text as typed, empty when unset. */
export interface ExplorerFilters {
  status: '' | (typeof STATUSES)[number];
  stage: '' | (typeof STAGES)[number];
  /** A batch name. */
  batch: string;
  /** Tags, comma-separated: tasks with any of them. */
  tags: string;
  /** Agreement at least this percentage (0–100). */
  agreementMin: string;
  /** Agreement below this percentage (0–100). */
  agreementMax: string;
  /** A user id. */
  annotator: string;
  /** Days (`YYYY-MM-DD`, the browser's time zone), both ends included. */
  createdFrom: string;
  createdTo: string;
  completedFrom: string;
  completedTo: string;
  /** A task id or unique_id (exact or prefix). */
  q: string;
  sort: 'newest' | 'oldest';
}

/** No filter at all. */
export const NO_FILTERS: ExplorerFilters = {
  status: '',
  stage: '',
  batch: '',
  tags: '',
  agreementMin: '',
  agreementMax: '',
  annotator: '',
  createdFrom: '',
  createdTo: '',
  completedFrom: '',
  completedTo: '',
  q: '',
  sort: 'newest',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  // The router reads `?q=123` as the number 123.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function percent(value: unknown): string {
  const s = text(value).trim();
  if (s === '') return '';
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 && n <= 100 ? s : '';
}

function day(value: unknown): string {
  const s = text(value);
  return DAY.test(s) && !Number.isNaN(new Date(`${s}T00:00:00`).getTime()) ? s : '';
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | '' {
  return (values as readonly unknown[]).includes(value) ? (value as T) : '';
}

/** The filters a URL search holds; anything unreadable is left unset. */
export function readFilters(search: Record<string, unknown>): ExplorerFilters {
  return {
    status: oneOf(STATUSES, search.status),
    stage: oneOf(STAGES, search.stage),
    batch: text(search.batch),
    tags: text(search.tags),
    agreementMin: percent(search.agreementMin),
    agreementMax: percent(search.agreementMax),
    annotator: text(search.annotator),
    createdFrom: day(search.createdFrom),
    createdTo: day(search.createdTo),
    completedFrom: day(search.completedFrom),
    completedTo: day(search.completedTo),
    q: text(search.q),
    sort: search.sort === 'oldest' ? 'oldest' : 'newest',
  };
}

/** The URL search of the filters: only what differs from no filter. */
export function searchOf(filters: ExplorerFilters): Record<string, string> {
  const search: Record<string, string> = {};
  for (const key of Object.keys(NO_FILTERS) as (keyof ExplorerFilters)[]) {
    const value = filters[key].trim();
    if (value !== NO_FILTERS[key]) search[key] = value;
  }
  return search;
}

/** How many filters are set (the sort is not a filter). */
export function activeFilterCount(filters: ExplorerFilters): number {
  return Object.keys(searchOf({ ...filters, sort: 'newest' })).length;
}

/** The tags of a comma-separated list, trimmed, without empties and repeats. */
export function tagList(tags: string): string[] {
  return [
    ...new Set(
      tags
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
    ),
  ];
}

/** The start of a day in the browser's time zone, as an ISO timestamp. */
export function startOfDay(value: string): string {
  return new Date(`${value}T00:00:00.000`).toISOString();
}

/** The last millisecond of a day in the browser's time zone, as an ISO timestamp. */
export function endOfDay(value: string): string {
  return new Date(`${value}T23:59:59.999`).toISOString();
}

/**
 * A problem with the filters the API would refuse, in words for the filter bar (null when there is none),
 * so a half-typed range does not flash an error from the server.
 */
export function filterProblem(filters: ExplorerFilters): string | null {
  const min = filters.agreementMin === '' ? null : Number(filters.agreementMin);
  const max = filters.agreementMax === '' ? null : Number(filters.agreementMax);
  if (min !== null && max !== null && min >= max) {
    return 'The lowest agreement must be below the highest.';
  }
  if (filters.createdFrom && filters.createdTo && filters.createdFrom > filters.createdTo) {
    return 'The creation range ends before it starts.';
  }
  if (filters.completedFrom && filters.completedTo && filters.completedFrom > filters.completedTo) {
    return 'The completion range ends before it starts.';
  }
  return null;
}

/** The API query of the filters (without the cursor). */
export function apiQuery(filters: ExplorerFilters, limit: number): ExplorerApiQuery {
  const query: ExplorerApiQuery = { sort: filters.sort, limit };
  if (filters.status) query.status = filters.status;
  if (filters.stage) query.stage = filters.stage;
  if (filters.batch) query.batch = filters.batch;
  const tags = tagList(filters.tags);
  if (tags.length > 0) query.tag = tags;
  if (filters.agreementMin !== '') query.agreementAtLeast = Number(filters.agreementMin) / 100;
  if (filters.agreementMax !== '') query.agreementBelow = Number(filters.agreementMax) / 100;
  if (filters.annotator) query.annotator = filters.annotator;
  if (filters.createdFrom) query.createdAfter = startOfDay(filters.createdFrom);
  if (filters.createdTo) query.createdBefore = endOfDay(filters.createdTo);
  if (filters.completedFrom) query.completedAfter = startOfDay(filters.completedFrom);
  if (filters.completedTo) query.completedBefore = endOfDay(filters.completedTo);
  const q = filters.q.trim();
  if (q) query.q = q;
  return query;
}

/** The matching tasks as a heading says it: `12 tasks`, `about 1,000,000 tasks`, `more than 100 tasks`. */
export function describeTotal(total: number | null, exact: boolean, loaded: number): string {
  const noun = (n: number) => (n === 1 ? 'task' : 'tasks');
  if (total === null) return `${loaded.toLocaleString('en')}+ ${noun(2)}`;
  return exact
    ? `${total.toLocaleString('en')} ${noun(total)}`
    : `about ${roughly(total).toLocaleString('en')} ${noun(2)}`;
}

/** An estimate rounded to two significant digits (an estimate's last digits mean nothing). */
export function roughly(n: number): number {
  if (n < 100) return Math.round(n);
  const magnitude = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / magnitude) * magnitude;
}
