/** Keypoints: one `x`/`y`. */
import { distance, roundCoordinate } from './math.ts';
import type { AnnotationOf, GeometryUtil } from './types.ts';

/** A point annotation. */
export type PointAnnotation = AnnotationOf<'point'>;

/** Radius in screen pixels a point is drawn with (and may be grabbed within). */
export const POINT_RADIUS = 5;

/** Point geometry; `hitTest`'s tolerance is widened by the drawn radius by the caller. */
export const pointUtil: GeometryUtil<PointAnnotation> = {
  editable: true,
  bounds(point) {
    return { minX: point.x, minY: point.y, maxX: point.x, maxY: point.y };
  },
  hitTest(point, p, tolerance) {
    return distance(point, p) <= tolerance;
  },
  handles() {
    return [];
  },
  move(point, delta, rules) {
    return {
      ...point,
      x: roundCoordinate(point.x + delta.x, rules.integerPixels),
      y: roundCoordinate(point.y + delta.y, rules.integerPixels),
    };
  },
  dragHandle(point) {
    return point;
  },
  area() {
    return 0;
  },
};
