/**
 * Plane math in image pixels (origin top-left, y down) shared by the geometry utils and tools. Rectangles,
 * distances and bounding boxes are the domain's (`shared/geometry.ts`), the same the server's consensus uses.
 */
import { type Bounds, distance } from '@groundwork/domain';

export { type Bounds, boundsOfPoints as boundsOf, distance, expandBounds } from '@groundwork/domain';

/** A point or a displacement in image pixels. */
export interface Vec {
  /** Pixels from the left edge (or a horizontal displacement). */
  x: number;
  /** Pixels from the top edge (or a vertical displacement). */
  y: number;
}

/** `a + b`. */
export function add(a: Vec, b: Vec): Vec {
  return { x: a.x + b.x, y: a.y + b.y };
}

/** `a - b`. */
export function sub(a: Vec, b: Vec): Vec {
  return { x: a.x - b.x, y: a.y - b.y };
}

/** `v * factor`. */
export function scale(v: Vec, factor: number): Vec {
  return { x: v.x * factor, y: v.y * factor };
}

/** Dot product. */
export function dot(a: Vec, b: Vec): number {
  return a.x * b.x + a.y * b.y;
}

/** The midpoint of `a` and `b`. */
export function midpoint(a: Vec, b: Vec): Vec {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

/** `v` rotated clockwise on screen (y down) by `angle` radians about the origin. */
export function rotate(v: Vec, angle: number): Vec {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return { x: v.x * cos - v.y * sin, y: v.x * sin + v.y * cos };
}

/** `p` rotated clockwise by `angle` radians about `center`. */
export function rotateAbout(p: Vec, center: Vec, angle: number): Vec {
  return add(center, rotate(sub(p, center), angle));
}

/** An angle in radians brought into (-π, π]. */
export function normalizeAngle(angle: number): number {
  let a = angle % (2 * Math.PI);
  if (a > Math.PI) a -= 2 * Math.PI;
  if (a <= -Math.PI) a += 2 * Math.PI;
  return a;
}

/** Distance from `p` to the segment `a`–`b`. */
export function distanceToSegment(p: Vec, a: Vec, b: Vec): number {
  const ab = sub(b, a);
  const lengthSquared = dot(ab, ab);
  if (lengthSquared === 0) return distance(p, a);
  const t = Math.max(0, Math.min(1, dot(sub(p, a), ab) / lengthSquared));
  return distance(p, add(a, scale(ab, t)));
}

/** Whether `p` lies inside the polygon `vertices` (even-odd rule; edges count as inside or not arbitrarily). */
export function pointInPolygon(p: Vec, vertices: readonly Vec[]): boolean {
  let inside = false;
  for (let i = 0, j = vertices.length - 1; i < vertices.length; j = i, i += 1) {
    const a = vertices[i] as Vec;
    const b = vertices[j] as Vec;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** The rectangle spanned by two opposite corners in any order. */
export function boundsFromCorners(a: Vec, b: Vec): Bounds {
  return {
    minX: Math.min(a.x, b.x),
    minY: Math.min(a.y, b.y),
    maxX: Math.max(a.x, b.x),
    maxY: Math.max(a.y, b.y),
  };
}

/** Whether two rectangles overlap (touching counts). */
export function boundsIntersect(a: Bounds, b: Bounds): boolean {
  return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

/** Whether `p` lies in `bounds` (edges included). */
export function boundsContainPoint(bounds: Bounds, p: Vec): boolean {
  return p.x >= bounds.minX && p.x <= bounds.maxX && p.y >= bounds.minY && p.y <= bounds.maxY;
}

/** Clamps `p` into `bounds`. */
export function clampToBounds(p: Vec, bounds: Bounds): Vec {
  return {
    x: Math.min(bounds.maxX, Math.max(bounds.minX, p.x)),
    y: Math.min(bounds.maxY, Math.max(bounds.minY, p.y)),
  };
}

/** Area of a polygon (absolute value of the shoelace sum). */
export function polygonArea(vertices: readonly Vec[]): number {
  let sum = 0;
  for (let i = 0, j = vertices.length - 1; i < vertices.length; j = i, i += 1) {
    const a = vertices[i] as Vec;
    const b = vertices[j] as Vec;
    sum += (b.x + a.x) * (b.y - a.y);
  }
  return Math.abs(sum) / 2;
}

/** Rounds to a whole pixel when `integer`, and otherwise to 1/100 px so answers stay short and stable. */
export function roundCoordinate(value: number, integer: boolean): number {
  return integer ? Math.round(value) : Math.round(value * 100) / 100;
}

/** A point with both coordinates rounded by {@link roundCoordinate}. */
export function roundVec(p: Vec, integer: boolean): Vec {
  return { x: roundCoordinate(p.x, integer), y: roundCoordinate(p.y, integer) };
}
