/** The first-party shapes of quality reports: scorecards, agreement, and a reliability refresh. */
import { z } from 'zod';
import type {
  AgreementView,
  CheckResult,
  Interval,
  MeanAgreement,
  ReliabilityRefresh,
  ScorecardReport,
  ScorecardStats,
  StandingSummary,
  WorkforceRef,
} from '../services/quality.ts';

const timestamp = (what: string) => z.string().meta({ format: 'date-time' }).describe(what);

const intervalSchema = (what: string) =>
  z
    .object({
      low: z.number().describe('Lower bound: the 2.5 % quantile of the resampled statistic.'),
      high: z.number().describe('Upper bound: the 97.5 % quantile.'),
    })
    .nullable()
    .describe(
      `${what} (percentile bootstrap, 1000 resamples, seeded: the same data gives the same interval); null without data.`,
    );

const workforceRefSchema = (what: string) =>
  z
    .object({
      id: z.string().describe('Workforce id.'),
      name: z.string().describe('Workforce name.'),
    })
    .nullable()
    .describe(what);

/** One check's result. */
export const apiQualityCheckSchema = z
  .object({
    check: z
      .enum(['fast_answers', 'side_bias', 'length_bias', 'transitivity'])
      .describe(
        '`fast_answers`: too many answers faster than a quarter of the project’s median time; `side_bias`: picks the option shown first (or second) more than chance; `length_bias`: prefers the longer response more than the other annotators do; `transitivity`: circular preferences (A over B, B over C, C over A).',
      ),
    project: z.string().describe('The project whose answers were checked.'),
    flagged: z.boolean().describe('Whether the check flagged them.'),
    reason: z.string().nullable().describe('Why, in plain English; null when not flagged.'),
    figures: z
      .record(z.string(), z.number().nullable())
      .describe(
        'The check’s figures: `fast_answers` answers, fast, share, medianMs, thresholdMs; `side_bias` answers, firstChosen, share, pValue, ties; `length_bias` answers, longerChosen, share, crowdAnswers, crowdShare, pValue, ties, equalLength; `transitivity` comparisons, triads, cycles, rate, tiedTriads. A workforce’s checks: annotators, flaggedAnnotators.',
      ),
  })
  .describe('One quality check of one project’s answers.');

const statsShape = {
  gold: z
    .object({
      answers: z.int().describe('Hidden evaluation answers submitted in the period.'),
      meanScore: z.number().nullable().describe('Their mean score, 0..1 (null without answers).'),
      interval: intervalSchema('95 % interval of the mean score'),
    })
    .describe('Hidden gold results.'),
  agreementWithConsensus: z
    .object({
      answers: z
        .int()
        .describe(
          'Labeling answers of completed tasks whose final round had two or more answers (a lone answer is the result, so it says nothing).',
        ),
      meanScore: z
        .number()
        .nullable()
        .describe('Mean of the type’s score of each answer against the task’s final response, 0..1.'),
    })
    .describe('Agreement with the final result.'),
  reviewAcceptance: z
    .object({
      reviewed: z.int().describe('Reviewer verdicts in the period on rounds they labeled.'),
      accepted: z.int().describe('Accepted as labeled.'),
      fixed: z.int().describe('Accepted with a correction.'),
      rejected: z.int().describe('Sent back to labeling.'),
      rate: z.number().nullable().describe('(accepted + fixed) / reviewed; null when nothing was reviewed.'),
    })
    .describe('What reviewers said of the rounds they labeled.'),
  throughput: z
    .object({
      answers: z.int().describe('Labeling answers submitted in the period.'),
      perDay: z.number().describe('answers / the period’s length in days.'),
      medianTimeMs: z
        .number()
        .nullable()
        .describe('Median time spent per answer, in ms (null without answers).'),
    })
    .describe('How much labeling work, how fast.'),
  flags: z.array(apiQualityCheckSchema).describe('The checks that flagged them.'),
  checks: z.array(apiQualityCheckSchema).describe('Every check that had their data, flagged or not.'),
};

