import { describe, expect, it } from 'vitest';
import {
  deleteVertex,
  edgeAt,
  insertVertex,
  lineUtil,
  type PolygonAnnotation,
  polygonUtil,
  vertexAt,
} from './poly.ts';

const square: PolygonAnnotation = {
  type: 'polygon',
  label: 'road',
  vertices: [
    { x: 0, y: 0 },
    { x: 100, y: 0 },
    { x: 100, y: 100 },
    { x: 0, y: 100 },
  ],
};
const rules = { integerPixels: false, canRotate: false };

describe('polygon and line geometry', () => {
  it('hits a polygon inside, a line only near its segments', () => {
    expect(polygonUtil.hitTest(square, { x: 50, y: 50 }, 2)).toBe(true);
    const line = { ...square, type: 'line' as const };
    expect(lineUtil.hitTest(line, { x: 50, y: 50 }, 2)).toBe(false);
    expect(lineUtil.hitTest(line, { x: 50, y: 1 }, 2)).toBe(true);
    // The closing edge belongs to polygons only.
    expect(edgeAt(square, { x: 0, y: 50 }, 2)).toBe(3);
    expect(edgeAt(line, { x: 0, y: 50 }, 2)).toBe(-1);
    expect(edgeAt(line, { x: 50, y: 100 }, 2)).toBe(2);
  });

  it('finds the nearest vertex within the tolerance', () => {
    expect(vertexAt(square, { x: 98, y: 1 }, 5)).toBe(1);
    expect(vertexAt(square, { x: 50, y: 50 }, 5)).toBe(-1);
  });

  it('drags, inserts and deletes vertices', () => {
    const dragged = polygonUtil.dragHandle(square, 'v2', { x: 120, y: 130 }, rules, { shift: false });
    expect(dragged.vertices[2]).toEqual({ x: 120, y: 130 });
    const inserted = insertVertex(square, 0, { x: 50, y: -10 }, false);
    expect(inserted.vertices.map((v) => v.x)).toEqual([0, 50, 100, 100, 0]);
    expect(deleteVertex(inserted, 1)).toEqual(square);
  });

  it('never deletes below a triangle (or a segment for lines)', () => {
    const triangle = deleteVertex(square, 0);
    expect(triangle.vertices).toHaveLength(3);
    expect(deleteVertex(triangle, 0)).toBe(triangle);
  });
});
