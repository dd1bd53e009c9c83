/**
 * A plain transcription of Dawid & Skene's EM (1979) as the reference implementation the library's
 * `dawidSkene` is compared against: the algorithm crowd-kit's `DawidSkene` runs (majority-vote start;
 * M-step: class priors and each worker's confusion matrix from the posteriors; E-step: posteriors from
 * priors × confusion entries; stop when the log-likelihood changes less than `tolerance`), written the
 * obvious way with maps and arrays of arrays, no tuning. Only the benchmark uses it.
 */
import type { CategoricalAnswer } from '@groundwork/domain';

const EPSILON = 1e-10;

/** Runs the reference EM; returns the label of each task. */
export function referenceDawidSkene(
  answers: readonly CategoricalAnswer[],
  classes: readonly string[],
  options: { maxIterations: number; tolerance: number },
): Record<string, string> {
  const k = classes.length;
  const classIndex = new Map(classes.map((name, index) => [name, index]));
  const byTask = new Map<string, { worker: string; label: number }[]>();
  for (const answer of answers) {
    if (answer.label === null) continue;
    const list = byTask.get(answer.task) ?? [];
    list.push({ worker: answer.worker, label: classIndex.get(answer.label) as number });
    byTask.set(answer.task, list);
  }
  // Start from majority-vote shares.
  const posteriors = new Map<string, number[]>();
  for (const [task, list] of byTask) {
    const shares = new Array<number>(k).fill(0);
    for (const { label } of list) shares[label] = (shares[label] as number) + 1 / list.length;
    posteriors.set(task, shares);
  }
  let previous = Number.NEGATIVE_INFINITY;
  for (let iteration = 0; iteration < options.maxIterations; iteration += 1) {
    // M-step.
    const priors = new Array<number>(k).fill(0);
    for (const shares of posteriors.values()) {
      for (let c = 0; c < k; c += 1) priors[c] = (priors[c] as number) + (shares[c] as number);
    }
    for (let c = 0; c < k; c += 1) priors[c] = (priors[c] as number) / posteriors.size;
    const confusion = new Map<string, number[][]>();
    for (const [task, list] of byTask) {
      const shares = posteriors.get(task) as number[];
      for (const { worker, label } of list) {
        let matrix = confusion.get(worker);
        if (!matrix) {
          matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
          confusion.set(worker, matrix);
        }
        for (let c = 0; c < k; c += 1) {
          const row = matrix[c] as number[];
          row[label] = (row[label] as number) + (shares[c] as number);
        }
      }
    }
    for (const matrix of confusion.values()) {
      for (const row of matrix) {
        const total = row.reduce((sum, value) => sum + value, 0);
        for (let l = 0; l < k; l += 1) row[l] = total > 0 ? (row[l] as number) / total : 1 / k;
      }
    }
    // E-step.
    let logLikelihood = 0;
    for (const [task, list] of byTask) {
      const logs = priors.map((p) => Math.log(p + EPSILON));
      for (const { worker, label } of list) {
        const matrix = confusion.get(worker) as number[][];
        for (let c = 0; c < k; c += 1)
          logs[c] = (logs[c] as number) + Math.log(((matrix[c] as number[])[label] as number) + EPSILON);
      }
      const max = Math.max(...logs);
      const exps = logs.map((value) => Math.exp(value - max));
      const total = exps.reduce((sum, value) => sum + value, 0);
      posteriors.set(
        task,
        exps.map((value) => value / total),
      );
      logLikelihood += max + Math.log(total);
    }
    if (Math.abs(logLikelihood - previous) < options.tolerance) break;
    previous = logLikelihood;
  }
  const labels: Record<string, string> = {};
  for (const [task, shares] of posteriors) {
    let best = 0;
    for (let c = 1; c < k; c += 1) if ((shares[c] as number) > (shares[best] as number)) best = c;
    labels[task] = classes[best] as string;
  }
  return labels;
}