/** One annotator's scorecard. */
export const apiAnnotatorScorecardSchema = z
  .object({
    userId: z.string().describe('The person.'),
    email: z.string().nullable().describe('Their email address (null when no longer a member).'),
    name: z.string().nullable().describe('Their name.'),
    workforce: workforceRefSchema('Their current workforce (null: unassigned).'),
    standings: z
      .array(
        z
          .object({
            project: z.string().describe('Project name.'),
            reliability: z.number().nullable().describe('The weight of their answers in consensus, 0..1.'),
            reliabilitySource: z
              .enum(['gold', 'consensus'])
              .nullable()
              .describe('Where the reliability comes from.'),
            paused: z
              .object({
                by: z.enum(['gold', 'training', 'manager']).describe('Why: gold, training, or a manager.'),
                reason: z.string().describe('The reason, as shown to the person.'),
                at: timestamp('Since when.'),
              })
              .nullable()
              .describe('Set while they may not work the project.'),
          })
          .describe('Their standing with one project.'),
      )
      .describe('Their standings with the projects in scope (those recorded).'),
    ...statsShape,
  })
  .describe('One annotator’s scorecard.');

/** One workforce's scorecard. */
export const apiWorkforceScorecardSchema = z
  .object({
    workforce: workforceRefSchema('The workforce (null: answers given without one).'),
    annotators: z
      .int()
      .describe('People with answers, gold answers or reviewed rounds for it in the period.'),
    pausedAnnotators: z.int().describe('Of them, how many are paused from a project in scope.'),
    ...statsShape,
  })
  .describe('One workforce’s scorecard: the answers given for it, pooled.');

/** Scorecards of a period. */
export const apiScorecardReportSchema = z
  .object({
    by: z.enum(['annotator', 'workforce']).describe('Per annotator or per workforce.'),
    since: timestamp('Start of the period (inclusive).'),
    until: timestamp('End of the period (exclusive).'),
    projects: z.array(z.string()).describe('The projects covered, by name.'),
    truncated: z
      .boolean()
      .describe(
        'Whether the period had more labeling or gold answers than `answerLimit`; then only the newest count.',
      ),
    answerLimit: z.int().describe('Most labeling answers (and, apart, gold answers) read.'),
    annotators: z
      .array(apiAnnotatorScorecardSchema)
      .nullable()
      .describe('With `by=annotator`: one per person, by email; else null.'),
    workforces: z
      .array(apiWorkforceScorecardSchema)
      .nullable()
      .describe('With `by=workforce`: one per workforce, by name, then answers without one; else null.'),
  })
  .describe('Scorecards.');

function presentInterval(interval: Interval | null): z.infer<ReturnType<typeof intervalSchema>> {
  return interval ? { low: interval.low, high: interval.high } : null;
}

function presentCheck(c: CheckResult): z.infer<typeof apiQualityCheckSchema> {
  return { check: c.check, project: c.project, flagged: c.flagged, reason: c.reason, figures: c.figures };
}

function presentStats(s: ScorecardStats) {
  return {
    gold: {
      answers: s.gold.answers,
      meanScore: s.gold.meanScore,
      interval: presentInterval(s.gold.interval),
    },
    agreementWithConsensus: s.agreementWithConsensus,
    reviewAcceptance: s.reviewAcceptance,
    throughput: s.throughput,
    flags: s.flags.map(presentCheck),
    checks: s.checks.map(presentCheck),
  };
}

function presentWorkforce(w: WorkforceRef | null): { id: string; name: string } | null {
  return w ? { id: w.id, name: w.name } : null;
}

function presentStanding(s: StandingSummary) {
  return {
    project: s.project,
    reliability: s.reliability,
    reliabilitySource: s.reliabilitySource,
    paused: s.paused ? { by: s.paused.by, reason: s.paused.reason, at: s.paused.at.toISOString() } : null,
  };
}

/** The API shape of a scorecard report. */
export function presentScorecards(r: ScorecardReport): z.infer<typeof apiScorecardReportSchema> {
  return {
    by: r.by,
    since: r.since.toISOString(),
    until: r.until.toISOString(),
    projects: r.projects,
    truncated: r.truncated,
    answerLimit: r.answerLimit,
    annotators:
      r.annotators?.map((a) => ({
        userId: a.userId,
        email: a.email,
        name: a.name,
        workforce: presentWorkforce(a.workforce),
        standings: a.standings.map(presentStanding),
        ...presentStats(a),
      })) ?? null,
    workforces:
      r.workforces?.map((w) => ({
        workforce: presentWorkforce(w.workforce),
        annotators: w.annotators,
        pausedAnnotators: w.pausedAnnotators,
        ...presentStats(w),
      })) ?? null,
  };
}

/** A workforce named in an agreement breakdown. */
const groupWorkforceSchema = z
  .object({
    id: z.string().describe('Workforce id.'),
    name: z.string().describe('Workforce name.'),
  })
  .describe('The workforce.');

