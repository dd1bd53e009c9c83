/**
 * Gold in the work loop. Training tasks come first on a project that gates the person (shown as
 * training, with the expected answer after each); hidden evaluation tasks are mixed into real work at
 * the project's gold rate and look exactly like it — the same lease shape, the same submit outcome.
 * Every gold answer is scored at once by the type's `score`; the person's standing with the project
 * (training progress, gold results, reliability, pause) is updated in the same transaction, and a
 * person whose recent gold falls below the project's threshold is paused from it with the reason.
 */
import {
  goldVerdict,
  needsReview,
  type ProjectQuality,
  readQuality,
  readWorkflow,
  type TaskTypeRegistry,
  trainingState,
  trainingTarget,
} from '@groundwork/domain';
import type { Database, Db } from '../db/database.ts';
import { revokePersonLeases } from '../repositories/assignments.ts';
import {
  claimEvaluation,
  claimTraining,
  countActiveTraining,
  findGoldAnswer,
  findGoldTask,
  findStanding,
  type GoldAnswerRow,
  type GoldTaskRow,
  type LeasedGold,
  listUserGoldAnswers,
  lockGoldAnswer,
  lockStanding,
  recentGoldScores,
  type StandingRow,
  updateGoldAnswer,
  updateStanding,
} from '../repositories/gold.ts';
import { findProjectById, type ProjectRow } from '../repositories/projects.ts';
import { findWorkforces } from '../repositories/workforces.ts';
import { trainingProgressOf } from './gold.ts';
import {
  checkedAnswer,
  fileIdsOf,
  leaseExpired,
  leaseNotHeld,
  shuffledOrder,
  timeSpent,
  typeOf,
} from './lease-rules.ts';
import type { Principal } from './principal.ts';
import type { QualityPlan, QualityPlans } from './quality-plans.ts';
import {
  type MaskedTask,
  maskShownAnswer,
  masksFor,
  maskTask,
  policyMasksAnyone,
  requireSameMask,
  unmaskAnswer,
} from './redaction.ts';
import type { LeaseView, SubmitOutcome, TrainingProgress } from './work.ts';

/** What a training answer showed the person. */
export interface TrainingFeedback extends TrainingProgress {
  /** This answer's score, 0..1. */
  score: number;
  /** Whether this answer met the pass score. */
  passed: boolean;
  /** The expected answer, to compare with theirs. */
  expectedResponse: unknown;
}

/** Where a claim looks. */
interface Scope {
  userId: string;
  workforceId: string | null;
  /** Only this project, or any the person may work. */
  projectId: string | null;
  defaultLeaseSeconds: number;
}

/** Gold leases: claiming, keeping, giving back and submitting them. */
export class GoldWork {
  readonly #db: Database;
  readonly #types: TaskTypeRegistry;
  readonly #plans: QualityPlans;
  readonly #now: () => Date;
  readonly #random: () => number;

  constructor(deps: {
    db: Database;
    types: TaskTypeRegistry;
    plans: QualityPlans;
    now: () => Date;
    random?: () => number;
  }) {
    this.#db = deps.db;
    this.#types = deps.types;
    this.#plans = deps.plans;
    this.#now = deps.now;
    this.#random = deps.random ?? Math.random;
  }

