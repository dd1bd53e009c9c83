import { describe, expect, it } from 'vitest';
import { boundsIou, boundsOfPoints, distance, expandBounds } from './geometry.ts';

describe('geometry', () => {
  const square = { minX: 0, minY: 0, maxX: 10, maxY: 10 };

  it('computes intersection over union', () => {
    expect(boundsIou(square, square)).toBe(1);
    expect(boundsIou(square, { minX: 5, minY: 0, maxX: 15, maxY: 10 })).toBeCloseTo(1 / 3);
    expect(boundsIou(square, { minX: 20, minY: 20, maxX: 30, maxY: 30 })).toBe(0);
  });

  it('treats identical zero-area rectangles as the same, different ones as disjoint', () => {
    const dot = { minX: 1, minY: 1, maxX: 1, maxY: 1 };
    expect(boundsIou(dot, dot)).toBe(1);
    expect(boundsIou(dot, { ...dot, maxX: 2 })).toBe(0);
  });

  it('bounds points, grows bounds and measures distance', () => {
    expect(
      boundsOfPoints([
        { x: 3, y: -1 },
        { x: -2, y: 4 },
      ]),
    ).toEqual({ minX: -2, minY: -1, maxX: 3, maxY: 4 });
    expect(expandBounds(square, 2)).toEqual({ minX: -2, minY: -2, maxX: 12, maxY: 12 });
    expect(distance({ x: 0, y: 0 }, { x: 3, y: 4 })).toBe(5);
  });
});
