import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundsIou, type Point } from '../../shared/geometry.ts';
import { polygonArea, polygonIntersectionArea, polygonIou } from './polygon.ts';

function rectangle(left: number, top: number, width: number, height: number): Point[] {
  return [
    { x: left, y: top },
    { x: left + width, y: top },
    { x: left + width, y: top + height },
    { x: left, y: top + height },
  ];
}

/** An L of area 3: the 2 × 2 square without its top-right unit square. */
const ell: Point[] = [
  { x: 0, y: 0 },
  { x: 2, y: 0 },
  { x: 2, y: 1 },
  { x: 1, y: 1 },
  { x: 1, y: 2 },
  { x: 0, y: 2 },
];

/** A star-shaped (so simple) polygon around (cx, cy): vertices at increasing angles, varying radii. */
const starPolygon = fc
  .record({
    cx: fc.integer({ min: -5, max: 5 }),
    cy: fc.integer({ min: -5, max: 5 }),
    radii: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 3, maxLength: 9 }),
  })
  .map(({ cx, cy, radii }) =>
    radii.map((radius, k) => {
      const angle = (2 * Math.PI * k) / radii.length;
      return { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) };
    }),
  );

describe('polygon IoU', () => {
  it('measures the overlap of two offset squares', () => {
    // Overlap 0.5 × 1, union 1.5.
    expect(polygonIou(rectangle(0, 0, 1, 1), rectangle(0.5, 0, 1, 1))).toBeCloseTo(1 / 3, 12);
  });

  it('handles a non-convex polygon in either orientation and from any starting vertex', () => {
    const square = rectangle(0.5, 0.5, 1, 1);
    // The square lies in the L but for its quarter [1, 1.5]²: overlap 0.75, union 3 + 1 − 0.75.
    expect(polygonArea(ell)).toBe(3);
    expect(polygonIntersectionArea(ell, square)).toBeCloseTo(0.75, 12);
    expect(polygonIou(ell, square)).toBeCloseTo(0.75 / 3.25, 12);
    expect(polygonIou([...ell].reverse(), square)).toBeCloseTo(0.75 / 3.25, 12);
    expect(polygonIou([...ell.slice(3), ...ell.slice(0, 3)], [...square].reverse())).toBeCloseTo(
      0.75 / 3.25,
      12,
    );
  });

  it('scores disjoint polygons 0 and degenerate ones 0 unless identical', () => {
    expect(polygonIou(rectangle(0, 0, 1, 1), rectangle(5, 5, 1, 1))).toBe(0);
    const segment = [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ];
    expect(polygonIou(segment, segment)).toBe(1);
    expect(polygonIou(segment, rectangle(0, 0, 1, 1))).toBe(0);
    expect(polygonIou([], [])).toBe(1);
  });

  it('agrees with the rectangle IoU on rectangles', () => {
    const box = fc.tuple(
      fc.integer({ min: 0, max: 20 }),
      fc.integer({ min: 0, max: 20 }),
      fc.integer({ min: 1, max: 20 }),
      fc.integer({ min: 1, max: 20 }),
    );
    fc.assert(
      fc.property(box, box, ([l1, t1, w1, h1], [l2, t2, w2, h2]) => {
        const expected = boundsIou(
          { minX: l1, minY: t1, maxX: l1 + w1, maxY: t1 + h1 },
          { minX: l2, minY: t2, maxX: l2 + w2, maxY: t2 + h2 },
        );
        expect(polygonIou(rectangle(l1, t1, w1, h1), rectangle(l2, t2, w2, h2))).toBeCloseTo(expected, 9);
      }),
    );
  });

  it('is symmetric, bounded, and additive over a split of the other polygon', () => {
    fc.assert(
      fc.property(starPolygon, starPolygon, fc.integer({ min: -9, max: 9 }), (a, b, cut) => {
        const iou = polygonIou(a, b);
        expect(iou).toBeGreaterThanOrEqual(0);
        expect(iou).toBeLessThanOrEqual(1);
        expect(polygonIou(b, a)).toBeCloseTo(iou, 9);
        const overlap = polygonIntersectionArea(a, b);
        expect(overlap).toBeLessThanOrEqual(Math.min(polygonArea(a), polygonArea(b)) + 1e-9);
        // A's overlap with a big rectangle equals the sum of its overlaps with the rectangle's two halves.
        const whole = polygonIntersectionArea(a, rectangle(-20, -20, 40, 40));
        const halves =
          polygonIntersectionArea(a, rectangle(-20, -20, 20 + cut, 40)) +
          polygonIntersectionArea(a, rectangle(cut, -20, 20 - cut, 40));
        expect(whole).toBeCloseTo(polygonArea(a), 9);
        expect(halves).toBeCloseTo(whole, 9);
        // The same outline from another starting vertex overlaps completely.
        expect(polygonIou(a, [...a.slice(1), a[0] as Point])).toBeCloseTo(1, 9);
      }),
    );
  });
});
