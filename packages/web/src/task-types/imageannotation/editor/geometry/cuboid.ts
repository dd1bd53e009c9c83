/**
 * Cuboids arrive only as pre-labels or merged answers here: they are drawn, labelled and deleted, but
 * their six projected corners are not edited (moving them would leave `points_3d` inconsistent).
 */
import { boundsContainPoint, boundsOf, expandBounds } from './math.ts';
import type { AnnotationOf, GeometryUtil } from './types.ts';

/** A cuboid annotation. */
export type CuboidAnnotation = AnnotationOf<'cuboid'>;

/** Pairs of corner names joined by an edge when drawing a cuboid (front face, then the side face). */
export const CUBOID_EDGES: [string, string][] = [
  ['face-topleft', 'face-topright'],
  ['face-topright', 'face-bottomright'],
  ['face-bottomright', 'face-bottomleft'],
  ['face-bottomleft', 'face-topleft'],
  ['face-topright', 'side-topcorner'],
  ['side-topcorner', 'side-bottomcorner'],
  ['side-bottomcorner', 'face-bottomright'],
];

/** Cuboid geometry (read-only). */
export const cuboidUtil: GeometryUtil<CuboidAnnotation> = {
  editable: false,
  bounds(cuboid) {
    return boundsOf(cuboid.vertices);
  },
  hitTest(cuboid, p, tolerance) {
    return boundsContainPoint(expandBounds(boundsOf(cuboid.vertices), tolerance), p);
  },
  handles() {
    return [];
  },
  move(cuboid) {
    return cuboid;
  },
  dragHandle(cuboid) {
    return cuboid;
  },
  area(cuboid) {
    const b = boundsOf(cuboid.vertices);
    return (b.maxX - b.minX) * (b.maxY - b.minY);
  },
};
