/**
 * Quality measures over the work people did: scorecards per annotator or workforce (gold results,
 * agreement with the final result, reviewers' verdicts, throughput, and the gen-AI checks — fast
 * answers, side and length bias, intransitive preferences), a project's inter-annotator agreement
 * (Krippendorff's alpha on categorical answers, and a type-generic mean pairwise score), and each
 * annotator's reliability from consensus, which weighs their answers when gold has not measured them.
 *
 * The reads run in one transaction scoped to the caller's organization and are capped
 * ({@link QUALITY_ANSWER_LIMIT} answers per kind, newest first, with `truncated` saying so); the figures
 * are computed in memory afterwards. Every bootstrap interval is seeded, so the same data gives the same
 * report.
 */
import {
  type AgreementReport,
  agreementReport,
  bootstrapInterval,
  dawidSkene,
  fastAnswers,
  type GroupAgreement,
  type LengthChoice,
  lengthBias,
  type PreferenceJudgement,
  readQuality,
  type SideChoice,
  sideBias,
  type TaskType,
  type TaskTypeRegistry,
  transitivityViolations,
} from '@groundwork/domain';
import type { Database, Db } from '../db/database.ts';
import { invalid, notFound } from '../errors.ts';
import { listMemberRows, type MemberRow } from '../repositories/members.ts';
import {
  findProjectById,
  findProjectByName,
  listProjects,
  type ProjectRow,
} from '../repositories/projects.ts';
import {
  evaluationScoresIn,
  type GoldScoreRow,
  type LabelAnswerRow,
  type LabelerVerdictRow,
  labelAnswersIn,
  labelerVerdictsIn,
  type Period,
  type QualityTaskRow,
  qualityTasks,
  type StandingSummaryRow,
  standingSummaries,
  unarchivedProjects,
  upsertConsensusReliability,
} from '../repositories/quality.ts';
import { listWorkforces } from '../repositories/workforces.ts';
import type { Principal } from './principal.ts';

/**
 * Most answers of each kind (labeling answers; gold answers) one request reads: the newest of the
 * period. Past it the report says `truncated: true` and covers the newest answers only.
 */
export const QUALITY_ANSWER_LIMIT = 200_000;

/** The period a report covers when none is given, and the reliability job's window: 30 days. */
export const DEFAULT_PERIOD_DAYS = 30;

const DAY_MS = 86_400_000;

/** Resamples, coverage and seed of every bootstrap interval. */
const BOOTSTRAP = { samples: 1000, confidence: 0.95, seed: 1 } as const;

/** Fewest units two annotators must share to be listed in an agreement breakdown by pair. */
const MIN_SHARED_UNITS = 5;

/** Flagged annotators named in a workforce's flag reason before "and N more". */
const NAMED_IN_REASON = 5;

/** A percentile bootstrap interval, 95 %. */
export interface Interval {
  low: number;
  high: number;
}

/** The quality checks a scorecard runs. */
export type CheckName = 'fast_answers' | 'side_bias' | 'length_bias' | 'transitivity';

/** One check of one project's answers. */
export interface CheckResult {
  check: CheckName;
  /** The project whose answers were checked (checks compare people within one project). */
  project: string;
  flagged: boolean;
  /** Why, in plain English; null when not flagged. */
  reason: string | null;
  /** The check's figures (see each check); null where a figure is undefined. */
  figures: Record<string, number | null>;
}

/** What a scorecard measures, for one annotator or one workforce. */
export interface ScorecardStats {
  /** Hidden evaluation answers: how many, their mean score and its interval (null before the first). */
  gold: { answers: number; meanScore: number | null; interval: Interval | null };
  /** Mean score of labeling answers against the final result of tasks labeled by two or more. */
  agreementWithConsensus: { answers: number; meanScore: number | null };
  /** Reviewers' verdicts on rounds they labeled; rate = (accepted + fixed) / reviewed. */
  reviewAcceptance: {
    reviewed: number;
    accepted: number;
    fixed: number;
    rejected: number;
    rate: number | null;
  };
  /** Labeling answers submitted in the period, per day, and their median time. */
  throughput: { answers: number; perDay: number; medianTimeMs: number | null };
  /** The flagged checks. */
  flags: CheckResult[];
  /** Every check that had data, flagged or not. */
  checks: CheckResult[];
}

/** A person's standing with one project, as a scorecard shows it. */
export interface StandingSummary {
  project: string;
  reliability: number | null;
  reliabilitySource: 'gold' | 'consensus' | null;
  paused: { by: 'gold' | 'training' | 'manager'; reason: string; at: Date } | null;
}

/** A workforce's id and name. */
export interface WorkforceRef {
  id: string;
  name: string;
}

/** One annotator's scorecard. */
export interface AnnotatorScorecard extends ScorecardStats {
  userId: string;
  /** Null when they are no longer a member. */
  email: string | null;
  name: string | null;
  /** Their current workforce (null: the organization's own, unassigned). */
  workforce: WorkforceRef | null;
  /** Their standings with the projects in scope. */
  standings: StandingSummary[];
}

