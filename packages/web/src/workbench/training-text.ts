/**
 * What the workbench says about a project's training gate and about a pause: the badge on a training
 * task, the feedback after a training answer, and what the home page offers for each project. Pure, so
 * the wording and its edge cases (nothing passed yet, one left, a target of zero) are tested without a DOM.
 */
import type { SubmitOutcome } from '@groundwork/sdk';
import type { TrainingProgress } from './lease-queue.ts';

/** The feedback a training answer's outcome carries: its score, the expected answer and the progress. */
export type TrainingFeedback = NonNullable<SubmitOutcome['training']>;

/** A count as shown: a whole number of at least 0 (a missing or broken figure reads 0, never NaN). */
function count(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/** `1 of 3 passed`: how many training answers passed of the number the gate asks for. */
export function passedOf(progress: Pick<TrainingProgress, 'passedCount' | 'target'>): string {
  return `${count(progress.passedCount)} of ${count(progress.target)} passed`;
}

/** The badge on a training task: `Training task — 1 of 3 passed so far`. */
export function trainingBadge(progress: Pick<TrainingProgress, 'passedCount' | 'target'>): string {
  return `Training task — ${passedOf(progress)} so far`;
}

/** What the home page shows beside a project whose training is under way: `Training: 1 of 3 passed`. */
export function homeTrainingLabel(progress: Pick<TrainingProgress, 'passedCount' | 'target'>): string {
  return `Training: ${passedOf(progress)}`;
}

/**
 * A score (0..1) as a whole percent, rounded down so an answer just short of the full mark never reads
 * 100%. Out-of-range scores are clamped; a score that is not a number reads 0%.
 */
export function scorePercent(score: number): string {
  const clamped = Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
  // The epsilon keeps binary fractions (0.29 * 100 = 28.999…) on their whole percent.
  return `${Math.floor(clamped * 100 + 1e-9)}%`;
}

/**
 * Why a person who failed the training gate is paused, from their progress (the outcome of the answer
 * that failed it carries no reason of its own; the server's words come with the next refusal).
 */
export function failedTrainingReason(progress: Pick<TrainingProgress, 'passedCount' | 'target'>): string {
  const target = count(progress.target);
  return `Training not passed: only ${count(progress.passedCount)} of the ${target} training task${target === 1 ? '' : 's'} needed passed, and too few are left to make it up.`;
}

/**
 * Where the person stands after a training answer: `2 of 3 passed; 1 more to go` while the gate is under
 * way, that real work is next once it passed, or that it was not passed (why: {@link failedTrainingReason}).
 */
export function trainingProgressLine(progress: TrainingProgress): string {
  switch (progress.state) {
    case 'passed':
      return 'Training passed — real work is next';
    case 'not_required':
      return 'No training needed — real work is next';
    case 'failed':
      return 'Training not passed';
    case 'in_progress': {
      const left = Math.max(0, count(progress.target) - count(progress.passedCount));
      return left > 0 ? `${passedOf(progress)}; ${left} more to go` : passedOf(progress);
    }
  }
}

/** The words of the feedback panel after a training answer. */
export interface TrainingFeedbackText {
  /** `Correct` when the answer met the pass score, else `Not quite`. */
  verdict: 'Correct' | 'Not quite';
  /** The score as a percent (`75%`). */
  score: string;
  /** Where the gate stands (see {@link trainingProgressLine}). */
  progress: string;
  /** Why the person is now paused, when this answer failed the gate; else null. */
  failedReason: string | null;
}

/** The feedback panel's words for a training answer's outcome. */
export function trainingFeedbackText(feedback: TrainingFeedback): TrainingFeedbackText {
  return {
    verdict: feedback.passed ? 'Correct' : 'Not quite',
    score: scorePercent(feedback.score),
    progress: trainingProgressLine(feedback),
    failedReason: feedback.state === 'failed' ? failedTrainingReason(feedback) : null,
  };
}

/** A project as the home page lists it (the fields of `GET /api/work/overview` this needs). */
export interface HomeProject {
  /** Labeling tasks the person could lease now. */
  waiting: number;
  /** Their own live labeling leases (Start resumes them). */
  inProgress: number;
  /** Set while they are paused from the project. */
  paused: { at: string; reason: string } | null;
  /** The project's training gate for them, or null when it has none. */
  training: TrainingProgress | null;
}

/** What the home page offers for a project. */
export type ProjectStart =
  /** Paused (by a manager, by gold results, or by a failed training gate): the reason, and no Start. */
  | { kind: 'paused'; reason: string }
  /** The training gate is under way: `label` says how far (`Training: 1 of 3 passed`); Start trains. */
  | { kind: 'training'; label: string }
  /** Real work: startable when some waits or is theirs to resume. */
  | { kind: 'work'; startable: boolean };

/**
 * What the home page offers for a project. A pause wins over everything; a failed training gate reads as
 * a pause even before the pause itself shows. Training under way is always startable: the overview lists
 * a gate only while the project has training tasks to serve.
 */
export function projectStart(project: HomeProject): ProjectStart {
  if (project.paused) {
    return {
      kind: 'paused',
      reason: project.paused.reason.trim() || 'A manager paused you from this project.',
    };
  }
  if (project.training?.state === 'failed') {
    return { kind: 'paused', reason: failedTrainingReason(project.training) };
  }
  if (project.training?.state === 'in_progress') {
    return { kind: 'training', label: homeTrainingLabel(project.training) };
  }
  return { kind: 'work', startable: count(project.waiting) + count(project.inProgress) > 0 };
}
