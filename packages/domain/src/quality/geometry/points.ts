/** Point consensus: points of several annotators matched within a radius and averaged. */

import { distance } from '../../shared/geometry.ts';
import {
  allFinite,
  type FusionOptions,
  type FusionSupport,
  growClusters,
  type Member,
  meanPairwise,
  supportOf,
  weightedMean,
} from './clusters.ts';

/** A point (keypoint, landmark) placed by an annotator. */
export interface LabeledPoint {
  /** Pixels from the left edge. */
  x: number;
  /** Pixels from the top edge. */
  y: number;
  /** What it marks; points of different labels are never fused. */
  label: string;
  /** How sure the annotator or model is, ≥ 0 (default 1); it weighs the point in the average. */
  confidence?: number;
}

/** One annotator's points for an image. An annotator who placed none still counts toward the majority. */
export interface PointAnswer {
  /** Who placed them. */
  worker: string;
  /** The points placed. */
  points: readonly LabeledPoint[];
}

/** Options of {@link fusePoints}. */
export interface FusePointsOptions extends FusionOptions {
  /** Points match when at most this many pixels from a cluster's current mean, ≥ 0 (default 10). */
  radius?: number;
}

/** A consensus point and the annotators behind it. */
export interface FusedPoint extends FusionSupport {
  /** Weighted mean x. */
  x: number;
  /** Weighted mean y. */
  y: number;
  /** Mean distance in pixels over all pairs of the members; 0 for a single member. */
  meanDistance: number;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePoints(a: LabeledPoint, b: LabeledPoint): number {
  return byCodeUnit(a.label, b.label) || a.y - b.y || a.x - b.x || (a.confidence ?? 1) - (b.confidence ?? 1);
}

const confidenceOf = (point: LabeledPoint) => point.confidence ?? 1;

function averagePoint(members: readonly Member<LabeledPoint>[]): LabeledPoint {
  return {
    x: weightedMean(members, (point) => point.x),
    y: weightedMean(members, (point) => point.y),
    label: (members[0] as Member<LabeledPoint>).shape.label,
  };
}

/**
 * Point consensus across annotators. Matching is {@link fuseBoxes}' (growing clusters in code-unit order
 * of worker ids, optimal assignment within a label, the largest summed fit), a point fitting a cluster when it
 * lies within `radius` pixels of the cluster's current weighted mean (closer fits better). Each kept
 * cluster is fused to the mean of its points weighted by worker weight × confidence (unweighted when all
 * weights are 0). A cluster is kept when at least `minVotes` annotators placed it (default a strict
 * majority). Results are sorted by label, then y, then x. No answers give `[]`. A point with a non-finite
 * coordinate is ignored (its annotator still counts as one who voted).
 *
 * @throws RangeError on a negative or non-finite `radius`, a `minVotes` that is not an integer ≥ 1, or a
 *   negative or non-finite weight or confidence.
 */
export function fusePoints(answers: readonly PointAnswer[], options: FusePointsOptions = {}): FusedPoint[] {
  const radius = options.radius ?? 10;
  if (!(Number.isFinite(radius) && radius >= 0)) throw new RangeError('radius must be a finite number ≥ 0');
  const { clusters, annotators, minVotes } = growClusters(
    answers.map(({ worker, points }) => ({
      worker,
      shapes: points.filter((point) => allFinite(point.x, point.y)),
    })),
    options,
    {
      compare: comparePoints,
      fit: (representative, point) => {
        const gap = distance(representative, point);
        if (gap > radius) return -1;
        // In [0.5, 1], so that a point on the radius still fits better than no match.
        return radius > 0 ? 1 - gap / (2 * radius) : 1;
      },
      represent: averagePoint,
      confidence: confidenceOf,
    },
  );
  return clusters
    .filter((members) => members.length >= minVotes)
    .map((members): FusedPoint => {
      const { x, y, label } = averagePoint(members);
      return {
        x,
        y,
        ...supportOf(members, annotators, label, confidenceOf),
        meanDistance: meanPairwise(members, distance, 0),
      };
    })
    .sort(comparePoints);
}