/** One workforce's scorecard: its annotators' answers pooled (by the workforce each answer was given for). */
export interface WorkforceScorecard extends ScorecardStats {
  /** Null: answers given without a workforce. */
  workforce: WorkforceRef | null;
  /** People with answers, gold answers or reviewed rounds under this workforce in the period. */
  annotators: number;
  /** Of them, how many are paused from a project in scope. */
  pausedAnnotators: number;
}

/** Scorecards of a period. */
export interface ScorecardReport {
  by: 'annotator' | 'workforce';
  since: Date;
  until: Date;
  /** The projects covered, by name. */
  projects: string[];
  /** Whether the labeling or the gold answers of the period exceeded the cap (the newest were read). */
  truncated: boolean;
  answerLimit: number;
  annotators: AnnotatorScorecard[] | null;
  workforces: WorkforceScorecard[] | null;
}

/** A member as reports name them. */
export interface PersonRef {
  userId: string;
  email: string | null;
  name: string | null;
  workforceId: string | null;
}

/** A mean agreement with its interval, or why there is none. */
export interface MeanAgreement {
  /** Units (task rounds) the mean is over. */
  units: number;
  mean: number | null;
  interval: Interval | null;
  reason: string | null;
}

/** `agreementReport` of the answers' categorical values, with what the value is and workforces named. */
export interface CategoricalAgreement extends Omit<AgreementReport, 'byGroup'> {
  /** What the categorical value of an answer is. */
  value: string;
  byGroup: (GroupAgreement & { workforce: WorkforceRef })[];
}

/** A project's agreement over a period. */
export interface AgreementView {
  project: string;
  type: string;
  since: Date;
  until: Date;
  truncated: boolean;
  answerLimit: number;
  /** Labeling answers read. */
  answers: number;
  /** Task rounds with two or more of them: the units every measure is over. */
  units: number;
  /** The level of the categorical measure (`nominal`), or null when the type has no categorical value. */
  level: 'nominal' | null;
  /** Krippendorff's alpha on the categorical value, or null (see `categoricalReason`). */
  categorical: CategoricalAgreement | null;
  categoricalReason: string | null;
  /** The type-generic measure: the mean pairwise score. */
  pairwise: MeanAgreement & {
    measure: string;
    byPair: (MeanAgreement & { workers: [string, string] })[];
    byGroup: (MeanAgreement & { workforce: WorkforceRef })[];
  };
  /** Everyone named in the breakdowns. */
  people: PersonRef[];
}

/** What the reliability refresh did for one person. */
export interface ReliabilityOutcome {
  userId: string;
  /** The reliability measured from consensus (null: too few answers). */
  reliability: number | null;
  /** Answers it rests on. */
  answers: number;
  /**
   * `written`: stored as the consensus reliability; `unchanged`: already stored; `kept_gold`: a gold
   * reliability is stored and kept; `too_few_answers`: nothing stored.
   */
  outcome: 'written' | 'unchanged' | 'kept_gold' | 'too_few_answers';
}

/** The result of refreshing a project's consensus reliabilities. */
export interface ReliabilityRefresh {
  projectId: string;
  project: string;
  /** `dawid_skene` for categorical types, `mean_score` (against the final result) for the others. */
  method: 'dawid_skene' | 'mean_score';
  since: Date;
  until: Date;
  answers: number;
  truncated: boolean;
  /** Fewest answers a reliability rests on (the project's `gold_min_answers`). */
  minAnswers: number;
  annotators: ReliabilityOutcome[];
}

/** Scorecards, agreement and consensus reliability. */
export class QualityService {
  readonly #db: Database;
  readonly #types: TaskTypeRegistry;
  readonly #now: () => Date;
  readonly #limit: number;

  constructor(deps: { db: Database; types: TaskTypeRegistry; now?: () => Date; answerLimit?: number }) {
    this.#db = deps.db;
    this.#types = deps.types;
    this.#now = deps.now ?? (() => new Date());
    this.#limit = deps.answerLimit ?? QUALITY_ANSWER_LIMIT;
  }

