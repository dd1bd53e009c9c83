import {
  buildConsensus,
  type CategoricalAnswer,
  type CategoricalConsensus,
  closeEStep,
  hasConverged,
  type IndexedAnswers,
  type IterativeOptions,
  indexAnswers,
  iterationLimits,
  setEntry,
  trivialConsensus,
  voteShares,
} from './answers.ts';

/** Options of {@link dawidSkene} and {@link oneCoinDawidSkene}. */
export interface DawidSkeneOptions extends IterativeOptions {
  /**
   * Pseudo-count added to every confusion-matrix cell (and to every class for the priors) in each
   * M-step, i.e. a symmetric Dirichlet(1 + smoothing) prior, so a worker with one answer, or a class
   * nobody chose, never gets a probability of 0 (and a log of −∞). Default 0.01.
   */
  smoothing?: number;
}

/** {@link dawidSkene}'s result: the common fields plus the estimated model. */
export interface DawidSkeneResult extends CategoricalConsensus {
  /**
   * Per worker, the confusion matrix: `confusion[worker][true][given]` is the probability that the
   * worker labels a task of class `classes[true]` as `classes[given]`. Rows sum to 1; a row for a class
   * the worker never met is uniform.
   */
  confusion: Record<string, number[][]>;
  /** Estimated class priors, in `classes` order; they sum to 1. */
  priors: number[];
}

/** {@link oneCoinDawidSkene}'s result: the common fields plus the estimated class priors. */
export interface OneCoinResult extends CategoricalConsensus {
  /** Estimated class priors, in `classes` order; they sum to 1. */
  priors: number[];
}

/**
 * Dawid-Skene (Dawid & Skene 1979, "Maximum likelihood estimation of observer error-rates using the EM
 * algorithm"): every worker has a full confusion matrix, every task a latent true class drawn from the
 * class priors, and EM alternates the posterior of each task's class (E-step) with the priors and the
 * matrices that best explain those posteriors (M-step).
 *
 * - Initialised from majority-vote shares (as Dawid & Skene suggest), then M-step, E-step, repeated.
 * - Stops when the log-likelihood per labelled answer changes by less than `tolerance` (default 1e-6)
 *   or after `maxIterations` (default 100); `converged` says which.
 * - Sparse data is the normal case: workers label any subset of tasks (missing labels simply contribute
 *   nothing); a worker with a single answer is kept in check by `smoothing`.
 * - Computed in log space over typed arrays: about 2 × answers × classes operations per iteration.
 *
 * Output: `probabilities` are the posteriors; `labels` their argmax (ties as in `answers.ts`);
 * `workerSkill` is the worker's probability of labelling a random task correctly under the model,
 * Σ_k prior_k · confusion[k][k]; plus `confusion` and `priors`. A task with no label gets the priors.
 * Degenerate input: no classes → empty records; one class → probability 1, skill 1, confusion [[1]].
 */
