/**
 * The first-party shapes of the task explorer: a list row (what a row of the console's list shows, with a
 * short preview instead of the params), a page with its bounded count, one task's timeline (the task,
 * every assignment with its answer, reviews, the final response, audits, deliveries, the event list), and
 * the options of the filter controls.
 */
import { z } from 'zod';
import type {
  ExplorerTaskRow,
  TimelineAssignmentRow,
  TimelineReviewRow,
} from '../repositories/task-explorer.ts';
import type {
  ExplorerFilterOptions,
  ExplorerPage,
  ExplorerRowView,
  TaskTimeline,
  TimelineEvent,
} from '../services/task-explorer.ts';
import { apiTaskAuditSchema, apiTaskSchema, presentTask } from './api.ts';
import { apiDeliverySchema, presentDelivery } from './deliveries.ts';

const timestamp = (what: string) => z.string().meta({ format: 'date-time' }).describe(what);
const nullableTimestamp = (what: string) =>
  z.string().meta({ format: 'date-time' }).nullable().describe(what);

const taskStatus = z
  .enum(['pending', 'completed', 'canceled', 'error'])
  .describe('Lifecycle status of the task.');
const taskStage = z
  .enum(['label', 'review', 'done'])
  .describe('Where the task is in its workflow: `label`ing, `review`, or `done` (a terminal status).');

/** What the kinds of preview are. */
const PREVIEW_KINDS = ['image', 'video', 'audio', 'pdf', 'website', 'text', 'none'] as const;

/** A short preview of a task's attachment, for a list row. */
export const apiTaskPreviewSchema = z
  .object({
    kind: z
      .enum(PREVIEW_KINDS)
      .describe('What the preview is: a media URL (`image`, `video`…), a `text` excerpt, or `none`.'),
    url: z
      .string()
      .nullable()
      .describe(
        'For media: where the browser loads it (`/api/files/{id}/content` for stored files, else the task’s URL).',
      ),
    text: z.string().nullable().describe('For text: the first characters of the text or prompt.'),
  })
  .describe('A short preview of the task’s attachment.');

/** Someone who answered. */
const apiAnswerAuthorSchema = z
  .object({
    id: z.string().describe('User id.'),
    name: z.string().nullable().describe('Their name (null when no longer a member).'),
  })
  .describe('Someone who submitted a labeling answer.');

/** One row of the task explorer. */
export const apiExplorerTaskSchema = z
  .object({
    id: z.string().describe('Task id.'),
    uniqueId: z.string().nullable().describe('Caller-chosen unique id, if any.'),
    type: z.string().describe('Task type.'),
    status: taskStatus,
    stage: taskStage,
    round: z.int().describe('Labeling round: 1, plus one per rejection.'),
    batch: z.string().nullable().describe('Batch name, if any.'),
    tags: z.array(z.string()).describe('Tags.'),
    agreement: z
      .number()
      .nullable()
      .describe('Agreement of the labeling answers, 0..1 (null until consensus).'),
    answerCount: z.int().describe('Labeling answers submitted in the current round.'),
    annotators: z.array(apiAnswerAuthorSchema).describe('Who answered the current round, in slot order.'),
    customerReviewStatus: z
      .string()
      .nullable()
      .describe('Outcome of the latest customer audit (`accepted`, `rejected`), if any.'),
    paramsVersion: z
      .int()
      .nullable()
      .describe(
        'The project params version the task was created under (null for tasks older than versions).',
      ),
    createdAt: timestamp('When the task was created.'),
    completedAt: nullableTimestamp('When the task was completed.'),
    preview: apiTaskPreviewSchema,
  })
  .describe('A task as a row of the explorer shows it.');

