import { type Member as ClusterMember, growClusters, weightedMean } from '../../quality/geometry/clusters.ts';
import { polygonIou } from '../../quality/geometry/polygon.ts';
import {
  answerWeights,
  canonicalJson,
  isWeightedMajority,
  lowerMedian,
  meanPairwiseSimilarity,
  medoidIndex,
  plurality,
  requireAnswers,
  weightOf,
  weightOfAll,
} from '../../shared/consensus.ts';
import {
  type Bounds,
  boundsIou,
  boundsOfPoints,
  distance,
  expandBounds,
  type Point,
} from '../../shared/geometry.ts';
import type { ConsensusResult } from '../../task-type.ts';
import type { AttributeValue } from './attributes.ts';
import { GEOMETRY_KINDS, type ImageannotationParams } from './params.ts';
import type { ImageAnnotation, ImageannotationResponse } from './response.ts';
import { validateImageannotation } from './validate.ts';

/** Shapes whose similarity reaches this value are taken to be the same object. */
export const SHAPE_MATCH_THRESHOLD = 0.5;
/** Points closer than this many pixels match (similarity falls linearly to 0 at twice this distance). */
export const POINT_MATCH_RADIUS = 10;
/** Lines are compared by their bounding boxes grown by this many pixels, so straight lines have an area. */
const LINE_MARGIN = 5;

type Link = NonNullable<ImageannotationResponse['links']>[number];
type Box = Extract<ImageAnnotation, { type: 'box' }>;

/** Bounding box of an annotation: a rotated box by its corners, other shapes by their vertices. */
export function annotationBounds(annotation: ImageAnnotation): Bounds {
  switch (annotation.type) {
    case 'box':
      // A rotated box (by `vertices` or by `rotation`) is bounded by its corners.
      return annotation.vertices || annotation.rotation
        ? boundsOfPoints(boxCorners(annotation))
        : {
            minX: annotation.left,
            minY: annotation.top,
            maxX: annotation.left + annotation.width,
            maxY: annotation.top + annotation.height,
          };
    case 'point':
      return boundsOfPoints([annotation]);
    default:
      return boundsOfPoints(annotation.vertices);
  }
}

/**
 * How much two annotations look like the same object, in [0, 1], ignoring labels and attributes: 0 for
 * different geometry kinds; points by distance ({@link POINT_MATCH_RADIUS}); lines by the IoU of their
 * slightly grown bounding boxes; boxes, polygons, ellipses and cuboids by the IoU of their bounding boxes.
 */
export function shapeSimilarity(a: ImageAnnotation, b: ImageAnnotation): number {
  if (a.type !== b.type) return 0;
  if (a.type === 'point' && b.type === 'point') {
    return Math.max(0, 1 - distance(a, b) / (2 * POINT_MATCH_RADIUS));
  }
  if (a.type === 'line') {
    return boundsIou(
      expandBounds(annotationBounds(a), LINE_MARGIN),
      expandBounds(annotationBounds(b), LINE_MARGIN),
    );
  }
  return boundsIou(annotationBounds(a), annotationBounds(b));
}

/** Whether a box is drawn without rotation (no `rotation`, no `vertices`). */
function isAxisAligned(box: Box): boolean {
  return box.vertices === undefined && (box.rotation === undefined || box.rotation === 0);
}

/**
 * The four corners of a box: its `vertices` when rotated; otherwise top-left, top-right, bottom-right,
 * bottom-left of `left`/`top`/`width`/`height`, turned clockwise by `rotation` radians about the centre.
 */
export function boxCorners(box: Box): Point[] {
  if (box.vertices) return box.vertices.map(({ x, y }) => ({ x, y }));
  const cx = box.left + box.width / 2;
  const cy = box.top + box.height / 2;
  const cos = Math.cos(box.rotation ?? 0);
  const sin = Math.sin(box.rotation ?? 0);
  return [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ].map(([sx = 0, sy = 0]) => {
    const dx = (sx * box.width) / 2;
    const dy = (sy * box.height) / 2;
    // Image y points down, so this turns clockwise on screen for a positive angle.
    return { x: cx + dx * cos - dy * sin, y: cy + dx * sin + dy * cos };
  });
}

/**
 * The exact overlap of two annotations, in [0, 1], ignoring labels and attributes: 0 for different geometry
 * kinds; boxes by their true IoU (axis-aligned ones as rectangles, rotated ones as the polygons of their
 * corners); polygons by their polygon IoU ({@link polygonIou}); points, lines, ellipses and cuboids as
 * {@link shapeSimilarity} compares them (distance, or IoU of bounding boxes). Symmetric; identical shapes
 * score 1, even without area.
 */
