/** Areas and overlap of simple polygons (any orientation, convex or not), in image pixels. */

import type { Point } from '../../shared/geometry.ts';

/** Signed area by the shoelace formula: positive for counter-clockwise vertices in a y-up frame. */
export function signedPolygonArea(vertices: readonly Point[]): number {
  let twice = 0;
  for (let i = 0; i < vertices.length; i += 1) {
    const a = vertices[i] as Point;
    const b = vertices[(i + 1) % vertices.length] as Point;
    twice += a.x * b.y - b.x * a.y;
  }
  return twice / 2;
}

/** Area of a simple polygon, whatever its orientation; 0 for fewer than three vertices. */
export function polygonArea(vertices: readonly Point[]): number {
  return Math.abs(signedPolygonArea(vertices));
}

type Triangle = [Point, Point, Point];

/** The fan triangles (v0, v_k, v_k+1) with their sign; for a simple polygon their signed sum is the polygon. */
function fan(vertices: readonly Point[]): { triangle: Triangle; sign: number }[] {
  const result: { triangle: Triangle; sign: number }[] = [];
  const origin = vertices[0] as Point;
  for (let k = 1; k + 1 < vertices.length; k += 1) {
    const b = vertices[k] as Point;
    const c = vertices[k + 1] as Point;
    const cross = (b.x - origin.x) * (c.y - origin.y) - (c.x - origin.x) * (b.y - origin.y);
    if (cross === 0) continue;
    // Stored counter-clockwise so that clipping can keep the left side of every edge.
    result.push(cross > 0 ? { triangle: [origin, b, c], sign: 1 } : { triangle: [origin, c, b], sign: -1 });
  }
  return result;
}

/** Area of the intersection of two counter-clockwise triangles (Sutherland–Hodgman clipping). */
function triangleOverlap(subject: Triangle, clip: Triangle): number {
  let polygon: Point[] = subject;
  for (let e = 0; e < 3 && polygon.length > 0; e += 1) {
    const a = clip[e] as Point;
    const b = clip[(e + 1) % 3] as Point;
    const side = (p: Point) => (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    const kept: Point[] = [];
    for (let i = 0; i < polygon.length; i += 1) {
      const p = polygon[i] as Point;
      const q = polygon[(i + 1) % polygon.length] as Point;
      const sp = side(p);
      const sq = side(q);
      if (sp >= 0) kept.push(p);
      if (sp >= 0 !== sq >= 0) {
        const t = sp / (sp - sq);
        kept.push({ x: p.x + t * (q.x - p.x), y: p.y + t * (q.y - p.y) });
      }
    }
    polygon = kept;
  }
  return polygon.length < 3 ? 0 : Math.abs(signedPolygonArea(polygon));
}

function boxesOverlap(a: Triangle, b: Triangle): boolean {
  return (
    Math.max(a[0].x, a[1].x, a[2].x) > Math.min(b[0].x, b[1].x, b[2].x) &&
    Math.max(b[0].x, b[1].x, b[2].x) > Math.min(a[0].x, a[1].x, a[2].x) &&
    Math.max(a[0].y, a[1].y, a[2].y) > Math.min(b[0].y, b[1].y, b[2].y) &&
    Math.max(b[0].y, b[1].y, b[2].y) > Math.min(a[0].y, a[1].y, a[2].y)
  );
}

/**
 * Area of the intersection of two simple polygons, convex or not, in either orientation. Each polygon is
 * split into the signed fan triangles from its first vertex, whose signed indicator functions sum to the
 * polygon's; the overlap is then the signed sum of the pairwise triangle overlaps (each a convex clip), in
 * O(n·m) clips. For a self-intersecting polygon the regions are counted with their winding number.
 */
export function polygonIntersectionArea(a: readonly Point[], b: readonly Point[]): number {
  if (a.length < 3 || b.length < 3) return 0;
  const orientation = Math.sign(signedPolygonArea(a)) * Math.sign(signedPolygonArea(b));
  if (orientation === 0) return 0;
  let sum = 0;
  for (const left of fan(a)) {
    for (const right of fan(b)) {
      if (!boxesOverlap(left.triangle, right.triangle)) continue;
      sum += left.sign * right.sign * triangleOverlap(left.triangle, right.triangle);
    }
  }
  return Math.max(0, orientation * sum);
}

function sameVertices(a: readonly Point[], b: readonly Point[]): boolean {
  return a.length === b.length && a.every((p, i) => p.x === (b[i] as Point).x && p.y === (b[i] as Point).y);
}

/**
 * Intersection over union of two simple polygons, in [0, 1] (see {@link polygonIntersectionArea}). Like
 * `boundsIou`, two identical vertex lists score 1 even without area (a degenerate polygon drawn twice);
 * otherwise a polygon without area (fewer than three vertices, or collinear) scores 0.
 */
export function polygonIou(a: readonly Point[], b: readonly Point[]): number {
  if (sameVertices(a, b)) return 1;
  const intersection = polygonIntersectionArea(a, b);
  const union = polygonArea(a) + polygonArea(b) - intersection;
  return union <= 0 ? 0 : Math.min(1, Math.max(0, intersection / union));
}
