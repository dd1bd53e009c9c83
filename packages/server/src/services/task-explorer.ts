/**
 * The task explorer: a project's tasks filtered and paged by an opaque keyset cursor (so the millionth
 * task costs what the first does), with a count that stays bounded on any table size; one task's whole
 * story (every assignment and answer, reviews, the final response, customer audits, webhook deliveries)
 * as structured parts and one chronological event list; and the customer audit from the console, which
 * is the same audit as Scale's `/v1/task/{id}/audit`. Hidden gold lives in other tables and never shows.
 */
import type { Database, Db } from '../db/database.ts';
import { invalid, notFound } from '../errors.ts';
import { isId } from '../lib/ids.ts';
import { batchNames } from '../repositories/batches.ts';
import type { DeliveryRow } from '../repositories/deliveries.ts';
import { findProjectByName, type ProjectRow, projectNames } from '../repositories/projects.ts';
import {
  type AnswerAuthor,
  answeringMembers,
  type BatchOption,
  batchOfProject,
  countExplorerTasks,
  currentAnswerAuthors,
  type ExplorerFilter,
  type ExplorerPosition,
  type ExplorerSort,
  type ExplorerTaskRow,
  listExplorerTasks,
  type PersonOption,
  projectBatchOptions,
  type TaskStage,
  type TimelineAssignmentRow,
  type TimelineReviewRow,
  timelineAssignments,
  timelineDeliveries,
  timelineReviews,
} from '../repositories/task-explorer.ts';
import { findTask, type TaskRow, type TaskStatus } from '../repositories/tasks.ts';
import { taskListStatements, taskViewStatements } from './audit-views.ts';
import type { Principal } from './principal.ts';
import type { TaskService, TaskView } from './tasks.ts';

/** Counting stops here; beyond it the total is the planner's estimate, flagged as such. */
export const EXPLORER_COUNT_CAP = 10_000;
/** Counting gives up after this long (PostgreSQL); the total is then the planner's estimate, flagged. */
export const EXPLORER_COUNT_BUDGET_MS = 100;

/** The explorer's list query, already parsed. */
export interface ExplorerListQuery {
  status?: TaskStatus;
  stage?: TaskStage;
  /** A batch name of the project. */
  batch?: string;
  /** Tasks with any of these tags. */
  tags?: string[];
  agreementBelow?: number;
  agreementAtLeast?: number;
  /** A user id: tasks they submitted a labeling answer to. */
  annotator?: string;
  createdAfter?: Date;
  createdBefore?: Date;
  completedAfter?: Date;
  completedBefore?: Date;
  /** A task id or unique_id, exact or prefix. */
  q?: string;
  sort: ExplorerSort;
  limit: number;
  cursor?: string;
}

/** A row of the list with its batch's name and who answered its current round. */
export interface ExplorerRowView {
  row: ExplorerTaskRow;
  batch: string | null;
  answers: AnswerAuthor[];
}

/** One page of the explorer. */
export interface ExplorerPage {
  project: ProjectRow;
  items: ExplorerRowView[];
  nextCursor: string | null;
  /** Tasks matching the filters (first page only; null on later pages). */
  total: number | null;
  /**
   * Whether `total` is exact (false: the planner's estimate, when more than {@link EXPLORER_COUNT_CAP}
   * match or counting took longer than {@link EXPLORER_COUNT_BUDGET_MS}).
   */
  totalExact: boolean;
}

/** What can happen to a task, as the timeline lists it. */
export type TimelineEventKind =
  | 'task.created'
  | 'assignment.leased'
  | 'assignment.submitted'
  | 'assignment.expired'
  | 'review.accepted'
  | 'review.fixed'
  | 'review.rejected'
  | 'audit.accepted'
  | 'audit.rejected'
  | 'task.completed'
  | 'delivery.queued'
  | 'delivery.succeeded'
  | 'delivery.failed';

/** Who did something on the timeline. */
export interface TimelineActor {
  type: 'user' | 'api_key' | 'system';
  id: string | null;
  name: string | null;
}

/** One event of a task's timeline. */
export interface TimelineEvent {
  at: Date;
  kind: TimelineEventKind;
  /** The labeling round it belongs to, when it belongs to one. */
  round: number | null;
  actor: TimelineActor | null;
  assignmentId: string | null;
  reviewId: string | null;
  deliveryId: string | null;
  /** One line saying what happened, for people. */
  summary: string;
}

/** Everything about one task. */
export interface TaskTimeline {
  task: TaskView;
  assignments: TimelineAssignmentRow[];
  reviews: TimelineReviewRow[];
  deliveries: DeliveryRow[];
  events: TimelineEvent[];
}

