import { cohenKappa } from '../agreement/kappa.ts';
import { krippendorffAlphaDetails, type MeasurementLevel } from '../agreement/krippendorff.ts';
import {
  buildPairSet,
  buildUnitSet,
  pairCellWeights,
  type UnitSet,
  type ValueScale,
  weightedAlpha,
  weightedKappa,
  weightedLabelAlphas,
} from './coefficients.ts';
import { type PercentileInterval, percentileIntervals, type ResampledStatistic } from './resampling.ts';

/** One worker's answer to one unit, as the server reads it from the answers table. */
export interface AgreementAnswer {
  /** The unit answered (a task, or one question of a task). */
  unit: string;
  /** Who answered. */
  worker: string;
  /** The worker's workforce (in-house team, vendor, crowd pool), for {@link AgreementReport.byGroup}. */
  group?: string | null;
  /** The answer: a label, or a number for ordinal, interval and ratio data; `null` for no answer. */
  value: string | number | null;
}

/** Settings of the percentile bootstrap over units. */
export interface AgreementBootstrapOptions {
  /** Resamples to draw; default 1000. */
  samples?: number;
  /** Coverage of the intervals, in (0, 1); default 0.95. */
  confidence?: number;
  /** Seed of the resampling stream (mulberry32); default 1. Same seed, same report. */
  seed?: number;
}

/** Input of {@link agreementReport}. */
export interface AgreementReportInput {
  /** The raw answers, in any order; repeats of a worker on a unit after the first answer are ignored. */
  answers: readonly AgreementAnswer[];
  /** Level of measurement of the values; it picks the difference function of alpha. */
  level: MeasurementLevel;
  /** Bootstrap settings; defaults as in {@link AgreementBootstrapOptions}. */
  bootstrap?: AgreementBootstrapOptions;
  /** Fewest units two workers must share to be listed in `byPair`; default 5. */
  minShared?: number;
}

/** A percentile bootstrap interval. */
export interface AgreementInterval {
  /** Lower bound: the (1 − confidence)/2 quantile of the resampled coefficients. */
  low: number;
  /** Upper bound: the (1 + confidence)/2 quantile. */
  high: number;
}

/** Krippendorff's alpha of a set of answers, with its bootstrap interval and what it rests on. */
export interface AlphaSummary {
  /** Krippendorff's alpha; `null` when it is undefined (see `reason`). */
  alpha: number | null;
  /** Percentile bootstrap interval over units; `null` when alpha is `null` or no resample was usable. */
  interval: AgreementInterval | null;
  /** Resamples that entered the interval. */
  resamples: number;
  /** Resamples left out because alpha was undefined on them (every resampled answer the same value). */
  skippedResamples: number;
  /** Units answered by at least two workers: the units alpha is computed from. */
  units: number;
  /** Answers in those units (Krippendorff's n..). */
  pairableValues: number;
  /** Why `alpha` is `null`, in plain English; `null` when it is not. */
  reason: string | null;
}

/** Agreement on one label: alpha of the binary coding "this label or another". */
export interface LabelAgreement extends AlphaSummary {
  /** The label. */
  label: string | number;
  /** How many answers gave it (every unit, pairable or not). */
  answers: number;
  /** answers / all answers. */
  share: number;
}

/** Agreement between two workers on the units both answered. */
export interface WorkerPairAgreement {
  /** The two workers, in code-unit order of their ids. */
  workers: [string, string];
  /** Units both answered. */
  sharedUnits: number;
  /** On how many of them they gave the same value. */
  agreed: number;
  /** agreed / sharedUnits. */
  percentAgreement: number;
  /**
   * Cohen's kappa: unweighted for nominal data, quadratic-weighted for ordinal data (the values are the
   * category positions); `null` for interval and ratio data, and when undefined (see `reason`).
   */
  kappa: number | null;
  /** Percentile bootstrap interval of kappa over the shared units; `null` with kappa or without usable resamples. */
  interval: AgreementInterval | null;
  /** Resamples that entered the interval. */
  resamples: number;
  /** Resamples left out because kappa was undefined on them. */
  skippedResamples: number;
  /** Why `kappa` is `null`, in plain English; `null` when it is not. */
  reason: string | null;
}

