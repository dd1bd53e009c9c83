import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Bounds, boundsIou } from '../../shared/geometry.ts';
import { iouAgreement } from './iou.ts';

const box = (minX: number, minY: number, maxX: number, maxY: number): Bounds => ({ minX, minY, maxX, maxY });
const a = box(0, 0, 10, 10);
const b = box(20, 0, 30, 10);
const aShifted = box(5, 0, 15, 10); // IoU with a: 50 / 150 = 1/3

describe('iouAgreement', () => {
  it('is 1 when every annotator drew the same shapes, in any order', () => {
    const result = iouAgreement(
      [
        [a, b],
        [b, a],
        [a, b],
      ],
      boundsIou,
    );
    expect(result.agreement).toBe(1);
    expect(result.pairs).toHaveLength(3);
    expect(result.pairs[0]).toEqual({ first: 0, second: 1, agreement: 1, matched: 2, unmatched: 0 });
  });

  it('averages IoU over matched pairs and counts each missed shape as 0', () => {
    const result = iouAgreement([[a, b], [aShifted]], boundsIou);
    // a ↔ aShifted at 1/3, b unmatched: (1/3 + 0) / 2.
    expect(result.pairs[0]).toMatchObject({ matched: 1, unmatched: 1 });
    expect(result.agreement).toBeCloseTo(1 / 6, 12);
    // A shape nobody else drew lowers agreement even when the others match exactly.
    expect(iouAgreement([[a, b], [a]], boundsIou).agreement).toBeCloseTo(0.5, 12);
  });

  it('matches shapes optimally, not greedily', () => {
    // Greedy would pair x with y1 (0.6) and leave x2 with nothing; optimal pairs x–y2 and x2–y1.
    const overlaps: Record<string, number> = { 'x|y1': 0.6, 'x|y2': 0.5, 'x2|y1': 0.5, 'x2|y2': 0 };
    const iou = (s: string, t: string) => overlaps[`${s}|${t}`] ?? 0;
    const result = iouAgreement(
      [
        ['x', 'x2'],
        ['y1', 'y2'],
      ],
      iou,
    );
    expect(result.pairs[0]).toMatchObject({ matched: 2, unmatched: 0 });
    expect(result.agreement).toBeCloseTo(0.5, 12);
  });

  it('does not match shapes below minIou', () => {
    const result = iouAgreement([[a], [aShifted]], boundsIou, { minIou: 0.5 });
    expect(result.pairs[0]).toEqual({ first: 0, second: 1, agreement: 0, matched: 0, unmatched: 2 });
    expect(iouAgreement([[a], [b]], boundsIou).pairs[0]).toMatchObject({
      agreement: 0,
      matched: 0,
      unmatched: 2,
    });
  });

  it('handles empty drawings and fewer than two annotators', () => {
    expect(iouAgreement([[], []], boundsIou).agreement).toBe(1);
    expect(iouAgreement([[a], []], boundsIou).agreement).toBe(0);
    expect(iouAgreement([[a]], boundsIou)).toEqual({ agreement: 1, pairs: [] });
    expect(iouAgreement([], boundsIou)).toEqual({ agreement: 1, pairs: [] });
  });

  it('counts a non-finite IoU as no overlap and clamps drift above 1', () => {
    expect(iouAgreement([[1], [2]], () => Number.NaN).agreement).toBe(0);
    expect(iouAgreement([[1], [2]], () => 1 + 1e-15).agreement).toBe(1);
  });

  it('stays in [0, 1] and does not depend on the order of annotators or shapes', () => {
    const shape = fc
      .tuple(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
      )
      .map(([x, y, w, h]) => box(x, y, x + w, y + h));
    fc.assert(
      fc.property(fc.array(fc.array(shape, { maxLength: 5 }), { minLength: 2, maxLength: 4 }), (drawings) => {
        const result = iouAgreement(drawings, boundsIou);
        expect(result.agreement).toBeGreaterThanOrEqual(0);
        expect(result.agreement).toBeLessThanOrEqual(1);
        const reordered = [...drawings].reverse().map((shapes) => [...shapes].reverse());
        expect(iouAgreement(reordered, boundsIou).agreement).toBeCloseTo(result.agreement, 10);
      }),
    );
  });
});
