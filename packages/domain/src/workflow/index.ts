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