/** What the explorer's filter controls offer. */
export interface ExplorerFilterOptions {
  project: ProjectRow;
  batches: BatchOption[];
  people: PersonOption[];
}

/** The explorer's reads and the console's audit. */
export class TaskExplorerService {
  readonly #db: Database;
  readonly #tasks: Pick<TaskService, 'audit'>;

  constructor(deps: { db: Database; tasks: Pick<TaskService, 'audit'> }) {
    this.#db = deps.db;
    this.#tasks = deps.tasks;
  }

  /** A page of a project's tasks; the first page (no cursor) also counts them. A person's read is audited. */
  async list(p: Principal, projectName: string, q: ExplorerListQuery): Promise<ExplorerPage> {
    if (q.annotator !== undefined && !isId(q.annotator)) {
      throw invalid('annotator: must be a user id (24 hexadecimal characters)', [
        { path: 'annotator', message: 'must be a user id' },
      ]);
    }
    if (
      q.agreementAtLeast !== undefined &&
      q.agreementBelow !== undefined &&
      q.agreementAtLeast >= q.agreementBelow
    ) {
      throw invalid('agreementAtLeast: must be less than agreementBelow', [
        { path: 'agreementAtLeast', message: 'must be less than agreementBelow' },
      ]);
    }
    const after = q.cursor === undefined ? undefined : decodeExplorerCursor(q.cursor, q.sort);
    return this.#db.withOrgStarting(p.orgId, [], async (tx, _first, finish) => {
      const project = await requireProject(tx, p, projectName);
      const filter: ExplorerFilter = {
        orgId: p.orgId,
        isTest: p.isTest,
        projectId: project.id,
        ...definedOnly({
          status: q.status,
          stage: q.stage,
          tags: q.tags?.length ? q.tags : undefined,
          agreementBelow: q.agreementBelow,
          agreementAtLeast: q.agreementAtLeast,
          annotatorId: q.annotator,
          createdAfter: q.createdAfter,
          createdBefore: q.createdBefore,
          completedAfter: q.completedAfter,
          completedBefore: q.completedBefore,
          search: q.q?.trim() || undefined,
        }),
      };
      if (q.batch !== undefined) {
        const batchId = await batchOfProject(tx, p.isTest, project.id, q.batch);
        if (!batchId) {
          throw invalid(
            `batch: project ${JSON.stringify(project.name)} has no batch named ${JSON.stringify(q.batch)}`,
            [{ path: 'batch', message: 'not found in this project' }],
          );
        }
        filter.batchId = batchId;
      }
      const page = await listExplorerTasks(tx, filter, {
        sort: q.sort,
        limit: q.limit,
        ...(after ? { after } : {}),
      });
      // The first page counts: a first page that is also the last one is its own count.
      const total = after
        ? null
        : page.hasMore
          ? await countExplorerTasks(tx, filter, {
              cap: EXPLORER_COUNT_CAP,
              budgetMs: EXPLORER_COUNT_BUDGET_MS,
              atLeast: page.rows.length + 1,
            })
          : { count: page.rows.length, exact: true };
      const ids = page.rows.map((r) => r.id);
      // One transaction is one connection: its queries run one after another.
      const answers = await currentAnswerAuthors(tx, ids);
      const batches = await batchNames(tx, [
        ...new Set(page.rows.flatMap((r) => (r.batchId ? [r.batchId] : []))),
      ]);
      const last = page.rows.at(-1);
      finish(
        taskListStatements(
          p,
          { type: 'project', id: project.id },
          'explorer',
          { project: project.name, ...q, cursor: undefined },
          page.rows.length,
        ),
      );
      return {
        project,
        items: page.rows.map((row) => ({
          row,
          batch: row.batchId ? (batches.get(row.batchId) ?? null) : null,
          answers: answers.get(row.id) ?? [],
        })),
        nextCursor: page.hasMore && last ? encodeExplorerCursor(q.sort, last) : null,
        total: total?.count ?? null,
        totalExact: total?.exact ?? false,
      };
    });
  }

  /**
   * One task with everything that happened to it; 404 for another organization's or environment's task.
   * A person's read is audited (`task.view`).
   */
  async timeline(p: Principal, id: string): Promise<TaskTimeline> {
    return this.#db.withOrgStarting(p.orgId, [], async (tx, _first, finish) => {
      const timeline = await readTimeline(tx, p, id);
      finish(taskViewStatements(p, { type: 'task', id: timeline.task.row.id }, 'timeline'));
      return timeline;
    });
  }

  /**
   * The customer's verdict on a completed task (`TaskService.audit`: recorded as Scale records it; a
   * rejection sends the task back to labeling for a new round), then the task's timeline.
   */
  async audit(
    p: Principal,
    id: string,
    input: { accepted: boolean; comments: string | null },
  ): Promise<TaskTimeline> {
    await this.#tasks.audit(p, id, input);
    return this.timeline(p, id);
  }

  /** The project's batches and the people who can answer, for the filter controls. */
  async filterOptions(p: Principal, projectName: string): Promise<ExplorerFilterOptions> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const project = await requireProject(tx, p, projectName);
      const batches = await projectBatchOptions(tx, project.id);
      const people = await answeringMembers(tx);
      return { project, batches, people };
    });
  }
}