/** Agreement within one workforce: alpha among the answers given by its workers only. */
export interface GroupAgreement extends AlphaSummary {
  /** The group (workforce) id. */
  group: string;
  /** How many workers answered under this group. */
  workers: number;
  /** How many answers they gave. */
  answers: number;
}

/** What {@link agreementReport} returns. */
export interface AgreementReport {
  /** The level of measurement used. */
  level: MeasurementLevel;
  /** Answers counted: the first non-null answer of each worker on each unit. */
  answers: number;
  /** Distinct workers among them. */
  workers: number;
  /** Distinct units among them (pairable or not). */
  units: number;
  /** The coverage of every interval. */
  confidence: number;
  /** Alpha over all answers. */
  overall: AlphaSummary;
  /** Per label, most used first (nominal data only; `null` for the other levels). */
  byLabel: LabelAgreement[] | null;
  /** Per pair of workers sharing at least `minShared` units, sorted by the workers' ids. */
  byPair: WorkerPairAgreement[];
  /** Per group (answers without a group are in none), sorted by group id. */
  byGroup: GroupAgreement[];
}

const NO_PAIRS = 'no unit was answered by two workers, so there is nothing to compare';
const NO_VARIATION =
  'every answer in the units answered twice or more has the same value, so agreement cannot be told apart from chance';

/**
 * The agreement breakdown of a project's answers, for the quality dashboard: Krippendorff's alpha over
 * everything, per label (nominal data), per pair of workers (percent agreement and Cohen's kappa) and
 * per workforce, each with a percentile bootstrap confidence interval over units.
 *
 * Reading the answers. Each worker's first non-null answer on a unit counts (the worker × unit
 * reliability matrix has one cell); `null` values are missing answers. Units answered once are counted
 * in `units` but are not pairable and do not enter alpha. A worker who answered under two groups counts
 * in both groups, each with the answers given under it.
 *
 * The coefficients. Alpha is `krippendorffAlphaDetails` (Krippendorff 2011) on the reliability matrix of
 * the answers — rows are answer slots rather than workers, which leaves alpha unchanged (it reads only
 * the values within each unit) and keeps the matrix as small as the answers. Per label, alpha of the
 * binary coding "this label or not", which tells the labels annotators agree on from those they confuse.
 * Per pair, `cohenKappa` on the units both workers answered.
 *
 * Intervals. A percentile bootstrap over units (Efron & Tibshirani 1993): the pairable units are
 * resampled with replacement, which keeps the answers of a unit together, and every coefficient is
 * recomputed on each resample. All coefficients share the same resamples — a cluster bootstrap of the
 * whole answer set: a group's or a pair's coefficient is recomputed on the units of the resample that
 * belong to it, whose number varies from resample to resample as it would in a new sample of units. The
 * resamples and quantiles are those of `bootstrapInterval` (`agreement/bootstrap.ts`; `resampling.ts`
 * draws them once for all coefficients). A resample on which a coefficient is undefined (none of its units
 * drawn, or all drawn answers equal) is left out and counted in `skippedResamples`.
 *
 * Speed. Recomputing alpha from a reliability matrix a thousand times would cost a thousand passes over
 * the matrix, per coefficient. Instead each unit's contribution is computed once — its distinct values
 * with their counts (its row of the coincidence matrix, sparse) and its share Σ O_u of the observed
 * disagreement — and a resample only sums the contributions of the units it drew, times how often:
 * the marginals n_c, n.. and Σ O_u give α = 1 − (n.. − 1) Σ O_u / Σ n_c n_k δ²_ck (`coefficients.ts`).
 * Ordinal data recompute O_u from each resample's mid-ranks; ratio data pay O(V²) per resample for the V
 * values present (round continuous ratio measurements first). Per label, the binary codings of all labels
 * come from one pass over the drawn units, and per pair the contingency tables of all pairs from another
 * (kappa depends on the shared units only through them). A resample thus costs O(units + answers +
 * Σ_u m_u(m_u − 1)/2) for m_u answers on unit u, whatever the number of coefficients.
 *
 * Degenerate data never gives NaN: with no pairable unit, or no variation among the pairable answers,
 * the coefficient is `null` with a `reason`; no answers gives an empty report. Deterministic for a given
 * seed, and independent of the order of the answers (units are resampled in the order of their ids), up
 * to which of a worker's repeated answers on a unit comes first.
 *
 * @throws RangeError for a value the level does not take (strings or non-finite numbers beyond nominal,
 *   negative ratio values), bootstrap settings out of range, or a `minShared` that is not a positive
 *   integer.
 */