const alphaShape = {
  alpha: z.number().nullable().describe('Krippendorff’s alpha; null when undefined (see `reason`).'),
  interval: intervalSchema('95 % interval of alpha over task rounds'),
  units: z.int().describe('Task rounds answered at least twice that alpha is computed from.'),
  pairableValues: z.int().describe('Answers in those task rounds.'),
  reason: z.string().nullable().describe('Why alpha is null, in plain English; null when it is not.'),
};

const meanAgreementShape = {
  units: z.int().describe('Task rounds the mean is over.'),
  mean: z.number().nullable().describe('Mean pairwise score, 0..1; null without units (see `reason`).'),
  interval: intervalSchema('95 % interval of the mean over task rounds'),
  reason: z.string().nullable().describe('Why `mean` is null; null when it is not.'),
};

/** A project's agreement report. */
export const apiAgreementReportSchema = z
  .object({
    project: z.string().describe('Project name.'),
    type: z.string().describe('Task type.'),
    since: timestamp('Start of the period (inclusive).'),
    until: timestamp('End of the period (exclusive).'),
    truncated: z
      .boolean()
      .describe('Whether the period had more answers than `answerLimit`; then only the newest count.'),
    answerLimit: z.int().describe('Most labeling answers read.'),
    answers: z.int().describe('Labeling answers read.'),
    units: z.int().describe('Task rounds answered by two or more people: the units of every measure.'),
    level: z
      .enum(['nominal'])
      .nullable()
      .describe(
        'Level of measurement of the categorical measure; null when the type has no categorical value.',
      ),
    categorical: z
      .object({
        value: z.string().describe('What the categorical value of an answer is.'),
        answers: z.int().describe('Answers with a value.'),
        workers: z.int().describe('People among them.'),
        overall: z.object(alphaShape).describe('Alpha over every answer.'),
        byLabel: z
          .array(
            z
              .object({
                label: z.string().describe('The value.'),
                answers: z.int().describe('Answers giving it.'),
                share: z.number().describe('answers / all answers.'),
                ...alphaShape,
              })
              .describe('Alpha of "this value or another".'),
          )
          .describe('Per value, most given first: which values people agree on and which they confuse.'),
        byPair: z
          .array(
            z
              .object({
                workers: z.array(z.string()).describe('The two people (user ids, in order).'),
                sharedUnits: z.int().describe('Task rounds both answered.'),
                agreed: z.int().describe('Of them, with the same value.'),
                percentAgreement: z.number().describe('agreed / sharedUnits.'),
                kappa: z.number().nullable().describe('Cohen’s kappa; null when undefined (see `reason`).'),
                interval: intervalSchema('95 % interval of kappa over their shared task rounds'),
                reason: z.string().nullable().describe('Why kappa is null; null when it is not.'),
              })
              .describe('Two people’s agreement.'),
          )
          .describe('Per pair of people sharing at least 5 task rounds.'),
        byGroup: z
          .array(
            z
              .object({
                workforce: groupWorkforceSchema,
                workers: z.int().describe('People who answered for it.'),
                answers: z.int().describe('Their answers.'),
                ...alphaShape,
              })
              .describe('Agreement within one workforce.'),
          )
          .describe('Per workforce: alpha among the answers given for it only.'),
      })
      .nullable()
      .describe(
        'Krippendorff’s alpha on the categorical value; null when the type has none (see `categoricalReason`).',
      ),
    categoricalReason: z.string().nullable().describe('Why `categorical` is null; null when it is not.'),
    pairwise: z
      .object({
        measure: z.string().describe('How the measure is computed.'),
        ...meanAgreementShape,
        byPair: z
          .array(
            z
              .object({
                workers: z.array(z.string()).describe('The two people (user ids, in order).'),
                ...meanAgreementShape,
              })
              .describe('Two people’s mean score on the task rounds both answered.'),
          )
          .describe('Per pair of people sharing at least 5 task rounds.'),
        byGroup: z
          .array(
            z
              .object({
                workforce: groupWorkforceSchema,
                ...meanAgreementShape,
              })
              .describe('Agreement among the answers given for one workforce.'),
          )
          .describe('Per workforce (pairs of answers both given for it).'),
      })
      .describe(
        'For every type: the type’s own score between answers (IoU-based for image annotation), so types without a categorical value are measured too.',
      ),
    people: z
      .array(
        z
          .object({
            userId: z.string().describe('User id.'),
            email: z.string().nullable().describe('Email address (null when no longer a member).'),
            name: z.string().nullable().describe('Name.'),
            workforceId: z.string().nullable().describe('Current workforce.'),
          })
          .describe('A person.'),
      )
      .describe('Everyone in the units, by user id.'),
  })
  .describe('Inter-annotator agreement of a project.');