export function shapeOverlap(a: ImageAnnotation, b: ImageAnnotation): number {
  if (a.type === 'box' && b.type === 'box') {
    if (isAxisAligned(a) && isAxisAligned(b)) return boundsIou(annotationBounds(a), annotationBounds(b));
    return polygonIou(boxCorners(a), boxCorners(b));
  }
  if (a.type === 'polygon' && b.type === 'polygon') return polygonIou(a.vertices, b.vertices);
  return shapeSimilarity(a, b);
}

/** Greedy one-to-one matching of same-label shapes at or above the threshold, best pairs first. */
function matchCount(a: readonly ImageAnnotation[], b: readonly ImageAnnotation[]): number {
  const pairs: { i: number; j: number; score: number }[] = [];
  a.forEach((left, i) => {
    b.forEach((right, j) => {
      if (left.label !== right.label) return;
      const score = shapeSimilarity(left, right);
      if (score >= SHAPE_MATCH_THRESHOLD) pairs.push({ i, j, score });
    });
  });
  pairs.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  for (const { i, j } of pairs) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
  }
  return usedA.size;
}

/**
 * F1 score of the matched annotations of two answers (same label, shape similarity ≥ 0.5, one-to-one);
 * 1 when both are empty. Symmetric.
 */
export function annotationsF1(a: ImageannotationResponse, b: ImageannotationResponse): number {
  const total = a.annotations.length + b.annotations.length;
  if (total === 0) return 1;
  const matched = Math.max(
    matchCount(a.annotations, b.annotations),
    matchCount(b.annotations, a.annotations),
  );
  return (2 * matched) / total;
}

/** One drawn annotation in a cluster: which answer drew it, where in that answer, and its weight. */
interface Member {
  answer: number;
  index: number;
  annotation: ImageAnnotation;
  weight: number;
}

/**
 * A shape as the fusion engine sees it. `label` is the geometry kind, so that annotators who disagree on
 * the label still form one object (the label is voted afterwards); the real label is the annotation's.
 */
interface Drawn {
  label: string;
  member: Member;
}

/** `index` padded so that the engine's code-unit order of worker ids is the order of the answers. */
function workerId(answer: number): string {
  return answer.toString().padStart(10, '0');
}

const sameLabelBonus = (members: readonly ClusterMember<Drawn>[], shape: Drawn) =>
  (members[0] as ClusterMember<Drawn>).shape.member.annotation.label === shape.member.annotation.label
    ? 1
    : 0;

/** The weighted lower median of each coordinate of axis-aligned boxes (always coordinates someone drew). */
function medianBox(
  boxes: readonly Box[],
  weights: readonly number[],
): Pick<Box, 'left' | 'top' | 'width' | 'height'> {
  const median = (key: 'left' | 'top' | 'width' | 'height') =>
    lowerMedian(
      boxes.map((box) => box[key]),
      weights,
    );
  return { left: median('left'), top: median('top'), width: median('width'), height: median('height') };
}

/** Axis-aligned boxes of `members`, or undefined when one of them is not one. */
function axisAlignedBoxes(members: readonly Member[]): Box[] | undefined {
  const boxes = members.flatMap((member) =>
    member.annotation.type === 'box' &&
    member.annotation.vertices === undefined &&
    member.annotation.rotation === undefined
      ? [member.annotation]
      : [],
  );
  return boxes.length === members.length ? boxes : undefined;
}

/**
 * Groups the answers' annotations into objects with the fusion engine of `quality/geometry`
 * ({@link growClusters}: answers taken in order, each one's shapes matched to the clusters of their geometry
 * kind by optimal assignment, at most one shape per answer per object; a shape that fits no cluster starts
 * one). How a shape fits a cluster (at least {@link SHAPE_MATCH_THRESHOLD}, plus 1 when its label is that
 * of the cluster's first member, so labels agreeing is preferred) follows the fusers: axis-aligned boxes by
 * IoU with the cluster's fused box (fuseBoxes), polygons by their mean polygon IoU with the members
 * (fusePolygons), points within {@link POINT_MATCH_RADIUS} of the members' weighted mean (fusePoints); rotated
 * boxes by their true IoU and lines, ellipses and cuboids by {@link shapeSimilarity} with the first member.
 * Clusters come out in order of their first member (answer, then position in the answer).
 */
