/**
 * Human work: leasing the next assignment, keeping and giving back leases, submitting answers (with
 * consensus when a stage's slots are all in), and reviewing. Every operation is one transaction scoped
 * to the caller's organization; a person only ever touches their own assignments.
 */
import {
  needsReview,
  readQuality,
  readWorkflow,
  type TaskType,
  type TaskTypeRegistry,
  type TrainingState,
} from '@groundwork/domain';
import { completeTask, completeTaskStatement } from '../commands/complete-task.ts';
import { leaseViewAppendStatements } from '../commands/record-audit.ts';
import { reopenTask } from '../commands/reopen-task.ts';
import { type Database, type Db, type RawStatement, rawQuery } from '../db/database.ts';
import { ApiError, invalid } from '../errors.ts';
import { isId, newId } from '../lib/ids.ts';
import {
  type AssignmentRow,
  claimNext,
  claimStatement,
  enqueueReview,
  findAssignment,
  insertReview,
  leasedFromRaw,
  listUserAssignments,
  lockedLeaseFromRaw,
  lockLeaseStatement,
  quickSubmitFromRaw,
  quickSubmitStatement,
  type ReviewRow,
  type RoundState,
  reapExpiredLeases,
  requeueSlot,
  reviewsOfTask,
  roundStateFromRaw,
  roundStateStatement,
  submitStatement,
  submittedAnswers,
  updateAssignment,
  type WorkStage,
} from '../repositories/assignments.ts';
import { findStanding } from '../repositories/gold.ts';
import { findProjectById, findProjectByName } from '../repositories/projects.ts';
import { findTask, type TaskRow, updateTask } from '../repositories/tasks.ts';
import { findWorkforces } from '../repositories/workforces.ts';
import { taskViewStatements } from './audit-views.ts';
import { GoldWork, type TrainingFeedback } from './gold-work.ts';
import {
  checkedAnswer,
  fileIdsOf,
  leaseExpired,
  leaseNotHeld,
  notFoundAssignment,
  requireUser,
  shuffledOrder,
  timeSpent,
  typeOf,
} from './lease-rules.ts';
import { actorOf, isPerson, type Principal } from './principal.ts';
import { QualityPlans } from './quality-plans.ts';
import {
  type MaskedTask,
  maskShownAnswer,
  masksFor,
  maskTask,
  policyMasksAnyone,
  requireSameMask,
  unmaskAnswer,
} from './redaction.ts';

/** Lease length when a project's workflow does not set one. */
const DEFAULT_LEASE_SECONDS = 1800;

/** A leased assignment as the worker sees it. */
export interface LeaseView {
  assignment: AssignmentRow;
  task: Pick<TaskRow, 'id' | 'type' | 'params' | 'instruction' | 'projectId' | 'batchId'>;
  projectName: string;
  /** For review leases: the labeling answers of the round and their consensus. */
  review: {
    answers: AssignmentRow[];
    result: unknown;
    agreement: number | null;
  } | null;
  /** Comments of earlier rejections of this task, oldest first. */
  feedback: ReviewRow[];
  /** Ids of the uploaded files (`groundwork://files/<id>`) the task shows, readable through the lease. */
  fileIds: string[];
  /** For training tasks (gold that gates new annotators): the person's progress; null otherwise. */
  training: TrainingProgress | null;
  /** Whether personal data in the task (and the answers shown) is masked by placeholders for this person. */
  masked: boolean;
}

/** A person's progress through a project's training gate. */
export interface TrainingProgress {
  /** `in_progress`, `passed`, `failed` (paused; a manager can reinstate) or `not_required`. */
  state: TrainingState;
  /** Training answers given. */
  answered: number;
  /** Training answers that met the pass score. */
  passedCount: number;
  /** How many must pass. */
  target: number;
}

/** What a submission led to. */
export interface SubmitOutcome {
  assignment: AssignmentRow;
  /**
   * `waiting` for other slots, `review` when the task went to review, `completed`, `relabel` after a
   * rejection, or `training` for a training task (see `training`).
   */
  taskOutcome: 'waiting' | 'review' | 'completed' | 'relabel' | 'training';
  /** For a training task: the score, the expected answer and the person's progress. */
  training?: TrainingFeedback;
}

/** A labeling lease this process handed out, remembered until it is submitted. */
interface LeasedTask {
  orgId: string;
  userId: string;
  type: string;
  params: Record<string, unknown>;
  leasedAt: Date;
}

