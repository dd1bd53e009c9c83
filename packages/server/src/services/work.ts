/**
 * Human work: leasing the next assignment, keeping and giving back leases, submitting answers (with
 * consensus when a stage's slots are all in), and reviewing. Every operation is one transaction scoped
 * to the caller's organization; a person only ever touches their own assignments.
 */
import { randomInt } from 'node:crypto';
import {
  checkResponse,
  describeIssues,
  needsReview,
  readWorkflow,
  type TaskType,
  type TaskTypeRegistry,
} from '@groundwork/domain';
import { completeTask, completeTaskStatement } from '../commands/complete-task.ts';
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
import { findProjectById, findProjectByName } from '../repositories/projects.ts';
import { findTask, type TaskRow, updateTask } from '../repositories/tasks.ts';
import { actorOf, type Principal } from './principal.ts';

/** Lease length when a project's workflow does not set one. */
const DEFAULT_LEASE_SECONDS = 1800;
/** The longest time a submission may claim to have taken (a day). */
const MAX_TIME_SPENT_MS = 86_400_000;

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
}

/** What a submission led to. */
export interface SubmitOutcome {
  assignment: AssignmentRow;
  /** `waiting` for other slots, `review` when the task went to review, `completed`, or `relabel` after a rejection. */
  taskOutcome: 'waiting' | 'review' | 'completed' | 'relabel';
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

  constructor(deps: { db: Database; types: TaskTypeRegistry; now?: () => Date }) {
    this.#db = deps.db;
    this.#types = deps.types;
    this.#now = deps.now ?? (() => new Date());
  }