  /**
   * A gold lease instead of real work, or null: a training task when a project in scope gates the
   * person; else, with the projects' gold rates, a hidden evaluation task. Costs nothing (no query)
   * when the organization has no gold in scope.
   */
  async claim(p: Principal, scope: Scope, newId: () => string, plan: QualityPlan): Promise<LeaseView | null> {
    const inScope = (id: string) => scope.projectId === null || scope.projectId === id;
    if ([...plan.training].some(inScope)) {
      const leased = await this.#db.withOrg(p.orgId, async (tx) => {
        const got = await claimTraining(tx, { ...scope, id: newId() });
        return got ? this.#leaseView(tx, got) : null;
      });
      if (leased) return leased;
    }
    const rates = [...plan.evaluation].filter(([id]) => inScope(id)).map(([, rate]) => rate);
    if (rates.length === 0) return null;
    const maxRate = Math.max(...rates);
    if (this.#random() >= maxRate) return null;
    return this.#db.withOrg(p.orgId, async (tx) => {
      const got = await claimEvaluation(tx, { ...scope, id: newId(), maxRate });
      return got ? this.#leaseView(tx, got) : null;
    });
  }

  /** The caller's gold lease `id` as a lease view, or undefined when `id` is not one of their gold answers. */
  async get(p: Principal, userId: string, id: string): Promise<LeaseView | undefined> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const answer = await findGoldAnswer(tx, id);
      if (!answer || answer.userId !== userId) return undefined;
      const gold = await findGoldTask(tx, false, answer.goldTaskId);
      if (!gold) return undefined;
      return this.#leaseView(tx, { answer, gold });
    });
  }

  /** Extends a gold lease (shown as the assignment it poses as); undefined when `id` is not the caller's gold answer. */
  async heartbeat(p: Principal, userId: string, id: string): Promise<LeaseView['assignment'] | undefined> {
    return this.#withLease(p, userId, id, async (tx, answer, project, gold) => {
      const seconds = readWorkflow(project.workflow).lease_seconds;
      const row = await updateGoldAnswer(tx, answer.id, {
        leaseExpiresAt: new Date(this.#now().getTime() + seconds * 1000),
      });
      return toAssignment(row, gold);
    });
  }

  /** Skips (with a reason) or releases a gold lease; undefined when `id` is not the caller's gold answer. */
  async giveBack(
    p: Principal,
    userId: string,
    id: string,
    how: { status: 'skipped'; reason: string } | { status: 'released' },
  ): Promise<LeaseView['assignment'] | undefined> {
    return this.#withLease(p, userId, id, async (tx, answer, _project, gold) => {
      const row = await updateGoldAnswer(tx, answer.id, {
        status: how.status,
        ...(how.status === 'skipped' ? { skipReason: how.reason } : {}),
      });
      return toAssignment(row, gold);
    });
  }

  /**
   * Submits a gold answer: checked like any answer, scored against the expected response, the person's
   * standing updated (training gate, gold results, reliability; a pause when their recent gold falls
   * below the project's threshold). Evaluation answers report the outcome real work of the project
   * would; training answers report the score and the expected answer. Undefined when `id` is not the
   * caller's gold answer.
   */
  async submit(
    p: Principal,
    userId: string,
    id: string,
    input: { response: unknown; timeSpentMs?: number },
  ): Promise<SubmitOutcome | undefined> {
    let paused = false;
    const outcome = await this.#withLease(p, userId, id, async (tx, answer, project, gold) => {
      const type = typeOf(this.#types, gold.type);
      // A masked gold lease's answer is mapped back with what it was shown (recomputed, fingerprint checked).
      let masked: MaskedTask | null = null;
      if (answer.redactionFingerprint !== null) {
        masked = maskTask(gold.type, gold.params, project.redaction);
        requireSameMask(answer.redactionFingerprint, masked);
      }
      const shown = (value: unknown) =>
        masked ? maskShownAnswer(gold.type, value, masked, project.redaction) : value;
      const given = masked ? unmaskAnswer(gold.type, input.response, masked) : input.response;
      const response = checkedAnswer(type, gold.params, given);
      const score = clampScore(type.score(gold.params, response, gold.expectedResponse));
      const now = this.#now();
      const row = await updateGoldAnswer(tx, answer.id, {
        status: 'submitted',
        response,
        score,
        submittedAt: now,
        timeSpentMs: timeSpent(answer.leasedAt, now, input.timeSpentMs),
      });
      const quality = readQuality(project.quality);
      const standing = await lockStanding(tx, { orgId: p.orgId, projectId: project.id, userId });
      const assignment = { ...toAssignment(row, gold), response: shown(row.response) };
      if (answer.kind === 'training') {
        const training = await this.#afterTraining(tx, { standing, quality, score, now });
        paused = training.state === 'failed' && !standing.pausedAt;
        return {
          assignment,
          taskOutcome: 'training',
          training: { ...training, score, expectedResponse: shown(gold.expectedResponse) },
        } satisfies SubmitOutcome;
      }
      paused = await this.#afterEvaluation(tx, { standing, quality, score, now });
      return { assignment, taskOutcome: outcomeOfRealWork(project, gold.id) } satisfies SubmitOutcome;
    });
    // Claims of the organization must now check standings (after the commit, so a re-read sees it).
    if (paused) this.#plans.invalidate(p.orgId);
    return outcome;
  }

  /** The person's gold answers shaped as assignments, newest first (for their list of assignments). */
  async mine(
    tx: Db,
    userId: string,
    filter: { statuses?: LeaseView['assignment']['status'][]; limit: number },
  ): Promise<LeaseView['assignment'][]> {
    const statuses = filter.statuses?.filter((s): s is GoldAnswerRow['status'] => s !== 'revoked');
    if (statuses && statuses.length === 0) return [];
    const rows = await listUserGoldAnswers(tx, userId, {
      ...(statuses ? { statuses } : {}),
      limit: filter.limit,
    });
    return rows.map((r) => toAssignment(r.answer, r.gold));
  }

  /** Whether file `fileId` is one the caller's live gold lease `id` shows. */
  async leasesFile(p: Principal, userId: string, id: string, fileId: string): Promise<boolean> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const answer = await findGoldAnswer(tx, id);
      if (!answer || answer.userId !== userId || answer.status !== 'leased') return false;
      if (answer.leaseExpiresAt.getTime() <= this.#now().getTime()) return false;
      const gold = await findGoldTask(tx, false, answer.goldTaskId);
      return !!gold && fileIdsOf(typeOf(this.#types, gold.type), gold.params).includes(fileId);
    });
  }

  async #afterTraining(
    tx: Db,
    props: { standing: StandingRow; quality: ProjectQuality; score: number; now: Date },
  ): Promise<Omit<TrainingFeedback, 'score' | 'expectedResponse'>> {
    const { standing, quality, score, now } = props;
    const passedThis = score >= quality.training_pass_score - 1e-9;
    const answered = standing.trainingAnswered + 1;
    const passed = standing.trainingPassed + (passedThis ? 1 : 0);
    const available = await countActiveTraining(tx, standing.projectId);
    const state = trainingState(quality, { available, answered, passed });
    const target = trainingTarget(quality, available);
    const values: Partial<StandingRow> = { trainingAnswered: answered, trainingPassed: passed };
    if ((state === 'passed' || state === 'not_required') && !standing.trainingPassedAt) {
      values.trainingPassedAt = now;
    }
    if (state === 'failed' && !standing.pausedAt) {
      Object.assign(values, {
        pausedAt: now,
        pausedBy: 'training',
        pauseReason: `Training not passed: ${passed} of the ${target} training tasks required were answered well enough (a score of at least ${percent(quality.training_pass_score)}), and too few are left to make it up. A manager can let you try again.`,
      });
    }
    await updateStanding(tx, standing.projectId, standing.userId, values);
    return { passed: passedThis, state, answered, passedCount: passed, target };
  }

  /** Records an evaluation answer's score on the standing; true when it paused the person. */
  async #afterEvaluation(
    tx: Db,
    props: { standing: StandingRow; quality: ProjectQuality; score: number; now: Date },
  ): Promise<boolean> {
    const { standing, quality, score, now } = props;
    const recent = await recentGoldScores(tx, {
      projectId: standing.projectId,
      userId: standing.userId,
      kind: 'evaluation',
      since: standing.reinstatedAt,
      limit: quality.gold_window,
    });
    const values: Partial<StandingRow> = {
      goldAnswered: standing.goldAnswered + 1,
      goldScoreSum: standing.goldScoreSum + score,
    };
    if (recent.length >= Math.min(quality.gold_min_answers, quality.gold_window)) {
      values.reliability = recent.reduce((sum, s) => sum + s, 0) / recent.length;
      values.reliabilitySource = 'gold';
    }
    const verdict = goldVerdict(quality, recent);
    const pause = verdict?.below === true && !standing.pausedAt;
    if (pause && verdict) {
      Object.assign(values, {
        pausedAt: now,
        pausedBy: 'gold',
        pauseReason: `Paused for quality: your score on this project's quality-check tasks is ${percent(verdict.mean)} over your last ${verdict.answers}, below the ${percent(quality.gold_threshold ?? 0)} the project requires. A manager can review your work and reinstate you.`,
      });
      await revokePersonLeases(tx, standing.projectId, standing.userId);
    }
    await updateStanding(tx, standing.projectId, standing.userId, values);
    return pause;
  }

  /**
   * Runs `fn` on the caller's live gold lease `id` (locked) in one transaction; undefined when `id` is
   * not a gold answer of theirs, 409 when it is no longer leased or expired.
   */
  async #withLease<T>(
    p: Principal,
    userId: string,
    id: string,
    fn: (tx: Db, answer: GoldAnswerRow, project: ProjectRow, gold: GoldTaskRow) => Promise<T>,
  ): Promise<T | undefined> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const answer = await lockGoldAnswer(tx, id);
      if (!answer || answer.userId !== userId) return undefined;
      if (answer.status !== 'leased') throw leaseNotHeld(id, answer.status);
      if (answer.leaseExpiresAt.getTime() <= this.#now().getTime()) {
        throw leaseExpired(id, answer.leaseExpiresAt);
      }
      const project = await findProjectById(tx, answer.projectId);
      const gold = await findGoldTask(tx, false, answer.goldTaskId);
      if (!project || !gold) return undefined;
      return fn(tx, answer, project, gold);
    });
  }

  async #leaseView(tx: Db, leased: LeasedGold): Promise<LeaseView> {
    const { gold } = leased;
    let { answer } = leased;
    const type = typeOf(this.#types, gold.type);
    const items = type.displayItems?.(gold.params as never);
    if (items && items > 1 && answer.status === 'leased' && !answer.displayOrder) {
      answer = await updateGoldAnswer(tx, answer.id, { displayOrder: shuffledOrder(items) });
    }
    const project = await findProjectById(tx, answer.projectId);
    const training =
      answer.kind === 'training' && project ? await this.#progress(tx, project, answer.userId) : null;
    const policy = project?.redaction ?? {};
    const masked = (await this.#masks(tx, answer, policy)) ? maskTask(gold.type, gold.params, policy) : null;
    if (masked && answer.status === 'leased' && answer.redactionFingerprint !== masked.fingerprint) {
      answer = await updateGoldAnswer(tx, answer.id, { redactionFingerprint: masked.fingerprint });
    }
    const assignment = toAssignment(answer, gold);
    return {
      assignment: masked
        ? { ...assignment, response: maskShownAnswer(gold.type, assignment.response, masked, policy) }
        : assignment,
      task: {
        id: gold.id,
        type: gold.type,
        params: masked ? masked.params : gold.params,
        instruction: project?.instruction ?? null,
        projectId: answer.projectId,
        batchId: answer.batchId,
      },
      projectName: project?.name ?? answer.projectId,
      review: null,
      feedback: [],
      fileIds: fileIdsOf(type, gold.params),
      training,
      masked: masked !== null,
    };
  }

  /**
   * Whether gold answer `answer` is shown masked: always once it was; a live lease when the project masks
   * for the holder's workforce (decided when granted or, after a policy change, when read again).
   */
  async #masks(tx: Db, answer: GoldAnswerRow, policy: unknown): Promise<boolean> {
    if (answer.redactionFingerprint !== null) return true;
    if (answer.status !== 'leased' || !policyMasksAnyone(policy)) return false;
    const [workforce] = answer.workforceId ? await findWorkforces(tx, [answer.workforceId]) : [];
    return masksFor(policy, workforce ? { id: workforce.id, kind: workforce.kind } : null);
  }

  async #progress(tx: Db, project: ProjectRow, userId: string): Promise<TrainingProgress> {
    const available = await countActiveTraining(tx, project.id);
    const standing = await findStanding(tx, project.id, userId);
    return trainingProgressOf(readQuality(project.quality), {
      available,
      answered: standing?.trainingAnswered ?? 0,
      passed: standing?.trainingPassed ?? 0,
      passedAt: standing?.trainingPassedAt ?? null,
    });
  }
}

