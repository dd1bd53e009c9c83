/**
 * Bradley-Terry strengths from pairwise preferences, plain and with annotator reliability.
 *
 * In the Bradley-Terry model (Bradley & Terry 1952) item `i` has a strength `p_i > 0` and beats item `j`
 * with probability `p_i / (p_i + p_j)`. The strengths are fitted by Hunter's MM algorithm (Hunter 2004,
 * "MM algorithms for generalized Bradley-Terry models", Ann. Statist. 32(1)), which raises the likelihood
 * at every step and needs no step size.
 */

/** One pairwise judgement: `worker` was shown `left` and `right` and preferred `winner`. */
export interface Comparison {
  /** Who judged. */
  worker: string;
  /** The item shown on the left (first). */
  left: string;
  /** The item shown on the right (second). */
  right: string;
  /** `left` or `right`; `null` for a tie ("both equally good"). */
  winner: string | null;
}

/** Options shared by {@link bradleyTerry} and {@link noisyBradleyTerry}. */
export interface BradleyTerryOptions {
  /**
   * Virtual games each item plays against a fixed reference item of strength 1, half of them won and half
   * lost (default 1, i.e. one virtual tie). It keeps every strength finite and positive when an item never
   * wins or never loses, and ties disconnected groups of items to a common scale. It must be positive; use
   * a small value (1e-6) to approach the plain maximum-likelihood estimate where that exists.
   */
  prior?: number;
  /** Stop after this many iterations even if not converged (default 10,000). */
  maxIterations?: number;
  /** Converged when no log-strength (or, for the noisy model, no reliability) moves more than this (default 1e-9). */
  tolerance?: number;
}

/** Fitted Bradley-Terry strengths. */
export interface BradleyTerryResult {
  /**
   * Strength per item, normalized so that their geometric mean is 1 (the log-strengths sum to 0). Only
   * ratios are meaningful: `scores[a] / (scores[a] + scores[b])` is the modelled probability that `a` beats
   * `b`. Every item that appears in a comparison has a finite positive score.
   */
  scores: Record<string, number>;
  /** Iterations run. */
  iterations: number;
  /** Whether the tolerance was reached before `maxIterations`. */
  converged: boolean;
}

/** Fitted noisy Bradley-Terry model: strengths plus each worker's reliability. */
export interface NoisyBradleyTerryResult extends BradleyTerryResult {
  /**
   * Per worker, the estimated probability that their vote reports the true winner, in (0, 1). Below 0.5 the
   * worker is contrarian and their votes count reversed; near 0.5 they are ignored. A worker who only gave
   * ties keeps the prior mean 0.5.
   */
  workerSkill: Record<string, number>;
}

/** Options of {@link noisyBradleyTerry}. */
export interface NoisyBradleyTerryOptions extends BradleyTerryOptions {
  /**
   * Reliability every worker starts from (default 0.8). Starting above 0.5 assumes most votes are honest,
   * which selects the solution where the majority of workers is right (the model cannot otherwise tell a
   * world of honest workers from its mirror image of contrarians voting on reversed strengths).
   */
  initialSkill?: number;
  /**
   * Virtual agreements and, as many, virtual disagreements added to each worker's record (default 1, a
   * uniform Beta(1, 1) prior): reliabilities stay strictly between 0 and 1 and a worker with few votes is
   * pulled toward 0.5.
   */
  skillPrior?: number;
}

const DEFAULT_PRIOR = 1;
const DEFAULT_MAX_ITERATIONS = 10_000;
const DEFAULT_TOLERANCE = 1e-9;

/** Comparisons indexed once: items and workers as dense integers, outcomes as numbers. */
interface Indexed {
  items: string[];
  workers: string[];
  left: Int32Array;
  right: Int32Array;
  worker: Int32Array;
  /** 1 when left won, 0 when right won, 0.5 for a tie. */
  outcome: Float64Array;
}

