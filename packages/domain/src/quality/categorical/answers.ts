/**
 * What every categorical consensus method shares: the answer and result shapes, and the step that turns
 * string ids into dense integers once so the estimation loops run over typed arrays.
 *
 * Conventions common to all methods (each method's TSDoc adds its own):
 * - **Class order.** `options.classes` in the order given (duplicates dropped), then any label that is
 *   not in it, in order of first appearance in `answers`. Without `options.classes`, the order of first
 *   appearance. The order fixes `classes` in the result, the rows of confusion matrices, and ties.
 * - **Ties.** A task's label is the class with the highest probability; among classes within 1e-12 of
 *   the highest, the earliest in the class order wins. Since the order is the order of first appearance,
 *   renaming labels renames results and nothing else.
 * - **Missing labels.** An answer whose `label` is `null` records that the worker saw the task but gave
 *   no label: the task appears in the result, the answer is otherwise ignored. A task with no label at
 *   all gets the method's prior (uniform unless the method estimates class priors) and the tie rule.
 *   Workers with no label at all are left out of `workerSkill`. Repeated answers by one worker on one
 *   task all count.
 * - **Empty input / no classes.** With no labelled answer and no `options.classes` there is nothing to
 *   choose from: `labels` and `probabilities` are empty and `classes` is `[]`.
 * - **One class.** Every task gets it with probability 1 and every worker has skill 1.
 */

/** One worker's label for one task: the input of every categorical consensus method. */
export interface CategoricalAnswer {
  /** Who answered (any string id). */
  worker: string;
  /** Which task the label is for (any string id). */
  task: string;
  /** The class chosen; `null` when the worker saw the task but gave no label. */
  label: string | null;
}

/** Options every categorical method accepts. */
export interface CategoricalOptions {
  /**
   * The label set and its order (see the module notes). Lets a class nobody chose still receive
   * probability, and fixes which class wins ties. Default: labels in order of first appearance.
   */
  classes?: readonly string[];
}

/** Options of the iterative (EM-style) methods. */
export interface IterativeOptions extends CategoricalOptions {
  /** Upper bound on EM iterations (at least 1). Default 100. */
  maxIterations?: number;
  /**
   * Convergence threshold on the change of the log-likelihood per labelled answer between two
   * iterations (per answer so one tolerance suits 10 or 10 million answers). Default 1e-6.
   */
  tolerance?: number;
}

/** What every categorical consensus method returns. */
export interface CategoricalConsensus {
  /** The consensus label per task id. */
  labels: Record<string, string>;
  /** Per task id, the probability of each class (every class in `classes`; they sum to 1). */
  probabilities: Record<string, Record<string, number>>;
  /** Per worker id, a reliability in the method's own terms (see each method). */
  workerSkill: Record<string, number>;
  /** The class order used (see the module notes). */
  classes: string[];
  /** Estimation rounds run (0 when there was nothing to estimate). */
  iterations: number;
  /** Whether the tolerance was met before `maxIterations` (always true for one-shot methods). */
  converged: boolean;
}

/** Answers with ids replaced by dense integers; only labelled answers are kept. */
export interface IndexedAnswers {
  tasks: string[];
  workers: string[];
  classes: string[];
  /** Per labelled answer: its task, worker and class index. */
  taskOf: Int32Array;
  workerOf: Int32Array;
  labelOf: Int32Array;
  /** Labelled answers per task and per worker. */
  perTask: Int32Array;
  perWorker: Int32Array;
}

/** Maps ids to dense integers once (order of first appearance; classes as in the module notes). */
export function indexAnswers(
  answers: readonly CategoricalAnswer[],
  classes: readonly string[] | undefined,
): IndexedAnswers {
  const taskIds = new Map<string, number>();
  const workerIds = new Map<string, number>();
  const classIds = new Map<string, number>();
  const tasks: string[] = [];
  const workers: string[] = [];
  const classList: string[] = [];
  for (const name of classes ?? []) {
    if (!classIds.has(name)) {
      classIds.set(name, classList.length);
      classList.push(name);
    }
  }
  let labelled = 0;
  for (const answer of answers) if (answer.label !== null) labelled += 1;
  const taskOf = new Int32Array(labelled);
  const workerOf = new Int32Array(labelled);
  const labelOf = new Int32Array(labelled);
  let n = 0;
  for (const answer of answers) {
    let task = taskIds.get(answer.task);
    if (task === undefined) {
      task = tasks.length;
      taskIds.set(answer.task, task);
      tasks.push(answer.task);
    }
    if (answer.label === null) continue;
    let worker = workerIds.get(answer.worker);
    if (worker === undefined) {
      worker = workers.length;
      workerIds.set(answer.worker, worker);
      workers.push(answer.worker);
    }
    let label = classIds.get(answer.label);
    if (label === undefined) {
      label = classList.length;
      classIds.set(answer.label, label);
      classList.push(answer.label);
    }
    taskOf[n] = task;
    workerOf[n] = worker;
    labelOf[n] = label;
    n += 1;
  }
  const perTask = new Int32Array(tasks.length);
  const perWorker = new Int32Array(workers.length);
  for (let i = 0; i < n; i += 1) {
    perTask[taskOf[i]!]! += 1;
    perWorker[workerOf[i]!]! += 1;
  }
  return { tasks, workers, classes: classList, taskOf, workerOf, labelOf, perTask, perWorker };
}

/** Writes `record[key] = value` as an own property even for the key `__proto__`. */
export function setEntry<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    record[key] = value;
  }
}

