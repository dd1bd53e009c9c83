import { describe, expect, it } from 'vitest';
import {
  needsReview,
  projectRoutingSchema,
  projectWorkflowSchema,
  readWorkflow,
  stableFraction,
} from './index.ts';

describe('workflow', () => {
  it('applies defaults', () => {
    expect(readWorkflow({})).toEqual({ overlap: 1, review: { mode: 'none' }, lease_seconds: 1800 });
    expect(readWorkflow(null).overlap).toBe(1);
  });

  it('requires the parameter of the review mode', () => {
    const r = projectWorkflowSchema.safeParse({ review: { mode: 'sample' } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['review', 'sample_rate']);
  });

  it('refuses unknown fields and out-of-range overlap', () => {
    expect(projectWorkflowSchema.safeParse({ overlap: 0 }).success).toBe(false);
    expect(projectWorkflowSchema.safeParse({ overlap: 2, extra: 1 }).success).toBe(false);
  });

  it('decides review by mode', () => {
    const base = { taskId: 't', round: 1, agreement: 0.5 };
    expect(needsReview(readWorkflow({ review: { mode: 'none' } }), base)).toBe(false);
    expect(needsReview(readWorkflow({ review: { mode: 'all' } }), base)).toBe(true);
    const below = readWorkflow({ review: { mode: 'below_agreement', agreement_threshold: 0.6 } });
    expect(needsReview(below, base)).toBe(true);
    expect(needsReview(below, { ...base, agreement: 0.6 })).toBe(false);
  });

  it('samples about the configured share, the same way every time', () => {
    const wf = readWorkflow({ review: { mode: 'sample', sample_rate: 0.25 } });
    let reviewed = 0;
    for (let i = 0; i < 4000; i++) {
      const labeled = { taskId: `task-${i}`, round: 1, agreement: 1 };
      const first = needsReview(wf, labeled);
      expect(needsReview(wf, labeled)).toBe(first);
      if (first) reviewed++;
    }
    expect(reviewed / 4000).toBeGreaterThan(0.22);
    expect(reviewed / 4000).toBeLessThan(0.28);
    expect(stableFraction('x')).toBeGreaterThanOrEqual(0);
    expect(stableFraction('x')).toBeLessThan(1);
  });

  it('validates routing skills as slugs', () => {
    expect(projectRoutingSchema.safeParse({ skills: ['medicine'] }).success).toBe(true);
    expect(projectRoutingSchema.safeParse({ skills: ['Bad Skill'] }).success).toBe(false);
  });
});
