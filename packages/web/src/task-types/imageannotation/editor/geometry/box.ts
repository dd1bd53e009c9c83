/**
 * Boxes: `left`/`top`/`width`/`height` describe the unrotated box; with `can_rotate` a box also carries
 * `rotation` (radians, clockwise about its centre) and `vertices` (its corners clockwise from the rotated
 * top-left). A box whose rotation is 0 carries neither, so unrotated answers keep Scale's plain shape.
 */

import {
  add,
  type Bounds,
  boundsOf,
  distanceToSegment,
  midpoint,
  normalizeAngle,
  pointInPolygon,
  rotate,
  roundCoordinate,
  roundVec,
  sub,
  type Vec,
} from './math.ts';
import type { AnnotationOf, GeometryUtil, Handle, ShapeRules } from './types.ts';

/** A box annotation. */
export type BoxAnnotation = AnnotationOf<'box'>;

/** A box by its centre, size and rotation: the form edits are computed in. */
export interface BoxFrame {
  /** Centre x. */
  cx: number;
  /** Centre y. */
  cy: number;
  /** Width (≥ 0). */
  width: number;
  /** Height (≥ 0). */
  height: number;
  /** Clockwise rotation in radians. */
  rotation: number;
}

/** The frame of a box answer. */
export function boxFrame(box: BoxAnnotation): BoxFrame {
  return {
    cx: box.left + box.width / 2,
    cy: box.top + box.height / 2,
    width: box.width,
    height: box.height,
    rotation: box.rotation ?? 0,
  };
}

/** Corners of a frame clockwise from its (rotated) top-left. */
export function frameCorners(frame: BoxFrame): [Vec, Vec, Vec, Vec] {
  const c = { x: frame.cx, y: frame.cy };
  const hw = frame.width / 2;
  const hh = frame.height / 2;
  const at = (x: number, y: number) => add(c, rotate({ x, y }, frame.rotation));
  return [at(-hw, -hh), at(hw, -hh), at(hw, hh), at(-hw, hh)];
}

/** Corners of a box clockwise from its (rotated) top-left. */
export function boxCorners(box: BoxAnnotation): [Vec, Vec, Vec, Vec] {
  return frameCorners(boxFrame(box));
}

/**
 * The box answer for a frame, keeping `base`'s label, uuid and attributes. Rotation and vertices are written
 * only for a rotated box; coordinates are rounded (whole pixels with `integer_pixels`).
 */
export function boxFromFrame(base: BoxAnnotation, frame: BoxFrame, rules: ShapeRules): BoxAnnotation {
  const integer = rules.integerPixels;
  const width = Math.abs(frame.width);
  const height = Math.abs(frame.height);
  const rotation = rules.canRotate ? normalizeAngle(frame.rotation) : 0;
  const { rotation: _rotation, vertices: _vertices, ...rest } = base;
  const left = roundCoordinate(frame.cx - width / 2, integer);
  const top = roundCoordinate(frame.cy - height / 2, integer);
  const box: BoxAnnotation = {
    ...rest,
    left,
    top,
    width: roundCoordinate(width, integer),
    height: roundCoordinate(height, integer),
  };
  const rounded = Math.round(rotation * 1e6) / 1e6;
  if (rounded === 0) return box;
  return {
    ...box,
    rotation: rounded,
    vertices: frameCorners({ ...boxFrame(box), rotation: rounded }).map((v) => roundVec(v, integer)),
  };
}

/** An unrotated box spanning two opposite corners. */
export function boxFromCorners(base: BoxAnnotation, a: Vec, b: Vec, rules: ShapeRules): BoxAnnotation {
  return boxFromFrame(
    base,
    {
      cx: (a.x + b.x) / 2,
      cy: (a.y + b.y) / 2,
      width: Math.abs(b.x - a.x),
      height: Math.abs(b.y - a.y),
      rotation: 0,
    },
    rules,
  );
}

/** Offsets of each resize handle from the centre in units of half the size (tl = -1,-1). */
const RESIZE_HANDLES: Record<string, { kind: 'corner' | 'edge'; u: number; v: number }> = {
  tl: { kind: 'corner', u: -1, v: -1 },
  t: { kind: 'edge', u: 0, v: -1 },
  tr: { kind: 'corner', u: 1, v: -1 },
  r: { kind: 'edge', u: 1, v: 0 },
  br: { kind: 'corner', u: 1, v: 1 },
  b: { kind: 'edge', u: 0, v: 1 },
  bl: { kind: 'corner', u: -1, v: 1 },
  l: { kind: 'edge', u: -1, v: 0 },
};

