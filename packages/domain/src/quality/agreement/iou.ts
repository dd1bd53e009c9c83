import { optimalAssignment } from './assignment.ts';

/** Options of {@link iouAgreement}. */
export interface IouAgreementOptions {
  /**
   * Smallest IoU at which two shapes count as the same object; pairs below it are unmatched. Default 0:
   * any overlap can match. Use 0.5 for the usual "same object" rule of detection benchmarks.
   */
  minIou?: number;
}

/** Agreement of one pair of annotators on one item's shapes. */
export interface IouPairAgreement {
  /** Index of the first annotator in `shapesByAnnotator`. */
  first: number;
  /** Index of the second annotator (always greater than `first`). */
  second: number;
  /** Σ IoU of matched shapes / (matched pairs + unmatched shapes of both), in [0, 1]; 1 when both drew nothing. */
  agreement: number;
  /** How many shapes were matched across the pair. */
  matched: number;
  /** How many shapes of either annotator found no partner. */
  unmatched: number;
}

/** Agreement among annotators who drew shapes on the same item. */
export interface IouAgreement {
  /** Mean of the pairs' agreements, in [0, 1]; 1 with fewer than two annotators (no pair can disagree). */
  agreement: number;
  /** One entry per pair of annotators, ordered by `first`, then `second`. */
  pairs: IouPairAgreement[];
}

/**
 * Agreement for geometry (boxes, polygons, masks): for each pair of annotators, their shapes are matched
 * one-to-one so that the summed IoU is largest (Hungarian algorithm, {@link optimalAssignment}); the
 * pair's agreement is the mean IoU over matched pairs and unmatched shapes, an unmatched shape counting 0:
 * Σ IoU / (matched + unmatched). It is the "mean IoU with misses" used to compare two segmentations of a
 * scene, and it falls when one annotator draws an object the other missed, not only when outlines differ.
 *
 * The overall agreement is the unweighted mean over all pairs of annotators. Degenerate cases: two
 * annotators who both drew nothing agree fully (1); fewer than two annotators give 1 with no pairs. IoU
 * values are clamped to [0, 1], and a non-finite one counts as 0.
 *
 * @param shapesByAnnotator One list of shapes per annotator, for one item.
 * @param iou Intersection over union of two shapes (e.g. `boundsIou` from the geometry helpers).
 * @param options `minIou` (default 0).
 */
export function iouAgreement<S>(
  shapesByAnnotator: readonly (readonly S[])[],
  iou: (a: S, b: S) => number,
  options: IouAgreementOptions = {},
): IouAgreement {
  const minIou = options.minIou ?? 0;
  const pairs: IouPairAgreement[] = [];
  let sum = 0;
  for (let first = 0; first < shapesByAnnotator.length; first += 1) {
    for (let second = first + 1; second < shapesByAnnotator.length; second += 1) {
      const pair = pairAgreement(
        shapesByAnnotator[first] as readonly S[],
        shapesByAnnotator[second] as readonly S[],
        iou,
        minIou,
      );
      pairs.push({ first, second, ...pair });
      sum += pair.agreement;
    }
  }
  return { agreement: pairs.length === 0 ? 1 : sum / pairs.length, pairs };
}

function pairAgreement<S>(
  a: readonly S[],
  b: readonly S[],
  iou: (a: S, b: S) => number,
  minIou: number,
): Omit<IouPairAgreement, 'first' | 'second'> {
  if (a.length === 0 && b.length === 0) return { agreement: 1, matched: 0, unmatched: 0 };
  const overlap = a.map((shapeA) =>
    b.map((shapeB) => {
      const value = iou(shapeA, shapeB);
      if (!Number.isFinite(value)) return 0;
      const clamped = Math.min(1, Math.max(0, value));
      return clamped > 0 && clamped >= minIou ? clamped : 0;
    }),
  );
  const { rowToColumn } = optimalAssignment(overlap.map((row) => row.map((value) => -value)));
  let matched = 0;
  let total = 0;
  rowToColumn.forEach((column, row) => {
    const value = column < 0 ? 0 : ((overlap[row] as number[])[column] as number);
    if (value > 0) {
      matched += 1;
      total += value;
    }
  });
  const unmatched = a.length + b.length - 2 * matched;
  return { agreement: total / (matched + unmatched), matched, unmatched };
}