function presentMean(m: MeanAgreement) {
  return { units: m.units, mean: m.mean, interval: presentInterval(m.interval), reason: m.reason };
}

function alphaOf(a: {
  alpha: number | null;
  interval: { low: number; high: number } | null;
  units: number;
  pairableValues: number;
  reason: string | null;
}) {
  return {
    alpha: a.alpha,
    interval: presentInterval(a.interval),
    units: a.units,
    pairableValues: a.pairableValues,
    reason: a.reason,
  };
}

/** The API shape of an agreement report. */
export function presentAgreement(v: AgreementView): z.infer<typeof apiAgreementReportSchema> {
  const c = v.categorical;
  return {
    project: v.project,
    type: v.type,
    since: v.since.toISOString(),
    until: v.until.toISOString(),
    truncated: v.truncated,
    answerLimit: v.answerLimit,
    answers: v.answers,
    units: v.units,
    level: v.level,
    categorical: c
      ? {
          value: c.value,
          answers: c.answers,
          workers: c.workers,
          overall: alphaOf(c.overall),
          byLabel: (c.byLabel ?? []).map((l) => ({
            label: String(l.label),
            answers: l.answers,
            share: l.share,
            ...alphaOf(l),
          })),
          byPair: c.byPair.map((pair) => ({
            workers: [...pair.workers],
            sharedUnits: pair.sharedUnits,
            agreed: pair.agreed,
            percentAgreement: pair.percentAgreement,
            kappa: pair.kappa,
            interval: presentInterval(pair.interval),
            reason: pair.reason,
          })),
          byGroup: c.byGroup.map((g) => ({
            workforce: { id: g.workforce.id, name: g.workforce.name },
            workers: g.workers,
            answers: g.answers,
            ...alphaOf(g),
          })),
        }
      : null,
    categoricalReason: v.categoricalReason,
    pairwise: {
      measure: v.pairwise.measure,
      ...presentMean(v.pairwise),
      byPair: v.pairwise.byPair.map((pair) => ({ workers: [...pair.workers], ...presentMean(pair) })),
      byGroup: v.pairwise.byGroup.map((g) => ({
        workforce: { id: g.workforce.id, name: g.workforce.name },
        ...presentMean(g),
      })),
    },
    people: v.people,
  };
}

/** The result of a reliability refresh. */
export const apiReliabilityRefreshSchema = z
  .object({
    project: z.string().describe('Project name.'),
    method: z
      .enum(['dawid_skene', 'mean_score'])
      .describe(
        '`dawid_skene`: categorical types, Dawid-Skene’s probability of labeling a random task right; `mean_score`: the mean score of their answers against the final result (tasks labeled by two or more).',
      ),
    since: timestamp('Start of the window (the last 30 days).'),
    until: timestamp('End of the window (now).'),
    answers: z.int().describe('Labeling answers read.'),
    truncated: z.boolean().describe('Whether the window had more answers than were read (the newest count).'),
    minAnswers: z.int().describe('Fewest answers a reliability rests on (the project’s `gold_min_answers`).'),
    annotators: z
      .array(
        z
          .object({
            userId: z.string().describe('The person.'),
            reliability: z
              .number()
              .nullable()
              .describe('Measured reliability, 0..1; null with too few answers.'),
            answers: z.int().describe('Answers it rests on.'),
            outcome: z
              .enum(['written', 'unchanged', 'kept_gold', 'too_few_answers'])
              .describe(
                '`written`: stored as their consensus reliability; `unchanged`: already stored; `kept_gold`: their reliability measured on gold is kept (better evidence); `too_few_answers`: nothing stored.',
              ),
          })
          .describe('One person.'),
      )
      .describe('Everyone with answers in consensus, by user id.'),
  })
  .describe('What the reliability refresh measured and stored.');

/** The API shape of a reliability refresh. */
export function presentReliabilityRefresh(
  r: ReliabilityRefresh,
): z.infer<typeof apiReliabilityRefreshSchema> {
  return {
    project: r.project,
    method: r.method,
    since: r.since.toISOString(),
    until: r.until.toISOString(),
    answers: r.answers,
    truncated: r.truncated,
    minAnswers: r.minAnswers,
    annotators: r.annotators.map((a) => ({ ...a })),
  };
}