/** A record from parallel arrays of ids and values. */
export function recordOf(ids: readonly string[], values: ArrayLike<number>): Record<string, number> {
  const record: Record<string, number> = {};
  for (let i = 0; i < ids.length; i += 1) setEntry(record, ids[i]!, values[i]!);
  return record;
}

/** Index of the highest of `size` values from `offset`; the earliest within 1e-12 of it on a tie. */
export function argmaxRow(values: Float64Array, offset: number, size: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < size; k += 1) if (values[offset + k]! > max) max = values[offset + k]!;
  for (let k = 0; k < size; k += 1) if (values[offset + k]! >= max - 1e-12) return k;
  return 0;
}

/**
 * Turns log-scores into probabilities in place, row by row (`rows × size`), and returns the summed
 * log normaliser, i.e. the log-likelihood when the scores are log joint probabilities.
 */
export function normaliseLogRows(values: Float64Array, rows: number, size: number): number {
  let logLikelihood = 0;
  for (let row = 0, offset = 0; row < rows; row += 1, offset += size) {
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < size; k += 1) if (values[offset + k]! > max) max = values[offset + k]!;
    if (max === Number.NEGATIVE_INFINITY) {
      for (let k = 0; k < size; k += 1) values[offset + k] = 1 / size;
      continue;
    }
    let sum = 0;
    for (let k = 0; k < size; k += 1) {
      const e = Math.exp(values[offset + k]! - max);
      values[offset + k] = e;
      sum += e;
    }
    for (let k = 0; k < size; k += 1) values[offset + k]! /= sum;
    logLikelihood += max + Math.log(sum);
  }
  return logLikelihood;
}

/**
 * Closes an E-step of the models that score a label as right or wrong (one-coin Dawid-Skene, GLAD, MACE):
 * normalises the task rows of `posterior` in place and returns the data's log-likelihood, with each
 * task's `shift` (the log-probability of its answers all being wrong, left out of the rows) added back.
 */
export function closeEStep(
  posterior: Float64Array,
  shift: Float64Array,
  taskCount: number,
  size: number,
): number {
  let logLikelihood = normaliseLogRows(posterior, taskCount, size);
  for (let t = 0; t < taskCount; t += 1) logLikelihood += shift[t]!;
  return logLikelihood;
}

/** Whether EM has converged: the log-likelihood moved by less than `tolerance` per answer. */
export function hasConverged(
  logLikelihood: number,
  previous: number,
  tolerance: number,
  answerCount: number,
): boolean {
  return Math.abs(logLikelihood - previous) < tolerance * Math.max(1, answerCount);
}

/** Per task, the share of its labels given to each class (`tasks × classes`); uniform for unlabelled tasks. */
export function voteShares(data: IndexedAnswers, weights?: Float64Array): Float64Array {
  const size = data.classes.length;
  const shares = new Float64Array(data.tasks.length * size);
  const totals = new Float64Array(data.tasks.length);
  for (let n = 0; n < data.taskOf.length; n += 1) {
    const weight = weights ? weights[data.workerOf[n]!]! : 1;
    shares[data.taskOf[n]! * size + data.labelOf[n]!]! += weight;
    totals[data.taskOf[n]!]! += weight;
  }
  for (let t = 0; t < data.tasks.length; t += 1) {
    const total = totals[t]!;
    for (let k = 0; k < size; k += 1) {
      shares[t * size + k] = total > 0 ? shares[t * size + k]! / total : 1 / size;
    }
  }
  return shares;
}

/** Builds the public result from per-task probabilities (`tasks × classes`) and per-worker skills. */
export function buildConsensus(
  data: IndexedAnswers,
  probabilities: Float64Array,
  workerSkill: ArrayLike<number>,
  iterations: number,
  converged: boolean,
): CategoricalConsensus {
  const size = data.classes.length;
  const labels: Record<string, string> = {};
  const perTask: Record<string, Record<string, number>> = {};
  if (size > 0) {
    for (let t = 0; t < data.tasks.length; t += 1) {
      const offset = t * size;
      const row: Record<string, number> = {};
      for (let k = 0; k < size; k += 1) setEntry(row, data.classes[k]!, probabilities[offset + k]!);
      setEntry(perTask, data.tasks[t]!, row);
      setEntry(labels, data.tasks[t]!, data.classes[argmaxRow(probabilities, offset, size)]!);
    }
  }
  return {
    labels,
    probabilities: perTask,
    workerSkill: recordOf(data.workers, workerSkill),
    classes: data.classes,
    // With no labelled answer there was nothing to estimate, whatever the loop did.
    iterations: data.taskOf.length === 0 ? 0 : iterations,
    converged,
  };
}

/**
 * The result when there is at most one class: nothing to estimate. Every task gets the class (if any)
 * with probability 1 and every worker skill 1.
 */
export function trivialConsensus(data: IndexedAnswers): CategoricalConsensus {
  return buildConsensus(
    data,
    new Float64Array(data.tasks.length * data.classes.length).fill(1),
    new Float64Array(data.workers.length).fill(1),
    0,
    true,
  );
}

/**
 * Reads `maxIterations` and `tolerance` with their defaults; a non-finite value means the default, and
 * there is always at least one iteration.
 */
export function iterationLimits(options: IterativeOptions): { maxIterations: number; tolerance: number } {
  const max = options.maxIterations ?? 100;
  const maxIterations = Number.isFinite(max) ? Math.max(1, Math.floor(max)) : 100;
  const tol = options.tolerance ?? 1e-6;
  const tolerance = Number.isFinite(tol) ? Math.max(0, tol) : 1e-6;
  return { maxIterations, tolerance };
}
