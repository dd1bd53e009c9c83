import {
  argmaxRow,
  buildConsensus,
  type CategoricalAnswer,
  type CategoricalConsensus,
  type CategoricalOptions,
  type IndexedAnswers,
  indexAnswers,
  voteShares,
} from './answers.ts';

/**
 * Majority vote: each task gets the label most workers gave it.
 *
 * - `probabilities`: each class's share of the task's labels (uniform for a task with no label).
 * - `labels`: the class with the largest share; a tie goes to the class seen first (see `answers.ts`:
 *   the order of `options.classes`, then of first appearance in `answers`).
 * - `workerSkill`: the share of the worker's labels that equal the consensus label (their own vote
 *   included, so a worker alone on a task agrees with it).
 *
 * Degenerate input: see `answers.ts` (empty input gives empty records; one class gives probability 1).
 * One shot: `iterations` is 1 (0 for empty input) and `converged` true.
 */
export function majorityVote(
  answers: readonly CategoricalAnswer[],
  options: CategoricalOptions = {},
): CategoricalConsensus {
  const data = indexAnswers(answers, options.classes);
  const shares = voteShares(data);
  const result = buildConsensus(data, shares, agreementWith(data, shares), 1, true);
  return data.taskOf.length === 0 ? { ...result, iterations: 0 } : result;
}

/**
 * Wawa ("worker agreement with aggregate", as in Toloka's crowd-kit): majority vote first, then a vote
 * in which each worker's label weighs their agreement with that majority.
 *
 * - `probabilities`: each class's share of the task's weighted votes. The weights never all vanish on a
 *   task: someone voted for its majority label, and that worker's agreement is positive.
 * - `labels`: the class with the largest weighted share, ties as in {@link majorityVote}.
 * - `workerSkill`: the weights, i.e. each worker's agreement with the plain majority vote.
 *
 * `iterations` is 1 (0 for empty input), `converged` true.
 */
export function wawa(
  answers: readonly CategoricalAnswer[],
  options: CategoricalOptions = {},
): CategoricalConsensus {
  const data = indexAnswers(answers, options.classes);
  const shares = voteShares(data);
  const skill = agreementWith(data, shares);
  const result = buildConsensus(data, voteShares(data, skill), skill, 1, true);
  return data.taskOf.length === 0 ? { ...result, iterations: 0 } : result;
}

/** Per worker, the share of their labels equal to each task's most probable class (tie rule applied). */
export function agreementWith(data: IndexedAnswers, probabilities: Float64Array): Float64Array {
  const size = data.classes.length;
  const winner = new Int32Array(data.tasks.length);
  for (let t = 0; t < data.tasks.length; t += 1) {
    winner[t] = argmaxRow(probabilities, t * size, size);
  }
  const agree = new Float64Array(data.workers.length);
  for (let n = 0; n < data.taskOf.length; n += 1) {
    if (winner[data.taskOf[n]!] === data.labelOf[n]) agree[data.workerOf[n]!]! += 1;
  }
  for (let w = 0; w < data.workers.length; w += 1) agree[w] = agree[w]! / data.perWorker[w]!;
  return agree;
}