async function readTimeline(tx: Db, p: Principal, id: string): Promise<TaskTimeline> {
  const row = isId(id) ? await findTask(tx, p.isTest, id) : undefined;
  if (!row) throw notFound('task', id);
  const projects = await projectNames(tx, [row.projectId]);
  const batches = await batchNames(tx, row.batchId ? [row.batchId] : []);
  const assignments = await timelineAssignments(tx, row.id);
  const reviews = await timelineReviews(tx, row.id);
  const deliveries = await timelineDeliveries(tx, p.isTest, row.id);
  return {
    task: {
      row,
      project: projects.get(row.projectId),
      batch: row.batchId ? batches.get(row.batchId) : undefined,
    },
    assignments,
    reviews,
    deliveries,
    events: timelineEvents({ task: row, assignments, reviews, deliveries }),
  };
}

async function requireProject(tx: Db, p: Principal, name: string): Promise<ProjectRow> {
  const project = await findProjectByName(tx, p.isTest, name);
  if (!project) throw notFound('project', name);
  return project;
}

/** The object without its undefined values (optional properties stay absent, not undefined). */
function definedOnly<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const CURSOR_VERSION = 1;

/**
 * The opaque cursor of the page after `position` in the order `sort`: versioned, base64url JSON that
 * names its order, so a cursor is never read in the other order.
 */
export function encodeExplorerCursor(sort: ExplorerSort, position: ExplorerPosition): string {
  return Buffer.from(
    JSON.stringify([CURSOR_VERSION, sort, position.createdAt.toISOString(), position.id]),
  ).toString('base64url');
}

/** Reads a cursor of {@link encodeExplorerCursor} for the order `sort`; a 400 naming `cursor` otherwise. */
export function decodeExplorerCursor(token: string, sort: ExplorerSort): ExplorerPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (Array.isArray(parsed) && parsed.length === 4) {
    const [version, order, createdAt, id] = parsed as unknown[];
    const date = new Date(String(createdAt));
    if (
      version === CURSOR_VERSION &&
      (order === 'newest' || order === 'oldest') &&
      typeof createdAt === 'string' &&
      typeof id === 'string' &&
      isId(id) &&
      !Number.isNaN(date.getTime())
    ) {
      if (order !== sort) {
        throw invalid(`cursor: belongs to the ${order}-first order, not ${sort}-first`, [
          { path: 'cursor', message: `belongs to sort=${order}` },
        ]);
      }
      return { createdAt: date, id };
    }
  }
  throw invalid('cursor: not a cursor returned by this API', [{ path: 'cursor', message: 'invalid' }]);
}

/** What the events of one timeline are made from. */
export interface TimelineParts {
  task: TaskRow;
  assignments: TimelineAssignmentRow[];
  reviews: TimelineReviewRow[];
  deliveries: DeliveryRow[];
}

/** Events that share an instant keep the order things happen in. */
const KIND_ORDER: Record<TimelineEventKind, number> = {
  'task.created': 0,
  'assignment.leased': 1,
  'assignment.expired': 2,
  'assignment.submitted': 3,
  'review.accepted': 4,
  'review.fixed': 4,
  'review.rejected': 4,
  'task.completed': 5,
  'audit.accepted': 6,
  'audit.rejected': 6,
  'delivery.queued': 7,
  'delivery.succeeded': 8,
  'delivery.failed': 8,
};

const STAGE_WORD = { label: 'labeling', review: 'review' } as const;

/**
 * A task's events in the order they happened (ties: creation, leases, answers, verdicts, completion,
 * audits, deliveries; then by id). A lease that ended without an answer (skipped, released, revoked) has
 * no time of its own: its leased event says how it ended; an expired one has its expiry as an event.
 */