function indexComparisons(comparisons: readonly Comparison[]): Indexed {
  const itemIndex = new Map<string, number>();
  const workerIndex = new Map<string, number>();
  const intern = (map: Map<string, number>, key: string) => {
    let index = map.get(key);
    if (index === undefined) {
      index = map.size;
      map.set(key, index);
    }
    return index;
  };
  const kept: number[] = [];
  comparisons.forEach((comparison, c) => {
    const { left, right, winner } = comparison;
    if (winner !== null && winner !== left && winner !== right) {
      throw new RangeError(`comparison ${c}: winner "${winner}" is neither "${left}" nor "${right}"`);
    }
    intern(itemIndex, left);
    intern(itemIndex, right);
    intern(workerIndex, comparison.worker);
    if (left !== right) kept.push(c);
  });
  const left = new Int32Array(kept.length);
  const right = new Int32Array(kept.length);
  const worker = new Int32Array(kept.length);
  const outcome = new Float64Array(kept.length);
  kept.forEach((c, k) => {
    const comparison = comparisons[c] as Comparison;
    left[k] = itemIndex.get(comparison.left) as number;
    right[k] = itemIndex.get(comparison.right) as number;
    worker[k] = workerIndex.get(comparison.worker) as number;
    outcome[k] = comparison.winner === null ? 0.5 : comparison.winner === comparison.left ? 1 : 0;
  });
  return { items: [...itemIndex.keys()], workers: [...workerIndex.keys()], left, right, worker, outcome };
}

function readOptions(options: BradleyTerryOptions) {
  const prior = options.prior ?? DEFAULT_PRIOR;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  if (!(prior > 0) || !Number.isFinite(prior)) throw new RangeError('prior must be a positive number');
  if (!Number.isInteger(maxIterations) || maxIterations < 0) {
    throw new RangeError('maxIterations must be a non-negative integer');
  }
  if (!(tolerance >= 0)) throw new RangeError('tolerance must be a non-negative number');
  return { prior, maxIterations, tolerance };
}

/** The items of each connected component of the comparison graph, so each group's scale is fitted alone. */
function components(data: Indexed): Int32Array[] {
  const n = data.items.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i += 1) parent[i] = i;
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    let k = i;
    while (parent[k] !== r) {
      const up = parent[k] as number;
      parent[k] = r;
      k = up;
    }
    return r;
  };
  for (let c = 0; c < data.left.length; c += 1) {
    const a = root(data.left[c] as number);
    const b = root(data.right[c] as number);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i += 1) {
    const r = root(i);
    let group = groups.get(r);
    if (!group) {
      group = [];
      groups.set(r, group);
    }
    group.push(i);
  }
  return [...groups.values()].map((group) => Int32Array.from(group));
}

/**
 * Scales each connected group of items by the factor that maximizes the virtual games' likelihood: the
 * real games only see ratios within a group, so this is an exact coordinate-ascent step (the MM step alone
 * moves a group's scale at a rate of about prior/games, which would take millions of iterations). The
 * optimum of `Σ_i [½·log σ(θ_i + t) + ½·log(1 − σ(θ_i + t))]` solves `Σ_i σ(θ_i + t) = n/2`; `t` lies
 * between `−max θ` and `−min θ`, found by Newton's method safeguarded by bisection.
 */
function rescaleGroups(strength: Float64Array, members: readonly Int32Array[]): void {
  for (const group of members) {
    let minLog = Number.POSITIVE_INFINITY;
    let maxLog = Number.NEGATIVE_INFINITY;
    for (const i of group) {
      const log = Math.log(strength[i] as number);
      minLog = Math.min(minLog, log);
      maxLog = Math.max(maxLog, log);
    }
    let low = -maxLog;
    let high = -minLog;
    let t = (low + high) / 2;
    for (let step = 0; step < 100 && high - low > 1e-15; step += 1) {
      let excess = -group.length / 2;
      let slope = 0;
      const scale = Math.exp(t);
      for (const i of group) {
        const p = (strength[i] as number) * scale;
        const win = p / (p + 1);
        excess += win;
        slope += win * (1 - win);
      }
      if (excess === 0) break;
      if (excess > 0) high = t;
      else low = t;
      const newton = t - excess / slope;
      const moved = newton > low && newton < high ? newton : (low + high) / 2;
      if (Math.abs(moved - t) < 1e-15) break;
      t = moved;
    }
    const scale = Math.exp(t);
    for (const i of group) strength[i] = (strength[i] as number) * scale;
  }
}