export function agreementReport(input: AgreementReportInput): AgreementReport {
  const { level } = input;
  const samples = input.bootstrap?.samples ?? 1000;
  const confidence = input.bootstrap?.confidence ?? 0.95;
  const seed = input.bootstrap?.seed ?? 1;
  const minShared = input.minShared ?? 5;
  if (!(Number.isInteger(samples) && samples >= 1))
    throw new RangeError(`agreementReport: bootstrap samples must be a positive integer, got ${samples}`);
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`agreementReport: bootstrap confidence must be in (0, 1), got ${confidence}`);
  if (!(Number.isInteger(minShared) && minShared >= 1))
    throw new RangeError(`agreementReport: minShared must be a positive integer, got ${minShared}`);

  const data = readAnswers(input.answers, level);
  const { scale, values } = data;
  // Statistics to resample, and where to put each interval once they are known.
  const statistics: ResampledStatistic[] = [];
  const settle: ((interval: PercentileInterval) => void)[] = [];
  const resample = (statistic: ResampledStatistic, target: ResampledFields): void => {
    statistics.push(statistic);
    settle.push((interval) => {
      target.interval = interval.resamples > 0 ? { low: interval.low, high: interval.high } : null;
      target.resamples = interval.resamples;
      target.skippedResamples = samples - interval.resamples;
    });
  };
  const marginal = new Float64Array(scale.size);

  /** Alpha of the answers kept by `keep`, with its resampled statistic queued. */
  const alphaOf = <T extends object>(
    keep: ((unit: ReadUnit, answer: number) => boolean) | null,
    noPairs: string,
    about: T,
  ): T & AlphaSummary => {
    const members: { pool: number; values: number[] }[] = [];
    data.pool.forEach((unit, pool) => {
      const kept = keep === null ? unit.values : unit.values.filter((_value, answer) => keep(unit, answer));
      if (kept.length >= 2) members.push({ pool, values: kept });
    });
    const base = {
      units: members.length,
      pairableValues: members.reduce((sum, m) => sum + m.values.length, 0),
    };
    if (members.length === 0) return { ...about, ...unavailable(noPairs), ...base };
    if (!varies(members.map((member) => member.values)))
      return { ...about, ...unavailable(NO_VARIATION), ...base };
    const raw = members.map((member) => member.values.map((value) => values[value] as string | number));
    const summary: T & AlphaSummary = {
      ...about,
      alpha: krippendorffAlphaDetails(slotMatrix(raw), level).alpha,
      interval: null,
      resamples: 0,
      skippedResamples: 0,
      ...base,
      reason: null,
    };
    const set = buildUnitSet(members, scale);
    resample((weights) => weightedAlpha(set, weights, scale, marginal), summary);
    return summary;
  };

  const overall: AlphaSummary = alphaOf(null, NO_PAIRS, {});
  const byLabel = level === 'nominal' ? labelAgreement(data, resample) : null;
  const byPair = pairAgreement(data, minShared, resample);
  const byGroup = [...data.groups].sort(byId).map((group): GroupAgreement => {
    const workers = new Set<number>();
    let answers = 0;
    for (const unit of data.units) {
      unit.groups.forEach((answerGroup, answer) => {
        if (answerGroup !== group) return;
        workers.add(unit.workers[answer] as number);
        answers += 1;
      });
    }
    return alphaOf(
      (unit, answer) => unit.groups[answer] === group,
      'no unit was answered by two workers of this group, so there is nothing to compare',
      { group, workers: workers.size, answers },
    );
  });

  percentileIntervals(data.pool.length, statistics, { samples, confidence, seed }).forEach((interval, i) => {
    (settle[i] as (interval: PercentileInterval) => void)(interval);
  });
  return {
    level,
    answers: data.answerCount,
    workers: data.workerIds.length,
    units: data.units.length,
    confidence,
    overall,
    byLabel,
    byPair,
    byGroup,
  };
}