/** A page of the task explorer. */
export const apiTaskExplorerPageSchema = z
  .object({
    items: z.array(apiExplorerTaskSchema).describe('The tasks of this page, in the requested order.'),
    nextCursor: z
      .string()
      .nullable()
      .describe('Pass as `cursor` for the next page; `null` on the last page.'),
    total: z
      .int()
      .nullable()
      .describe('Tasks matching the filters, on the first page (no `cursor`); `null` on later pages.'),
    totalExact: z
      .boolean()
      .describe(
        '`true` when `total` was counted; `false` when it is the database’s estimate (more than 10,000 match, or counting took longer than a tenth of a second) — never less than the tasks known to match.',
      ),
  })
  .describe('A page of a project’s tasks.');

const FILE_REFERENCE = /^groundwork:\/\/files\/([0-9a-f]{24})$/;

/** Where the browser loads an attachment: stored files through the API, other URLs as they are. */
export function browserUrl(reference: string): string {
  const match = FILE_REFERENCE.exec(reference);
  return match ? `/api/files/${match[1]}/content` : reference;
}

/** The preview of a row: media by URL, text by excerpt. */
export function presentPreview(row: Pick<ExplorerTaskRow, 'type' | 'previewContent' | 'previewType'>) {
  const content = row.previewContent;
  if (content === null || content === '') return { kind: 'none' as const, url: null, text: null };
  const declared = row.type === 'imageannotation' ? 'image' : row.previewType;
  const kind = (PREVIEW_KINDS as readonly string[]).includes(declared ?? '')
    ? (declared as (typeof PREVIEW_KINDS)[number])
    : // No declared type: a prompt, an entity text, or a form's text attachment.
      'text';
  if (kind === 'none') return { kind, url: null, text: null };
  return kind === 'text'
    ? { kind, url: null, text: content }
    : { kind, url: browserUrl(content), text: null };
}

/** Presents a list row. */
export function presentExplorerTask(view: ExplorerRowView): z.infer<typeof apiExplorerTaskSchema> {
  const { row } = view;
  return {
    id: row.id,
    uniqueId: row.uniqueId,
    type: row.type,
    status: row.status,
    stage: row.stage,
    round: row.round,
    batch: view.batch,
    tags: row.tags ?? [],
    agreement: row.agreement,
    answerCount: view.answers.length,
    annotators: view.answers.map((a) => ({ id: a.userId, name: a.name })),
    customerReviewStatus: row.customerReviewStatus,
    paramsVersion: row.paramsVersion,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    preview: presentPreview(row),
  };
}

/** Presents a page. */
export function presentExplorerPage(page: ExplorerPage): z.infer<typeof apiTaskExplorerPageSchema> {
  return {
    items: page.items.map(presentExplorerTask),
    nextCursor: page.nextCursor,
    total: page.total,
    totalExact: page.totalExact,
  };
}

/** A task as the timeline shows it: the task shape plus its workflow state. */
export const apiTimelineTaskSchema = apiTaskSchema
  .extend({
    stage: taskStage,
    round: z.int().describe('Labeling round: 1, plus one per rejection.'),
    agreement: z
      .number()
      .nullable()
      .describe('Agreement of the labeling answers, 0..1 (null until consensus).'),
    paramsVersion: z
      .int()
      .nullable()
      .describe(
        'The project params version the task was created under (null for tasks older than versions).',
      ),
  })
  .describe('A task with its workflow state.');

/** A person on the timeline. */
const apiPersonSchema = z
  .object({
    id: z.string().describe('User id.'),
    name: z.string().nullable().describe('Their name (null when no longer a member).'),
    email: z.string().nullable().describe('Their email address (null when no longer a member).'),
  })
  .describe('A person.');

