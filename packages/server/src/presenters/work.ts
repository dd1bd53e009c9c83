/** The first-party shapes of assignments, leases, reviews and the work overview (camelCase, every key present). */
import { readQuality } from '@groundwork/domain';
import { z } from 'zod';
import type { AssignmentRow, ReviewRow } from '../repositories/assignments.ts';
import { WAITING_CAP } from '../repositories/work-overview.ts';
import { trainingProgressOf } from '../services/gold.ts';
import type { LeaseView, SubmitOutcome, TrainingProgress } from '../services/work.ts';
import type { WorkOverview } from '../services/work-overview.ts';

const timestamp = (what: string) => z.string().meta({ format: 'date-time' }).describe(what);

/** An assignment: one slot of a task's stage, leased to one person. */
export const apiAssignmentSchema = z
  .object({
    id: z.string().describe('Assignment id.'),
    taskId: z.string().describe('The task.'),
    projectId: z.string().describe("The task's project."),
    stage: z.enum(['label', 'review']).describe('Labeling or review.'),
    round: z.int().describe('The labeling round (1, then one more after each rejection).'),
    slot: z.int().describe('Which of the stage’s slots (1..overlap).'),
    status: z
      .enum(['leased', 'submitted', 'skipped', 'released', 'expired', 'revoked'])
      .describe('`leased` until submitted; `skipped`, `released`, `expired` or `revoked` when given up.'),
    userId: z.string().describe('The person it is leased to.'),
    workforceId: z.string().nullable().describe("The person's workforce when leased."),
    leasedAt: timestamp('When the lease started.'),
    leaseExpiresAt: timestamp('When the lease ends unless extended by a heartbeat.'),
    submittedAt: z
      .string()
      .meta({ format: 'date-time' })
      .nullable()
      .describe('When the answer was submitted.'),
    timeSpentMs: z.int().nullable().describe('Time spent on it, in milliseconds.'),
    response: z.unknown().describe('The submitted answer (for reviews: the verdict).'),
    displayOrder: z
      .array(z.int())
      .nullable()
      .describe(
        'For side-by-side items (pairwise preference, ranking): the order to show them in — position i shows item displayOrder[i]. Answers always use the task’s own order.',
      ),
    skipReason: z.string().nullable().describe('Why it was skipped.'),
    feedback: z.string().nullable().describe("A reviewer's comment when this answer was rejected."),
  })
  .describe('An assignment.');

/** A review verdict. */
export const apiReviewSchema = z
  .object({
    id: z.string().describe('Review id.'),
    round: z.int().describe('The labeling round reviewed.'),
    source: z.enum(['reviewer', 'customer']).describe("A workflow reviewer or the customer's audit."),
    verdict: z.enum(['accept', 'fix', 'reject']).describe('The verdict.'),
    comment: z.string().nullable().describe('What the reviewer said.'),
    createdAt: timestamp('When.'),
  })
  .describe('A review verdict.');

/** A person's progress through a project's training gate. */
export const apiTrainingProgressSchema = z
  .object({
    state: z
      .enum(['not_required', 'in_progress', 'passed', 'failed'])
      .describe(
        '`in_progress` until enough training answers pass; `passed` (real work opens); `failed` (too few can pass: paused until a manager reinstates).',
      ),
    answered: z.int().describe('Training answers given.'),
    passedCount: z.int().describe('Training answers that met the project’s pass score.'),
    target: z.int().describe('How many must pass.'),
  })
  .describe('Progress through the training gate.');

/** A lease: the assignment with what the person needs to do it. */
export const apiLeaseSchema = z
  .object({
    assignment: apiAssignmentSchema,
    task: z
      .object({
        id: z.string().describe('Task id.'),
        type: z.string().describe('Task type.'),
        project: z.string().describe('Project name.'),
        batchId: z.string().nullable().describe('Batch id.'),
        instruction: z.string().nullable().describe('Instructions for the annotator.'),
        params: z.record(z.string(), z.unknown()).describe('The task’s params (attachments, labels, …).'),
      })
      .describe('The task to work on.'),
    review: z
      .object({
        answers: z
          .array(
            z.object({
              assignmentId: z.string().describe('The labeling assignment.'),
              userId: z.string().describe('Who answered.'),
              response: z.unknown().describe('Their answer.'),
              timeSpentMs: z.int().nullable().describe('Time they spent.'),
            }),
          )
          .describe('The round’s labeling answers.'),
        result: z.unknown().describe('Their consensus: what is accepted unless fixed or rejected.'),
        agreement: z.number().nullable().describe('Agreement of the answers, 0..1.'),
      })
      .nullable()
      .describe('For review leases: the answers under review.'),
    feedback: z.array(apiReviewSchema).describe('Earlier rejections of this task and their comments.'),
    files: z
      .array(
        z.object({
          reference: z.string().describe('The reference as the params write it (`groundwork://files/<id>`).'),
          url: z
            .string()
            .describe('Where the lease holder reads it (with their session), while the lease lasts.'),
        }),
      )
      .describe('Uploaded files the task shows, readable through the lease.'),
    training: apiTrainingProgressSchema
      .nullable()
      .describe(
        'For a training task (shown before real work on a project that requires it): the person’s progress; null for any other task.',
      ),
    masked: z
      .boolean()
      .describe(
        'Whether personal data (emails, phone numbers, card and ID numbers, IP addresses, listed names) in the task and the answers shown is replaced by placeholders such as [EMAIL_1] for this person (the project masks it for their workforce). Answers may use the placeholders; they are mapped back to the original text.',
      ),
  })
  .describe('A leased assignment and its task.');

