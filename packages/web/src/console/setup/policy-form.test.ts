import { projectQualitySchema, projectRoutingSchema, projectWorkflowSchema } from '@groundwork/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatSeconds,
  formToQuality,
  formToRouting,
  formToWorkflow,
  fromPercent,
  qualityToForm,
  routingToForm,
  shareFractions,
  toPercent,
  workflowToForm,
} from './policy-form.ts';

/** Fractions with up to four decimals, the precision people type shares in. */
const fraction = (max: number) => fc.integer({ min: 0, max: max * 10_000 }).map((n) => n / 10_000);

describe('percentages', () => {
  it('shows fractions as percentages without floating-point noise and reads them back', () => {
    expect(toPercent(0.05)).toBe('5');
    expect(toPercent(0.07)).toBe('7');
    expect(toPercent(0.123)).toBe('12.3');
    expect(fromPercent('5')).toBe(0.05);
    expect(fromPercent('12.3')).toBe(0.123);
    expect(fromPercent('')).toBeUndefined();
    expect(fromPercent('abc')).toBeUndefined();
  });

  it('round-trips any fraction with up to four decimals', () => {
    fc.assert(
      fc.property(fraction(1), (value) => {
        expect(fromPercent(toPercent(value))).toBe(value);
      }),
    );
  });
});

describe('workflow form', () => {
  it('gives back the demo workflow (review all) and the defaults', () => {
    const demo = projectWorkflowSchema.parse({ overlap: 1, review: { mode: 'all' } });
    expect(formToWorkflow(workflowToForm(demo, 5))).toEqual({
      ok: true,
      value: { workflow: demo, priority: 5 },
    });
    const defaults = projectWorkflowSchema.parse({});
    expect(formToWorkflow(workflowToForm(defaults, 0))).toEqual({
      ok: true,
      value: { workflow: defaults, priority: 0 },
    });
  });

  it('round-trips any valid workflow', () => {
    const workflow = fc.record({
      overlap: fc.integer({ min: 2, max: 10 }),
      review: fc.oneof(
        fc.constant({ mode: 'none' as const }),
        fc.constant({ mode: 'all' as const }),
        fraction(1).map((sample_rate) => ({ mode: 'sample' as const, sample_rate })),
        fraction(1).map((agreement_threshold) => ({ mode: 'below_agreement' as const, agreement_threshold })),
      ),
      lease_seconds: fc.integer({ min: 30, max: 86_400 }),
    });
    fc.assert(
      fc.property(workflow, fc.integer({ min: -100, max: 100 }), (value, priority) => {
        expect(formToWorkflow(workflowToForm(value, priority))).toEqual({
          ok: true,
          value: { workflow: value, priority },
        });
      }),
    );
  });

  it('names each bad field', () => {
    const form = workflowToForm(projectWorkflowSchema.parse({}), 0);
    const result = formToWorkflow({
      ...form,
      overlap: '0',
      reviewMode: 'sample',
      samplePercent: '',
      leaseSeconds: 'soon',
      priority: '101',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      'lease_seconds',
      'overlap',
      'priority',
      'review.sample_rate',
    ]);
    expect(result.errors['review.sample_rate']).toBe('Enter a percentage.');
    expect(result.errors.lease_seconds).toBe('"soon" is not a number.');
    expect(result.errors.priority).toBe('Enter a whole number from -100 to 100.');
  });

  it('refuses reviewing disagreements with one annotator, as the server does', () => {
    const form = workflowToForm(projectWorkflowSchema.parse({}), 0);
    const result = formToWorkflow({ ...form, reviewMode: 'below_agreement', agreementPercent: '60' });
    expect(result).toEqual({
      ok: false,
      errors: { 'review.mode': 'Reviewing disagreements needs at least 2 annotators per task.' },
    });
  });
});

describe('quality form', () => {
  it('gives back the defaults and a policy with a pause threshold', () => {
    const defaults = projectQualitySchema.parse({});
    expect(formToQuality(qualityToForm(defaults))).toEqual({ ok: true, value: defaults });
    const strict = projectQualitySchema.parse({ gold_rate: 0.1, gold_threshold: 0.75, training_required: 5 });
    expect(qualityToForm(strict).thresholdPercent).toBe('75');
    expect(formToQuality(qualityToForm(strict))).toEqual({ ok: true, value: strict });
  });

  it('round-trips any valid policy', () => {
    const quality = fc.record({
      gold_rate: fraction(0.5),
      gold_threshold: fc.option(fraction(1), { nil: null }),
      gold_window: fc.integer({ min: 1, max: 1000 }),
      gold_min_answers: fc.integer({ min: 1, max: 1000 }),
      training_required: fc.integer({ min: 0, max: 100 }),
      training_pass_score: fraction(1),
      weighted_consensus: fc.boolean(),
    });
    fc.assert(
      fc.property(quality, (value) => {
        expect(formToQuality(qualityToForm(value))).toEqual({ ok: true, value });
      }),
    );
  });

  it('keeps the threshold out while pausing is off, and names bad fields', () => {
    const form = qualityToForm(projectQualitySchema.parse({}));
    const off = formToQuality({ ...form, thresholdPercent: 'junk' });
    expect(off.ok && off.value.gold_threshold).toBeNull();
    const bad = formToQuality({
      ...form,
      goldPercent: '60',
      pauseEnabled: true,
      thresholdPercent: '',
      goldWindow: '0',
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.gold_rate).toBe('Enter a percentage from 0 to 50.');
    expect(bad.errors.gold_threshold).toBe('Enter a percentage.');
    expect(bad.errors.gold_window).toMatch(/1/);
  });
});

describe('routing form', () => {
  it('round-trips routing with and without shares', () => {
    const routing = projectRoutingSchema.parse({
      workforces: [{ id: 'w1', share: 0.7 }, { id: 'w2', share: 0.3 }, { id: 'w3' }],
      skills: ['medicine', 'de'],
    });
    expect(formToRouting(routingToForm(routing))).toEqual({ ok: true, value: routing });
    const open = projectRoutingSchema.parse({});
    expect(formToRouting(routingToForm(open))).toEqual({ ok: true, value: open });
  });

  it('names a workforce or skill listed twice, a bad share and a bad skill', () => {
    const result = formToRouting({
      workforces: [
        { id: 'w1', share: '1' },
        { id: 'w1', share: 'lots' },
      ],
      skills: ['Medicine', 'x', 'x'],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors['workforces.1.id']).toBe('This workforce is listed twice.');
    expect(result.errors['workforces.1.share']).toBe('"lots" is not a number.');
    expect(result.errors['skills.2']).toBe('"x" is listed twice.');
    expect(result.errors['skills.0']).toMatch(/lowercase/);
  });

  it('splits the slots among workforces with shares, in proportion', () => {
    expect(
      shareFractions([
        { id: 'a', share: '7' },
        { id: 'b', share: '3' },
        { id: 'c', share: '' },
      ]),
    ).toEqual([0.7, 0.3, null]);
    expect(shareFractions([{ id: 'a', share: '' }])).toEqual([null]);
    expect(shareFractions([])).toEqual([]);
    expect(shareFractions([{ id: 'a', share: '0' }])).toEqual([null]);
  });
});

describe('formatSeconds', () => {
  it('says a lease duration in the largest sensible unit', () => {
    expect(formatSeconds(30)).toBe('30 s');
    expect(formatSeconds(1800)).toBe('30 min');
    expect(formatSeconds(5400)).toBe('1 h 30 min');
    expect(formatSeconds(86_400)).toBe('24 h');
    expect(formatSeconds(Number.NaN)).toBe('');
  });
});