  /**
   * Scorecards per annotator or per workforce over one project (`projectName`) or every project of the
   * caller's environment that is not archived (`null`), for the period (default: the last 30 days).
   */
  async scorecards(
    p: Principal,
    projectName: string | null,
    query: { by: 'annotator' | 'workforce'; since?: Date; until?: Date },
  ): Promise<ScorecardReport> {
    const period = this.#period(query);
    const data = await this.#db.withOrg(p.orgId, async (tx) => {
      const scope = projectName
        ? [await requireProject(tx, p, projectName)]
        : await listProjects(tx, p.isTest, false);
      const projectIds = scope.map((project) => project.id);
      const limit = this.#limit + 1;
      // One after the other: a transaction is one connection, which runs one query at a time.
      const answers = await labelAnswersIn(tx, { ...period, projectIds, limit });
      const gold = await evaluationScoresIn(tx, { ...period, projectIds, limit });
      const verdicts = await labelerVerdictsIn(tx, { ...period, projectIds });
      const standings = await standingSummaries(tx, projectIds);
      const members = await listMemberRows(tx);
      const workforces = await listWorkforces(tx);
      const truncated = answers.length > this.#limit || gold.length > this.#limit;
      const kept = answers.slice(0, this.#limit);
      const tasks = await qualityTasks(tx, unique(kept.map((a) => a.taskId)));
      return {
        scope,
        answers: kept,
        gold: gold.slice(0, this.#limit),
        verdicts,
        standings,
        members,
        workforces,
        tasks,
        truncated,
      };
    });
    const context = new ScorecardContext(this.#types, data, period);
    return {
      by: query.by,
      since: period.since,
      until: period.until,
      projects: data.scope.map((project) => project.name),
      truncated: data.truncated,
      answerLimit: this.#limit,
      annotators: query.by === 'annotator' ? context.annotators() : null,
      workforces: query.by === 'workforce' ? context.workforces() : null,
    };
  }

  /**
   * A project's inter-annotator agreement over the period (default: the last 30 days), on the labeling
   * answers of task rounds answered by two or more people.
   */
  async agreement(
    p: Principal,
    projectName: string,
    query: { since?: Date; until?: Date },
  ): Promise<AgreementView> {
    const period = this.#period(query);
    const data = await this.#db.withOrg(p.orgId, async (tx) => {
      const project = await requireProject(tx, p, projectName);
      const answers = await labelAnswersIn(tx, {
        ...period,
        projectIds: [project.id],
        limit: this.#limit + 1,
      });
      const kept = answers.slice(0, this.#limit);
      const tasks = await qualityTasks(tx, unique(kept.map((a) => a.taskId)));
      const members = await listMemberRows(tx);
      const workforces = await listWorkforces(tx);
      return { project, answers: kept, truncated: answers.length > this.#limit, tasks, members, workforces };
    });
    const { project } = data;
    const taskById = new Map(data.tasks.map((t) => [t.id, t]));
    const units = pairableUnits(data.answers);
    const workforceNames = new Map(data.workforces.map((w) => [w.id, w.name]));
    const categorical = categoricalAgreement(project.type, units, workforceNames);
    const pairwise = pairwiseAgreement(this.#types, units, taskById, workforceNames);
    const named = new Set<string>();
    for (const unit of units) for (const a of unit) named.add(a.userId);
    return {
      project: project.name,
      type: project.type,
      since: period.since,
      until: period.until,
      truncated: data.truncated,
      answerLimit: this.#limit,
      answers: data.answers.length,
      units: units.length,
      level: categorical.report ? 'nominal' : null,
      categorical: categorical.report,
      categoricalReason: categorical.reason,
      pairwise,
      people: peopleRefs([...named], data.members),
    };
  }

  /**
   * Recomputes the consensus reliability of everyone who labeled the project in the last 30 days (see
   * {@link QualityService.refreshProjectReliability}), for a manager who wants it now.
   */
  async refreshReliability(p: Principal, projectName: string): Promise<ReliabilityRefresh> {
    const project = await this.#db.withOrg(p.orgId, (tx) => requireProject(tx, p, projectName));
    return this.refreshProjectReliability(p.orgId, project.id);
  }

  /**
   * Each annotator's reliability from consensus over their labeling answers of the last 30 days:
   * categorical types by Dawid-Skene (`workerSkill`: the chance they label a random task right) over
   * the task rounds labeled by two or more; other types as the mean score of their answers against the
   * final result of completed tasks whose final round had two or more answers. A reliability needs at
   * least the project's `gold_min_answers` answers behind it. It is stored with source `consensus`,
   * except over a reliability measured on gold, which is kept. Reads in one transaction and writes in
   * another (the computation holds neither); running it again on the same data changes nothing.
   */
  async refreshProjectReliability(orgId: string, projectId: string): Promise<ReliabilityRefresh> {
    const until = this.#now();
    const period = { since: new Date(until.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS), until };
    const data = await this.#db.withOrg(orgId, async (tx) => {
      const project = await findProjectById(tx, projectId);
      if (!project) throw notFound('project', projectId);
      const answers = await labelAnswersIn(tx, {
        ...period,
        projectIds: [projectId],
        limit: this.#limit + 1,
      });
      const kept = answers.slice(0, this.#limit);
      const tasks = await qualityTasks(tx, unique(kept.map((a) => a.taskId)));
      return { project, answers: kept, truncated: answers.length > this.#limit, tasks };
    });
    const { project } = data;
    const minAnswers = readQuality(project.quality).gold_min_answers;
    const measured = consensusReliability(this.#types, project.type, data.answers, data.tasks);
    const reliable = new Map(
      [...measured.byUser]
        .filter(([, m]) => m.answers >= minAnswers && m.reliability !== null)
        .map(([userId, m]) => [userId, m.reliability as number]),
    );
    const { written, gold } = await this.#db.withOrg(orgId, async (tx) => {
      const before = await standingSummaries(tx, [projectId]);
      const goldUsers = new Set(before.filter((s) => s.reliabilitySource === 'gold').map((s) => s.userId));
      const writtenUsers = await upsertConsensusReliability(tx, {
        orgId,
        projectId,
        reliabilities: reliable,
      });
      return { written: new Set(writtenUsers), gold: goldUsers };
    });
    const annotators = [...measured.byUser]
      .map(([userId, m]): ReliabilityOutcome => {
        const stored = reliable.has(userId);
        const outcome = !stored
          ? 'too_few_answers'
          : written.has(userId)
            ? 'written'
            : gold.has(userId)
              ? 'kept_gold'
              : 'unchanged';
        return { userId, reliability: stored ? m.reliability : null, answers: m.answers, outcome };
      })
      .sort((a, b) => byText(a.userId, b.userId));
    return {
      projectId,
      project: project.name,
      method: measured.method,
      since: period.since,
      until: period.until,
      answers: data.answers.length,
      truncated: data.truncated,
      minAnswers,
      annotators,
    };
  }

  /**
   * The reliability job: refreshes every project (of every organization) that is not archived and
   * weighs consensus by reliability, one project at a time. A project that fails is reported and the
   * others still run.
   */
  async refreshAllReliability(answeredSince: Date | null = null): Promise<{
    refreshed: ReliabilityRefresh[];
    failed: { orgId: string; projectId: string; error: unknown }[];
  }> {
    const candidates = (await unarchivedProjects(this.#db.system, answeredSince)).filter(
      (project) => readQuality(project.quality).weighted_consensus,
    );
    const refreshed: ReliabilityRefresh[] = [];
    const failed: { orgId: string; projectId: string; error: unknown }[] = [];
    for (const project of candidates) {
      try {
        refreshed.push(await this.refreshProjectReliability(project.orgId, project.id));
      } catch (error) {
        failed.push({ orgId: project.orgId, projectId: project.id, error });
      }
    }
    return { refreshed, failed };
  }

  #period(query: { since?: Date; until?: Date }): Period {
    const until = query.until ?? this.#now();
    const since = query.since ?? new Date(until.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
    if (since.getTime() >= until.getTime()) {
      throw invalid('since: must be before until', [{ path: 'since', message: 'must be before until' }]);
    }
    return { since, until };
  }
}

// ---- scorecards

/** Everything a scorecard report is computed from. */
interface ScorecardData {
  scope: ProjectRow[];
  answers: LabelAnswerRow[];
  gold: GoldScoreRow[];
  verdicts: LabelerVerdictRow[];
  standings: StandingSummaryRow[];
  members: MemberRow[];
  workforces: { id: string; name: string }[];
  tasks: QualityTaskRow[];
}

/** The measures of one annotator or workforce, gathered before they are summarized. */
interface Bag {
  users: Set<string>;
  goldScores: number[];
  consensusSum: number;
  consensusCount: number;
  verdicts: { accept: number; fix: number; reject: number };
  answers: number;
  times: number[];
}

function newBag(): Bag {
  return {
    users: new Set(),
    goldScores: [],
    consensusSum: 0,
    consensusCount: 0,
    verdicts: { accept: 0, fix: 0, reject: 0 },
    answers: 0,
    times: [],
  };
}

/** Scorecards of one report's data. */
class ScorecardContext {
  readonly #types: TaskTypeRegistry;
  readonly #data: ScorecardData;
  readonly #days: number;
  readonly #projectNames: Map<string, string>;
  readonly #members: Map<string, MemberRow>;
  readonly #workforces: Map<string, string>;
  /** Per project, per user, the results of every check that had their data. */
  readonly #checks: Map<string, Map<string, CheckResult[]>>;

  constructor(types: TaskTypeRegistry, data: ScorecardData, period: Period) {
    this.#types = types;
    this.#data = data;
    this.#days = (period.until.getTime() - period.since.getTime()) / DAY_MS;
    this.#projectNames = new Map(data.scope.map((project) => [project.id, project.name]));
    this.#members = new Map(data.members.map((m) => [m.userId, m]));
    this.#workforces = new Map(data.workforces.map((w) => [w.id, w.name]));
    const tasks = new Map(data.tasks.map((t) => [t.id, t]));
    this.#checks = new Map();
    for (const [projectId, answers] of groupBy(data.answers, (a) => a.projectId)) {
      const name = this.#projectNames.get(projectId) ?? projectId;
      this.#checks.set(projectId, runChecks(name, answers, tasks));
    }
  }

  /** One scorecard per person with answers, gold answers or reviewed rounds in the period, by email. */
  annotators(): AnnotatorScorecard[] {
    const bags = this.#bags((userId) => userId);
    const standings = groupBy(this.#data.standings, (s) => s.userId);
    return [...bags]
      .map(([userId, bag]): AnnotatorScorecard => {
        const member = this.#members.get(userId);
        const checks: CheckResult[] = [];
        for (const byUser of this.#checks.values()) checks.push(...(byUser.get(userId) ?? []));
        return {
          userId,
          email: member?.email ?? null,
          name: member?.name ?? null,
          workforce: this.#workforceRef(member?.workforceId ?? null),
          standings: (standings.get(userId) ?? []).map((s) => this.#standing(s)),
          ...this.#stats(bag, checks),
        };
      })
      .sort((a, b) => byOptionalText(a.email, b.email) || byText(a.userId, b.userId));
  }

  /**
   * One scorecard per workforce, pooling the answers given for it (the workforce recorded with each
   * answer, so work done for a vendor stays theirs after the person moves). A workforce's checks count
   * its annotators flagged on each project.
   */
  workforces(): WorkforceScorecard[] {
    const bags = this.#bags((_userId, workforceId) => workforceId);
    const paused = new Set(this.#data.standings.filter((s) => s.pausedAt !== null).map((s) => s.userId));
    // Per workforce, per project: the people who labeled for it there.
    const labelers = new Map<string | null, Map<string, Set<string>>>();
    for (const a of this.#data.answers) {
      const projects = getOrCreate(labelers, a.workforceId, () => new Map());
      const users = getOrCreate(projects, a.projectId, () => new Set());
      users.add(a.userId);
    }
    return [...bags]
      .map(([workforceId, bag]): WorkforceScorecard => {
        const checks: CheckResult[] = [];
        for (const [projectId, users] of labelers.get(workforceId) ?? new Map<string, Set<string>>()) {
          checks.push(...this.#pooledChecks(projectId, users));
        }
        return {
          workforce: this.#workforceRef(workforceId),
          annotators: bag.users.size,
          pausedAnnotators: [...bag.users].filter((u) => paused.has(u)).length,
          ...this.#stats(bag, checks),
        };
      })
      .sort(
        (a, b) =>
          byOptionalText(a.workforce?.name ?? null, b.workforce?.name ?? null) ||
          byOptionalText(a.workforce?.id ?? null, b.workforce?.id ?? null),
      );
  }

  /** Gathers every answer, gold answer and verdict into the bag of its key. */
  #bags<K>(keyOf: (userId: string, workforceId: string | null) => K): Map<K, Bag> {
    const bags = new Map<K, Bag>();
    const bag = (userId: string, workforceId: string | null): Bag => {
      const key = keyOf(userId, workforceId);
      const found = getOrCreate(bags, key, () => newBag());
      found.users.add(userId);
      return found;
    };
    const tasks = new Map(this.#data.tasks.map((t) => [t.id, t]));
    for (const a of this.#data.answers) {
      const b = bag(a.userId, a.workforceId);
      b.answers += 1;
      if (a.timeSpentMs !== null) b.times.push(a.timeSpentMs);
      const score = consensusScore(this.#types, a, tasks.get(a.taskId));
      if (score !== null) {
        b.consensusSum += score;
        b.consensusCount += 1;
      }
    }
    for (const g of this.#data.gold) bag(g.userId, g.workforceId).goldScores.push(g.score);
    for (const v of this.#data.verdicts) bag(v.userId, v.workforceId).verdicts[v.verdict] += v.count;
    return bags;
  }

  #stats(bag: Bag, checks: CheckResult[]): ScorecardStats {
    const { accept, fix, reject } = bag.verdicts;
    const reviewed = accept + fix + reject;
    const goldMean = mean(bag.goldScores);
    return {
      gold: {
        answers: bag.goldScores.length,
        meanScore: goldMean,
        interval: goldMean === null ? null : meanInterval(bag.goldScores),
      },
      agreementWithConsensus: {
        answers: bag.consensusCount,
        meanScore: bag.consensusCount > 0 ? bag.consensusSum / bag.consensusCount : null,
      },
      reviewAcceptance: {
        reviewed,
        accepted: accept,
        fixed: fix,
        rejected: reject,
        rate: reviewed > 0 ? (accept + fix) / reviewed : null,
      },
      throughput: {
        answers: bag.answers,
        perDay: bag.answers / this.#days,
        medianTimeMs: median(bag.times),
      },
      flags: checks.filter((c) => c.flagged),
      checks,
    };
  }

  /** A workforce's view of one project's check results: how many of its annotators each check flagged. */
  #pooledChecks(projectId: string, users: Set<string>): CheckResult[] {
    const byUser = this.#checks.get(projectId);
    if (!byUser) return [];
    const byCheck = new Map<CheckName, { userId: string; result: CheckResult }[]>();
    for (const userId of [...users].sort(byText)) {
      for (const result of byUser.get(userId) ?? []) {
        const list = getOrCreate(byCheck, result.check, () => []);
        list.push({ userId, result });
      }
    }
    return [...byCheck].map(([check, results]): CheckResult => {
      const flagged = results.filter((r) => r.result.flagged);
      const named = flagged
        .slice(0, NAMED_IN_REASON)
        .map((r) => `${this.#members.get(r.userId)?.email ?? r.userId} (${r.result.reason})`);
      const more = flagged.length - named.length;
      return {
        check,
        project: this.#projectNames.get(projectId) ?? projectId,
        flagged: flagged.length > 0,
        reason:
          flagged.length > 0
            ? `${flagged.length} of ${results.length} annotators flagged: ${named.join('; ')}${more > 0 ? `; and ${more} more` : ''}`
            : null,
        figures: { annotators: results.length, flaggedAnnotators: flagged.length },
      };
    });
  }

  #standing(s: StandingSummaryRow): StandingSummary {
    return {
      project: this.#projectNames.get(s.projectId) ?? s.projectId,
      reliability: s.reliability,
      reliabilitySource: s.reliabilitySource,
      paused:
        s.pausedAt && s.pausedBy ? { by: s.pausedBy, reason: s.pauseReason ?? '', at: s.pausedAt } : null,
    };
  }

  #workforceRef(id: string | null): WorkforceRef | null {
    return id === null ? null : { id, name: this.#workforces.get(id) ?? id };
  }
}

/**
 * The score of a labeling answer against its task's final result, or null when that says nothing: the
 * task is not completed, the answer is from an earlier round, or the final round had a single answer
 * (which then IS the result).
 */
function consensusScore(
  types: TaskTypeRegistry,
  a: LabelAnswerRow,
  task: QualityTaskRow | undefined,
): number | null {
  if (task?.status !== 'completed' || a.round !== task.round || task.finalRoundAnswers < 2) return null;
  const type = types.get(task.type);
  return type ? safeScore(type, task.params, a.response, task.response) : null;
}

/** The four checks over one project's answers, per user. */
function runChecks(
  project: string,
  answers: readonly LabelAnswerRow[],
  tasks: ReadonlyMap<string, QualityTaskRow>,
): Map<string, CheckResult[]> {
  const out = new Map<string, CheckResult[]>();
  const add = (worker: string, result: CheckResult) => {
    // A figure that is not a finite number (none is expected) reads as undefined rather than NaN.
    const figures = Object.fromEntries(
      Object.entries(result.figures).map(([name, value]) => [name, Number.isFinite(value) ? value : null]),
    );
    getOrCreate(out, worker, (): CheckResult[] => []).push({ ...result, figures });
  };
  const timed = answers.flatMap((a) =>
    a.timeSpentMs === null ? [] : [{ worker: a.userId, task: a.taskId, timeMs: a.timeSpentMs }],
  );
  for (const r of fastAnswers(timed)) {
    add(r.worker, {
      check: 'fast_answers',
      project,
      flagged: r.flagged,
      reason: r.reason,
      figures: {
        answers: r.answers,
        fast: r.fast,
        share: r.share,
        medianMs: r.medianMs,
        thresholdMs: r.thresholdMs,
      },
    });
  }

  const sides: SideChoice[] = [];
  const lengths: LengthChoice[] = [];
  const judgements: PreferenceJudgement[] = [];
  for (const a of answers) {
    const task = tasks.get(a.taskId);
    if (task?.type !== 'pairwisepreference') continue;
    const preference = readPreference(task, a);
    if (!preference) continue;
    const { chosen, shownFirst, lengths: sizes, items, context } = preference;
    if (shownFirst !== null) {
      sides.push({ worker: a.userId, shownFirstChosen: chosen === null ? null : chosen === shownFirst });
    }
    // A tie has no chosen side: its lengths are read in the task's order (the check only counts it).
    const [mine, other] = chosen === 1 ? ([1, 0] as const) : ([0, 1] as const);
    lengths.push({
      worker: a.userId,
      chosenLength: sizes[mine],
      otherLength: sizes[other],
      tie: chosen === null,
    });
    const [left, right] = shownFirst === 1 ? [items[1], items[0]] : [items[0], items[1]];
    if (left !== right) {
      judgements.push({
        worker: a.userId,
        context,
        left,
        right,
        winner: chosen === null ? null : items[chosen],
      });
    }
  }
  for (const r of sideBias(sides)) {
    add(r.worker, {
      check: 'side_bias',
      project,
      flagged: r.flagged,
      reason: r.reason,
      figures: {
        answers: r.answers,
        firstChosen: r.firstChosen,
        share: r.share,
        pValue: r.pValue,
        ties: r.ties,
      },
    });
  }
  for (const r of lengthBias(lengths)) {
    add(r.worker, {
      check: 'length_bias',
      project,
      flagged: r.flagged,
      reason: r.reason,
      figures: {
        answers: r.answers,
        longerChosen: r.longerChosen,
        share: r.share,
        crowdAnswers: r.crowdAnswers,
        crowdShare: r.crowdShare,
        pValue: r.pValue,
        ties: r.ties,
        equalLength: r.equalLength,
      },
    });
  }
  for (const r of transitivityViolations(judgements)) {
    add(r.worker, {
      check: 'transitivity',
      project,
      flagged: r.flagged,
      reason: r.reason,
      figures: {
        comparisons: r.comparisons,
        triads: r.triads,
        cycles: r.cycles,
        rate: r.rate,
        tiedTriads: r.tiedTriads,
      },
    });
  }
  return out;
}

/** A pairwise-preference answer read for the checks. */
interface Preference {
  /** The chosen response's index in the task (0 = A), or null for a tie. */
  chosen: 0 | 1 | null;
  /** The index of the response shown first, or null when the order is unknown. */
  shownFirst: 0 | 1 | null;
  /** The two responses' content lengths, in characters. */
  lengths: [number, number];
  /** The two responses as items: their ids, else their content. */
  items: [string, string];
  /** What they answer: the prompt text, or the task for a conversation. */
  context: string;
}

function readPreference(task: QualityTaskRow, a: LabelAnswerRow): Preference | null {
  const choice = (a.response as { choice?: unknown } | null)?.choice;
  const responses = task.params.responses;
  if (!Array.isArray(responses) || responses.length !== 2) return null;
  if (choice !== 'A' && choice !== 'B' && choice !== 'tie') return null;
  const [r0, r1] = responses as { id?: unknown; content?: unknown }[];
  const content = (r: { content?: unknown } | undefined) => (typeof r?.content === 'string' ? r.content : '');
  const item = (r: { id?: unknown; content?: unknown } | undefined) =>
    typeof r?.id === 'string' ? r.id : content(r);
  const order = a.displayOrder;
  const shownFirst =
    Array.isArray(order) &&
    order.length === 2 &&
    (order[0] === 0 || order[0] === 1) &&
    order[1] === 1 - order[0]
      ? (order[0] as 0 | 1)
      : null;
  const prompt = task.params.prompt;
  return {
    chosen: choice === 'A' ? 0 : choice === 'B' ? 1 : null,
    shownFirst,
    lengths: [content(r0).length, content(r1).length],
    items: [item(r0), item(r1)],
    context: typeof prompt === 'string' ? prompt : task.id,
  };
}

// ---- agreement

/** The labeling answers grouped by unit (task round), keeping the units with two or more, by unit id. */
function pairableUnits(answers: readonly LabelAnswerRow[]): LabelAnswerRow[][] {
  const units = groupBy(answers, (a) => unitOf(a));
  return [...units]
    .filter(([, list]) => list.length >= 2)
    .sort(([a], [b]) => byText(a, b))
    .map(([, list]) => list.sort((x, y) => byText(x.userId, y.userId)));
}

function unitOf(a: Pick<LabelAnswerRow, 'taskId' | 'round'>): string {
  return `${a.taskId}:${a.round}`;
}

/** The types whose answers have one categorical value, and how it is read. */
const CATEGORICAL_VALUES: Record<string, string> = {
  categorization: 'the chosen category (several: their sorted list as one JSON array)',
  pairwisepreference: 'the choice (A, B or tie) in the task’s own order',
  comparison: 'the chosen option (answers without one are left out)',
};

/**
 * The categorical value of an answer of `type`: the category (several categories as their sorted JSON
 * array, one nominal value), the preference choice, the comparison's option; null when the type or the
 * answer has none.
 */
export function categoricalValue(type: string, response: unknown): string | null {
  if (!response || typeof response !== 'object') return null;
  const r = response as Record<string, unknown>;
  if (type === 'categorization') {
    if (typeof r.category === 'string') return r.category;
    if (Array.isArray(r.category) && r.category.every((c) => typeof c === 'string')) {
      return JSON.stringify([...r.category].sort());
    }
    return null;
  }
  if (type === 'pairwisepreference' || type === 'comparison')
    return typeof r.choice === 'string' ? r.choice : null;
  return null;
}

function categoricalAgreement(
  type: string,
  units: readonly LabelAnswerRow[][],
  workforceNames: ReadonlyMap<string, string>,
): { report: CategoricalAgreement | null; reason: string | null } {
  const value = CATEGORICAL_VALUES[type];
  if (!value) {
    return {
      report: null,
      reason: `${type} answers have no single categorical value; read the pairwise measure`,
    };
  }
  const answers = units.flatMap((unit) =>
    unit.map((a) => ({
      unit: unitOf(a),
      worker: a.userId,
      group: a.workforceId,
      value: categoricalValue(type, a.response),
    })),
  );
  const report = agreementReport({
    answers,
    level: 'nominal',
    bootstrap: BOOTSTRAP,
    minShared: MIN_SHARED_UNITS,
  });
  const byGroup = report.byGroup.map((g) => ({
    ...g,
    workforce: { id: g.group, name: workforceNames.get(g.group) ?? g.group },
  }));
  return { report: { ...report, value, byGroup }, reason: null };
}

/**
 * The mean pairwise score: per unit, the mean over its pairs of answers of the type's score made
 * symmetric ((score(a, b) + score(b, a)) / 2); then the mean over units, with a bootstrap interval over
 * units — for the project, per pair of annotators (units shared ≥ 5) and per workforce (pairs within it).
 */
function pairwiseAgreement(
  types: TaskTypeRegistry,
  units: readonly LabelAnswerRow[][],
  tasks: ReadonlyMap<string, QualityTaskRow>,
  workforceNames: ReadonlyMap<string, string>,
): AgreementView['pairwise'] {
  const overall: number[] = [];
  const byPair = new Map<string, { workers: [string, string]; scores: number[] }>();
  const byGroup = new Map<string, number[]>();
  for (const unit of units) {
    const first = unit[0];
    const task = first ? tasks.get(first.taskId) : undefined;
    const type = task ? types.get(task.type) : undefined;
    if (!task || !type) continue;
    const all: number[] = [];
    const groups = new Map<string, number[]>();
    for (let i = 0; i < unit.length; i += 1) {
      for (let j = i + 1; j < unit.length; j += 1) {
        const a = unit[i] as LabelAnswerRow;
        const b = unit[j] as LabelAnswerRow;
        const ab = safeScore(type, task.params, a.response, b.response);
        const ba = safeScore(type, task.params, b.response, a.response);
        if (ab === null || ba === null) continue;
        const score = (ab + ba) / 2;
        all.push(score);
        const key = `${a.userId}\u0000${b.userId}`;
        const pair = getOrCreate(byPair, key, () => ({
          workers: [a.userId, b.userId] as [string, string],
          scores: [] as number[],
        }));
        pair.scores.push(score);
        if (a.workforceId !== null && a.workforceId === b.workforceId) {
          const list = getOrCreate(groups, a.workforceId, () => []);
          list.push(score);
        }
      }
    }
    const unitMean = mean(all);
    if (unitMean !== null) overall.push(unitMean);
    for (const [group, scores] of groups) {
      const list = getOrCreate(byGroup, group, () => []);
      list.push(mean(scores) as number);
    }
  }
  return {
    measure:
      'mean pairwise score: per task round, the mean over pairs of answers of the type’s score made symmetric, then the mean over task rounds',
    ...meanAgreement(overall, 'no task round was answered by two people in the period'),
    byPair: [...byPair.values()]
      .filter((pair) => pair.scores.length >= MIN_SHARED_UNITS)
      .sort((a, b) => byText(a.workers[0], b.workers[0]) || byText(a.workers[1], b.workers[1]))
      .map((pair) => ({ workers: pair.workers, ...meanAgreement(pair.scores, '') })),
    byGroup: [...byGroup]
      .sort(([a], [b]) => byText(a, b))
      .map(([id, values]) => ({
        workforce: { id, name: workforceNames.get(id) ?? id },
        ...meanAgreement(values, 'no task round was answered by two people of this workforce'),
      })),
  };
}

function meanAgreement(values: readonly number[], noUnits: string): MeanAgreement {
  const m = mean(values);
  return {
    units: values.length,
    mean: m,
    interval: m === null ? null : meanInterval(values),
    reason: m === null ? noUnits : null,
  };
}

// ---- consensus reliability

/** Consensus reliability per person, before the minimum of answers applies. */
function consensusReliability(
  types: TaskTypeRegistry,
  projectType: string,
  answers: readonly LabelAnswerRow[],
  tasks: readonly QualityTaskRow[],
): {
  method: 'dawid_skene' | 'mean_score';
  byUser: Map<string, { reliability: number | null; answers: number }>;
} {
  const byUser = new Map<string, { reliability: number | null; answers: number }>();
  if (CATEGORICAL_VALUES[projectType]) {
    const labels = pairableUnits(answers).flatMap((unit) =>
      unit.flatMap((a) => {
        const label = categoricalValue(projectType, a.response);
        return label === null ? [] : [{ worker: a.userId, task: unitOf(a), label }];
      }),
    );
    const counts = new Map<string, number>();
    for (const l of labels) counts.set(l.worker, (counts.get(l.worker) ?? 0) + 1);
    const skill = labels.length > 0 ? dawidSkene(labels).workerSkill : {};
    for (const [worker, n] of counts) {
      const s = skill[worker];
      byUser.set(worker, {
        reliability: s !== undefined && Number.isFinite(s) ? clamp01(s) : null,
        answers: n,
      });
    }
    return { method: 'dawid_skene', byUser };
  }
  const taskById = new Map(tasks.map((t) => [t.id, t]));
  const sums = new Map<string, { sum: number; n: number }>();
  for (const a of answers) {
    const score = consensusScore(types, a, taskById.get(a.taskId));
    if (score === null) continue;
    const s = sums.get(a.userId) ?? { sum: 0, n: 0 };
    s.sum += score;
    s.n += 1;
    sums.set(a.userId, s);
  }
  for (const [userId, s] of sums) byUser.set(userId, { reliability: s.sum / s.n, answers: s.n });
  return { method: 'mean_score', byUser };
}

// ---- helpers

async function requireProject(tx: Db, p: Principal, name: string): Promise<ProjectRow> {
  const project = await findProjectByName(tx, p.isTest, name);
  if (!project) throw notFound('project', name);
  return project;
}

/** The type's score of `answer` against `reference`, in [0, 1]; null when the type cannot score them. */
function safeScore(type: TaskType, params: unknown, answer: unknown, reference: unknown): number | null {
  try {
    const score = type.score(params as never, answer as never, reference as never);
    return Number.isFinite(score) ? clamp01(score) : null;
  } catch {
    // A stored answer the type no longer reads (an older format): it says nothing either way.
    return null;
  }
}

function peopleRefs(userIds: readonly string[], members: readonly MemberRow[]): PersonRef[] {
  const byId = new Map(members.map((m) => [m.userId, m]));
  return [...userIds].sort(byText).map((userId) => {
    const m = byId.get(userId);
    return { userId, email: m?.email ?? null, name: m?.name ?? null, workforceId: m?.workforceId ?? null };
  });
}

/** The mean's percentile bootstrap interval over `values` (seeded: the same values, the same interval). */
function meanInterval(values: readonly number[]): Interval {
  const interval = bootstrapInterval(values, (sample) => mean(sample) ?? Number.NaN, BOOTSTRAP);
  return { low: interval.lower, high: interval.upper };
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = getOrCreate(groups, key, () => []);
    list.push(item);
  }
  return groups;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Text order with nulls last. */
function byOptionalText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return byText(a, b);
}
