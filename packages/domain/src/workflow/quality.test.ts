import { describe, expect, it } from 'vitest';
import { goldVerdict, projectQualitySchema, readQuality, trainingState, trainingTarget } from './index.ts';

describe('quality policy', () => {
  it('applies defaults to an empty policy', () => {
    expect(readQuality({})).toEqual({
      gold_rate: 0.05,
      gold_threshold: null,
      gold_window: 20,
      gold_min_answers: 5,
      training_required: 0,
      training_pass_score: 0.8,
      weighted_consensus: true,
    });
  });

  it('rejects out-of-range values and unknown keys, naming the field', () => {
    const bad = projectQualitySchema.safeParse({ gold_rate: 0.9, gold_threshold: 2, extra: 1 });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join('.') || i.code) ?? [];
    expect(paths).toContain('gold_rate');
    expect(paths).toContain('gold_threshold');
    expect(bad.error?.issues.some((i) => i.code === 'unrecognized_keys')).toBe(true);
  });

  it('reads a stored policy that no longer validates as the defaults', () => {
    expect(readQuality({ gold_rate: 'lots' }).gold_rate).toBe(0.05);
  });
});

describe('training gate', () => {
  const policy = readQuality({ training_required: 3 });

  it('needs at most as many passes as there are training tasks, and none without any', () => {
    expect(trainingTarget(policy, 10)).toBe(3);
    expect(trainingTarget(policy, 2)).toBe(2);
    expect(trainingTarget(policy, 0)).toBe(0);
    expect(trainingState(policy, { available: 0, answered: 0, passed: 0 })).toBe('not_required');
    expect(trainingState(readQuality({}), { available: 5, answered: 0, passed: 0 })).toBe('not_required');
  });

  it('passes on reaching the target, fails once the tasks left cannot make it up', () => {
    expect(trainingState(policy, { available: 5, answered: 2, passed: 2 })).toBe('in_progress');
    expect(trainingState(policy, { available: 5, answered: 3, passed: 3 })).toBe('passed');
    // 5 tasks, 3 answered with 1 pass: 2 left can still make 3.
    expect(trainingState(policy, { available: 5, answered: 3, passed: 1 })).toBe('in_progress');
    // 4 answered with 1 pass: 1 left, at most 2 passes.
    expect(trainingState(policy, { available: 5, answered: 4, passed: 1 })).toBe('failed');
  });
});

describe('gold verdict', () => {
  const policy = readQuality({ gold_threshold: 0.7, gold_window: 4, gold_min_answers: 3 });

  it('does not judge without a threshold or with too few answers', () => {
    expect(goldVerdict(readQuality({}), [0, 0, 0, 0, 0, 0])).toBeNull();
    expect(goldVerdict(policy, [0, 0])).toBeNull();
  });

  it('averages the newest answers within the window', () => {
    // Newest first: the window keeps 0.5, 0.5, 1, 0.6 (mean 0.65) and drops the old 1.
    expect(goldVerdict(policy, [0.5, 0.5, 1, 0.6, 1])).toEqual({ mean: 0.65, answers: 4, below: true });
    expect(goldVerdict(policy, [1, 0.5, 1])).toEqual({ mean: 2.5 / 3, answers: 3, below: false });
  });

  it('is not below at exactly the threshold', () => {
    expect(goldVerdict(policy, [0.7, 0.7, 0.7])?.below).toBe(false);
  });
});
