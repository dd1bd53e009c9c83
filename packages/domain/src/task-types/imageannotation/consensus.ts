import {
  canonicalJson,
  isMajority,
  lowerMedian,
  meanPairwiseSimilarity,
  medoidIndex,
  plurality,
  requireAnswers,
} from '../../shared/consensus.ts';
import { type Bounds, boundsIou, boundsOfPoints, distance, expandBounds } from '../../shared/geometry.ts';
import type { ConsensusResult } from '../../task-type.ts';
import type { AttributeValue } from './attributes.ts';
import type { ImageannotationParams } from './params.ts';
import type { ImageAnnotation, ImageannotationResponse } from './response.ts';
import { validateImageannotation } from './validate.ts';

/** Shapes whose similarity reaches this value are taken to be the same object. */
export const SHAPE_MATCH_THRESHOLD = 0.5;
/** Points closer than this many pixels match (similarity falls linearly to 0 at twice this distance). */
export const POINT_MATCH_RADIUS = 10;
/** Lines are compared by their bounding boxes grown by this many pixels, so straight lines have an area. */
const LINE_MARGIN = 5;

type Link = NonNullable<ImageannotationResponse['links']>[number];

/** Bounding box of an annotation: a rotated box by its corners, other shapes by their vertices. */
export function annotationBounds(annotation: ImageAnnotation): Bounds {
  switch (annotation.type) {
    case 'box':
      return annotation.vertices
        ? boundsOfPoints(annotation.vertices)
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

interface Member {
  answer: number;
  annotation: ImageAnnotation;
}

/**
 * Groups the answers' annotations into objects: each answer's annotations join the existing group whose first
 * member they resemble most (same label preferred, shape similarity ≥ 0.5, at most one member per answer);
 * the rest start new groups.
 */
function cluster(answers: readonly ImageannotationResponse[]): Member[][] {
  const clusters: Member[][] = [];
  answers.forEach((answer, answerIndex) => {
    const candidates: { a: number; c: number; score: number }[] = [];
    answer.annotations.forEach((annotation, a) => {
      clusters.forEach((members, c) => {
        const first = members[0] as Member;
        const similarity = shapeSimilarity(first.annotation, annotation);
        if (similarity < SHAPE_MATCH_THRESHOLD) return;
        candidates.push({ a, c, score: similarity + (first.annotation.label === annotation.label ? 1 : 0) });
      });
    });
    candidates.sort((x, y) => y.score - x.score || x.a - y.a || x.c - y.c);
    const placed = new Set<number>();
    const filled = new Set<number>();
    for (const { a, c } of candidates) {
      if (placed.has(a) || filled.has(c)) continue;
      placed.add(a);
      filled.add(c);
      clusters[c]?.push({ answer: answerIndex, annotation: answer.annotations[a] as ImageAnnotation });
    }
    answer.annotations.forEach((annotation, a) => {
      if (!placed.has(a)) clusters.push([{ answer: answerIndex, annotation }]);
    });
  });
  return clusters;
}

/** Plurality vote per attribute name; an attribute is kept when more than half of the voters gave it. */
function voteAttributes(
  voters: readonly (Readonly<Record<string, AttributeValue>> | undefined)[],
): Record<string, AttributeValue> {
  const names = [...new Set(voters.flatMap((values) => Object.keys(values ?? {})))];
  const result: Record<string, AttributeValue> = {};
  for (const name of names) {
    const given = voters.flatMap((values) => (values?.[name] === undefined ? [] : [values[name]]));
    if (!isMajority(given.length, voters.length)) continue;
    const winner = given[plurality(given.map(canonicalJson)).index];
    if (winner !== undefined) result[name] = winner;
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
 * Consensus of image annotations. Annotations of different answers are grouped as the same object when their
 * shapes match (IoU of bounding boxes ≥ 0.5, points within 10 px; see {@link shapeSimilarity}); objects drawn
 * in more than half of the answers are kept, in order of first appearance. Each kept object takes the
 * plurality label; unrotated boxes take the lower median of each coordinate and other shapes the medoid
 * member's geometry (over all members, whatever their label); attributes, global attributes and links are decided by plurality (kept when more than
 * half gave them), with uuids and linked attributes remapped to the merged objects. An object whose merged
 * version is invalid falls back to its medoid member's attributes, then to that member as drawn; if the
 * result is still invalid, the medoid answer is returned. Agreement is the mean pairwise F1 score of matched
 * annotations ({@link annotationsF1}).
 */
export function imageannotationConsensus(
  params: ImageannotationParams,
  answers: readonly ImageannotationResponse[],
): ConsensusResult<ImageannotationResponse> {
  requireAnswers(answers);
  const agreement = meanPairwiseSimilarity(answers, annotationsF1);
  const medoidAnswer = answers[medoidIndex(answers, annotationsF1)] as ImageannotationResponse;
  const kept = cluster(answers).filter((members) => isMajority(members.length, answers.length));

  // uuids of the merged objects, and where each answer's uuids now point.
  const taken = new Set<string>();
  const uuids = kept.map((members) => {
    const own = members.flatMap((member) =>
      member.annotation.uuid === undefined ? [] : [member.annotation.uuid],
    );
    if (own.length === 0) return undefined;
    const tally = [...own];
    while (tally.length > 0) {
      const winner = tally[plurality(tally).index] as string;
      if (!taken.has(winner)) {
        taken.add(winner);
        return winner;
      }
      for (let i = tally.length - 1; i >= 0; i -= 1) if (tally[i] === winner) tally.splice(i, 1);
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
  kept.forEach((members, index) => {
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
    const label = (members[plurality(members.map((member) => member.annotation.label)).index] as Member)
      .annotation.label;
    const labelled = members.filter((member) => member.annotation.label === label);
    const central = (group: readonly Member[]) =>
      group[medoidIndex(group, (a, b) => shapeSimilarity(a.annotation, b.annotation))] as Member;
    // Geometry comes from every member (labelers may disagree on the label, not on where the object is);
    // attributes only from members with the winning label, since which attributes apply depends on it.
    const medoid = central(labelled);
    let geometry: ImageAnnotation = { ...central(members).annotation, label } as ImageAnnotation;
    const boxes = members.flatMap((member) => (member.annotation.type === 'box' ? [member.annotation] : []));
    if (
      boxes.length === members.length &&
      boxes.every((box) => box.vertices === undefined && box.rotation === undefined)
    ) {
      geometry = {
        ...geometry,
        left: lowerMedian(boxes.map((box) => box.left)),
        top: lowerMedian(boxes.map((box) => box.top)),
        width: lowerMedian(boxes.map((box) => box.width)),
        height: lowerMedian(boxes.map((box) => box.height)),
      } as ImageAnnotation;
    }
    const mapped = labelled.map((member) => mapAttributes(member.answer, member.annotation.attributes));
    const voted = voteAttributes(mapped);
    const withAttributes =
      Object.keys(voted).length > 0 || isMajority(mapped.filter(Boolean).length, mapped.length);
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
  if (globals.some((values) => values !== undefined)) response.global_attributes = voteAttributes(globals);
  if (answers.some((answer) => answer.links !== undefined)) {
    const votes = new Map<string, { link: Link; count: number }>();
    answers.forEach((answer, index) => {
      const seen = new Set<string>();
      for (const link of answer.links ?? []) {
        const from = remap[index]?.get(link.from);
        const to = remap[index]?.get(link.to);
        if (from === undefined || to === undefined) continue;
        const key = JSON.stringify([link.label, from, to]);
        if (seen.has(key)) continue;
        seen.add(key);
        const entry = votes.get(key) ?? { link: { label: link.label, from, to }, count: 0 };
        entry.count += 1;
        votes.set(key, entry);
      }
    });
    response.links = [...votes.values()]
      .filter((entry) => isMajority(entry.count, answers.length))
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