/** One assignment of a task. */
export const apiTimelineAssignmentSchema = z
  .object({
    id: z.string().describe('Assignment id.'),
    stage: z.enum(['label', 'review']).describe('Labeling answer, or review verdict.'),
    round: z.int().describe('Labeling round.'),
    slot: z.int().describe('Slot within the round (1..overlap).'),
    status: z
      .enum(['leased', 'submitted', 'skipped', 'released', 'expired', 'revoked'])
      .describe('`submitted`, or how the lease ended without an answer (or `leased` while held).'),
    annotator: apiPersonSchema,
    workforce: z
      .object({ id: z.string().describe('Workforce id.'), name: z.string().nullable().describe('Its name.') })
      .nullable()
      .describe('The workforce they worked for, if any.'),
    leasedAt: timestamp('When they took the slot.'),
    leaseExpiresAt: timestamp('When the lease ends or ended.'),
    submittedAt: nullableTimestamp('When they submitted.'),
    timeSpentMs: z.int().nullable().describe('Milliseconds they spent, as the workbench measured it.'),
    response: z.unknown().describe('Their answer (null unless submitted, and for review verdicts).'),
    displayOrder: z
      .array(z.int())
      .nullable()
      .describe('For side-by-side items: the order they were shown in (answers use the task’s order).'),
    skipReason: z.string().nullable().describe('Why they skipped it.'),
    feedback: z.string().nullable().describe('The reviewer’s comment when this answer was rejected.'),
  })
  .describe('A slot of the task leased to someone, and what they did with it.');

/** A review or audit verdict. */
export const apiTimelineReviewSchema = z
  .object({
    id: z.string().describe('Review id.'),
    round: z.int().describe('The labeling round it judged.'),
    source: z.enum(['reviewer', 'customer']).describe('A reviewer of the workflow, or the customer’s audit.'),
    verdict: z.enum(['accept', 'fix', 'reject']).describe('The verdict.'),
    reviewer: z
      .object({
        type: z.enum(['user', 'api_key']).describe('A person, or an API key.'),
        id: z.string().nullable().describe('User or API key id.'),
        name: z.string().nullable().describe('The person’s or key’s name.'),
        email: z.string().nullable().describe('The person’s email (null for keys).'),
      })
      .describe('Who gave it.'),
    comment: z.string().nullable().describe('What they said.'),
    response: z.unknown().describe('The corrected answer of a `fix` (null otherwise).'),
    assignmentId: z.string().nullable().describe('The review assignment, for verdicts of the review queue.'),
    createdAt: timestamp('When it was given.'),
  })
  .describe('A verdict on a labeling round.');

/** One event of the timeline. */
export const apiTimelineEventSchema = z
  .object({
    at: timestamp('When it happened.'),
    kind: z
      .enum([
        'task.created',
        'assignment.leased',
        'assignment.submitted',
        'assignment.expired',
        'review.accepted',
        'review.fixed',
        'review.rejected',
        'audit.accepted',
        'audit.rejected',
        'task.completed',
        'delivery.queued',
        'delivery.succeeded',
        'delivery.failed',
      ])
      .describe('What happened.'),
    round: z.int().nullable().describe('The labeling round it belongs to, if any.'),
    actor: z
      .object({
        type: z.enum(['user', 'api_key', 'system']).describe('A person, an API key, or the server.'),
        id: z.string().nullable().describe('User or API key id.'),
        name: z.string().nullable().describe('Their name.'),
      })
      .nullable()
      .describe('Who did it, if anyone.'),
    assignmentId: z.string().nullable().describe('The assignment it is about.'),
    reviewId: z.string().nullable().describe('The review it is about.'),
    deliveryId: z.string().nullable().describe('The delivery it is about.'),
    summary: z.string().describe('One line saying what happened.'),
  })
  .describe('Something that happened to the task.');

/** A task's timeline. */
export const apiTaskTimelineSchema = z
  .object({
    task: apiTimelineTaskSchema,
    assignments: z
      .array(apiTimelineAssignmentSchema)
      .describe('Every assignment (labeling and review, every round), in the order leased.'),
    reviews: z.array(apiTimelineReviewSchema).describe('Review verdicts and customer audits, oldest first.'),
    final: z
      .object({
        response: z.unknown().describe('The final response (null until completed).'),
        consensus: z
          .unknown()
          .describe('The labeling stage’s consensus of the current round (what review judges), or null.'),
        agreement: z.number().nullable().describe('Agreement of the current round’s answers, 0..1.'),
      })
      .describe('The result.'),
    audits: z.array(apiTaskAuditSchema).describe('Customer audits, oldest first.'),
    deliveries: z.array(apiDeliverySchema).describe('Webhook deliveries about the task, oldest first.'),
    events: z
      .array(apiTimelineEventSchema)
      .describe('Everything above as one list, in the order it happened.'),
  })
  .describe('Everything that happened to a task.');