/**
 * One MM step (Hunter 2004, eq. 3, plus the virtual games against the reference of strength 1):
 * `p_i ← (W_i + prior/2) / (Σ_games 1/(p_i + p_j) + prior/(p_i + 1))`, all items at once, then each group
 * rescaled by {@link rescaleGroups}. `wins` holds each item's (possibly fractional) wins. Writes into
 * `next`; returns the largest |Δ log p|.
 */
function mmStep(
  data: Indexed,
  groups: readonly Int32Array[],
  strength: Float64Array,
  wins: Float64Array,
  prior: number,
  denominator: Float64Array,
  next: Float64Array,
): number {
  const n = strength.length;
  for (let i = 0; i < n; i += 1) denominator[i] = prior / ((strength[i] as number) + 1);
  const { left, right } = data;
  for (let c = 0; c < left.length; c += 1) {
    const l = left[c] as number;
    const r = right[c] as number;
    const share = 1 / ((strength[l] as number) + (strength[r] as number));
    denominator[l] = (denominator[l] as number) + share;
    denominator[r] = (denominator[r] as number) + share;
  }
  for (let i = 0; i < n; i += 1) next[i] = ((wins[i] as number) + prior / 2) / (denominator[i] as number);
  rescaleGroups(next, groups);
  let change = 0;
  for (let i = 0; i < n; i += 1) {
    change = Math.max(change, Math.abs(Math.log((next[i] as number) / (strength[i] as number))));
  }
  return change;
}

function normalizedScores(items: readonly string[], strength: Float64Array): Record<string, number> {
  let logSum = 0;
  for (const value of strength) logSum += Math.log(value);
  const logMean = items.length === 0 ? 0 : logSum / items.length;
  return Object.fromEntries(
    items.map((item, i) => [item, Math.exp(Math.log(strength[i] as number) - logMean)]),
  );
}

/**
 * Fits Bradley-Terry strengths to pairwise judgements by Hunter's MM algorithm (Hunter 2004).
 *
 * - A tie (`winner: null`) counts as half a win for each side (the usual convention, equivalent to
 *   Rao & Kupper's model only in the limit; it keeps ties informative about "these two are close").
 * - Every item also plays `prior` virtual games (half won) against a fixed reference of strength 1 (see
 *   {@link BradleyTerryOptions.prior}), so an item that never wins (or never loses) gets a small (or large)
 *   but finite score, and items in disconnected groups are placed on one scale, each group pulled toward the
 *   reference; across groups the order says little.
 * - A comparison of an item with itself carries no information and is skipped (the item still gets a score).
 * - Every comparison counts once, whoever made it; see {@link noisyBradleyTerry} to weigh workers.
 *
 * Empty input gives `{ scores: {}, iterations: 0, converged: true }`.
 *
 * @throws RangeError when a winner is neither of its comparison's items, or on invalid options.
 * @example
 * bradleyTerry([{ worker: 'w', left: 'a', right: 'b', winner: 'a' }]).scores; // { a: 2.130…, b: 0.469… }
 */
export function bradleyTerry(
  comparisons: readonly Comparison[],
  options: BradleyTerryOptions = {},
): BradleyTerryResult {
  const { prior, maxIterations, tolerance } = readOptions(options);
  const data = indexComparisons(comparisons);
  const n = data.items.length;
  if (n === 0) return { scores: {}, iterations: 0, converged: true };
  const groups = components(data);
  const wins = new Float64Array(n);
  for (let c = 0; c < data.left.length; c += 1) {
    const outcome = data.outcome[c] as number;
    wins[data.left[c] as number] = (wins[data.left[c] as number] as number) + outcome;
    wins[data.right[c] as number] = (wins[data.right[c] as number] as number) + 1 - outcome;
  }
  let strength = new Float64Array(n).fill(1);
  let next = new Float64Array(n);
  const denominator = new Float64Array(n);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    const change = mmStep(data, groups, strength, wins, prior, denominator, next);
    [strength, next] = [next, strength];
    iterations += 1;
    if (change <= tolerance) {
      converged = true;
      break;
    }
  }
  return { scores: normalizedScores(data.items, strength), iterations, converged };
}