function cluster(
  answers: readonly ImageannotationResponse[],
  weights: readonly number[] | undefined,
): Member[][] {
  const clusters: Member[][] = [];
  for (const kind of GEOMETRY_KINDS) {
    const shapes = answers.map((answer, index) => ({
      worker: workerId(index),
      shapes: answer.annotations.flatMap((annotation, position): Drawn[] =>
        annotation.type === kind
          ? [
              {
                label: kind,
                member: { answer: index, index: position, annotation, weight: weightOf(weights, index) },
              },
            ]
          : [],
      ),
    }));
    if (shapes.every((answer) => answer.shapes.length === 0)) continue;
    const fits = (similarity: number, members: readonly ClusterMember<Drawn>[], shape: Drawn) =>
      similarity >= SHAPE_MATCH_THRESHOLD ? similarity + sameLabelBonus(members, shape) : -1;
    const grown = growClusters<Drawn>(
      shapes,
      { minVotes: 1 },
      {
        compare: (a, b) => a.member.index - b.member.index,
        confidence: () => 1,
        fit: (representative, shape, members) => {
          const drawn = shape.member.annotation;
          if (drawn.type === 'polygon') {
            let sum = 0;
            for (const { shape: other } of members) sum += shapeOverlap(other.member.annotation, drawn);
            return fits(sum / members.length, members, shape);
          }
          if (drawn.type === 'box' || drawn.type === 'point') {
            return fits(shapeOverlap(representative.member.annotation, drawn), members, shape);
          }
          const first = (members[0] as ClusterMember<Drawn>).shape.member.annotation;
          return fits(shapeSimilarity(first, drawn), members, shape);
        },
        represent: (members) => {
          // Boxes and points are matched against the cluster's merged shape, as fuseBoxes and fusePoints do;
          // the other kinds against their first member.
          const first = (members[0] as ClusterMember<Drawn>).shape;
          if (kind !== 'box' && kind !== 'point') return first;
          const geometry = fusedGeometry(
            members.map(({ shape }) => shape.member),
            first.member.annotation,
          );
          return geometry === undefined
            ? first
            : { label: first.label, member: { ...first.member, annotation: geometry } };
        },
      },
    );
    for (const members of grown.clusters) clusters.push(members.map(({ shape }) => shape.member));
  }
  const founder = (members: readonly Member[]) => members[0] as Member;
  return clusters.sort(
    (a, b) => founder(a).answer - founder(b).answer || founder(a).index - founder(b).index,
  );
}

/**
 * The merged geometry of an object's members, or undefined where there is none to compute: axis-aligned
 * boxes take the weighted lower median of each coordinate; polygons the weighted medoid by polygon IoU
 * (fusePolygons' rule, so it is always an outline someone drew); points the weighted mean (fusePoints' rule).
 * Other shapes (rotated boxes, lines, ellipses, cuboids) are not merged here.
 */
function fusedGeometry(members: readonly Member[], base: ImageAnnotation): ImageAnnotation | undefined {
  const weights = members.map((member) => member.weight);
  const boxes = axisAlignedBoxes(members);
  if (boxes && base.type === 'box') return { ...base, ...medianBox(boxes, weights) };
  if (base.type === 'polygon') {
    const index = medoidIndex(
      members.map((member) => member.annotation),
      shapeOverlap,
      weights.every((weight) => weight === weights[0]) ? undefined : weights,
    );
    const chosen = (members[index] as Member).annotation;
    return chosen.type === 'polygon' ? { ...base, vertices: chosen.vertices } : undefined;
  }
  if (base.type === 'point') {
    const points = members.flatMap((member) =>
      member.annotation.type === 'point'
        ? [{ worker: '', shape: member.annotation, weight: member.weight }]
        : [],
    );
    if (points.length !== members.length) return undefined;
    return {
      ...base,
      x: weightedMean(points, (point) => point.x),
      y: weightedMean(points, (point) => point.y),
    };
  }
  return undefined;
}

/**
 * Weighted plurality vote per attribute name; an attribute is kept when the voters who gave it carry more
 * than half of the voters' weight.
 */
function voteAttributes(
  voters: readonly (Readonly<Record<string, AttributeValue>> | undefined)[],
  weights: readonly number[] | undefined,
): Record<string, AttributeValue> {
  const names = [...new Set(voters.flatMap((values) => Object.keys(values ?? {})))];
  const total = weightOfAll(weights, voters.keys());
  const result: Record<string, AttributeValue> = {};
  for (const name of names) {
    const given = voters.flatMap((values, index) =>
      values?.[name] === undefined ? [] : [{ value: values[name], weight: weightOf(weights, index) }],
    );
    const support = given.reduce((sum, entry) => sum + entry.weight, 0);
    if (!isWeightedMajority(support, total)) continue;
    const winner =
      given[
        plurality(
          given.map((entry) => canonicalJson(entry.value)),
          weights && given.map((entry) => entry.weight),
        ).index
      ];
    if (winner !== undefined) result[name] = winner.value;
  }
  return result;
}

