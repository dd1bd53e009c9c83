import { mulberry32 } from '../random.ts';
import type { CategoricalAnswer } from './answers.ts';

/** How to generate a {@link syntheticCrowd}. */
export interface SyntheticCrowdOptions {
  /** Number of tasks, named `t0`, `t1`, …. */
  tasks: number;
  /** The class names. */
  classes: readonly string[];
  /**
   * One confusion matrix per worker (workers are named `w0`, `w1`, …): `matrix[true][given]`, rows
   * summing to 1, `classes.length` square.
   */
  workers: readonly (readonly (readonly number[])[])[];
  /** Labels per task, from distinct workers chosen at random. Default: every worker labels every task. */
  labelsPerTask?: number;
  /** Class priors the true classes are drawn from. Default uniform. */
  priors?: readonly number[];
  /** Seed of the {@link mulberry32} stream; the same options give the same crowd. */
  seed: number;
}

/** A generated crowd: the answers and the truth they were generated from. */
export interface SyntheticCrowd {
  answers: CategoricalAnswer[];
  /** The true class per task id. */
  truth: Record<string, string>;
}

/**
 * A seeded synthetic crowd for tests and benchmarks: true classes drawn from `priors`, each label drawn
 * from its worker's confusion-matrix row for the true class. Answers come task by task.
 */
export function syntheticCrowd(options: SyntheticCrowdOptions): SyntheticCrowd {
  const random = mulberry32(options.seed);
  const size = options.classes.length;
  const priors = options.priors ?? options.classes.map(() => 1 / size);
  const workerCount = options.workers.length;
  const perTask = Math.min(workerCount, options.labelsPerTask ?? workerCount);
  const order = Array.from({ length: workerCount }, (_, w) => w);
  const answers: CategoricalAnswer[] = [];
  const truth: Record<string, string> = {};
  for (let t = 0; t < options.tasks; t += 1) {
    const task = `t${t}`;
    const truthIndex = draw(priors, random());
    truth[task] = options.classes[truthIndex]!;
    // A partial Fisher-Yates shuffle picks `perTask` distinct workers.
    for (let i = 0; i < perTask; i += 1) {
      const j = i + Math.floor(random() * (workerCount - i));
      const chosen = order[j]!;
      order[j] = order[i]!;
      order[i] = chosen;
      const row = options.workers[chosen]![truthIndex]!;
      answers.push({ worker: `w${chosen}`, task, label: options.classes[draw(row, random())]! });
    }
  }
  return { answers, truth };
}

/**
 * A confusion matrix for `size` classes where the worker is right with probability `accuracy` and
 * otherwise picks one of the other classes uniformly (`accuracy` 1/size is a uniform spammer).
 */
export function symmetricConfusion(size: number, accuracy: number): number[][] {
  return Array.from({ length: size }, (_, k) =>
    Array.from({ length: size }, (_, l) => (k === l ? accuracy : size > 1 ? (1 - accuracy) / (size - 1) : 0)),
  );
}

/** The fraction of tasks in `truth` whose label in `labels` equals it (0 when `truth` is empty). */
export function accuracyAgainst(labels: Record<string, string>, truth: Record<string, string>): number {
  const tasks = Object.keys(truth);
  if (tasks.length === 0) return 0;
  let right = 0;
  for (const task of tasks) if (Object.hasOwn(labels, task) && labels[task] === truth[task]) right += 1;
  return right / tasks.length;
}

function draw(weights: readonly number[], u: number): number {
  let cumulative = 0;
  for (let k = 0; k < weights.length; k += 1) {
    cumulative += weights[k]!;
    if (u < cumulative) return k;
  }
  return weights.length - 1;
}
