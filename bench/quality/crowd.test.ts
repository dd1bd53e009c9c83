import { accuracyAgainst } from '@groundwork/domain';
import { describe, expect, it } from 'vitest';
import { generateCrowd } from './crowd.ts';
import { referenceDawidSkene } from './reference-dawid-skene.ts';

describe('the synthetic crowd', () => {
  it('is the same for the same seed and different for another', () => {
    const options = { tasks: 50, labelsPerTask: 5, classes: 3, workers: 20, seed: 7 };
    expect(generateCrowd(options)).toEqual(generateCrowd(options));
    expect(generateCrowd({ ...options, seed: 8 }).answers).not.toEqual(generateCrowd(options).answers);
  });

  it('gives each task the asked number of labels from distinct workers', () => {
    const crowd = generateCrowd({ tasks: 30, labelsPerTask: 4, classes: 3, workers: 10, seed: 1 });
    expect(crowd.answers).toHaveLength(120);
    const byTask = new Map<string, Set<string>>();
    for (const answer of crowd.answers)
      byTask.set(answer.task, (byTask.get(answer.task) ?? new Set()).add(answer.worker));
    for (const workers of byTask.values()) expect(workers.size).toBe(4);
  });

  it('the reference Dawid-Skene beats chance clearly on a crowd with spammers', () => {
    const crowd = generateCrowd({ tasks: 400, labelsPerTask: 7, classes: 4, workers: 30, seed: 3 });
    const labels = referenceDawidSkene(crowd.answers, crowd.classes, { maxIterations: 50, tolerance: 1e-6 });
    expect(accuracyAgainst(labels, crowd.truth)).toBeGreaterThan(0.9);
  });
});