interface FusedObject {
  /** Versions of the object to try, best first: merged geometry and attributes, then the medoid member's. */
  candidates: ImageAnnotation[];
}

function withIdentity(
  annotation: ImageAnnotation,
  uuid: string | undefined,
  attributes: Record<string, AttributeValue> | undefined,
): ImageAnnotation {
  const { uuid: _uuid, attributes: _attributes, ...rest } = annotation;
  const result = { ...rest } as ImageAnnotation;
  if (uuid !== undefined) result.uuid = uuid;
  if (attributes !== undefined) result.attributes = attributes;
  return result;
}

/**
 * Consensus of image annotations. Annotations of different answers are grouped as the same object by the
 * fusion engine of `quality/geometry` (optimal one-to-one matching; see `cluster` below: boxes by IoU with
 * the fused box, polygons by mean polygon IoU, points within 10 px of the mean, other shapes by
 * {@link shapeSimilarity}, all at ≥ 0.5, labels pooled within a geometry kind); objects drawn in more than
 * half of the answers are kept, in order of first appearance. Each kept object takes the plurality label;
 * unrotated boxes take the lower median of each coordinate, polygons the medoid outline by polygon IoU,
 * points the mean position, and other shapes the medoid member's geometry (over all members, whatever their
 * label); attributes, global attributes and links are decided by plurality (kept when more than half gave
 * them), with uuids and linked attributes remapped to the merged objects. An object whose merged version is
 * invalid falls back to its medoid member's attributes, then to that member as drawn; if the result is
 * still invalid, the medoid answer is returned. Agreement is the mean pairwise F1 score of matched
 * annotations ({@link annotationsF1}).
 *
 * With `weights`, every count above is a sum of weights (an object is kept when the answers that drew it
 * carry more than half of the total weight), the medians, medoids and means are weighted, and members of
 * weight 0 take no part in the merged object (not even its uuid or its place in the order). The agreement
 * stays unweighted.
 */
