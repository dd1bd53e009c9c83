import {
  buildConsensus,
  type CategoricalAnswer,
  type CategoricalConsensus,
  closeEStep,
  hasConverged,
  type IterativeOptions,
  indexAnswers,
  iterationLimits,
  recordOf,
  trivialConsensus,
  voteShares,
} from './answers.ts';
import { estimateLogPriors, labelledTasks } from './dawid-skene.ts';

/** Options of {@link glad}. */
export interface GladOptions extends IterativeOptions {
  /** Fisher-scoring steps on α and log β per M-step. Default 5. */
  gradientSteps?: number;
  /**
   * Re-estimate the class priors from the posteriors in every M-step (smoothed by 0.01). Default false:
   * uniform priors, as in the paper. Estimated priors and per-task difficulties can feed each other on
   * thinly labelled data — with a single annotator, the minority class's tasks drift to "hard" and the
   * priors to the majority class until that annotator's minority labels are overruled.
   */
  estimatePriors?: boolean;
}

/** {@link glad}'s result: the common fields plus the task parameters. */
export interface GladResult extends CategoricalConsensus {
  /** Per task id, the difficulty 1/β (β > 0; 0 is trivially easy, large is hard). */
  taskDifficulty: Record<string, number>;
  /** Class priors, in `classes` order (uniform unless `estimatePriors`). */
  priors: number[];
}

const alphaPriorMean = 1;
const logBetaPriorMean = 0;
const maxStep = 1;

/**
 * GLAD (Whitehill, Ruvolo, Wu, Bergsma & Movellan 2009, "Whose vote should count more: optimal
 * integration of labels from labelers of unknown expertise"): worker `i` has an ability α_i (negative
 * for adversarial workers, 0 for guessing, large for experts) and task `j` an inverse difficulty β_j > 0.
 * The worker gives the true class with probability σ(α_i β_j).
 *
 * What is implemented:
 * - Binary and multiclass: a wrong label is uniform over the other K − 1 classes, as in the authors'
 *   multiclass extension; with K = 2 it is exactly the paper's binary model.
 * - EM: the E-step computes each task's class posterior (uniform class priors as in the paper, or
 *   estimated with `estimatePriors`); the
 *   M-step raises the expected complete-data log-likelihood plus Gaussian priors α ~ N(1, 1) and
 *   log β ~ N(0, 1) by `gradientSteps` diagonal Fisher-scoring steps (the paper uses gradient ascent;
 *   scoring adapts the step size to how many answers a parameter has), each step clipped to ±1.
 * - Start: majority-vote shares, α = 1, β = 1. Stops when the log-likelihood per answer changes by less
 *   than `tolerance` (default 1e-6) or after `maxIterations` (default 100).
 *
 * `workerSkill` is α; `taskDifficulty` is 1/β. A task with no label gets the priors and difficulty 1.
 * One class: probability 1, skill 1, difficulty 1; no classes: empty records.
 */
export function glad(answers: readonly CategoricalAnswer[], options: GladOptions = {}): GladResult {
  const data = indexAnswers(answers, options.classes);
  const size = data.classes.length;
  if (size <= 1) {
    return {
      ...trivialConsensus(data),
      taskDifficulty: recordOf(data.tasks, new Float64Array(data.tasks.length).fill(1)),
      priors: size === 1 ? [1] : [],
    };
  }
  const { maxIterations, tolerance } = iterationLimits(options);
  const steps = Math.max(1, Math.floor(Number.isFinite(options.gradientSteps) ? options.gradientSteps! : 5));
  const { taskOf, workerOf, labelOf } = data;
  const answerCount = taskOf.length;
  const taskCount = data.tasks.length;
  const workerCount = data.workers.length;
  const logWrongShare = Math.log(size - 1);

  const posterior = voteShares(data);
  const logPrior = new Float64Array(size).fill(-Math.log(size));
  const estimatePriors = options.estimatePriors === true;
  const alpha = new Float64Array(workerCount).fill(1);
  const logBeta = new Float64Array(taskCount);
  const betas = new Float64Array(taskCount);
  const correct = new Float64Array(answerCount);
  const gradient = new Float64Array(Math.max(workerCount, taskCount));
  const curvature = new Float64Array(Math.max(workerCount, taskCount));
  const shift = new Float64Array(taskCount);
  const labelled = labelledTasks(data);

  let previous = Number.NEGATIVE_INFINITY;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations += 1;
    if (estimatePriors) estimateLogPriors(posterior, labelled, size, 0.01, logPrior);
    for (let n = 0; n < answerCount; n += 1) correct[n] = posterior[taskOf[n]! * size + labelOf[n]!]!;
    for (let step = 0; step < steps; step += 1) {
      // d/dx of q·log σ(x) + (1 − q)·log(1 − σ(x)) is q − σ(x), with x = α·β; its Fisher information σ(1 − σ).
      for (let t = 0; t < taskCount; t += 1) betas[t] = Math.exp(logBeta[t]!);
      gradient.fill(0, 0, workerCount);
      curvature.fill(0, 0, workerCount);
      for (let n = 0; n < answerCount; n += 1) {
        const w = workerOf[n]!;
        const beta = betas[taskOf[n]!]!;
        const s = sigmoid(alpha[w]! * beta);
        gradient[w]! += (correct[n]! - s) * beta;
        curvature[w]! += s * (1 - s) * beta * beta;
      }
      for (let w = 0; w < workerCount; w += 1) {
        const g = gradient[w]! - (alpha[w]! - alphaPriorMean);
        alpha[w]! += clipStep(g / (curvature[w]! + 1));
      }
      gradient.fill(0, 0, taskCount);
      curvature.fill(0, 0, taskCount);
      for (let n = 0; n < answerCount; n += 1) {
        const t = taskOf[n]!;
        const a = alpha[workerOf[n]!]!;
        const beta = betas[t]!;
        const s = sigmoid(a * beta);
        gradient[t]! += (correct[n]! - s) * a * beta;
        curvature[t]! += s * (1 - s) * a * a * beta * beta;
      }
      for (let t = 0; t < taskCount; t += 1) {
        const g = gradient[t]! - (logBeta[t]! - logBetaPriorMean);
        logBeta[t]! += clipStep(g / (curvature[t]! + 1));
      }
    }
    for (let t = 0; t < taskCount; t += 1) betas[t] = Math.exp(logBeta[t]!);
    // E-step: every class gets the "wrong" log-probability, the labelled class the difference on top.
    shift.fill(0);
    for (let t = 0; t < taskCount; t += 1) posterior.set(logPrior, t * size);
    for (let n = 0; n < answerCount; n += 1) {
      const t = taskOf[n]!;
      const x = alpha[workerOf[n]!]! * betas[t]!;
      const logRight = -softplus(-x);
      const logWrong = -softplus(x) - logWrongShare;
      shift[t]! += logWrong;
      posterior[t * size + labelOf[n]!]! += logRight - logWrong;
    }
    const logLikelihood = closeEStep(posterior, shift, taskCount, size);
    if (hasConverged(logLikelihood, previous, tolerance, answerCount)) {
      converged = true;
      break;
    }
    previous = logLikelihood;
  }
  return {
    ...buildConsensus(data, posterior, alpha, iterations, converged),
    taskDifficulty: recordOf(
      data.tasks,
      Array.from(logBeta, (b) => Math.exp(-b)),
    ),
    priors: Array.from(logPrior, Math.exp),
  };
}

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** log(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

function clipStep(step: number): number {
  return Math.min(maxStep, Math.max(-maxStep, step));
}
