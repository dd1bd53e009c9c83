/**
 * A project's workflow (how a task becomes human work) and routing policy (who may do it). Stored on
 * the project as JSON, validated by these schemas; the server's queue and submit path follow them.
 */
import * as z from 'zod';

/** The review stage of a workflow. */
export const reviewPolicySchema = z
  .object({
    /**
     * When a labeled task goes to a reviewer: `none`, `all` (every task), `sample` (a share of tasks,
     * `sample_rate`) or `below_agreement` (only when the annotators' agreement is under
     * `agreement_threshold`).
     */
    mode: z
      .enum(['none', 'all', 'sample', 'below_agreement'])
      .default('none')
      .describe(
        'When a labeled task goes to a reviewer: `none`, `all`, `sample` (a share, `sample_rate`) or `below_agreement` (agreement under `agreement_threshold`).',
      ),
    /** For `sample`: the share of tasks reviewed, 0..1. */
    sample_rate: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe('For `sample`: the share of tasks reviewed, 0..1.'),
    /** For `below_agreement`: tasks whose agreement is below this (0..1) are reviewed. */
    agreement_threshold: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe('For `below_agreement`: tasks whose agreement is below this (0..1) are reviewed.'),
  })
  .superRefine((v, ctx) => {
    if (v.mode === 'sample' && v.sample_rate === undefined) {
      ctx.addIssue({ code: 'custom', path: ['sample_rate'], message: 'is required when mode is "sample"' });
    }
    if (v.mode === 'below_agreement' && v.agreement_threshold === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['agreement_threshold'],
        message: 'is required when mode is "below_agreement"',
      });
    }
  });

/** A project's workflow. */
export const projectWorkflowSchema = z.strictObject({
  /** How many different annotators label each task (1–10). */
  overlap: z
    .int()
    .min(1)
    .max(10)
    .default(1)
    .describe('How many different annotators label each task (1–10).'),
  /** The review stage. */
  review: reviewPolicySchema.default({ mode: 'none' }).describe('The review stage (default: none).'),
  /** How long a lease lasts without a heartbeat, in seconds (30 s – 24 h). */
  lease_seconds: z
    .int()
    .min(30)
    .max(86_400)
    .default(1800)
    .describe('How long a lease lasts without a heartbeat, in seconds (30 s – 24 h; default 1800).'),
});

/** A validated workflow, defaults applied. */
export type ProjectWorkflow = z.infer<typeof projectWorkflowSchema>;

/** A workforce allowed on a project, with an optional share of its slots. */
export const routedWorkforceSchema = z.strictObject({
  /** The workforce's id. */
  id: z.string().min(1).describe("The workforce's id."),
  /**
   * The relative share of the project's slots routed to this workforce (e.g. 0.7 and 0.3). Workforces
   * without a share take slots not routed to anyone in particular; when no workforce has a share, every
   * allowed workforce may take every slot.
   */
  share: z
    .number()
    .positive()
    .max(1000)
    .optional()
    .describe('Relative share of the slots routed to this workforce (e.g. 0.7 and 0.3).'),
});

/** Who may work a project. */
export const projectRoutingSchema = z.strictObject({
  /** The workforces allowed on the project; empty or absent: every workforce of the organization. */
  workforces: z
    .array(routedWorkforceSchema.describe('A workforce allowed on the project.'))
    .max(100)
    .default([])
    .describe('The workforces allowed on the project; empty: every workforce of the organization.'),
  /** Skills an annotator must hold (all of them) to take the project's work. */
  skills: z
    .array(
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9_.-]{0,62}$/, 'must be a lowercase slug (a-z, 0-9, _ . -)')
        .describe('A skill, e.g. `medicine`.'),
    )
    .max(50)
    .default([])
    .describe('Skills an annotator must hold (all of them) to take the work; lowercase slugs.'),
});

/** A validated routing policy, defaults applied. */
export type ProjectRouting = z.infer<typeof projectRoutingSchema>;

/** The workflow stored on a project (possibly `{}` for projects made before workflows), defaults applied. */
export function readWorkflow(stored: unknown): ProjectWorkflow {
  const parsed = projectWorkflowSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : projectWorkflowSchema.parse({});
}

/** The routing stored on a project, defaults applied. */
export function readRouting(stored: unknown): ProjectRouting {
  const parsed = projectRoutingSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : projectRoutingSchema.parse({});
}

/** A number in [0, 1) derived from a string (FNV-1a), for decisions that must not change when re-asked. */
export function stableFraction(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 0x1_0000_0000;
}

/**
 * Whether a labeled task goes to review, given its agreement. `sample` decides by a stable hash of the
 * task and round, so asking again gives the same answer and the sampled share is exact over many tasks.
 */
export function needsReview(
  workflow: ProjectWorkflow,
  labeled: { taskId: string; round: number; agreement: number },
): boolean {
  const review = workflow.review;
  switch (review.mode) {
    case 'none':
      return false;
    case 'all':
      return true;
    case 'sample':
      return stableFraction(`${labeled.taskId}:${labeled.round}`) < (review.sample_rate ?? 0);
    case 'below_agreement':
      return labeled.agreement < (review.agreement_threshold ?? 0);
  }
}