export function dawidSkene(
  answers: readonly CategoricalAnswer[],
  options: DawidSkeneOptions = {},
): DawidSkeneResult {
  const data = indexAnswers(answers, options.classes);
  const size = data.classes.length;
  if (size <= 1) {
    const confusion: Record<string, number[][]> = {};
    for (const worker of data.workers) setEntry(confusion, worker, size === 1 ? [[1]] : []);
    return { ...trivialConsensus(data), confusion, priors: size === 1 ? [1] : [] };
  }
  const { maxIterations, tolerance } = iterationLimits(options);
  const smoothing = smoothingOf(options);
  const answerCount = data.taskOf.length;
  const taskCount = data.tasks.length;
  const workerCount = data.workers.length;
  const cells = size * size;

  const posterior = voteShares(data);
  const logPrior = new Float64Array(size);
  // Laid out [worker][given][true] so the loops over true classes read and write contiguously.
  const logConfusion = new Float64Array(workerCount * cells);
  const counts = new Float64Array(workerCount * cells);
  const priorCounts = new Float64Array(size);
  const labelled = labelledTasks(data);
  // Answers grouped by task (a counting sort), each reduced to its confusion-cell offset, so one sweep per
  // iteration does the E-step for a task and immediately adds its posterior to the next M-step's counts.
  const { start, cell } = groupByTask(data, size);
  const row = new Float64Array(size);

  // The first M-step's counts come from the majority-vote start.
  for (let t = 0; t < taskCount; t += 1) {
    const offset = t * size;
    for (let a = start[t]!; a < start[t + 1]!; a += 1) {
      const base = cell[a]!;
      for (let k = 0; k < size; k += 1) counts[base + k]! += posterior[offset + k]!;
    }
    if (labelled[t] === 1) for (let k = 0; k < size; k += 1) priorCounts[k]! += posterior[offset + k]!;
  }

  let previous = Number.NEGATIVE_INFINITY;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations += 1;
    // M-step: smoothed priors and confusion rows from the expected counts.
    let priorTotal = size * smoothing;
    for (let k = 0; k < size; k += 1) priorTotal += priorCounts[k]!;
    for (let k = 0; k < size; k += 1) logPrior[k] = Math.log((priorCounts[k]! + smoothing) / priorTotal);
    for (let w = 0; w < workerCount; w += 1) {
      const base = w * cells;
      for (let k = 0; k < size; k += 1) {
        let total = size * smoothing;
        for (let l = 0; l < size; l += 1) total += counts[base + l * size + k]!;
        for (let l = 0; l < size; l += 1) {
          const at = base + l * size + k;
          logConfusion[at] = Math.log((counts[at]! + smoothing) / total);
        }
      }
    }
    counts.fill(0);
    priorCounts.fill(0);
    // E-step, task by task: log joint, normalised (the normalisers sum to the log-likelihood), then
    // counted for the next M-step.
    let logLikelihood = 0;
    for (let t = 0; t < taskCount; t += 1) {
      row.set(logPrior);
      const first = start[t]!;
      const last = start[t + 1]!;
      for (let a = first; a < last; a += 1) {
        const base = cell[a]!;
        for (let k = 0; k < size; k += 1) row[k]! += logConfusion[base + k]!;
      }
      let max = row[0]!;
      for (let k = 1; k < size; k += 1) if (row[k]! > max) max = row[k]!;
      let sum = 0;
      for (let k = 0; k < size; k += 1) {
        const e = Math.exp(row[k]! - max);
        row[k] = e;
        sum += e;
      }
      logLikelihood += max + Math.log(sum);
      const offset = t * size;
      for (let k = 0; k < size; k += 1) {
        row[k]! /= sum;
        posterior[offset + k] = row[k]!;
      }
      for (let a = first; a < last; a += 1) {
        const base = cell[a]!;
        for (let k = 0; k < size; k += 1) counts[base + k]! += row[k]!;
      }
      if (labelled[t] === 1) for (let k = 0; k < size; k += 1) priorCounts[k]! += row[k]!;
    }
    if (hasConverged(logLikelihood, previous, tolerance, answerCount)) {
      converged = true;
      break;
    }
    previous = logLikelihood;
  }

  const priors = Array.from(logPrior, Math.exp);
  const skill = new Float64Array(workerCount);
  const confusion: Record<string, number[][]> = {};
  for (let w = 0; w < workerCount; w += 1) {
    const matrix: number[][] = [];
    for (let k = 0; k < size; k += 1) {
      const row: number[] = [];
      for (let l = 0; l < size; l += 1) row.push(Math.exp(logConfusion[w * cells + l * size + k]!));
      matrix.push(row);
      skill[w]! += priors[k]! * row[k]!;
    }
    setEntry(confusion, data.workers[w]!, matrix);
  }
  return { ...buildConsensus(data, posterior, skill, iterations, converged), confusion, priors };
}

/**
 * One-coin Dawid-Skene: Dawid-Skene where each worker has a single accuracy `a` (the "one coin"):
 * they give the true class with probability `a` and each other class with probability (1 − a)/(K − 1).
 * Far fewer parameters than full confusion matrices, so it behaves better on sparse workers, at the cost
 * of not modelling systematic confusions. Same EM as {@link dawidSkene} (class priors estimated,
 * majority-vote start, `tolerance`, `maxIterations`); accuracies are smoothed as
 * (expected correct + smoothing)/(answers + K·smoothing) and kept in [1e-9, 1 − 1e-9].
 *
 * `workerSkill` is the accuracy `a`. A task with no label gets the priors. One class: probability 1,
 * skill 1; no classes: empty records.
 */
