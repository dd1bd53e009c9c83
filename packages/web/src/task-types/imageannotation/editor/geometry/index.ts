/** One geometry util per kind, looked up by an annotation's `type`. */
import type { ImageAnnotation } from '@groundwork/domain';
import { boxUtil } from './box.ts';
import { cuboidUtil } from './cuboid.ts';
import { ellipseUtil } from './ellipse.ts';
import type { Bounds } from './math.ts';
import { pointUtil } from './point.ts';
import { lineUtil, polygonUtil } from './poly.ts';
import type { GeometryUtil } from './types.ts';

const UTILS = {
  box: boxUtil,
  polygon: polygonUtil,
  line: lineUtil,
  point: pointUtil,
  ellipse: ellipseUtil,
  cuboid: cuboidUtil,
} as const;

/** The util of an annotation's kind, typed for that annotation. */
export function utilFor<A extends ImageAnnotation>(annotation: A): GeometryUtil<A> {
  return UTILS[annotation.type] as unknown as GeometryUtil<A>;
}

const boundsCache = new WeakMap<ImageAnnotation, Bounds>();

/** Bounds of an annotation, cached per (immutable) annotation object so large scenes cull cheaply. */
export function annotationBounds(annotation: ImageAnnotation): Bounds {
  let bounds = boundsCache.get(annotation);
  if (!bounds) {
    bounds = utilFor(annotation).bounds(annotation);
    boundsCache.set(annotation, bounds);
  }
  return bounds;
}
