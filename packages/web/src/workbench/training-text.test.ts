import { describe, expect, it } from 'vitest';
import {
  failedTrainingReason,
  type HomeProject,
  homeTrainingLabel,
  projectStart,
  scorePercent,
  type TrainingFeedback,
  trainingBadge,
  trainingFeedbackText,
  trainingProgressLine,
} from './training-text.ts';

function feedback(overrides: Partial<TrainingFeedback> = {}): TrainingFeedback {
  return {
    state: 'in_progress',
    answered: 2,
    passedCount: 2,
    target: 3,
    score: 1,
    passed: true,
    expectedResponse: { category: 'cat' },
    ...overrides,
  };
}

function project(overrides: Partial<HomeProject> = {}): HomeProject {
  return { waiting: 4, inProgress: 0, paused: null, training: null, ...overrides };
}

describe('training badge and labels', () => {
  it('counts the passed answers against the target', () => {
    expect(trainingBadge({ passedCount: 1, target: 3 })).toBe('Training task — 1 of 3 passed so far');
    expect(homeTrainingLabel({ passedCount: 0, target: 2 })).toBe('Training: 0 of 2 passed');
  });

  it('reads broken figures as 0 instead of NaN', () => {
    expect(trainingBadge({ passedCount: Number.NaN, target: -2 })).toBe(
      'Training task — 0 of 0 passed so far',
    );
  });
});

describe('scorePercent', () => {
  it('shows whole percents, rounded down so a near miss never reads 100%', () => {
    expect(scorePercent(1)).toBe('100%');
    expect(scorePercent(0)).toBe('0%');
    expect(scorePercent(0.75)).toBe('75%');
    expect(scorePercent(0.995)).toBe('99%');
    // 0.29 * 100 is 28.999… in binary: still 29%.
    expect(scorePercent(0.29)).toBe('29%');
  });

  it('clamps out-of-range scores and reads a missing one as 0%', () => {
    expect(scorePercent(1.4)).toBe('100%');
    expect(scorePercent(-0.2)).toBe('0%');
    expect(scorePercent(Number.NaN)).toBe('0%');
  });
});

describe('trainingProgressLine', () => {
  it('says how many more must pass while the gate is under way', () => {
    expect(trainingProgressLine(feedback({ passedCount: 2, target: 3 }))).toBe('2 of 3 passed; 1 more to go');
    expect(trainingProgressLine(feedback({ passedCount: 0, target: 2 }))).toBe('0 of 2 passed; 2 more to go');
  });

  it('leaves out what is left when nothing is (a target already met)', () => {
    expect(trainingProgressLine(feedback({ passedCount: 3, target: 3 }))).toBe('3 of 3 passed');
    expect(trainingProgressLine(feedback({ passedCount: 0, target: 0 }))).toBe('0 of 0 passed');
  });

  it('says real work is next once passed, and says so when it failed', () => {
    expect(trainingProgressLine(feedback({ state: 'passed', passedCount: 3 }))).toBe(
      'Training passed — real work is next',
    );
    expect(trainingProgressLine(feedback({ state: 'not_required' }))).toBe(
      'No training needed — real work is next',
    );
    expect(trainingProgressLine(feedback({ state: 'failed', passedCount: 0, target: 1 }))).toBe(
      'Training not passed',
    );
  });
});

describe('trainingFeedbackText', () => {
  it('says Correct with the score and progress for a passing answer', () => {
    expect(trainingFeedbackText(feedback())).toEqual({
      verdict: 'Correct',
      score: '100%',
      progress: '2 of 3 passed; 1 more to go',
      failedReason: null,
    });
  });

  it('says Not quite for an answer short of the pass score, whatever its score', () => {
    const text = trainingFeedbackText(feedback({ passed: false, score: 0.5, passedCount: 1 }));
    expect(text.verdict).toBe('Not quite');
    expect(text.score).toBe('50%');
    expect(text.progress).toBe('1 of 3 passed; 2 more to go');
  });

  it('gives the reason for the pause when the answer failed the gate', () => {
    const text = trainingFeedbackText(
      feedback({ state: 'failed', passed: false, score: 0, passedCount: 0, target: 1, answered: 1 }),
    );
    expect(text.failedReason).toBe(
      'Training not passed: only 0 of the 1 training task needed passed, and too few are left to make it up.',
    );
  });
});

describe('failedTrainingReason', () => {
  it('pluralizes the training tasks', () => {
    expect(failedTrainingReason({ passedCount: 1, target: 3 })).toContain(
      'only 1 of the 3 training tasks needed',
    );
  });
});

describe('projectStart', () => {
  const inProgress = { state: 'in_progress' as const, answered: 1, passedCount: 1, target: 3 };

  it('offers real work when some waits or is the person’s to resume', () => {
    expect(projectStart(project({ waiting: 4 }))).toEqual({ kind: 'work', startable: true });
    expect(projectStart(project({ waiting: 0, inProgress: 1 }))).toEqual({ kind: 'work', startable: true });
    expect(projectStart(project({ waiting: 0 }))).toEqual({ kind: 'work', startable: false });
  });

  it('offers training while the gate is under way, even before real work waits', () => {
    expect(projectStart(project({ waiting: 0, training: inProgress }))).toEqual({
      kind: 'training',
      label: 'Training: 1 of 3 passed',
    });
  });

  it('offers real work once training passed', () => {
    const passed = { ...inProgress, state: 'passed' as const, passedCount: 3 };
    expect(projectStart(project({ training: passed }))).toEqual({ kind: 'work', startable: true });
  });

  it('shows a pause with its reason instead of Start, training or not', () => {
    const paused = { at: '2026-01-01T00:00:00Z', reason: 'Gold answers below the 75% threshold.' };
    expect(projectStart(project({ paused, training: inProgress }))).toEqual({
      kind: 'paused',
      reason: 'Gold answers below the 75% threshold.',
    });
  });

  it('gives a pause without words a reason of its own', () => {
    const paused = { at: '2026-01-01T00:00:00Z', reason: '  ' };
    expect(projectStart(project({ paused }))).toEqual({
      kind: 'paused',
      reason: 'A manager paused you from this project.',
    });
  });

  it('reads a failed training gate as a pause even before the pause shows', () => {
    const failed = { state: 'failed' as const, answered: 2, passedCount: 0, target: 2 };
    const start = projectStart(project({ training: failed }));
    expect(start.kind).toBe('paused');
    expect(start.kind === 'paused' && start.reason).toContain('only 0 of the 2 training tasks needed passed');
  });
});