/** The fields of a summary that the bootstrap fills in. */
type ResampledFields = Pick<AlphaSummary, 'interval' | 'resamples' | 'skippedResamples'>;

/** Queues a resampled statistic whose interval goes into `target`. */
type Resample = (statistic: ResampledStatistic, target: ResampledFields) => void;

/** One unit's counted answers, in the order they were given. */
interface ReadUnit {
  workers: number[];
  values: number[];
  groups: (string | null)[];
}

/** The answers read once: values coded as indices, workers as indices in id order, units in id order. */
interface ReadAnswers {
  scale: ValueScale;
  /** The distinct values; index = code (ascending numbers for the numeric levels). */
  values: readonly (string | number)[];
  /** Worker ids in code-unit order; index = code. */
  workerIds: readonly string[];
  /** Every unit with a counted answer, in code-unit order of the unit ids. */
  units: readonly ReadUnit[];
  /** The pairable units (two answers or more), in the same order: the units the bootstrap resamples. */
  pool: readonly ReadUnit[];
  /** The groups that occur. */
  groups: ReadonlySet<string>;
  answerCount: number;
}

function readAnswers(answers: readonly AgreementAnswer[], level: MeasurementLevel): ReadAnswers {
  const byUnit = new Map<string, Map<string, { value: string | number; group: string | null }>>();
  const valueCodes = new Map<string | number, number>();
  const groups = new Set<string>();
  let answerCount = 0;
  answers.forEach(({ unit, worker, group, value }, index) => {
    if (value === null || value === undefined) return;
    checkValue(value, level, index);
    let workers = byUnit.get(unit);
    if (!workers) {
      workers = new Map();
      byUnit.set(unit, workers);
    }
    if (workers.has(worker)) return;
    workers.set(worker, { value, group: group ?? null });
    if (group !== null && group !== undefined) groups.add(group);
    if (!valueCodes.has(value)) valueCodes.set(value, valueCodes.size);
    answerCount += 1;
  });

  let values = [...valueCodes.keys()];
  if (level !== 'nominal') {
    values = (values as number[]).sort((a, b) => a - b);
    values.forEach((value, code) => {
      valueCodes.set(value, code);
    });
  }
  const positions = new Float64Array(values.length);
  if (level !== 'nominal')
    for (let code = 0; code < values.length; code += 1) positions[code] = values[code] as number;

  const workerSet = new Set<string>();
  for (const workers of byUnit.values()) for (const worker of workers.keys()) workerSet.add(worker);
  const workerIds = [...workerSet].sort(byId);
  const workerCodes = new Map(workerIds.map((id, code) => [id, code]));
  const units = [...byUnit.keys()].sort(byId).map((id): ReadUnit => {
    const unit: ReadUnit = { workers: [], values: [], groups: [] };
    for (const [worker, answer] of byUnit.get(id) as Map<
      string,
      { value: string | number; group: string | null }
    >) {
      unit.workers.push(workerCodes.get(worker) as number);
      unit.values.push(valueCodes.get(answer.value) as number);
      unit.groups.push(answer.group);
    }
    return unit;
  });
  return {
    scale: { level, size: values.length, positions },
    values,
    workerIds,
    units,
    pool: units.filter((unit) => unit.values.length >= 2),
    groups,
    answerCount,
  };
}

