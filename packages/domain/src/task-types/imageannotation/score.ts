import { canonicalJson, numberSimilarity, setJaccard, textSimilarity } from '../../shared/consensus.ts';
import { bestMatching } from '../matching.ts';
import type { AnnotationAttributes, AttributeValue } from './attributes.ts';
import { SHAPE_MATCH_THRESHOLD, shapeOverlap } from './consensus.ts';
import type { ImageannotationParams } from './params.ts';
import type { ImageAnnotation, ImageannotationResponse } from './response.ts';

/** Similarity of one attribute's values on two matched annotations, in [0, 1]. */
function attributeValueSimilarity(
  definition: AnnotationAttributes[string] | undefined,
  a: AttributeValue,
  b: AttributeValue,
): number {
  if (canonicalJson(a) === canonicalJson(b)) return 1;
  if (Array.isArray(a) && Array.isArray(b)) return setJaccard(new Set(a), new Set(b));
  if (typeof a === 'string' && typeof b === 'string' && definition?.type === 'text') {
    return textSimilarity(a, b);
  }
  if (typeof a === 'number' && typeof b === 'number') {
    if (definition?.type === 'angle') {
      const gap = Math.abs(a - b) % 360;
      return Number.isFinite(gap) ? 1 - Math.min(gap, 360 - gap) / 180 : 0;
    }
    const range =
      definition?.type === 'number' && definition.min !== undefined && definition.max !== undefined
        ? definition.max - definition.min
        : undefined;
    return numberSimilarity(a, b, range);
  }
  return 0;
}

/**
 * Agreement of the attributes of two matched annotations, in [0, 1]: the mean over the attribute names
 * either gave of their value similarity (a name only one gave scores 0; 1 when neither has attributes).
 * Choices must be equal (multiple choices by Jaccard index), texts by word-token Jaccard, numbers 1 − |Δ| /
 * (max − min) or the relative difference, angles by the circular difference over 180°. A linked attribute
 * agrees when it points at the annotation matched to the one the reference's points at (`linkedTo` maps the
 * answer's uuids to the reference's); without `linkedTo` (while matching) linked attributes count as agreeing.
 */
function attributeAgreement(
  definitions: AnnotationAttributes | undefined,
  answer: ImageAnnotation,
  reference: ImageAnnotation,
  linkedTo: ReadonlyMap<string, string> | undefined,
): number {
  const given = answer.attributes ?? {};
  const expected = reference.attributes ?? {};
  const names = new Set([...Object.keys(given), ...Object.keys(expected)]);
  if (names.size === 0) return 1;
  let sum = 0;
  for (const name of names) {
    const a = given[name];
    const b = expected[name];
    if (a === undefined || b === undefined) continue;
    const definition = definitions?.[name];
    if (definition?.type === 'linked') {
      sum += linkedTo === undefined || (typeof a === 'string' && linkedTo.get(a) === b) ? 1 : 0;
    } else sum += attributeValueSimilarity(definition, a, b);
  }
  return sum / names.size;
}

/** Prefers, among equally good matchings, the one pairing annotations with the same uuid (pre-labels). */
const SAME_UUID_PREFERENCE = 1e-9;

/**
 * Score of an image annotation answer against a reference, in [0, 1], an F1-like mean IoU:
 *
 * 1. Each pair of an answer shape and a reference shape with the same label is worth its overlap
 *    ({@link shapeOverlap}: the true IoU of boxes, rotated ones included, and of polygons; points by
 *    distance, 1 − d / 20 px; lines, ellipses and cuboids by the IoU of their bounding boxes) when that is
 *    at least {@link SHAPE_MATCH_THRESHOLD} (0.5), times the agreement of their attributes (the mean over
 *    the attribute names either gave; a linked attribute must point at the annotation matched to the one
 *    the reference's points at).
 * 2. The shapes are matched one-to-one by optimal assignment (Hungarian algorithm) for the largest total,
 *    so the annotator gets the most favourable reading; among equally good matchings, same-uuid pairs
 *    (pre-labels) are preferred.
 * 3. The total is divided by max(answer shapes, reference shapes), so a missed shape and an extra shape
 *    both count as a pair scoring 0.
 *
 * Two answers without shapes score 1. Global attributes and links are not graded (they are answers about
 * the image and about pairs of objects, not about the shapes). Symmetric, except for which of several
 * equally good matchings decides linked attributes.
 *
 * @example
 * // reference: car box; answer: the same car box shifted to IoU 0.6, and an extra box → 0.6 / 2 = 0.3
 */
export function imageannotationScore(
  params: ImageannotationParams,
  answer: ImageannotationResponse,
  reference: ImageannotationResponse,
): number {
  const given = answer.annotations;
  const expected = reference.annotations;
  const longest = Math.max(given.length, expected.length);
  if (longest === 0) return 1;
  const definitions = params.annotation_attributes;
  const overlapOf = (a: ImageAnnotation, b: ImageAnnotation) => {
    if (a.label !== b.label) return 0;
    const overlap = shapeOverlap(a, b);
    return overlap >= SHAPE_MATCH_THRESHOLD ? overlap : 0;
  };
  const pairs = bestMatching(given, expected, (a, b) => {
    const overlap = overlapOf(a, b);
    if (overlap === 0) return 0;
    const sameUuid = a.uuid !== undefined && a.uuid === b.uuid ? SAME_UUID_PREFERENCE : 0;
    return overlap * attributeAgreement(definitions, a, b, undefined) + sameUuid;
  });
  const linkedTo = new Map<string, string>();
  for (const pair of pairs) {
    const from = given[pair.answer]?.uuid;
    const to = expected[pair.reference]?.uuid;
    if (from !== undefined && to !== undefined) linkedTo.set(from, to);
  }
  let sum = 0;
  for (const pair of pairs) {
    const a = given[pair.answer] as ImageAnnotation;
    const b = expected[pair.reference] as ImageAnnotation;
    sum += overlapOf(a, b) * attributeAgreement(definitions, a, b, linkedTo);
  }
  return Math.min(1, sum / longest);
}