/** A lease held for the length of one transaction: locked, checked, with its round's state. */
interface HeldLease {
  tx: Db;
  assignment: AssignmentRow;
  task: TaskRow;
  storedWorkflow: unknown;
  /** The project's stored quality policy. */
  storedQuality: unknown;
  /** The project's stored redaction policy. */
  storedRedaction: unknown;
  round: RoundState;
  /** The time of the operation (the lease was checked against it). */
  now: Date;
  /** Statements to send with the COMMIT. */
  finish: (last: RawStatement[]) => void;
}

/** A reviewer's verdict. */
export interface ReviewInput {
  verdict: 'accept' | 'fix' | 'reject';
  /** The corrected answer of a `fix`. */
  response?: unknown;
  /** Required for `reject`: what the annotators should change. */
  comment?: string | null;
  timeSpentMs?: number;
}

/** The work engine's operations for people. */
export class WorkService {
  readonly #db: Database;
  readonly #types: TaskTypeRegistry;
  readonly #now: () => Date;
  readonly #projectNames = new Map<string, string>();
  readonly #projectIds = new Map<string, { id: string; expires: number }>();
  /**
   * What this process leased recently (labeling), so a submit can be checked before the database. An
   * entry is only a premise: the quick submit's statement re-checks the lease, so a stale entry costs a
   * fallback to the full path, never a wrong write.
   */
  readonly #leased = new Map<string, LeasedTask>();
  readonly #gold: GoldWork;
  readonly #plans: QualityPlans;