export function oneCoinDawidSkene(
  answers: readonly CategoricalAnswer[],
  options: DawidSkeneOptions = {},
): OneCoinResult {
  const data = indexAnswers(answers, options.classes);
  const size = data.classes.length;
  if (size <= 1) return { ...trivialConsensus(data), priors: size === 1 ? [1] : [] };
  const { maxIterations, tolerance } = iterationLimits(options);
  const smoothing = smoothingOf(options);
  const { taskOf, workerOf, labelOf, perWorker } = data;
  const answerCount = taskOf.length;
  const taskCount = data.tasks.length;
  const workerCount = data.workers.length;

  const posterior = voteShares(data);
  const logPrior = new Float64Array(size);
  const accuracy = new Float64Array(workerCount);
  const logRight = new Float64Array(workerCount);
  const logWrong = new Float64Array(workerCount);
  const shift = new Float64Array(taskCount);
  const labelled = labelledTasks(data);

  let previous = Number.NEGATIVE_INFINITY;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations += 1;
    estimateLogPriors(posterior, labelled, size, smoothing, logPrior);
    accuracy.fill(0);
    for (let n = 0; n < answerCount; n += 1) {
      accuracy[workerOf[n]!]! += posterior[taskOf[n]! * size + labelOf[n]!]!;
    }
    for (let w = 0; w < workerCount; w += 1) {
      const a = clamp((accuracy[w]! + smoothing) / (perWorker[w]! + size * smoothing), 1e-9, 1 - 1e-9);
      accuracy[w] = a;
      logRight[w] = Math.log(a);
      logWrong[w] = Math.log((1 - a) / (size - 1));
    }
    // Every class gets the "wrong" term; the labelled class gets the difference on top.
    shift.fill(0);
    for (let t = 0; t < taskCount; t += 1) posterior.set(logPrior, t * size);
    for (let n = 0; n < answerCount; n += 1) {
      const w = workerOf[n]!;
      shift[taskOf[n]!]! += logWrong[w]!;
      posterior[taskOf[n]! * size + labelOf[n]!]! += logRight[w]! - logWrong[w]!;
    }
    const logLikelihood = closeEStep(posterior, shift, taskCount, size);
    if (hasConverged(logLikelihood, previous, tolerance, answerCount)) {
      converged = true;
      break;
    }
    previous = logLikelihood;
  }
  return {
    ...buildConsensus(data, posterior, accuracy, iterations, converged),
    priors: Array.from(logPrior, Math.exp),
  };
}

function smoothingOf(options: DawidSkeneOptions): number {
  const smoothing = options.smoothing ?? 0.01;
  return Number.isFinite(smoothing) && smoothing > 0 ? smoothing : 0.01;
}

/** Which tasks have at least one label (only those inform the class priors). */
export function labelledTasks(data: IndexedAnswers): Uint8Array {
  const labelled = new Uint8Array(data.tasks.length);
  for (let t = 0; t < data.tasks.length; t += 1) labelled[t] = data.perTask[t]! > 0 ? 1 : 0;
  return labelled;
}

/** Smoothed class priors (in log space) from the posteriors of labelled tasks. */
export function estimateLogPriors(
  posterior: Float64Array,
  labelled: Uint8Array,
  size: number,
  smoothing: number,
  logPrior: Float64Array,
): void {
  logPrior.fill(smoothing);
  let total = size * smoothing;
  for (let t = 0; t < labelled.length; t += 1) {
    if (labelled[t] === 0) continue;
    for (let k = 0; k < size; k += 1) logPrior[k]! += posterior[t * size + k]!;
    total += 1;
  }
  for (let k = 0; k < size; k += 1) logPrior[k] = Math.log(logPrior[k]! / total);
}

/**
 * Labelled answers grouped by task: answers `start[t]` to `start[t + 1]` belong to task `t`, and `cell[a]`
 * is the offset of the answer's [worker][given] row in a `[worker][given][true]` array.
 */
function groupByTask(data: IndexedAnswers, size: number): { start: Int32Array; cell: Int32Array } {
  const { taskOf, workerOf, labelOf } = data;
  const start = new Int32Array(data.tasks.length + 1);
  for (let t = 0; t < data.tasks.length; t += 1) start[t + 1] = start[t]! + data.perTask[t]!;
  const next = start.slice(0, data.tasks.length);
  const cell = new Int32Array(taskOf.length);
  for (let n = 0; n < taskOf.length; n += 1) {
    cell[next[taskOf[n]!]!++] = (workerOf[n]! * size + labelOf[n]!) * size;
  }
  return { start, cell };
}

/** `value` limited to [low, high]. */
export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