export function timelineEvents(parts: TimelineParts): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const base = { round: null, actor: null, assignmentId: null, reviewId: null, deliveryId: null };
  const { task } = parts;
  // A review's verdict is its own event; the review assignment's submission would only repeat it.
  const verdictOf = new Set(
    parts.reviews.flatMap((r) => (r.review.assignmentId ? [r.review.assignmentId] : [])),
  );
  events.push({ ...base, at: task.createdAt, kind: 'task.created', summary: 'Task created' });
  for (const { assignment: a, name, email } of parts.assignments) {
    const who = name ?? email ?? 'A former member';
    const actor: TimelineActor = { type: 'user', id: a.userId, name: name ?? email };
    const where = `${STAGE_WORD[a.stage]} slot ${a.slot}, round ${a.round}`;
    const ending =
      a.status === 'skipped'
        ? ` — skipped${a.skipReason ? `: ${a.skipReason}` : ''}`
        : a.status === 'released'
          ? ' — released it'
          : a.status === 'revoked'
            ? ' — lease revoked (the task moved on)'
            : a.status === 'leased'
              ? ' — working on it'
              : '';
    const common = { ...base, round: a.round, actor, assignmentId: a.id };
    events.push({
      ...common,
      at: a.leasedAt,
      kind: 'assignment.leased',
      summary: `${who} took ${where}${ending}`,
    });
    if (a.status === 'submitted' && a.submittedAt && !verdictOf.has(a.id)) {
      events.push({
        ...common,
        at: a.submittedAt,
        kind: 'assignment.submitted',
        summary:
          a.stage === 'label'
            ? `${who} answered (round ${a.round})`
            : `${who} gave a verdict (round ${a.round})`,
      });
    }
    if (a.status === 'expired') {
      events.push({
        ...common,
        at: a.leaseExpiresAt,
        kind: 'assignment.expired',
        summary: `${who}'s lease expired; the slot went back to the queue`,
      });
    }
  }
  for (const { review: r, actorName } of parts.reviews) {
    const actor: TimelineActor = { type: r.actorType, id: r.actorId, name: actorName };
    const who = actorName ?? (r.actorType === 'api_key' ? 'An API key' : 'A former member');
    const comment = r.comment ? `: “${r.comment}”` : '';
    const common = { ...base, round: r.round, actor, reviewId: r.id, assignmentId: r.assignmentId };
    if (r.source === 'customer') {
      const accepted = r.verdict !== 'reject';
      events.push({
        ...common,
        at: r.createdAt,
        kind: accepted ? 'audit.accepted' : 'audit.rejected',
        summary: accepted
          ? `${who} accepted the result in an audit${comment}`
          : `${who} rejected the result in an audit${comment}; the task went back to labeling`,
      });
    } else {
      const kind =
        r.verdict === 'accept' ? 'review.accepted' : r.verdict === 'fix' ? 'review.fixed' : 'review.rejected';
      const what =
        r.verdict === 'accept'
          ? 'accepted the merged answer'
          : r.verdict === 'fix'
            ? 'fixed the merged answer'
            : 'rejected the answers and sent the task back to labeling';
      events.push({
        ...common,
        at: r.createdAt,
        kind,
        summary: `${who} ${what} (round ${r.round})${comment}`,
      });
    }
  }
  if (task.completedAt) {
    events.push({
      ...base,
      round: task.round,
      at: task.completedAt,
      kind: 'task.completed',
      summary:
        task.agreement === null
          ? 'Task completed'
          : `Task completed with agreement ${Math.round(task.agreement * 100)}%`,
    });
  }
  for (const d of parts.deliveries) {
    const common = { ...base, deliveryId: d.id, actor: { type: 'system', id: null, name: null } as const };
    events.push({
      ...common,
      at: d.createdAt,
      kind: 'delivery.queued',
      summary: `Webhook ${d.event} queued`,
    });
    if (d.status === 'succeeded' && d.deliveredAt) {
      events.push({
        ...common,
        at: d.deliveredAt,
        kind: 'delivery.succeeded',
        summary: `Webhook ${d.event} delivered${d.lastStatusCode ? ` (HTTP ${d.lastStatusCode})` : ''} after ${plural(d.attempts, 'attempt')}`,
      });
    } else if (d.status === 'failed') {
      events.push({
        ...common,
        at: d.lastAttemptAt ?? d.createdAt,
        kind: 'delivery.failed',
        summary: `Webhook ${d.event} failed after ${plural(d.attempts, 'attempt')}${d.lastError ? `: ${d.lastError}` : ''}`,
      });
    }
  }
  return events.sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      idOf(a).localeCompare(idOf(b)),
  );
}

function idOf(e: TimelineEvent): string {
  return e.assignmentId ?? e.reviewId ?? e.deliveryId ?? '';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