/**
 * Bradley-Terry with annotator reliability: each worker reports the true winner with probability `r_w` and
 * the other item otherwise (a "flip" noise model, as in Chen et al. 2013, "Pairwise ranking aggregation in
 * a crowdsourced setting", WSDM, without their Gaussian prior on strengths). Strengths and reliabilities are
 * fitted together by EM: the E-step computes, for each vote, the posterior probability that the recorded
 * winner is the true one, `r·p_won / (r·p_won + (1 − r)·p_lost)`; the M-step takes one MM step on those
 * fractional wins (a generalized EM, still monotone) and sets `r_w` to the worker's expected agreement
 * with the truth, smoothed by {@link NoisyBradleyTerryOptions.skillPrior}.

A worker's noise and the model's own randomness both make upsets, so they trade off: when workers are
judged less than perfectly reliable the strengths come out more spread than {@link bradleyTerry}'s.
Compare scores within one model, not across the two.
 *
 * A reliable worker's votes count almost fully; a worker near 0.5 is ignored; a contrarian (below 0.5)
 * counts reversed. Ties are half a win each, as in {@link bradleyTerry}, and say nothing about reliability.
 * The strength prior, self-comparisons and empty input are handled as in {@link bradleyTerry}; a worker
 * who gave only ties gets reliability 0.5.
 *
 * @throws RangeError when a winner is neither of its comparison's items, or on invalid options.
 */
export function noisyBradleyTerry(
  comparisons: readonly Comparison[],
  options: NoisyBradleyTerryOptions = {},
): NoisyBradleyTerryResult {
  const { prior, maxIterations, tolerance } = readOptions(options);
  const initialSkill = options.initialSkill ?? 0.8;
  const skillPrior = options.skillPrior ?? 1;
  if (!(initialSkill > 0 && initialSkill < 1)) throw new RangeError('initialSkill must be in (0, 1)');
  if (!(skillPrior > 0) || !Number.isFinite(skillPrior)) {
    throw new RangeError('skillPrior must be a positive number');
  }
  const data = indexComparisons(comparisons);
  const n = data.items.length;
  const workerCount = data.workers.length;
  if (n === 0) return { scores: {}, workerSkill: {}, iterations: 0, converged: true };

  const groups = components(data);
  let strength = new Float64Array(n).fill(1);
  let next = new Float64Array(n);
  const denominator = new Float64Array(n);
  const wins = new Float64Array(n);
  const skill = new Float64Array(workerCount).fill(initialSkill);
  const agreement = new Float64Array(workerCount);
  const votes = new Float64Array(workerCount);
  const { left, right, worker, outcome } = data;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    wins.fill(0);
    agreement.fill(0);
    votes.fill(0);
    for (let c = 0; c < left.length; c += 1) {
      const l = left[c] as number;
      const r = right[c] as number;
      const result = outcome[c] as number;
      if (result === 0.5) {
        wins[l] = (wins[l] as number) + 0.5;
        wins[r] = (wins[r] as number) + 0.5;
        continue;
      }
      const w = worker[c] as number;
      const won = result === 1 ? l : r;
      const lost = result === 1 ? r : l;
      const reliability = skill[w] as number;
      // Both terms are positive (strengths > 0, reliability in (0, 1)), so the ratio is defined.
      const honest = reliability * (strength[won] as number);
      const flipped = (1 - reliability) * (strength[lost] as number);
      const truthful = honest / (honest + flipped);
      wins[won] = (wins[won] as number) + truthful;
      wins[lost] = (wins[lost] as number) + 1 - truthful;
      agreement[w] = (agreement[w] as number) + truthful;
      votes[w] = (votes[w] as number) + 1;
    }
    let change = mmStep(data, groups, strength, wins, prior, denominator, next);
    [strength, next] = [next, strength];
    for (let w = 0; w < workerCount; w += 1) {
      const updated = ((agreement[w] as number) + skillPrior) / ((votes[w] as number) + 2 * skillPrior);
      change = Math.max(change, Math.abs(updated - (skill[w] as number)));
      skill[w] = updated;
    }
    iterations += 1;
    if (change <= tolerance) {
      converged = true;
      break;
    }
  }
  return {
    scores: normalizedScores(data.items, strength),
    workerSkill: Object.fromEntries(data.workers.map((name, w) => [name, skill[w] as number])),
    iterations,
    converged,
  };
}