  /**
   * Leases the best open assignment the caller may take in `stage` (optionally in one project), or
   * returns null when there is none. Expired leases of the organization go back to the queue first
   * when nothing else is open.
   */
  async next(p: Principal, input: { stage: WorkStage; project?: string }): Promise<LeaseView | null> {
    const userId = requireUser(p);
    const projectId = input.project === undefined ? null : await this.#projectId(p, input.project);
    const claim = () => ({
      id: newId(),
      userId,
      workforceId: p.workforceId,
      stage: input.stage,
      projectId,
      defaultLeaseSeconds: DEFAULT_LEASE_SECONDS,
    });
    // The common case is one statement in one round trip; the rest only when needed.
    // A lease is not worth an fsync: if the database server crashes right after granting it, the slot
    // is simply open again (and the holder's submit answers 404).
    const [row] = await this.#db.runScoped<Record<string, unknown>>(p.orgId, claimStatement(claim()), {
      durable: false,
    });
    let leased = row ? leasedFromRaw(row) : undefined;
    if (!leased) {
      // Nothing open: return the organization's expired leases to the queue and look again.
      leased = await this.#db.withOrg(p.orgId, async (tx) =>
        (await reapExpiredLeases(tx, this.#now())) > 0 ? claimNext(tx, claim()) : undefined,
      );
    }
    if (!leased) return null;
    const { assignment, task } = leased;
    if (assignment.stage === 'label') this.#remember(p, assignment, task);
    const items = this.#type(task.type).displayItems?.(task.params as never);
    const projectName = this.#projectNames.get(task.projectId);
    if (!(items && items > 1) && assignment.stage === 'label' && task.round === 1 && projectName) {
      return {
        assignment,
        task,
        projectName,
        review: null,
        feedback: [],
        fileIds: this.#fileIds(task.type, task.params),
      };
    }
    return this.#db.withOrg(p.orgId, async (tx) => {
      const withOrder =
        items && items > 1
          ? await updateAssignment(tx, assignment.id, { displayOrder: shuffledOrder(items) })
          : assignment;
      return this.#leaseView(tx, withOrder, task);
    });
  }

  /** One of the caller's assignments with its task, as `next` returned it. */
  async get(p: Principal, id: string): Promise<LeaseView> {
    const userId = requireUser(p);
    return this.#db.withOrg(p.orgId, async (tx) => {
      const a = isId(id) ? await findAssignment(tx, id) : undefined;
      if (!a || a.userId !== userId) throw notFoundAssignment(id);
      const task = await findTask(tx, false, a.taskId);
      if (!task) throw notFoundAssignment(id);
      return this.#leaseView(tx, a, task);
    });
  }

  /** Extends the caller's lease by the project's lease length. */
  async heartbeat(p: Principal, id: string): Promise<AssignmentRow> {
    return this.#withLease(p, id, null, async ({ tx, assignment: a, storedWorkflow, now }) => {
      const seconds = readWorkflow(storedWorkflow).lease_seconds;
      return updateAssignment(tx, a.id, { leaseExpiresAt: new Date(now.getTime() + seconds * 1000) });
    });
  }

  /** Gives the slot back for someone else and records why; the caller will not be offered this task again. */
  async skip(p: Principal, id: string, reason: string): Promise<AssignmentRow> {
    return this.#withLease(p, id, null, async ({ tx, assignment: a }) => {
      const row = await updateAssignment(tx, a.id, { status: 'skipped', skipReason: reason });
      await requeueSlot(tx, row);
      return row;
    });
  }

  /** Gives the slot back without prejudice (the caller may get it again later). */
  async release(p: Principal, id: string): Promise<AssignmentRow> {
    return this.#withLease(p, id, null, async ({ tx, assignment: a }) => {
      const row = await updateAssignment(tx, a.id, { status: 'released' });
      await requeueSlot(tx, row);
      return row;
    });
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
    return this.#withLease(
      p,
      id,
      'label',
      async ({ tx, assignment: a, task, storedWorkflow, round, now, finish }) => {
        const type = this.#type(task.type);
        const response = this.#checked(type, task.params, input.response);
        const timeSpentMs = this.#timeSpent(a.leasedAt, now, input.timeSpentMs);
        const submit = submitStatement({ id: a.id, response, at: now, timeSpentMs });
        const row: AssignmentRow = { ...a, status: 'submitted', response, submittedAt: now, timeSpentMs };
        if (round.outstanding > 0) {
          finish([submit]);
          return { assignment: row, taskOutcome: 'waiting' };
        }
        const answers = [...round.others, { slot: a.slot, response }]
          .sort((x, y) => x.slot - y.slot)
          .map((x) => x.response);
        const merged = type.consensus(task.params, answers);
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
    );
  }

  /** A reviewer's verdict on the task of a review lease: accept, fix (with a corrected answer) or reject. */
  async review(p: Principal, id: string, input: ReviewInput): Promise<SubmitOutcome> {
    return this.#withLease(p, id, 'review', async ({ tx, assignment: a, task, now }) => {
      let response: unknown = task.stageResponse;
      if (input.verdict === 'fix') {
        if (input.response === undefined) {
          throw invalid('A fix needs the corrected response.', [
            { path: 'response', message: 'is required for a fix' },
          ]);
        }
        response = this.#checked(this.#type(task.type), task.params, input.response);
      }
      const comment = input.comment?.trim() || null;
      if (input.verdict === 'reject' && !comment) {
        throw invalid('A rejection needs a comment for the annotators.', [
          { path: 'comment', message: 'is required to reject' },
        ]);
      }
      const verdict = { verdict: input.verdict, ...(input.verdict === 'fix' ? { response } : {}), comment };
      const timeSpentMs = this.#timeSpent(a.leasedAt, now, input.timeSpentMs);
      await rawQuery(tx, submitStatement({ id: a.id, response: verdict, at: now, timeSpentMs }));
      const row: AssignmentRow = {
        ...a,
        status: 'submitted',
        response: verdict,
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
    return this.#db.withOrg(p.orgId, (tx) => listUserAssignments(tx, userId, filter));
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
    const response = this.#checked(type, known.params, input.response);
    const alone = type.consensus(known.params, [response]);
    const now = this.#now();
    const timeSpentMs = this.#timeSpent(known.leasedAt, now, input.timeSpentMs);
    const [locked = [], done = []] = await this.#db.runScopedAll(p.orgId, [
      lockLeaseStatement(id),
      quickSubmitStatement({ id, userId: known.userId, at: now, response, timeSpentMs, alone }),
    ]);
    const outcome = quickSubmitFromRaw(done);
    if (outcome.held && !outcome.submitted) return undefined;
    this.#leased.delete(id);
    const found = lockedLeaseFromRaw(locked);
    if (!found || found.assignment.userId !== known.userId) throw notFoundAssignment(id);
    if (!outcome.submitted) {
      if (found.assignment.status !== 'leased') throw leaseNotHeld(id, found.assignment.status);
      throw new ApiError(
        'lease_expired',
        `The lease on assignment ${id} expired at ${found.assignment.leaseExpiresAt.toISOString()}.`,
      );
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
        throw new ApiError(
          'lease_expired',
          `The lease on assignment ${id} expired at ${a.leaseExpiresAt.toISOString()}.`,
        );
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
        round: roundStateFromRaw(state),
        now,
        finish,
      });
    });
  }

  /** The answer if it is valid for the task, else a 400 naming each bad field under `response`. */
  #checked(type: TaskType, params: unknown, response: unknown): unknown {
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
  ): Promise<LeaseView> {
    const stage = assignment.stage;
    const [review, feedback, projectName] = await Promise.all([
      stage === 'review'
        ? submittedAnswers(tx, task.id, 'label', task.round).then((answers) => ({
            answers,
            result: task.stageResponse,
            agreement: task.agreement,
          }))
        : Promise.resolve(null),
      task.round > 1
        ? reviewsOfTask(tx, task.id).then((rs) => rs.filter((r) => r.verdict === 'reject'))
        : Promise.resolve([]),
      this.#projectName(tx, task.projectId),
    ]);
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
      fileIds: this.#fileIds(task.type, task.params),
    };
  }

  /** The uploaded files a task's params reference. */
  #fileIds(type: string, params: unknown): string[] {
    return this.#type(type)
      .attachmentUrls(params as never)
      .flatMap((url) => {
        const match = /^groundwork:\/\/files\/([0-9a-f]{24})$/.exec(url);
        return match?.[1] ? [match[1]] : [];
      });
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
    if (!lease || !this.#fileIds(lease.task.type, lease.task.params).includes(fileId)) {
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
    const type = this.#types.get(name);
    if (!type) throw new Error(`unknown task type ${name}`);
    return type;
  }

  #timeSpent(leasedAt: Date, now: Date, reported: number | undefined): number {
    const wall = Math.max(0, now.getTime() - leasedAt.getTime());
    return Math.min(reported ?? wall, wall + 5000, MAX_TIME_SPENT_MS);
  }
}

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

function leaseNotHeld(id: string, status: string): ApiError {
  return new ApiError('lease_not_held', `Assignment ${id} is ${status}; it is no longer leased to you.`);
}

function notFoundAssignment(id: string): ApiError {
  return new ApiError('not_found', `No assignment found with id ${JSON.stringify(id)}.`);
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