export function imageannotationConsensus(
  params: ImageannotationParams,
  answers: readonly ImageannotationResponse[],
  weights?: readonly number[],
): ConsensusResult<ImageannotationResponse> {
  requireAnswers(answers);
  const counted = answerWeights(weights, answers.length);
  const agreement = meanPairwiseSimilarity(answers, annotationsF1);
  const medoidAnswer = answers[medoidIndex(answers, annotationsF1, counted)] as ImageannotationResponse;
  const total = weightOfAll(counted, answers.keys());
  const clusters = cluster(answers, counted);
  const keptClusters = clusters.filter((members) =>
    isWeightedMajority(
      weightOfAll(
        counted,
        members.map((member) => member.answer),
      ),
      total,
    ),
  );
  // Members of weight 0 are remapped with their object but take no part in merging it.
  const voting = keptClusters.map((members) => members.filter((member) => member.weight > 0));
  const order = voting
    .map((members, index) => ({ members, index }))
    .sort((a, b) => {
      const x = a.members[0] as Member;
      const y = b.members[0] as Member;
      return x.answer - y.answer || x.index - y.index;
    });
  const kept = order.map(({ members }) => members);
  const everyone = order.map(({ index }) => keptClusters[index] as Member[]);
  const weightsOf = (members: readonly Member[]) => counted && members.map((member) => member.weight);

  // uuids of the merged objects, and where each answer's uuids now point.
  const taken = new Set<string>();
  const uuids = kept.map((members) => {
    const own = members.flatMap((member) =>
      member.annotation.uuid === undefined ? [] : [{ uuid: member.annotation.uuid, weight: member.weight }],
    );
    while (own.length > 0) {
      const winner = (
        own[
          plurality(
            own.map((entry) => entry.uuid),
            counted && own.map((entry) => entry.weight),
          ).index
        ] as { uuid: string }
      ).uuid;
      if (!taken.has(winner)) {
        taken.add(winner);
        return winner;
      }
      for (let i = own.length - 1; i >= 0; i -= 1) if (own[i]?.uuid === winner) own.splice(i, 1);
    }
    return undefined;
  });
  kept.forEach((members, index) => {
    if (uuids[index] !== undefined || members.every((member) => member.annotation.uuid === undefined)) return;
    let counter = index + 1;
    while (taken.has(`consensus-${counter}`)) counter += 1;
    uuids[index] = `consensus-${counter}`;
    taken.add(`consensus-${counter}`);
  });
  const remap = answers.map(() => new Map<string, string | undefined>());
  everyone.forEach((members, index) => {
    for (const member of members) {
      if (member.annotation.uuid !== undefined)
        remap[member.answer]?.set(member.annotation.uuid, uuids[index]);
    }
  });
  const mapAttributes = (answer: number, values: Readonly<Record<string, AttributeValue>> | undefined) => {
    if (values === undefined) return undefined;
    const result: Record<string, AttributeValue> = {};
    for (const [name, value] of Object.entries(values)) {
      const linkedAttribute = params.annotation_attributes?.[name]?.type === 'linked';
      const mapped = linkedAttribute && typeof value === 'string' ? remap[answer]?.get(value) : value;
      if (mapped !== undefined) result[name] = mapped;
    }
    return result;
  };

  const objects: FusedObject[] = kept.map((members, index) => {
    const uuid = uuids[index];
    const label = (
      members[
        plurality(
          members.map((member) => member.annotation.label),
          weightsOf(members),
        ).index
      ] as Member
    ).annotation.label;
    const labelled = members.filter((member) => member.annotation.label === label);
    const central = (group: readonly Member[]) =>
      group[
        medoidIndex(group, (a, b) => shapeSimilarity(a.annotation, b.annotation), weightsOf(group))
      ] as Member;
    // Geometry comes from every member (labelers may disagree on the label, not on where the object is);
    // attributes only from members with the winning label, since which attributes apply depends on it.
    const medoid = central(labelled);
    const drawn = { ...central(members).annotation, label } as ImageAnnotation;
    const geometry = fusedGeometry(members, drawn) ?? drawn;
    const mapped = labelled.map((member) => mapAttributes(member.answer, member.annotation.attributes));
    const mappedWeights = weightsOf(labelled);
    const voted = voteAttributes(mapped, mappedWeights);
    const withAttributes =
      Object.keys(voted).length > 0 ||
      isWeightedMajority(
        weightOfAll(
          mappedWeights,
          mapped.flatMap((values, i) => (values ? [i] : [])),
        ),
        weightOfAll(mappedWeights, mapped.keys()),
      );
    const medoidAttributes = mapAttributes(medoid.answer, medoid.annotation.attributes);
    return {
      candidates: [
        withIdentity(geometry, uuid, withAttributes ? voted : undefined),
        withIdentity(geometry, uuid, medoidAttributes),
        withIdentity(medoid.annotation, uuid, medoidAttributes),
      ],
    };
  });

  const response: ImageannotationResponse = { annotations: [] };
  const globals = answers.map((answer) => answer.global_attributes);
  const counts = (index: number) => weightOf(counted, index) > 0;
  if (globals.some((values, index) => values !== undefined && counts(index)))
    response.global_attributes = voteAttributes(globals, counted);
  if (answers.some((answer, index) => answer.links !== undefined && counts(index))) {
    const votes = new Map<string, { link: Link; weight: number }>();
    answers.forEach((answer, index) => {
      const weight = weightOf(counted, index);
      if (!counts(index)) return;
      const seen = new Set<string>();
      for (const link of answer.links ?? []) {
        const from = remap[index]?.get(link.from);
        const to = remap[index]?.get(link.to);
        if (from === undefined || to === undefined) continue;
        const key = JSON.stringify([link.label, from, to]);
        if (seen.has(key)) continue;
        seen.add(key);
        const entry = votes.get(key) ?? { link: { label: link.label, from, to }, weight: 0 };
        entry.weight += weight;
        votes.set(key, entry);
      }
    });
    response.links = [...votes.values()]
      .filter((entry) => isWeightedMajority(entry.weight, total))
      .map((entry) => entry.link);
  }

  const choice = objects.map(() => 0);
  for (let round = 0; round < 3; round += 1) {
    response.annotations = objects.map(
      (object, index) => object.candidates[choice[index] ?? 0] as ImageAnnotation,
    );
    const issues = validateImageannotation(params, response);
    if (issues.length === 0) return { response, agreement };
    let progressed = false;
    const failing = new Set(issues.map((issue) => /^annotations\.(\d+)/.exec(issue.path)?.[1]));
    for (const index of failing) {
      if (index === undefined) continue;
      const at = Number(index);
      if ((choice[at] ?? 0) < 2) {
        choice[at] = (choice[at] ?? 0) + 1;
        progressed = true;
      }
    }
    if (!progressed) break;
  }
  return { response: medoidAnswer, agreement };
}
