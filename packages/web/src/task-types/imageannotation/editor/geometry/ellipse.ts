/**
 * Ellipses. The answer carries the four extremal points, the ends of its axes: `vertices[0]` top,
 * `[1]` right, `[2]` bottom, `[3]` left for an unrotated ellipse (a rotated one keeps that order, turned).
 * Edits are computed on {@link EllipseFrame} and written back as those four points.
 */
import { add, type Bounds, distance, dot, midpoint, rotate, roundVec, scale, sub, type Vec } from './math.ts';
import type { AnnotationOf, GeometryUtil, Handle, ShapeRules } from './types.ts';

/** An ellipse annotation. */
export type EllipseAnnotation = AnnotationOf<'ellipse'>;

/** An ellipse by its centre, radii and rotation. */
export interface EllipseFrame {
  /** Centre x. */
  cx: number;
  /** Centre y. */
  cy: number;
  /** Radius along its own x axis (from vertex 3 to vertex 1). */
  rx: number;
  /** Radius along its own y axis (from vertex 0 to vertex 2). */
  ry: number;
  /** Clockwise rotation of its x axis, radians. */
  rotation: number;
}

/** The frame of an ellipse answer. */
export function ellipseFrame(ellipse: EllipseAnnotation): EllipseFrame {
  const [top, right, bottom, left] = ellipse.vertices as [Vec, Vec, Vec, Vec];
  const center = midpoint(left, right);
  return {
    cx: center.x,
    cy: center.y,
    rx: distance(left, right) / 2,
    ry: distance(top, bottom) / 2,
    rotation: right.x === left.x && right.y === left.y ? 0 : Math.atan2(right.y - left.y, right.x - left.x),
  };
}

/** The four extremal points of a frame: top, right, bottom, left (before rotation). */
export function frameVertices(frame: EllipseFrame): [Vec, Vec, Vec, Vec] {
  const c = { x: frame.cx, y: frame.cy };
  const at = (x: number, y: number) => add(c, rotate({ x, y }, frame.rotation));
  return [at(0, -frame.ry), at(frame.rx, 0), at(0, frame.ry), at(-frame.rx, 0)];
}

/** The ellipse answer for a frame, keeping `base`'s label, uuid and attributes. */
export function ellipseFromFrame(
  base: EllipseAnnotation,
  frame: EllipseFrame,
  rules: ShapeRules,
): EllipseAnnotation {
  return { ...base, vertices: frameVertices(frame).map((v) => roundVec(v, rules.integerPixels)) };
}

/** The unrotated ellipse inscribed in the rectangle spanned by two corners. */
export function ellipseFromCorners(
  base: EllipseAnnotation,
  a: Vec,
  b: Vec,
  rules: ShapeRules,
): EllipseAnnotation {
  return ellipseFromFrame(
    base,
    {
      cx: (a.x + b.x) / 2,
      cy: (a.y + b.y) / 2,
      rx: Math.abs(b.x - a.x) / 2,
      ry: Math.abs(b.y - a.y) / 2,
      rotation: 0,
    },
    rules,
  );
}

/** The point `p` in the ellipse's own axes, relative to its centre. */
function toLocal(frame: EllipseFrame, p: Vec): Vec {
  return rotate(sub(p, { x: frame.cx, y: frame.cy }), -frame.rotation);
}

/** Ellipse geometry. Each of the four axis handles moves its end along its axis; the opposite end stays. */
export const ellipseUtil: GeometryUtil<EllipseAnnotation> = {
  editable: true,
  bounds(ellipse): Bounds {
    const { cx, cy, rx, ry, rotation } = ellipseFrame(ellipse);
    const cos = Math.cos(rotation);
    const sin = Math.sin(rotation);
    const halfWidth = Math.hypot(rx * cos, ry * sin);
    const halfHeight = Math.hypot(rx * sin, ry * cos);
    return { minX: cx - halfWidth, minY: cy - halfHeight, maxX: cx + halfWidth, maxY: cy + halfHeight };
  },
  hitTest(ellipse, p, tolerance) {
    const frame = ellipseFrame(ellipse);
    const local = toLocal(frame, p);
    const rx = frame.rx + tolerance;
    const ry = frame.ry + tolerance;
    if (rx <= 0 || ry <= 0) return false;
    return (local.x / rx) ** 2 + (local.y / ry) ** 2 <= 1;
  },
  handles(ellipse): Handle[] {
    return ellipse.vertices.map((vertex, index) => ({
      id: `axis${index}`,
      kind: 'axis',
      x: vertex.x,
      y: vertex.y,
    }));
  },
  move(ellipse, delta, rules) {
    return {
      ...ellipse,
      vertices: ellipse.vertices.map((v) => roundVec(add(v, delta), rules.integerPixels)),
    };
  },
  dragHandle(ellipse, handleId, p, rules, options) {
    const index = Number(handleId.slice(4));
    if (!handleId.startsWith('axis') || !Number.isInteger(index) || index > 3) return ellipse;
    const frame = ellipseFrame(ellipse);
    const vertices = frameVertices(frame);
    const opposite = vertices[(index + 2) % 4] as Vec;
    const onX = index % 2 === 1;
    const axis = rotate(onX ? { x: 1, y: 0 } : { x: 0, y: 1 }, frame.rotation);
    // Signed length from the fixed end towards the dragged end along this axis.
    const direction = index === 1 || index === 2 ? 1 : -1;
    const length = Math.max(0, direction * dot(sub(p, opposite), axis));
    const center = add(opposite, scale(axis, (direction * length) / 2));
    const radius = length / 2;
    const next: EllipseFrame = { ...frame, cx: center.x, cy: center.y };
    if (onX) next.rx = radius;
    else next.ry = radius;
    if (options.shift) {
      next.rx = radius;
      next.ry = radius;
    }
    return ellipseFromFrame(ellipse, next, rules);
  },
  area(ellipse) {
    const { rx, ry } = ellipseFrame(ellipse);
    return Math.PI * rx * ry;
  },
};
