/** Polygons (closed) and lines (open polylines): a list of vertices in drawing order. */
import {
  add,
  type Bounds,
  boundsOf,
  distance,
  distanceToSegment,
  pointInPolygon,
  polygonArea,
  roundVec,
  type Vec,
} from './math.ts';
import type { AnnotationOf, GeometryUtil, Handle } from './types.ts';

/** A polygon annotation. */
export type PolygonAnnotation = AnnotationOf<'polygon'>;
/** A line annotation. */
export type LineAnnotation = AnnotationOf<'line'>;
/** A polygon or a line. */
export type PolyAnnotation = PolygonAnnotation | LineAnnotation;

/** Fewest vertices a shape of this kind can have and still be drawn (a triangle, a segment). */
export function drawableMinimum(kind: PolyAnnotation['type']): number {
  return kind === 'polygon' ? 3 : 2;
}

/** The segments of a polygon (closing edge last) or a line, as index pairs. */
function segments(shape: PolyAnnotation): [number, number][] {
  const count = shape.vertices.length;
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < count; i += 1) pairs.push([i, i + 1]);
  if (shape.type === 'polygon' && count > 2) pairs.push([count - 1, 0]);
  return pairs;
}

/** Index of the vertex within `tolerance` of `p` (the nearest), or -1. */
export function vertexAt(shape: PolyAnnotation, p: Vec, tolerance: number): number {
  let best = -1;
  let bestDistance = tolerance;
  shape.vertices.forEach((vertex, index) => {
    const d = distance(vertex, p);
    if (d <= bestDistance) {
      best = index;
      bestDistance = d;
    }
  });
  return best;
}

/** Index of the edge within `tolerance` of `p` (edge i runs from vertex i to the next), or -1. */
export function edgeAt(shape: PolyAnnotation, p: Vec, tolerance: number): number {
  let best = -1;
  let bestDistance = tolerance;
  for (const [from, to] of segments(shape)) {
    const d = distanceToSegment(p, shape.vertices[from] as Vec, shape.vertices[to] as Vec);
    if (d <= bestDistance) {
      best = from;
      bestDistance = d;
    }
  }
  return best;
}

/** The shape with a new vertex at `p` after vertex `edgeIndex` (splitting that edge). */
export function insertVertex<S extends PolyAnnotation>(
  shape: S,
  edgeIndex: number,
  p: Vec,
  integer: boolean,
): S {
  const vertices = [...shape.vertices];
  vertices.splice(edgeIndex + 1, 0, roundVec(p, integer));
  return { ...shape, vertices };
}

/** The shape without vertex `index`; unchanged when that would leave fewer than {@link drawableMinimum}. */
export function deleteVertex<S extends PolyAnnotation>(shape: S, index: number): S {
  if (shape.vertices.length <= drawableMinimum(shape.type)) return shape;
  return { ...shape, vertices: shape.vertices.filter((_, i) => i !== index) };
}

function makeUtil<S extends PolyAnnotation>(closed: boolean): GeometryUtil<S> {
  return {
    editable: true,
    bounds(shape): Bounds {
      return boundsOf(shape.vertices);
    },
    hitTest(shape, p, tolerance) {
      if (closed && shape.vertices.length > 2 && pointInPolygon(p, shape.vertices)) return true;
      if (shape.vertices.length === 1) return distance(shape.vertices[0] as Vec, p) <= tolerance;
      return edgeAt(shape, p, tolerance) >= 0;
    },
    handles(shape): Handle[] {
      return shape.vertices.map((vertex, index) => ({
        id: `v${index}`,
        kind: 'vertex',
        x: vertex.x,
        y: vertex.y,
      }));
    },
    move(shape, delta, rules) {
      return { ...shape, vertices: shape.vertices.map((v) => roundVec(add(v, delta), rules.integerPixels)) };
    },
    dragHandle(shape, handleId, p, rules) {
      const index = Number(handleId.slice(1));
      if (!handleId.startsWith('v') || !Number.isInteger(index) || index >= shape.vertices.length)
        return shape;
      const vertices = [...shape.vertices];
      vertices[index] = roundVec(p, rules.integerPixels);
      return { ...shape, vertices };
    },
    area(shape) {
      return closed ? polygonArea(shape.vertices) : 0;
    },
  };
}

/** Polygon geometry. */
export const polygonUtil: GeometryUtil<PolygonAnnotation> = makeUtil<PolygonAnnotation>(true);

/** Line geometry. */
export const lineUtil: GeometryUtil<LineAnnotation> = makeUtil<LineAnnotation>(false);