/** What submitting an answer led to. */
export const apiOutcomeSchema = z
  .object({
    assignment: apiAssignmentSchema,
    taskOutcome: z
      .enum(['waiting', 'review', 'completed', 'relabel', 'training'])
      .describe(
        '`waiting` for the stage’s other slots, `review` when the task went to review, `completed`, `relabel` after a rejection, or `training` for a training task (see `training`).',
      ),
    training: apiTrainingProgressSchema
      .extend({
        score: z.number().describe('This answer’s score against the expected answer, 0..1.'),
        passed: z.boolean().describe('Whether this answer met the pass score.'),
        expectedResponse: z.unknown().describe('The expected answer, to compare with the one given.'),
      })
      .nullable()
      .describe(
        'For a training task: how the answer scored, the expected answer and the progress; else null.',
      ),
  })
  .describe('The submitted assignment and what happened to its task.');

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The API shape of an assignment. */
export function presentAssignment(a: AssignmentRow): z.infer<typeof apiAssignmentSchema> {
  return {
    id: a.id,
    taskId: a.taskId,
    projectId: a.projectId,
    stage: a.stage,
    round: a.round,
    slot: a.slot,
    status: a.status,
    userId: a.userId,
    workforceId: a.workforceId,
    leasedAt: a.leasedAt.toISOString(),
    leaseExpiresAt: a.leaseExpiresAt.toISOString(),
    submittedAt: iso(a.submittedAt),
    timeSpentMs: a.timeSpentMs,
    response: a.response ?? null,
    displayOrder: a.displayOrder ?? null,
    skipReason: a.skipReason,
    feedback: a.feedback,
  };
}

