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
  setEntry,
  trivialConsensus,
  voteShares,
} from './answers.ts';
import { clamp } from './dawid-skene.ts';

/** Options of {@link mace}. */
export interface MaceOptions extends IterativeOptions {
  /**
   * Pseudo-count added to the expected spam / no-spam counts and to each class of a worker's spam
   * distribution in each M-step (MACE's EM smoothing), so no probability reaches 0. Default 0.01.
   */
  smoothing?: number;
}

/** {@link mace}'s result: the common fields plus each worker's spamming behaviour. */
export interface MaceResult extends CategoricalConsensus {
  /** Per worker id, the probability that a given label is spam (1 − `workerSkill`). */
  spamming: Record<string, number>;
  /** Per worker id, the distribution of their spam labels over `classes` (sums to 1). */
  spamLabels: Record<string, Record<string, number>>;
}

/**
 * MACE, Multi-Annotator Competence Estimation (Hovy, Berg-Kirkpatrick, Vaswani & Hovy 2013, "Learning
 * whom to trust with MACE"). Each worker j either labels a task faithfully, giving its true class, or,
 * with probability 1 − θ_j, spams: picks a label from their own distribution ξ_j regardless of the
 * task. True classes are uniform, as in the paper. So P(label l | true k) = θ_j·[l = k] + (1 − θ_j)·ξ_j(l):
 * a worker who always answers "yes" is recognised as a spammer rather than as an expert on "yes" tasks.
 *
 * What is implemented: the paper's EM (not its variational-Bayes variant), with additive `smoothing`
 * (default 0.01) on the expected counts; θ kept in [1e-9, 1 − 1e-9]. Instead of the reference
 * implementation's random restarts, one deterministic start from majority-vote shares. Stops when the
 * log-likelihood per answer changes by less than `tolerance` (default 1e-6) or after `maxIterations`
 * (default 100).
 *
 * `workerSkill` is the competence θ_j (the probability a label is not spam); `spamming` is 1 − θ_j and
 * `spamLabels` is ξ_j. A task with no label gets uniform probabilities. One class: probability 1,
 * skill 1, spamming 0; no classes: empty records.
 */
export function mace(answers: readonly CategoricalAnswer[], options: MaceOptions = {}): MaceResult {
  const data = indexAnswers(answers, options.classes);
  const size = data.classes.length;
  if (size <= 1) {
    const spamLabels: Record<string, Record<string, number>> = {};
    for (const worker of data.workers) setEntry(spamLabels, worker, recordOf(data.classes, [1]));
    return {
      ...trivialConsensus(data),
      spamming: recordOf(data.workers, new Float64Array(data.workers.length)),
      spamLabels,
    };
  }
  const { maxIterations, tolerance } = iterationLimits(options);
  const smoothing = Number.isFinite(options.smoothing) && options.smoothing! > 0 ? options.smoothing! : 0.01;
  const { taskOf, workerOf, labelOf, perWorker } = data;
  const answerCount = taskOf.length;
  const taskCount = data.tasks.length;
  const workerCount = data.workers.length;
  const logUniform = -Math.log(size);

  const posterior = voteShares(data);
  const competence = new Float64Array(workerCount);
  const spam = new Float64Array(workerCount * size).fill(1 / size);
  const spamCounts = new Float64Array(workerCount * size);
  const faithful = new Float64Array(workerCount);
  const shift = new Float64Array(taskCount);
  // First M-step as if every worker were half spam: E[spam] needs θ and ξ to exist.
  competence.fill(0.5);

  let previous = Number.NEGATIVE_INFINITY;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations += 1;
    // M-step. Given true class k ≠ l the label was surely spam; given k = l it was spam with
    // probability (1 − θ)ξ(l) / (θ + (1 − θ)ξ(l)).
    spamCounts.fill(0);
    faithful.fill(0);
    for (let n = 0; n < answerCount; n += 1) {
      const w = workerOf[n]!;
      const l = labelOf[n]!;
      const right = posterior[taskOf[n]! * size + l]!;
      const theta = competence[w]!;
      const spamHere = (1 - theta) * spam[w * size + l]!;
      const faithfulShare = right * (theta / (theta + spamHere));
      faithful[w]! += faithfulShare;
      spamCounts[w * size + l]! += 1 - faithfulShare;
    }
    for (let w = 0; w < workerCount; w += 1) {
      competence[w] = clamp((faithful[w]! + smoothing) / (perWorker[w]! + 2 * smoothing), 1e-9, 1 - 1e-9);
      let total = size * smoothing;
      for (let l = 0; l < size; l += 1) total += spamCounts[w * size + l]!;
      for (let l = 0; l < size; l += 1) spam[w * size + l] = (spamCounts[w * size + l]! + smoothing) / total;
    }
    // E-step: log P(l | k) is log((1 − θ)ξ(l)) for k ≠ l, log(θ + (1 − θ)ξ(l)) for k = l.
    shift.fill(0);
    posterior.fill(logUniform);
    for (let n = 0; n < answerCount; n += 1) {
      const w = workerOf[n]!;
      const l = labelOf[n]!;
      const theta = competence[w]!;
      const spamHere = (1 - theta) * spam[w * size + l]!;
      const logWrong = Math.log(spamHere);
      shift[taskOf[n]!]! += logWrong;
      posterior[taskOf[n]! * size + l]! += Math.log(theta + spamHere) - logWrong;
    }
    const logLikelihood = closeEStep(posterior, shift, taskCount, size);
    if (hasConverged(logLikelihood, previous, tolerance, answerCount)) {
      converged = true;
      break;
    }
    previous = logLikelihood;
  }
  const spamLabels: Record<string, Record<string, number>> = {};
  for (let w = 0; w < workerCount; w += 1) {
    setEntry(spamLabels, data.workers[w]!, recordOf(data.classes, spam.subarray(w * size, (w + 1) * size)));
  }
  return {
    ...buildConsensus(data, posterior, competence, iterations, converged),
    spamming: recordOf(
      data.workers,
      Array.from(competence, (theta) => 1 - theta),
    ),
    spamLabels,
  };
}