  constructor(deps: {
    db: Database;
    types: TaskTypeRegistry;
    now?: () => Date;
    /** Which projects have gold (shared with whoever changes gold, to invalidate it). */
    plans?: QualityPlans;
    /** Tosses the coin of gold mixing (tests fix it). */
    random?: () => number;
  }) {
    this.#db = deps.db;
    this.#types = deps.types;
    this.#now = deps.now ?? (() => new Date());
    this.#plans = deps.plans ?? new QualityPlans({ db: deps.db });
    this.#gold = new GoldWork({
      db: deps.db,
      types: deps.types,
      plans: this.#plans,
      now: this.#now,
      ...(deps.random ? { random: deps.random } : {}),
    });
  }

  /**
   * Leases the best open assignment the caller may take in `stage` (optionally in one project), or
   * returns null when there is none. Expired leases of the organization go back to the queue first
   * when nothing else is open.
   */
  async next(p: Principal, input: { stage: WorkStage; project?: string }): Promise<LeaseView | null> {
    const userId = requireUser(p);
    const projectId = input.project === undefined ? null : await this.#projectId(p, input.project);
    const plan = await this.#plans.get(p.orgId);
    const claim = () => ({
      id: newId(),
      userId,
      workforceId: p.workforceId,
      stage: input.stage,
      projectId,
      defaultLeaseSeconds: DEFAULT_LEASE_SECONDS,
      gated: plan.gated,
    });
    if (input.stage === 'label') {
      const gold = await this.#gold.claim(
        p,
        { userId, workforceId: p.workforceId, projectId, defaultLeaseSeconds: DEFAULT_LEASE_SECONDS },
        newId,
        plan,
      );
      if (gold) return this.#auditGoldView(p, gold, 'lease');
    }
    // The common case is one round trip: the claim, then the audit event of the person receiving the
    // task's data (`task.view`, its task read from the assignment the claim made; nothing when it made
    // none), then the COMMIT. A lease is not worth an fsync: if the database server crashes right after
    // granting it, the slot is simply open again (and the holder's submit answers 404), its view event
    // gone with it; not waiting for the flush also keeps the organization's audit lock short.
    const first = claim();
    // The claim's row carries the task's content, opened with the organization's keys.
    let leased = await this.#db.withOrgKeys(p.orgId, async () => {
      const [rows = []] = await this.#db.runScopedAll(
        p.orgId,
        [claimStatement(first), ...leaseViewStatements(p, first.id, input.stage)],
        { durable: false },
      );
      const row = rows[0] as Record<string, unknown> | undefined;
      return row ? leasedFromRaw(row) : undefined;
    });
    if (!leased) {
      // Nothing open: return the organization's expired leases to the queue and look again.
      leased = await this.#db.withOrgStarting(p.orgId, [], async (tx, _first, finish) => {
        const found =
          (await reapExpiredLeases(tx, this.#now())) > 0 ? await claimNext(tx, claim()) : undefined;
        if (found) finish(reapedLeaseViewStatements(p, found.assignment));
        return found;
      });
    }
    if (!leased) {
      if (projectId) await this.#requireNotPaused(p, projectId, userId);
      return null;
    }
    const { assignment, task, masking } = leased;
    // Whether this person sees the task masked is decided here, once; the fingerprint of what they are
    // shown is stored with the lease below (a masked lease takes the second transaction, like a review).
    const masks =
      policyMasksAnyone(masking.policy) &&
      masksFor(
        masking.policy,
        assignment.workforceId
          ? { id: assignment.workforceId, kind: masking.workforceKind ?? 'internal' }
          : null,
      );
    if (assignment.stage === 'label' && !masks) this.#remember(p, assignment, task);
    const items = this.#type(task.type).displayItems?.(task.params as never);
    const projectName = this.#projectNames.get(task.projectId);
    if (!masks && !(items && items > 1) && assignment.stage === 'label' && task.round === 1 && projectName) {
      return {
        assignment,
        task,
        projectName,
        review: null,
        feedback: [],
        fileIds: fileIdsOf(this.#type(task.type), task.params),
        training: null,
        masked: false,
      };
    }
    return this.#db.withOrg(p.orgId, async (tx) => {
      const withOrder =
        items && items > 1
          ? await updateAssignment(tx, assignment.id, { displayOrder: shuffledOrder(items) })
          : assignment;
      return this.#leaseView(tx, withOrder, task, masks ? masking.policy : null);
    });
  }

  /** One of the caller's assignments with its task, as `next` returned it; audited as `task.view`. */
  async get(p: Principal, id: string): Promise<LeaseView> {
    const userId = requireUser(p);
    const view = await this.#db.withOrgStarting(p.orgId, [], async (tx, _first, finish) => {
      const a = isId(id) ? await findAssignment(tx, id) : undefined;
      if (!a || a.userId !== userId) return undefined;
      const task = await findTask(tx, false, a.taskId);
      if (!task) return undefined;
      finish(taskViewStatements(p, { type: 'task', id: task.id }, 'assignment', { assignment: a.id }));
      return this.#leaseView(tx, a, task, await this.#maskPolicyOf(tx, a, task.projectId));
    });
    if (view) return view;
    const gold = isId(id) ? await this.#gold.get(p, userId, id) : undefined;
    return this.#auditGoldView(p, this.#orGold(id, gold), 'assignment');
  }

  /** Appends the `task.view` of a gold lease (its own transaction: gold leases are granted apart). */
  async #auditGoldView(p: Principal, view: LeaseView, via: 'lease' | 'assignment'): Promise<LeaseView> {
    const statements = taskViewStatements(p, { type: 'gold_task', id: view.task.id }, via, {
      assignment: view.assignment.id,
    });
    if (statements.length > 0) await this.#db.runScopedAll(p.orgId, statements);
    return view;
  }

  /** Extends the caller's lease by the project's lease length. */
  async heartbeat(p: Principal, id: string): Promise<AssignmentRow> {
    return this.#withLeaseOrGold(
      p,
      id,
      async ({ tx, assignment: a, storedWorkflow, now }) => {
        const seconds = readWorkflow(storedWorkflow).lease_seconds;
        return updateAssignment(tx, a.id, { leaseExpiresAt: new Date(now.getTime() + seconds * 1000) });
      },
      (userId) => this.#gold.heartbeat(p, userId, id),
    );
  }

  /** Gives the slot back for someone else and records why; the caller will not be offered this task again. */
  async skip(p: Principal, id: string, reason: string): Promise<AssignmentRow> {
    return this.#withLeaseOrGold(
      p,
      id,
      async ({ tx, assignment: a }) => {
        const row = await updateAssignment(tx, a.id, { status: 'skipped', skipReason: reason });
        await requeueSlot(tx, row);
        return row;
      },
      (userId) => this.#gold.giveBack(p, userId, id, { status: 'skipped', reason }),
    );
  }

  /** Gives the slot back without prejudice (the caller may get it again later). */
  async release(p: Principal, id: string): Promise<AssignmentRow> {
    return this.#withLeaseOrGold(
      p,
      id,
      async ({ tx, assignment: a }) => {
        const row = await updateAssignment(tx, a.id, { status: 'released' });
        await requeueSlot(tx, row);
        return row;
      },
      (userId) => this.#gold.giveBack(p, userId, id, { status: 'released' }),
    );
  }

  /**
   * Submits a labeling answer: validated against the task's type and params; when it is the round's
   * last outstanding slot, the answers are merged by the type's consensus and the task goes to review
   * or is completed, as the project's workflow says.
   */
  async submit(
    p: Principal,
    id: string,
    input: { response: unknown; timeSpentMs?: number },
  ): Promise<SubmitOutcome> {
    const quick = await this.#quickSubmit(p, id, input);
    if (quick) return quick;
    return this.#withLeaseOrGold(
      p,
      id,
      async ({
        tx,
        assignment: a,
        task,
        storedWorkflow,
        storedQuality,
        storedRedaction,
        round,
        now,
        finish,
      }): Promise<SubmitOutcome> => {
        const type = this.#type(task.type);
        const masked = this.#heldMask(a, task, storedRedaction);
        const given = masked ? unmaskAnswer(task.type, input.response, masked) : input.response;
        const response = checkedAnswer(type, task.params, given);
        const timeSpentMs = timeSpent(a.leasedAt, now, input.timeSpentMs);
        const submit = submitStatement({ id: a.id, response, at: now, timeSpentMs });
        // The caller is shown their answer as they see the task: masked when the lease is.
        const shown = masked ? maskShownAnswer(task.type, response, masked, storedRedaction) : response;
        const row: AssignmentRow = {
          ...a,
          status: 'submitted',
          response: shown,
          submittedAt: now,
          timeSpentMs,
        };
        if (round.outstanding > 0) {
          finish([submit]);
          return { assignment: row, taskOutcome: 'waiting' };
        }
        const slots = [...round.others, { slot: a.slot, response, reliability: round.reliability }].sort(
          (x, y) => x.slot - y.slot,
        );
        const weights = readQuality(storedQuality).weighted_consensus
          ? consensusWeights(slots.map((x) => x.reliability))
          : undefined;
        const merged = type.consensus(
          task.params,
          slots.map((x) => x.response),
          weights,
        );
        const labeled = { stageResponse: merged.response, agreement: merged.agreement };
        if (
          needsReview(readWorkflow(storedWorkflow), {
            taskId: task.id,
            round: task.round,
            agreement: merged.agreement,
          })
        ) {
          await rawQuery(tx, submit);
          await updateTask(tx, task.id, { stage: 'review', ...labeled });
          await enqueueReview(tx, task.id, task.round);
          return { assignment: row, taskOutcome: 'review' };
        }
        if (!task.callbackUrl && !task.batchId) {
          // Nothing else happens on completion: the answer and the completion go with the COMMIT.
          finish([submit, completeTaskStatement({ task, response: merged.response, labeled, now })]);
        } else {
          await rawQuery(tx, submit);
          await completeTask({ tx, task, response: merged.response, labeled, now });
        }
        return { assignment: row, taskOutcome: 'completed' };
      },
      (userId) => this.#gold.submit(p, userId, id, input),
      'label',
    );
  }

  /** A reviewer's verdict on the task of a review lease: accept, fix (with a corrected answer) or reject. */
  async review(p: Principal, id: string, input: ReviewInput): Promise<SubmitOutcome> {
    return this.#withLease(p, id, 'review', async ({ tx, assignment: a, task, storedRedaction, now }) => {
      // A masked reviewer's fix and comment are mapped back with what they were shown (recomputed).
      const masked =
        a.redactionFingerprint === null
          ? null
          : maskTask(task.type, task.params, storedRedaction, {
              answers: (await submittedAnswers(tx, task.id, 'label', task.round)).map((x) => x.response),
              result: task.stageResponse,
            });
      if (masked && a.redactionFingerprint !== null) requireSameMask(a.redactionFingerprint, masked);
      let response: unknown = task.stageResponse;
      if (input.verdict === 'fix') {
        if (input.response === undefined) {
          throw invalid('A fix needs the corrected response.', [
            { path: 'response', message: 'is required for a fix' },
          ]);
        }
        const given = masked ? unmaskAnswer(task.type, input.response, masked) : input.response;
        response = checkedAnswer(this.#type(task.type), task.params, given);
      }
      const written = input.comment?.trim() || null;
      const comment = masked && written ? (unmaskAnswer('comment', written, masked) as string) : written;
      if (input.verdict === 'reject' && !comment) {
        throw invalid('A rejection needs a comment for the annotators.', [
          { path: 'comment', message: 'is required to reject' },
        ]);
      }
      const verdict = { verdict: input.verdict, ...(input.verdict === 'fix' ? { response } : {}), comment };
      const timeSpentMs = timeSpent(a.leasedAt, now, input.timeSpentMs);
      await rawQuery(tx, submitStatement({ id: a.id, response: verdict, at: now, timeSpentMs }));
      const row: AssignmentRow = {
        ...a,
        status: 'submitted',
        response: masked ? maskedVerdict(task.type, verdict, masked, storedRedaction) : verdict,
        submittedAt: now,
        timeSpentMs,
      };
      await insertReview(tx, {
        id: newId(),
        orgId: p.orgId,
        taskId: task.id,
        round: task.round,
        assignmentId: a.id,
        source: 'reviewer',
        actorType: 'user',
        actorId: actorOf(p).id,
        verdict: input.verdict,
        response: input.verdict === 'fix' ? response : null,
        comment,
      });
      if (input.verdict === 'reject') {
        await reopenTask({ tx, task, comment: comment ?? '' });
        return { assignment: row, taskOutcome: 'relabel' };
      }
      await completeTask({ tx, task, response, now });
      return { assignment: row, taskOutcome: 'completed' };
    });
  }

  /** The caller's assignments, newest first (optionally only those a reviewer commented on). */
  async mine(
    p: Principal,
    filter: { statuses?: AssignmentRow['status'][]; withFeedback?: boolean; limit: number },
  ): Promise<AssignmentRow[]> {
    const userId = requireUser(p);
    return this.#db.withOrg(p.orgId, async (tx) => {
      const real = await this.#maskedRows(tx, await listUserAssignments(tx, userId, filter));
      // Gold answers are listed among them, shaped alike (a hidden evaluation task must not stand out).
      if (filter.withFeedback) return real;
      const gold = await this.#gold.mine(tx, userId, filter);
      if (gold.length === 0) return real;
      return [...real, ...gold]
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
        .slice(0, filter.limit);
    });
  }

  /**
   * The person's own assignments with the answers (and comments) of masked leases masked again, as they
   * saw the task: the stored answers hold the original values. One task and project read per masked row.
   */
  async #maskedRows(tx: Db, rows: AssignmentRow[]): Promise<AssignmentRow[]> {
    if (!rows.some((row) => row.redactionFingerprint !== null)) return rows;
    const policies = new Map<string, unknown>();
    const out: AssignmentRow[] = [];
    for (const row of rows) {
      const task = row.redactionFingerprint === null ? undefined : await findTask(tx, false, row.taskId);
      if (!task) {
        out.push(row.redactionFingerprint === null ? row : { ...row, response: null, feedback: null });
        continue;
      }
      if (!policies.has(task.projectId)) {
        policies.set(task.projectId, (await findProjectById(tx, task.projectId))?.redaction ?? {});
      }
      const policy = policies.get(task.projectId);
      const masked = maskTask(task.type, task.params, policy);
      const shown = (value: unknown) => maskShownAnswer(task.type, value, masked, policy);
      out.push({
        ...row,
        response:
          row.stage === 'review'
            ? maskedVerdict(task.type, row.response, masked, policy)
            : shown(row.response),
        feedback: row.feedback === null ? null : (shown(row.feedback) as string),
      });
    }
    return out;
  }

  /**
   * The one-round-trip submit of a lease this process handed out: the answer is checked against the
   * task remembered from the lease, then one transaction locks the lease and records the answer — and
   * completes the task when it is the round's only answer and nothing else has to happen. Returns
   * undefined when the full path must decide (the last of several answers, a review, a callback, a
   * batch, or a lease not leased here), after which `submit` takes it.
   */
  async #quickSubmit(
    p: Principal,
    id: string,
    input: { response: unknown; timeSpentMs?: number },
  ): Promise<SubmitOutcome | undefined> {
    const known = this.#leased.get(id);
    if (!known || known.orgId !== p.orgId || known.userId !== p.userId) return undefined;
    const type = this.#type(known.type);
    const response = checkedAnswer(type, known.params, input.response);
    const alone = type.consensus(known.params, [response]);
    const now = this.#now();
    const timeSpentMs = timeSpent(known.leasedAt, now, input.timeSpentMs);
    // The answer is sealed and the locked rows opened with the organization's keys.
    const { outcome, found } = await this.#db.withOrgKeys(p.orgId, async () => {
      const [locked = [], done = []] = await this.#db.runScopedAll(p.orgId, [
        lockLeaseStatement(id),
        quickSubmitStatement({ id, userId: known.userId, at: now, response, timeSpentMs, alone }),
      ]);
      const outcome = quickSubmitFromRaw(done);
      return { outcome, found: outcome.held && !outcome.submitted ? undefined : lockedLeaseFromRaw(locked) };
    });
    if (outcome.held && !outcome.submitted) return undefined;
    this.#leased.delete(id);
    // Masked since it was leased (reopened after the project began masking): the full path maps it back.
    if (!outcome.submitted && found?.assignment.redactionFingerprint) return undefined;
    if (!found || found.assignment.userId !== known.userId) throw notFoundAssignment(id);
    if (!outcome.submitted) {
      if (found.assignment.status !== 'leased') throw leaseNotHeld(id, found.assignment.status);
      throw leaseExpired(id, found.assignment.leaseExpiresAt);
    }
    return {
      assignment: { ...found.assignment, status: 'submitted', response, submittedAt: now, timeSpentMs },
      taskOutcome: outcome.completed ? 'completed' : 'waiting',
    };
  }

  #remember(
    p: Principal,
    assignment: AssignmentRow,
    task: { type: string; params: Record<string, unknown> },
  ) {
    if (this.#leased.size >= 50_000) this.#leased.clear();
    this.#leased.set(assignment.id, {
      orgId: p.orgId,
      userId: assignment.userId,
      type: task.type,
      params: task.params,
      leasedAt: assignment.leasedAt,
    });
  }

  /**
   * Runs `fn` on the caller's lease `id` in one transaction with the task's row locked (so the last
   * submissions of a round cannot both miss each other). 404 when it is not theirs, 409 when it is no
   * longer leased or has expired.
   */
  async #withLease<T>(
    p: Principal,
    id: string,
    stage: WorkStage | null,
    fn: (lease: HeldLease) => Promise<T>,
  ): Promise<T> {
    const userId = requireUser(p);
    if (!isId(id)) throw notFoundAssignment(id);
    const first = [lockLeaseStatement(id), roundStateStatement(id)];
    return this.#db.withOrgStarting(p.orgId, first, async (tx, [locked = [], state = []], finish) => {
      const found = lockedLeaseFromRaw(locked);
      if (!found || found.assignment.userId !== userId) throw notFoundAssignment(id);
      const a = found.assignment;
      if (a.status !== 'leased') throw leaseNotHeld(id, a.status);
      const now = this.#now();
      if (a.leaseExpiresAt.getTime() <= now.getTime()) {
        throw leaseExpired(id, a.leaseExpiresAt);
      }
      if (stage && a.stage !== stage) {
        throw new ApiError(
          'invalid_request',
          a.stage === 'review'
            ? `Assignment ${id} is a review: send a verdict to /review.`
            : `Assignment ${id} is a labeling assignment: submit an answer to /submit.`,
        );
      }
      return fn({
        tx,
        assignment: a,
        task: found.task,
        storedWorkflow: found.workflow,
        storedQuality: found.quality,
        storedRedaction: found.redaction,
        round: roundStateFromRaw(state),
        now,
        finish,
      });
    });
  }

  /**
   * {@link WorkService.#withLease} on a task's slot, or — when `id` is no assignment of the caller's —
   * `gold` on their gold lease of that id (404 when it is neither).
   */
  async #withLeaseOrGold<T>(
    p: Principal,
    id: string,
    fn: (lease: HeldLease) => Promise<T>,
    gold: (userId: string) => Promise<T | undefined>,
    stage: WorkStage | null = null,
  ): Promise<T> {
    const userId = requireUser(p);
    try {
      return await this.#withLease(p, id, stage, fn);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'not_found') || !isId(id)) throw error;
      return this.#orGold(id, await gold(userId));
    }
  }

  /** A gold lease's result, or the assignment's 404 when there was none. */
  #orGold<T>(id: string, result: T | undefined): T {
    if (result === undefined) throw notFoundAssignment(id);
    return result;
  }

  /** 403 `paused_from_project` with the reason when the person is paused from the project. */
  async #requireNotPaused(p: Principal, projectId: string, userId: string): Promise<void> {
    const standing = await this.#db.withOrg(p.orgId, (tx) => findStanding(tx, projectId, userId));
    if (standing?.pausedAt) {
      throw new ApiError('paused_from_project', standing.pauseReason ?? 'You are paused from this project.');
    }
  }

  /**
   * The stored redaction policy to mask assignment `a` with when its holder reads it again, or null when
   * it is not masked: a lease masked when granted stays masked (with the policy as it is now), and a live
   * lease is masked from now on when the project began masking for the holder's workforce since.
   */
  async #maskPolicyOf(tx: Db, a: AssignmentRow, projectId: string): Promise<unknown> {
    const project = await findProjectById(tx, projectId);
    const policy = project?.redaction ?? {};
    if (a.redactionFingerprint !== null) return policy;
    if (a.status !== 'leased' || !policyMasksAnyone(policy)) return null;
    const [workforce] = a.workforceId ? await findWorkforces(tx, [a.workforceId]) : [];
    return masksFor(policy, workforce ? { id: workforce.id, kind: workforce.kind } : null) ? policy : null;
  }

  /** The masked task a held labeling lease was shown (409 when it would now be masked differently), or null. */
  #heldMask(a: AssignmentRow, task: TaskRow, storedRedaction: unknown): MaskedTask | null {
    if (a.redactionFingerprint === null) return null;
    const masked = maskTask(task.type, task.params, storedRedaction);
    requireSameMask(a.redactionFingerprint, masked);
    return masked;
  }

  /**
   * The lease view of `assignment`; with `maskPolicy` (a stored redaction policy) the task's params, the
   * answers under review, the holder's own answer and reviewers' comments are masked, and a live lease
   * records the fingerprint of what it shows.
   */
  async #leaseView(
    tx: Db,
    assignment: AssignmentRow,
    task: Pick<
      TaskRow,
      | 'id'
      | 'type'
      | 'params'
      | 'instruction'
      | 'projectId'
      | 'batchId'
      | 'stageResponse'
      | 'agreement'
      | 'round'
    >,
    maskPolicy: unknown = null,
  ): Promise<LeaseView> {
    const stage = assignment.stage;
    // One query at a time: a transaction's connection runs them in order anyway.
    const review =
      stage === 'review'
        ? {
            answers: await submittedAnswers(tx, task.id, 'label', task.round),
            result: task.stageResponse,
            agreement: task.agreement,
          }
        : null;
    const feedback =
      task.round > 1 ? (await reviewsOfTask(tx, task.id)).filter((r) => r.verdict === 'reject') : [];
    const projectName = await this.#projectName(tx, task.projectId);
    const fileIds = fileIdsOf(this.#type(task.type), task.params);
    if (maskPolicy === null) {
      return {
        assignment,
        task: {
          id: task.id,
          type: task.type,
          params: task.params,
          instruction: task.instruction,
          projectId: task.projectId,
          batchId: task.batchId,
        },
        projectName,
        review,
        feedback,
        fileIds,
        training: null,
        masked: false,
      };
    }
    const masked = maskTask(
      task.type,
      task.params,
      maskPolicy,
      review ? { answers: review.answers.map((x) => x.response), result: review.result } : undefined,
    );
    let held = assignment;
    if (held.status === 'leased' && held.redactionFingerprint !== masked.fingerprint) {
      held = await updateAssignment(tx, held.id, { redactionFingerprint: masked.fingerprint });
    }
    const shown = (answer: unknown) => maskShownAnswer(task.type, answer, masked, maskPolicy);
    return {
      assignment: {
        ...held,
        response:
          held.stage === 'review'
            ? maskedVerdict(task.type, held.response, masked, maskPolicy)
            : shown(held.response),
      },
      task: {
        id: task.id,
        type: task.type,
        params: masked.params,
        instruction: task.instruction,
        projectId: task.projectId,
        batchId: task.batchId,
      },
      projectName,
      review: review
        ? {
            answers: review.answers.map((x, i) => ({ ...x, response: masked.answers[i] ?? null })),
            result: masked.result ?? null,
            agreement: review.agreement,
          }
        : null,
      feedback: feedback.map((r) => ({
        ...r,
        comment: r.comment === null ? null : (shown(r.comment) as string),
        response: r.response === null ? null : shown(r.response),
      })),
      fileIds,
      training: null,
      masked: true,
    };
  }

  /**
   * Checks that file `fileId` is one the caller's current lease `id` needs (404 otherwise, also when
   * the lease ended): people read uploaded files only through the tasks they are working on.
   */
  async requireLeasedFile(p: Principal, id: string, fileId: string): Promise<void> {
    const userId = requireUser(p);
    const lease = isId(id)
      ? await this.#db.withOrg(p.orgId, async (tx) => {
          const a = await findAssignment(tx, id);
          if (!a || a.userId !== userId || a.status !== 'leased') return undefined;
          if (a.leaseExpiresAt.getTime() <= this.#now().getTime()) return undefined;
          const task = await findTask(tx, false, a.taskId);
          return task ? { task } : undefined;
        })
      : undefined;
    const allowed = lease
      ? fileIdsOf(this.#type(lease.task.type), lease.task.params).includes(fileId)
      : isId(id) && (await this.#gold.leasesFile(p, userId, id, fileId));
    if (!allowed) {
      throw new ApiError(
        'not_found',
        `No file ${JSON.stringify(fileId)} in a task leased to you as ${JSON.stringify(id)}.`,
      );
    }
  }

  /** A live project's id by name (cached: ids never change; the claim itself checks archival). */
  async #projectId(p: Principal, name: string): Promise<string> {
    const key = `${p.orgId}\u0000${name}`;
    const cached = this.#projectIds.get(key);
    if (cached && cached.expires > Date.now()) return cached.id;
    const project = await this.#db.withOrg(p.orgId, (tx) => findProjectByName(tx, false, name));
    if (!project || project.archived) {
      throw new ApiError('not_found', `No project found with name ${JSON.stringify(name)}.`);
    }
    if (this.#projectIds.size > 10_000) this.#projectIds.clear();
    this.#projectIds.set(key, { id: project.id, expires: Date.now() + 60_000 });
    this.#projectNames.set(project.id, project.name);
    return project.id;
  }

  async #projectName(tx: Db, id: string): Promise<string> {
    const cached = this.#projectNames.get(id);
    if (cached) return cached;
    const project = await findProjectById(tx, id);
    const name = project?.name ?? id;
    if (this.#projectNames.size > 10_000) this.#projectNames.clear();
    this.#projectNames.set(id, name);
    return name;
  }

  #type(name: string): TaskType {
    return typeOf(this.#types, name);
  }
}

/**
 * The weights of a round's answers in consensus from their authors' reliabilities on the project: an
 * author of unknown reliability counts as the mean of the known ones (one vote each when none is
 * known, which leaves consensus unweighted).
 */
export function consensusWeights(reliabilities: readonly (number | null)[]): number[] | undefined {
  const known = reliabilities.filter((r): r is number => r !== null && Number.isFinite(r));
  if (known.length === 0) return undefined;
  const mean = known.reduce((sum, r) => sum + r, 0) / known.length;
  return reliabilities.map((r) => (r !== null && Number.isFinite(r) ? r : mean));
}

/** A review verdict (`{ verdict, response?, comment }`) as a masked reviewer may see it. */
function maskedVerdict(type: string, verdict: unknown, masked: MaskedTask, policy: unknown): unknown {
  if (typeof verdict !== 'object' || verdict === null || Array.isArray(verdict)) return verdict ?? null;
  const { response, comment, ...rest } = verdict as Record<string, unknown>;
  return {
    ...rest,
    ...(response === undefined ? {} : { response: maskShownAnswer(type, response, masked, policy) }),
    ...(comment === undefined ? {} : { comment: maskShownAnswer('comment', comment, masked, policy) }),
  };
}

/** The `task.view` of the lease a claim is about to grant as assignment `assignmentId` (see above). */
function leaseViewStatements(p: Principal, assignmentId: string, stage: WorkStage): RawStatement[] {
  if (!isPerson(p)) return [];
  return leaseViewAppendStatements(
    {
      orgId: p.orgId,
      actor: actorOf(p),
      action: 'task.view',
      data: { via: stage === 'review' ? 'review_lease' : 'lease', assignment: assignmentId },
    },
    assignmentId,
  );
}

/** The `task.view` of a lease granted after reaping: a labeling or a review lease of the assignment's task. */
function reapedLeaseViewStatements(p: Principal, assignment: AssignmentRow): RawStatement[] {
  return taskViewStatements(
    p,
    { type: 'task', id: assignment.taskId },
    assignment.stage === 'review' ? 'review_lease' : 'lease',
    { assignment: assignment.id },
  );
}