function presentAssignment(r: TimelineAssignmentRow): z.infer<typeof apiTimelineAssignmentSchema> {
  const a = r.assignment;
  return {
    id: a.id,
    stage: a.stage,
    round: a.round,
    slot: a.slot,
    status: a.status,
    annotator: { id: a.userId, name: r.name, email: r.email },
    workforce: a.workforceId ? { id: a.workforceId, name: r.workforceName } : null,
    leasedAt: a.leasedAt.toISOString(),
    leaseExpiresAt: a.leaseExpiresAt.toISOString(),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    timeSpentMs: a.timeSpentMs,
    response: a.response ?? null,
    displayOrder: a.displayOrder ?? null,
    skipReason: a.skipReason,
    feedback: a.feedback,
  };
}

function presentReview(r: TimelineReviewRow): z.infer<typeof apiTimelineReviewSchema> {
  const v = r.review;
  return {
    id: v.id,
    round: v.round,
    source: v.source,
    verdict: v.verdict,
    reviewer: { type: v.actorType, id: v.actorId, name: r.actorName, email: r.actorEmail },
    comment: v.comment,
    response: v.response ?? null,
    assignmentId: v.assignmentId,
    createdAt: v.createdAt.toISOString(),
  };
}

function presentEvent(e: TimelineEvent): z.infer<typeof apiTimelineEventSchema> {
  return {
    at: e.at.toISOString(),
    kind: e.kind,
    round: e.round,
    actor: e.actor,
    assignmentId: e.assignmentId,
    reviewId: e.reviewId,
    deliveryId: e.deliveryId,
    summary: e.summary,
  };
}

/** Presents a task's timeline. */
export function presentTaskTimeline(t: TaskTimeline): z.infer<typeof apiTaskTimelineSchema> {
  const row = t.task.row;
  const task = presentTask(row, t.task);
  return {
    task: {
      ...task,
      stage: row.stage,
      round: row.round,
      agreement: row.agreement,
      paramsVersion: row.paramsVersion,
    },
    assignments: t.assignments.map(presentAssignment),
    reviews: t.reviews.map(presentReview),
    final: { response: row.response ?? null, consensus: row.stageResponse ?? null, agreement: row.agreement },
    audits: task.audits,
    deliveries: t.deliveries.map(presentDelivery),
    events: t.events.map(presentEvent),
  };
}

/** The options of the explorer's filter controls. */
export const apiTaskFilterOptionsSchema = z
  .object({
    batches: z
      .array(
        z
          .object({
            name: z.string().describe('Batch name (the `batch` filter).'),
            status: z.enum(['staging', 'in_progress', 'completed']).describe('Batch status.'),
            createdAt: timestamp('When the batch was created.'),
          })
          .describe('A batch.'),
      )
      .describe('The project’s batches, newest first.'),
    people: z
      .array(
        z
          .object({
            id: z.string().describe('User id (the `annotator` filter).'),
            name: z.string().describe('Their name.'),
            email: z.string().describe('Their email address.'),
            role: z.string().describe('Their role.'),
            disabled: z
              .boolean()
              .describe('Whether their membership is disabled (past answers stay theirs).'),
          })
          .describe('A member who can answer tasks.'),
      )
      .describe('Members whose role can answer tasks (everyone but viewers), by name.'),
  })
  .describe('What the task explorer’s filters can be set to.');

/** Presents the filter options. */
export function presentFilterOptions(o: ExplorerFilterOptions): z.infer<typeof apiTaskFilterOptionsSchema> {
  return {
    batches: o.batches.map((b) => ({
      name: b.name,
      status: b.status,
      createdAt: b.createdAt.toISOString(),
    })),
    people: o.people.map((m) => ({
      id: m.userId,
      name: m.name,
      email: m.email,
      role: m.role,
      disabled: m.disabled,
    })),
  };
}