function checkValue(value: string | number, level: MeasurementLevel, index: number): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new RangeError(`agreementReport: answer ${index} is not a finite number`);
    if (level === 'ratio' && value < 0)
      throw new RangeError(`agreementReport: answer ${index}: ratio values must be ≥ 0, got ${value}`);
  } else if (level !== 'nominal') {
    throw new RangeError(
      `agreementReport: answer ${index}: ${level} data must be numbers, got ${JSON.stringify(value)}`,
    );
  }
}

/** Alpha per label: the binary coding "this label or not" of the pairable units. */
function labelAgreement(data: ReadAnswers, resample: Resample): LabelAgreement[] {
  const { values, units, pool, answerCount, scale } = data;
  const used = new Float64Array(values.length);
  for (const unit of units) for (const value of unit.values) used[value] = (used[value] as number) + 1;
  const hits = new Float64Array(values.length);
  for (const unit of pool) for (const value of unit.values) hits[value] = (hits[value] as number) + 1;
  const pairableValues = pool.reduce((sum, unit) => sum + unit.values.length, 0);
  const set: UnitSet = buildUnitSet(
    pool.map((unit, index) => ({ pool: index, values: unit.values })),
    scale,
  );
  // All labels' alphas come from one pass over a resample's units; the first label asking computes them.
  const alphas = new Float64Array(values.length);
  const scratch = { hits: new Float64Array(values.length), observed: new Float64Array(values.length) };
  let computedFor = -1;

  const labels = values.map((label, code): LabelAgreement => {
    const answers = used[code] as number;
    const base = { label, answers, share: answers / answerCount, units: pool.length, pairableValues };
    if (pool.length === 0) return { ...base, ...unavailable(NO_PAIRS) };
    if (hits[code] === 0)
      return { ...base, ...unavailable('the label was never given in a unit that two workers answered') };
    if (hits[code] === pairableValues)
      return {
        ...base,
        ...unavailable(
          'every answer in the units answered twice or more is this label, so there is no contrast',
        ),
      };
    const binary = pool.map((unit) => unit.values.map((value) => (value === code ? 1 : 0)));
    const summary: LabelAgreement = {
      ...base,
      alpha: krippendorffAlphaDetails(slotMatrix(binary), 'nominal').alpha,
      interval: null,
      resamples: 0,
      skippedResamples: 0,
      reason: null,
    };
    resample((weights, draw) => {
      if (computedFor !== draw) {
        weightedLabelAlphas(set, weights, alphas, scratch);
        computedFor = draw;
      }
      return alphas[code] as number;
    }, summary);
    return summary;
  });
  return labels.sort((a, b) => b.answers - a.answers || byLabelValue(a.label, b.label));
}