/**
 * A project's quality policy: hidden gold (evaluation tasks) mixed into its queue, the onboarding gate of
 * training tasks, when an annotator is paused for low gold accuracy, and whether consensus weighs
 * annotators by their measured reliability.
 */
export const projectQualitySchema = z.strictObject({
  /**
   * The share of labeling leases that are hidden evaluation tasks (0–0.5), served only while the project
   * has real work waiting for the person, so gold looks like any other task.
   */
  gold_rate: z
    .number()
    .min(0)
    .max(0.5)
    .default(0.05)
    .describe(
      'Share of labeling leases that are hidden evaluation tasks, 0–0.5 (default 0.05); gold is served only while real work waits, so it looks like any other task.',
    ),
  /**
   * Pause an annotator from the project when their mean gold score over their last `gold_window`
   * evaluation answers falls below this (0..1), once they have at least `gold_min_answers`. Absent or
   * null: never paused.
   */
  gold_threshold: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .default(null)
    .describe(
      'Pause an annotator when their mean gold score over the last `gold_window` evaluation answers is below this (0..1), after `gold_min_answers`; null: never.',
    ),
  /** How many recent evaluation answers the pause rule averages (1–1000). */
  gold_window: z
    .int()
    .min(1)
    .max(1000)
    .default(20)
    .describe('How many recent evaluation answers the pause rule averages (default 20).'),
  /** How many evaluation answers a person gives before the pause rule judges them (1–1000). */
  gold_min_answers: z
    .int()
    .min(1)
    .max(1000)
    .default(5)
    .describe('How many evaluation answers a person gives before the pause rule judges them (default 5).'),
  /**
   * Training tasks a person must pass before real work (0–100). When the project has fewer training
   * tasks than this, passing all of them is enough; with none, there is no gate.
   */
  training_required: z
    .int()
    .min(0)
    .max(100)
    .default(0)
    .describe(
      'Training tasks to pass before real work (0–100; default 0: no gate). With fewer training tasks than this, all of them.',
    ),
  /** The score (0..1) a training answer needs to count as passed. */
  training_pass_score: z
    .number()
    .min(0)
    .max(1)
    .default(0.8)
    .describe('The score (0..1) a training answer needs to count as passed (default 0.8).'),
  /**
   * Weigh each annotator's answer in consensus by their measured reliability (gold accuracy once they
   * have enough gold answers, else agreement with the project's consensus), instead of one vote each.
   */
  weighted_consensus: z
    .boolean()
    .default(true)
    .describe(
      "Weigh answers in consensus by each annotator's measured reliability (gold accuracy, else agreement with consensus); default true.",
    ),
});

/** A validated quality policy, defaults applied. */
export type ProjectQuality = z.infer<typeof projectQualitySchema>;

/** The quality policy stored on a project (possibly `{}`), defaults applied. */
export function readQuality(stored: unknown): ProjectQuality {
  const parsed = projectQualitySchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : projectQualitySchema.parse({});
}

/**
 * How many training tasks a person must pass on a project with `available` active training tasks: the
 * policy's `training_required`, but never more than there are (0: no gate).
 */
export function trainingTarget(quality: ProjectQuality, available: number): number {
  return Math.max(0, Math.min(quality.training_required, available));
}

/** Where a person stands with a project's training gate. */
export type TrainingState = 'not_required' | 'in_progress' | 'passed' | 'failed';

/**
 * The training gate's verdict after `answered` training answers of which `passed` met the pass score,
 * on a project with `available` training tasks: passed once `passed` reaches the target; failed once the
 * tasks left cannot make up the difference.
 */
export function trainingState(
  quality: ProjectQuality,
  progress: { available: number; answered: number; passed: number },
): TrainingState {
  const target = trainingTarget(quality, progress.available);
  if (target === 0) return 'not_required';
  if (progress.passed >= target) return 'passed';
  const left = Math.max(0, progress.available - progress.answered);
  return progress.passed + left < target ? 'failed' : 'in_progress';
}

/**
 * Whether a person's recent gold scores (newest first, at most the policy's window) fall below the
 * project's threshold: null when there is no threshold or too few answers to judge; else the mean and
 * whether it is below.
 */
export function goldVerdict(
  quality: ProjectQuality,
  recentScores: readonly number[],
): { mean: number; answers: number; below: boolean } | null {
  if (quality.gold_threshold === null) return null;
  const window = recentScores.slice(0, quality.gold_window);
  if (window.length < quality.gold_min_answers) return null;
  const mean = window.reduce((sum, s) => sum + s, 0) / window.length;
  // A mean equal to the threshold up to rounding (three scores of 0.7 sum to 2.0999…) is not below it.
  return { mean, answers: window.length, below: mean < quality.gold_threshold - 1e-9 };
}