/** Screen pixels between the top edge and the rotate handle. */
export const ROTATE_HANDLE_OFFSET = 24;

function resize(box: BoxAnnotation, handleId: string, p: Vec, rules: ShapeRules, keepAspect: boolean) {
  const spec = RESIZE_HANDLES[handleId];
  if (!spec) return box;
  const frame = boxFrame(box);
  const center = { x: frame.cx, y: frame.cy };
  const local = (q: Vec) => rotate(sub(q, center), -frame.rotation);
  // The opposite handle stays where it is; the dragged one follows the pointer along its free axes.
  const fixed = { x: (-spec.u * frame.width) / 2, y: (-spec.v * frame.height) / 2 };
  const pointer = local(p);
  let moved = {
    x: spec.u === 0 ? frame.width / 2 : pointer.x,
    y: spec.v === 0 ? frame.height / 2 : pointer.y,
  };
  const fixedX = spec.u === 0 ? -frame.width / 2 : fixed.x;
  const fixedY = spec.v === 0 ? -frame.height / 2 : fixed.y;
  let width = moved.x - fixedX;
  let height = moved.y - fixedY;
  if (keepAspect && spec.kind === 'corner' && frame.width > 0 && frame.height > 0) {
    const ratio = frame.width / frame.height;
    if (Math.abs(width) / ratio > Math.abs(height))
      height = Math.sign(height || 1) * (Math.abs(width) / ratio);
    else width = Math.sign(width || 1) * Math.abs(height) * ratio;
    moved = { x: fixedX + width, y: fixedY + height };
  }
  const localCenter = midpoint({ x: fixedX, y: fixedY }, moved);
  const worldCenter = add(center, rotate(localCenter, frame.rotation));
  return boxFromFrame(
    box,
    { cx: worldCenter.x, cy: worldCenter.y, width, height, rotation: frame.rotation },
    rules,
  );
}

function rotateTo(box: BoxAnnotation, p: Vec, rules: ShapeRules, snap: boolean): BoxAnnotation {
  const frame = boxFrame(box);
  // The handle sits above the top edge, so the pointer's angle is measured from "up".
  let rotation = Math.atan2(p.y - frame.cy, p.x - frame.cx) + Math.PI / 2;
  if (snap) rotation = Math.round(rotation / (Math.PI / 12)) * (Math.PI / 12);
  return boxFromFrame(box, { ...frame, rotation }, rules);
}

/** Rotates a box by `angle` radians (clockwise) about its centre. */
export function rotateBox(box: BoxAnnotation, angle: number, rules: ShapeRules): BoxAnnotation {
  const frame = boxFrame(box);
  return boxFromFrame(box, { ...frame, rotation: frame.rotation + angle }, rules);
}

/** Box geometry. */
export const boxUtil: GeometryUtil<BoxAnnotation> = {
  editable: true,
  bounds(box): Bounds {
    if (!box.rotation)
      return { minX: box.left, minY: box.top, maxX: box.left + box.width, maxY: box.top + box.height };
    return boundsOf(boxCorners(box));
  },
  hitTest(box, p, tolerance) {
    const corners = boxCorners(box);
    if (pointInPolygon(p, corners)) return true;
    return corners.some(
      (corner, i) => distanceToSegment(p, corner, corners[(i + 1) % 4] as Vec) <= tolerance,
    );
  },
  handles(box, rules, perPixel): Handle[] {
    const frame = boxFrame(box);
    const center = { x: frame.cx, y: frame.cy };
    const handles: Handle[] = Object.entries(RESIZE_HANDLES).map(([id, spec]) => {
      const at = add(
        center,
        rotate({ x: (spec.u * frame.width) / 2, y: (spec.v * frame.height) / 2 }, frame.rotation),
      );
      return { id, kind: spec.kind, ...at };
    });
    if (rules.canRotate) {
      const at = add(
        center,
        rotate({ x: 0, y: -frame.height / 2 - ROTATE_HANDLE_OFFSET * perPixel }, frame.rotation),
      );
      handles.push({ id: 'rotate', kind: 'rotate', ...at });
    }
    return handles;
  },
  move(box, delta, rules) {
    const frame = boxFrame(box);
    return boxFromFrame(box, { ...frame, cx: frame.cx + delta.x, cy: frame.cy + delta.y }, rules);
  },
  dragHandle(box, handleId, p, rules, options) {
    if (handleId === 'rotate') return rules.canRotate ? rotateTo(box, p, rules, options.shift) : box;
    return resize(box, handleId, p, rules, options.shift);
  },
  area(box) {
    return box.width * box.height;
  },
};
