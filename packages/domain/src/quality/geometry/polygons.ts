/** Polygon consensus: polygons of several annotators matched by polygon IoU; each object's weighted medoid. */

import type { Point } from '../../shared/geometry.ts';
import {
  allFinite,
  type FusionOptions,
  type FusionSupport,
  growClusters,
  type Member,
  meanPairwise,
  supportOf,
} from './clusters.ts';
import { polygonIou } from './polygon.ts';

/** A polygon drawn by an annotator. */
export interface LabeledPolygon {
  /** The outline, in pixels; a simple polygon in either orientation. */
  vertices: readonly Point[];
  /** What it marks; polygons of different labels are never fused. */
  label: string;
  /** How sure the annotator or model is, ≥ 0 (default 1); it weighs the polygon in the medoid. */
  confidence?: number;
}

/** One annotator's polygons for an image. An annotator who drew nothing still counts toward the majority. */
export interface PolygonAnswer {
  /** Who drew them. */
  worker: string;
  /** The polygons drawn. */
  polygons: readonly LabeledPolygon[];
}

/** Options of {@link fusePolygons}. */
export interface FusePolygonsOptions extends FusionOptions {
  /** Polygons match when their IoU is at least this, in (0, 1] (default 0.5). */
  iouThreshold?: number;
}

/** A consensus polygon and the annotators behind it. */
export interface FusedPolygon extends FusionSupport {
  /** The medoid member's outline (a copy). */
  vertices: Point[];
  /** The annotator whose polygon was chosen. */
  medoidWorker: string;
  /** Mean IoU over all pairs of the members; 1 for a single member. */
  meanIou: number;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareVertices(a: readonly Point[], b: readonly Point[]): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i += 1) {
    const p = a[i] as Point;
    const q = b[i] as Point;
    const order = p.x - q.x || p.y - q.y;
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function comparePolygons(a: LabeledPolygon, b: LabeledPolygon): number {
  return (
    byCodeUnit(a.label, b.label) ||
    compareVertices(a.vertices, b.vertices) ||
    (a.confidence ?? 1) - (b.confidence ?? 1)
  );
}

const confidenceOf = (polygon: LabeledPolygon) => polygon.confidence ?? 1;
const iouOf = (a: LabeledPolygon, b: LabeledPolygon) => polygonIou(a.vertices, b.vertices);

/**
 * The weighted medoid: the member minimizing the weighted distance Σ_j w_j·(1 − IoU) to all members
 * (itself included), i.e. maximizing Σ_j w_j·IoU(i, j). The earliest (lowest worker id) wins a tie.
 */
function medoid(members: readonly Member<LabeledPolygon>[]): Member<LabeledPolygon> {
  let total = 0;
  for (const member of members) total += member.weight;
  let best = members[0] as Member<LabeledPolygon>;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const candidate of members) {
    let score = 0;
    for (const other of members) {
      const weight = total > 0 ? other.weight : 1;
      score += weight * (other === candidate ? 1 : iouOf(candidate.shape, other.shape));
    }
    if (score > bestScore + 1e-12) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Polygon consensus across annotators. Matching is {@link fuseBoxes}' (growing clusters in code-unit
 * order of worker ids, optimal assignment within a label, the largest summed fit), with a polygon fitting a
 * cluster when its mean exact IoU ({@link polygonIou}) with the cluster's members so far is at least
 * `iouThreshold` (average linkage: a cluster has no mean polygon to compare with). Averaging vertices is not
 * meaningful for outlines of different vertex counts, so each kept cluster is fused to its weighted medoid:
 * the member polygon with the largest summed IoU to the members, each weighted by worker weight ×
 * confidence (its own weight included, so a confident polygon is favoured; all weights 0 count equally;
 * ties go to the lowest worker id). A cluster is kept when at least `minVotes` annotators drew it (default
 * a strict majority). Results are sorted by label, then vertices. No answers give `[]`. A polygon with a
 * non-finite coordinate is ignored (its annotator still counts as one who voted).
 *
 * @throws RangeError on an `iouThreshold` outside (0, 1], a `minVotes` that is not an integer ≥ 1, or a
 *   negative or non-finite weight or confidence.
 */
export function fusePolygons(
  answers: readonly PolygonAnswer[],
  options: FusePolygonsOptions = {},
): FusedPolygon[] {
  const threshold = options.iouThreshold ?? 0.5;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError('iouThreshold must be in (0, 1]');
  const { clusters, annotators, minVotes } = growClusters(
    answers.map(({ worker, polygons }) => ({
      worker,
      shapes: polygons.filter((polygon) => polygon.vertices.every((v) => allFinite(v.x, v.y))),
    })),
    options,
    {
      compare: comparePolygons,
      fit: (_, polygon, members) => {
        let sum = 0;
        for (const member of members) sum += iouOf(member.shape, polygon);
        const iou = sum / members.length;
        return iou >= threshold ? iou : -1;
      },
      confidence: confidenceOf,
    },
  );
  return clusters
    .filter((members) => members.length >= minVotes)
    .map((members): FusedPolygon => {
      const chosen = medoid(members);
      return {
        vertices: chosen.shape.vertices.map(({ x, y }) => ({ x, y })),
        ...supportOf(members, annotators, chosen.shape.label, confidenceOf),
        medoidWorker: chosen.worker,
        meanIou: meanPairwise(members, iouOf, 1),
      };
    })
    .sort((a, b) => byCodeUnit(a.label, b.label) || compareVertices(a.vertices, b.vertices));
}