/** A gold answer in the shape of an assignment: a labeling slot of round 1, like real work. */
function toAssignment(
  answer: GoldAnswerRow,
  gold: Pick<GoldTaskRow, 'id' | 'createdAt'>,
): LeaseView['assignment'] {
  return {
    id: answer.id,
    orgId: answer.orgId,
    projectId: answer.projectId,
    batchId: answer.batchId,
    taskId: gold.id,
    stage: 'label',
    round: 1,
    slot: answer.slot,
    priority: 0,
    taskCreatedAt: gold.createdAt,
    userId: answer.userId,
    workforceId: answer.workforceId,
    status: answer.status,
    routedWorkforceId: null,
    leasedAt: answer.leasedAt,
    leaseExpiresAt: answer.leaseExpiresAt,
    submittedAt: answer.submittedAt,
    timeSpentMs: answer.timeSpentMs,
    response: answer.response,
    displayOrder: answer.displayOrder,
    skipReason: answer.skipReason,
    redactionFingerprint: answer.redactionFingerprint,
    feedback: null,
    createdAt: answer.createdAt,
  };
}

/**
 * What submitting real work of the project usually reports, so a hidden evaluation answer reads the
 * same: `waiting` with overlap (others still answer), else `review` when every task is reviewed (or,
 * for sampled review, as the sample would decide), else `completed`.
 */
function outcomeOfRealWork(project: ProjectRow, goldId: string): SubmitOutcome['taskOutcome'] {
  const workflow = readWorkflow(project.workflow);
  if (workflow.overlap > 1) return 'waiting';
  return needsReview(workflow, { taskId: goldId, round: 1, agreement: 1 }) ? 'review' : 'completed';
}

function clampScore(score: number): number {
  return Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}