/** The API shape of a review. */
export function presentReview(r: ReviewRow): z.infer<typeof apiReviewSchema> {
  return {
    id: r.id,
    round: r.round,
    source: r.source,
    verdict: r.verdict,
    comment: r.comment,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The API shape of a lease. */
export function presentLease(
  v: LeaseView,
  fileUrl: (fileId: string) => string,
): z.infer<typeof apiLeaseSchema> {
  return {
    assignment: presentAssignment(v.assignment),
    task: {
      id: v.task.id,
      type: v.task.type,
      project: v.projectName,
      batchId: v.task.batchId,
      instruction: v.task.instruction,
      params: v.task.params,
    },
    review: v.review
      ? {
          answers: v.review.answers.map((a) => ({
            assignmentId: a.id,
            userId: a.userId,
            response: a.response ?? null,
            timeSpentMs: a.timeSpentMs,
          })),
          result: v.review.result ?? null,
          agreement: v.review.agreement,
        }
      : null,
    feedback: v.feedback.map(presentReview),
    files: v.fileIds.map((id) => ({
      reference: `groundwork://files/${id}`,
      url: fileUrl(id),
    })),
    training: v.training ? presentTrainingProgress(v.training) : null,
    masked: v.masked,
  };
}

function presentTrainingProgress(t: TrainingProgress): z.infer<typeof apiTrainingProgressSchema> {
  return { state: t.state, answered: t.answered, passedCount: t.passedCount, target: t.target };
}

/** The API shape of a submission's outcome. */
export function presentOutcome(o: SubmitOutcome): z.infer<typeof apiOutcomeSchema> {
  return {
    assignment: presentAssignment(o.assignment),
    taskOutcome: o.taskOutcome,
    training: o.training
      ? {
          ...presentTrainingProgress(o.training),
          score: o.training.score,
          passed: o.training.passed,
          expectedResponse: o.training.expectedResponse ?? null,
        }
      : null,
  };
}

const cap = WAITING_CAP.toLocaleString('en-US');

/** A person's work overview: the projects they may work and their own figures. */
export const apiWorkOverviewSchema = z
  .object({
    projects: z
      .array(
        z
          .object({
            name: z.string().describe('Project name (what `POST /api/work/next` takes as `project`).'),
            type: z.string().describe('Task type.'),
            instruction: z
              .string()
              .nullable()
              .describe('The project’s instructions for annotators (Markdown), or null.'),
            waiting: z
              .int()
              .describe(
                `Labeling work the caller could lease now: tasks with an open slot routed to their workforce or to nobody in particular, not taken, skipped or answered by them in this round — each task once, however many of its slots are open (a person answers a task once per round). Counting stops at ${cap}: ${cap} means at least that many.`,
              ),
            reviewsWaiting: z
              .int()
              .describe(
                `Reviews the caller could lease now (never of a round they labeled); 0 unless they have the reviewer role. Counting stops at ${cap}.`,
              ),
            inProgress: z
              .int()
              .describe(
                'The caller’s own live labeling leases in the project: tasks they hold and resume where they left off (not counted in `waiting`).',
              ),
            reviewsInProgress: z.int().describe('The caller’s own live review leases in the project.'),
            priority: z.int().describe('Project priority: higher is served first.'),
            paused: z
              .object({
                at: timestamp('Since when.'),
                reason: z.string().describe('Why, as a manager or the quality rules gave it.'),
              })
              .nullable()
              .describe('Set while the caller is paused from the project (no work is leased to them there).'),
            training: apiTrainingProgressSchema
              .nullable()
              .describe(
                'The project’s training gate for the caller: `in_progress` means their next leases there are training tasks; null when the project has none.',
              ),
          })
          .describe('A project.'),
      )
      .describe(
        'The projects the caller may work now (routed to their workforce, required skills held), and any other where they still hold a live lease (nothing waits for them there); highest priority first, then by name.',
      ),
    me: z
      .object({
        submitted: z.int().describe('Labeling answers the caller submitted, all time.'),
        submittedToday: z.int().describe('Labeling answers the caller submitted since midnight UTC.'),
        medianTimeMs: z
          .int()
          .nullable()
          .describe(
            'Median time spent per labeling answer over the caller’s latest 200, in milliseconds (rounded); null before the first.',
          ),
        reviewed: z
          .int()
          .describe(
            'The caller’s labeling answers a reviewer gave a verdict on (customer audits not counted).',
          ),
        accepted: z.int().describe('Of those, answers whose round the reviewer accepted.'),
        fixed: z
          .int()
          .describe('Of those, answers whose round the reviewer fixed (corrected and completed).'),
        rejected: z
          .int()
          .describe('Of those, answers whose round the reviewer rejected (sent back to labeling).'),
        acceptanceRate: z
          .number()
          .nullable()
          .describe('(accepted + fixed) / reviewed, 0..1; null when nothing of theirs was reviewed.'),
        agreement: z
          .number()
          .nullable()
          .describe(
            'Mean agreement (0..1) of the rounds the caller answered whose consensus merged more than one answer; null when none. A rejected round’s agreement no longer counts.',
          ),
        skipped: z.int().describe('Assignments (labeling and review) the caller skipped, all time.'),
        leased: z.int().describe('Leases the caller holds now that have not expired (labeling and review).'),
        feedback: z
          .int()
          .describe(
            'The caller’s answers rejected with a comment for them (read them with `GET /api/work/assignments?feedback=true`).',
          ),
      })
      .describe('The caller’s own figures.'),
  })
  .describe('What the caller’s workbench home shows.');

/** The API shape of a work overview. */
export function presentWorkOverview(v: WorkOverview): z.infer<typeof apiWorkOverviewSchema> {
  return {
    projects: v.projects.map((p) => ({
      name: p.name,
      type: p.type,
      instruction: p.instruction,
      waiting: p.waiting,
      reviewsWaiting: p.reviewsWaiting,
      inProgress: p.inProgress,
      reviewsInProgress: p.reviewsInProgress,
      priority: p.priority,
      paused: p.paused ? { at: p.paused.at.toISOString(), reason: p.paused.reason } : null,
      training: p.training
        ? trainingProgressOf(readQuality({ training_required: p.training.required }), p.training)
        : null,
    })),
    me: {
      submitted: v.me.submitted,
      submittedToday: v.me.submittedToday,
      medianTimeMs: v.me.medianTimeMs,
      reviewed: v.me.reviewed,
      accepted: v.me.accepted,
      fixed: v.me.fixed,
      rejected: v.me.rejected,
      acceptanceRate: v.me.acceptanceRate,
      agreement: v.me.agreement,
      skipped: v.me.skipped,
      leased: v.me.leased,
      feedback: v.me.feedback,
    },
  };
}
