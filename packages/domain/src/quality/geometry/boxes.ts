/** Box consensus: boxes of several annotators matched by IoU and fused by weighted averaging. */

import { type Bounds, boundsIou } from '../../shared/geometry.ts';
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

/** An axis-aligned box drawn by an annotator (or predicted by a model, with its confidence). */
export interface LabeledBox {
  /** Left edge in pixels. */
  left: number;
  /** Top edge in pixels. */
  top: number;
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
  /** What the box marks; boxes of different labels are never fused. */
  label: string;
  /** How sure the annotator or model is, ≥ 0 (default 1); it weighs the box in the average. */
  confidence?: number;
}

/** One annotator's boxes for an image. An annotator who drew nothing still counts toward the majority. */
export interface BoxAnswer {
  /** Who drew them. */
  worker: string;
  /** The boxes drawn. */
  boxes: readonly LabeledBox[];
}

/** Options of {@link fuseBoxes}. */
export interface FuseBoxesOptions extends FusionOptions {
  /** Boxes match when their IoU is at least this, in (0, 1] (default 0.5, the PASCAL VOC criterion). */
  iouThreshold?: number;
}

/** A consensus box and the annotators behind it. */
export interface FusedBox extends FusionSupport {
  /** Weighted mean of the members' left edges. */
  left: number;
  /** Weighted mean of the members' top edges. */
  top: number;
  /** Weighted mean of the members' widths. */
  width: number;
  /** Weighted mean of the members' heights. */
  height: number;
  /** Mean IoU over all pairs of the members (how tightly the annotators agree); 1 for a single member. */
  meanIou: number;
}

function boundsOf(box: LabeledBox): Bounds {
  return { minX: box.left, minY: box.top, maxX: box.left + box.width, maxY: box.top + box.height };
}

/** IoU of two boxes, in [0, 1]. */
export function boxIou(a: LabeledBox, b: LabeledBox): number {
  return boundsIou(boundsOf(a), boundsOf(b));
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBoxes(a: LabeledBox, b: LabeledBox): number {
  return (
    byCodeUnit(a.label, b.label) ||
    a.top - b.top ||
    a.left - b.left ||
    a.width - b.width ||
    a.height - b.height ||
    (a.confidence ?? 1) - (b.confidence ?? 1)
  );
}

const confidenceOf = (box: LabeledBox) => box.confidence ?? 1;

function averageBox(members: readonly Member<LabeledBox>[]): LabeledBox {
  return {
    left: weightedMean(members, (box) => box.left),
    top: weightedMean(members, (box) => box.top),
    width: weightedMean(members, (box) => box.width),
    height: weightedMean(members, (box) => box.height),
    label: (members[0] as Member<LabeledBox>).shape.label,
  };
}

/**
 * Box consensus across annotators, in the spirit of Weighted Boxes Fusion (Solovyev, Wang & Gabruseva 2021,
 * "Weighted boxes fusion: Ensembling boxes from different object detection models") but one-to-one:
 *
 * 1. Matching, to a growing cluster: annotators are taken in code-unit order of their ids (so the order
 *    of `answers` does not matter); each one's boxes are matched to the clusters of the same label by
 *    optimal assignment (Hungarian, the largest summed IoU) on their IoU with each
 *    cluster's current fused box, a pair counting only at IoU ≥ `iouThreshold`. Unmatched boxes start
 *    clusters. A cluster holds at most one box per annotator; labels never mix.
 * 2. Fusion: each coordinate is the mean weighted by worker weight × confidence (unweighted when all
 *    weights are 0).
 * 3. Voting: a cluster is kept when at least `minVotes` annotators drew it (default a strict majority of
 *    the annotators, counting those who drew nothing).
 *
 * Results are sorted by label, then top, left, width, height. No answers, or no boxes, give `[]`. A box
 * with a non-finite coordinate is ignored (its annotator still counts as one who voted).
 *
 * @throws RangeError on an `iouThreshold` outside (0, 1], a `minVotes` that is not an integer ≥ 1, or a
 *   negative or non-finite weight or confidence.
 */
export function fuseBoxes(answers: readonly BoxAnswer[], options: FuseBoxesOptions = {}): FusedBox[] {
  const threshold = options.iouThreshold ?? 0.5;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError('iouThreshold must be in (0, 1]');
  const { clusters, annotators, minVotes } = growClusters(
    answers.map(({ worker, boxes }) => ({
      worker,
      shapes: boxes.filter((b) => allFinite(b.left, b.top, b.width, b.height)),
    })),
    options,
    {
      compare: compareBoxes,
      fit: (representative, box) => {
        const iou = boxIou(representative, box);
        return iou >= threshold ? iou : -1;
      },
      represent: averageBox,
      confidence: confidenceOf,
    },
  );
  return clusters
    .filter((members) => members.length >= minVotes)
    .map((members): FusedBox => {
      const { left, top, width, height, label } = averageBox(members);
      return {
        left,
        top,
        width,
        height,
        ...supportOf(members, annotators, label, confidenceOf),
        meanIou: meanPairwise(members, boxIou, 1),
      };
    })
    .sort(compareBoxes);
}