/** Percent agreement and Cohen's kappa per pair of workers with at least `minShared` shared units. */
function pairAgreement(data: ReadAnswers, minShared: number, resample: Resample): WorkerPairAgreement[] {
  const { scale, values, workerIds, pool } = data;
  const workerCount = workerIds.length;
  const shared = new Map<number, number[]>();
  pool.forEach((unit, index) => {
    const m = unit.workers.length;
    for (let i = 0; i < m; i += 1) {
      for (let j = i + 1; j < m; j += 1) {
        const [a, b] = (unit.workers[i] as number) < (unit.workers[j] as number) ? [i, j] : [j, i];
        const key = (unit.workers[a] as number) * workerCount + (unit.workers[b] as number);
        let items = shared.get(key);
        if (!items) {
          items = [];
          shared.set(key, items);
        }
        items.push(index, unit.values[a] as number, unit.values[b] as number);
      }
    }
  });
  const listed = [...shared.keys()].filter((key) => (shared.get(key) as number[]).length / 3 >= minShared);
  listed.sort((a, b) => a - b);

  const pairs = buildPairSet(
    listed.map((key) => shared.get(key) as number[]),
    pool.length,
  );

  const kappaAvailable = scale.level === 'nominal' || scale.level === 'ordinal';
  const quadratic = scale.level === 'ordinal';
  const counts = { first: new Float64Array(scale.size), second: new Float64Array(scale.size) };
  // All cells' weights come from one pass over a resample's units; the first pair asking computes them.
  const cellWeights = new Float64Array(pairs.first.length);
  let computedFor = -1;
  return listed.map((key, p): WorkerPairAgreement => {
    const triples = shared.get(key) as number[];
    const sharedUnits = triples.length / 3;
    let agreed = 0;
    let varied = false;
    for (let i = 0; i < triples.length; i += 3) {
      if (triples[i + 1] === triples[i + 2]) agreed += 1;
      if (triples[i + 1] !== triples[1] || triples[i + 2] !== triples[1]) varied = true;
    }
    const pair = {
      workers: [workerIds[Math.floor(key / workerCount)], workerIds[key % workerCount]] as [string, string],
      sharedUnits,
      agreed,
      percentAgreement: agreed / sharedUnits,
    };
    if (!kappaAvailable)
      return {
        ...pair,
        ...unavailableKappa(
          `Cohen's kappa is for categories; for ${scale.level} data read alpha (overall and per group)`,
        ),
      };
    if (!varied)
      return {
        ...pair,
        ...unavailableKappa(
          'both workers gave the same value on every shared unit, so chance cannot be ruled out',
        ),
      };
    const raw = (offset: number): (string | number)[] =>
      Array.from(
        { length: sharedUnits },
        (_, i) => values[triples[3 * i + offset] as number] as string | number,
      );
    const summary: WorkerPairAgreement = {
      ...pair,
      kappa: cohenKappa(raw(1), raw(2), quadratic ? { weights: 'quadratic' } : {}),
      interval: null,
      resamples: 0,
      skippedResamples: 0,
      reason: null,
    };
    resample((weights, draw) => {
      if (computedFor !== draw) {
        pairCellWeights(pairs, weights, cellWeights);
        computedFor = draw;
      }
      return weightedKappa(pairs, p, cellWeights, quadratic, scale.positions, counts);
    }, summary);
    return summary;
  });
}

/** A reliability matrix with one row per answer slot: row s holds the s-th answer of every unit that has one. */
function slotMatrix<V>(units: readonly (readonly V[])[]): V[][] {
  const sorted = [...units].sort((a, b) => b.length - a.length);
  const rows: V[][] = [];
  const width = sorted[0]?.length ?? 0;
  for (let slot = 0; slot < width; slot += 1) {
    const row: V[] = [];
    for (const unit of sorted) {
      if (unit.length <= slot) break;
      row.push(unit[slot] as V);
    }
    rows.push(row);
  }
  return rows;
}

/** Whether the answers hold at least two distinct values. */
function varies(units: readonly (readonly number[])[]): boolean {
  const first = units[0]?.[0];
  return units.some((unit) => unit.some((value) => value !== first));
}

function unavailable(reason: string): Omit<AlphaSummary, 'units' | 'pairableValues'> {
  return { alpha: null, interval: null, resamples: 0, skippedResamples: 0, reason };
}

function unavailableKappa(
  reason: string,
): Pick<WorkerPairAgreement, 'kappa' | 'interval' | 'resamples' | 'skippedResamples' | 'reason'> {
  return { kappa: null, interval: null, resamples: 0, skippedResamples: 0, reason };
}

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Numbers before strings, each in their natural order, so `1` and `'1'` sort apart and stably. */
function byLabelValue(a: string | number, b: string | number): number {
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
  if (typeof a === 'number') return a - (b as number);
  return byId(a, b as string);
}
