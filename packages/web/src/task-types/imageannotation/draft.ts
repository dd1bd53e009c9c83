/**
 * The draft an image annotation editor keeps (plain JSON: the workbench stores it in localStorage) and its
 * conversion to and from the Scale-shaped answer. The draft holds each annotation exactly as the answer
 * carries it, plus what only the editor needs (an id, whether it is a pre-label, hidden, locked), so an
 * untouched pre-label goes back unchanged and passes the server's "must not change" checks.
 */
import {
  type AttributeValue,
  checkResponse,
  type FieldIssue,
  type GeometryKind,
  type ImageAnnotation,
  type ImageannotationParams,
  type ImageannotationResponse,
  imageannotationTaskType,
} from '@groundwork/domain';
import type { DraftCheck } from '../contract.ts';
import { type AttributeDefinitions, appliedAttributes, isBlank } from './attribute-rules.ts';
import { isKnownLabel, labelDisplay, labelOptions } from './labels.ts';

/** One annotation of the draft. */
export interface AnnotationRecord {
  /** Editor-local id, unique in the draft (the uuid when there is one). */
  id: string;
  /** The annotation as the answer carries it (attributes may hold values of attributes that no longer apply). */
  annotation: ImageAnnotation;
  /** It came from `base_annotations` (its permissions follow the `can_*_base_*` params). */
  base?: boolean;
  /** It is a `locked` pre-label: never changed or deleted. */
  baseLocked?: boolean;
  /** Hidden on the canvas (it stays in the answer). */
  hidden?: boolean;
  /** Locked by the labeler against accidental edits (it stays in the answer). */
  locked?: boolean;
}

/** The editor's draft. */
export interface ImageannotationDraft {
  /** The annotations, in drawing order (later ones on top). */
  annotations: AnnotationRecord[];
  /** Per-image attribute values; absent until one is given. */
  global_attributes?: Record<string, AttributeValue>;
  /** Links between annotations, carried through unchanged (this editor does not draw them). */
  links?: NonNullable<ImageannotationResponse['links']>;
}

/** Names of the geometry kinds as people read them. */
export const KIND_NAMES: Record<GeometryKind, string> = {
  box: 'Box',
  polygon: 'Polygon',
  line: 'Line',
  point: 'Point',
  ellipse: 'Ellipse',
  cuboid: 'Cuboid',
};

function uniqueId(wanted: string, taken: Set<string>): string {
  let id = wanted;
  for (let n = 2; taken.has(id); n += 1) id = `${wanted}-${n}`;
  taken.add(id);
  return id;
}

/**
 * The draft itself when `value` looks like one (a draft restored from storage may come from an older
 * version of the editor, or be damaged), otherwise the task's starting draft.
 */
/** A size as shown in a problem: rounded down to a tenth, so a size just under a minimum never reads as it. */
function shownPixels(value: number): number {
  return Math.floor(value * 10) / 10;
}

export function coerceDraft(params: ImageannotationParams, value: unknown): ImageannotationDraft {
  const draft = value as Partial<ImageannotationDraft> | null;
  const valid =
    typeof draft === 'object' &&
    draft !== null &&
    Array.isArray(draft.annotations) &&
    draft.annotations.every(
      (record) =>
        typeof record === 'object' &&
        record !== null &&
        typeof record.id === 'string' &&
        typeof record.annotation === 'object' &&
        record.annotation !== null &&
        typeof record.annotation.type === 'string',
    );
  return valid ? (draft as ImageannotationDraft) : emptyDraft(params);
}

/** The draft a new assignment starts from: the pre-labels, each with its permissions. */
export function emptyDraft(params: ImageannotationParams): ImageannotationDraft {
  const taken = new Set<string>();
  const annotations = (params.base_annotations?.annotations ?? []).map((base, index): AnnotationRecord => {
    const { locked, ...annotation } = base;
    const record: AnnotationRecord = {
      id: uniqueId(annotation.uuid ?? `base-${index + 1}`, taken),
      annotation: annotation as ImageAnnotation,
      base: true,
    };
    if (locked) record.baseLocked = true;
    return record;
  });
  return { annotations };
}

/** A draft holding an answer; annotations whose uuid names a pre-label keep that pre-label's permissions. */
export function draftFromResponse(
  params: ImageannotationParams,
  response: ImageannotationResponse,
): ImageannotationDraft {
  const base = new Map(
    (params.base_annotations?.annotations ?? [])
      .filter((annotation) => annotation.uuid !== undefined)
      .map((annotation) => [annotation.uuid as string, annotation]),
  );
  const taken = new Set<string>();
  const annotations = response.annotations.map((annotation, index): AnnotationRecord => {
    const record: AnnotationRecord = {
      id: uniqueId(annotation.uuid ?? `answer-${index + 1}`, taken),
      annotation,
    };
    const pre = annotation.uuid === undefined ? undefined : base.get(annotation.uuid);
    if (pre) {
      record.base = true;
      if (pre.locked) record.baseLocked = true;
    }
    return record;
  });
  const draft: ImageannotationDraft = { annotations };
  if (response.global_attributes) draft.global_attributes = { ...response.global_attributes };
  if (response.links) draft.links = response.links.map((link) => ({ ...link }));
  return draft;
}

/** How an annotation is named in problems and lists: `Box "car" #3`. */
export function describeAnnotation(
  params: ImageannotationParams,
  annotation: ImageAnnotation,
  index: number,
) {
  const display = labelDisplay(labelOptions(params, annotation.type), annotation.label);
  return `${KIND_NAMES[annotation.type]} "${display}" #${index + 1}`;
}

/** The annotation an answer carries for a record: only the attribute values that apply, blanks dropped. */
export function answerAnnotation(
  definitions: AttributeDefinitions | undefined,
  annotation: ImageAnnotation,
): ImageAnnotation {
  if (annotation.attributes === undefined) return annotation;
  const attributes = appliedAttributes(definitions, annotation);
  return { ...annotation, attributes };
}

function globalValues(
  definitions: AttributeDefinitions | undefined,
  values: Record<string, AttributeValue>,
): Record<string, AttributeValue> {
  const kept: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(values)) {
    if (definitions?.[name]?.global && !isBlank(value)) kept[name] = value;
  }
  return kept;
}

/** The answer a draft makes, before any check. */
export function buildResponse(
  params: ImageannotationParams,
  draft: ImageannotationDraft,
): ImageannotationResponse {
  const definitions = params.annotation_attributes;
  const annotations = draft.annotations.map((record) => answerAnnotation(definitions, record.annotation));
  const response: ImageannotationResponse = { annotations };
  if (draft.global_attributes)
    response.global_attributes = globalValues(definitions, draft.global_attributes);
  if (draft.links) {
    const uuids = new Set(annotations.map((annotation) => annotation.uuid));
    response.links = draft.links.filter((link) => uuids.has(link.from) && uuids.has(link.to));
  }
  return response;
}

/** A problem with the draft, pointing at the annotation to fix when there is one. */
export interface DraftProblem {
  /** What to fix, as the person sees it. */
  message: string;
  /** The record it concerns. */
  recordId?: string;
}

function vertexCount(count: number) {
  return `${count} ${count === 1 ? 'vertex' : 'vertices'}`;
}

/** The editor's own checks, phrased for people; `covered` collects the answer paths they already explain. */
function ownProblems(params: ImageannotationParams, draft: ImageannotationDraft, covered: Set<string>) {
  const problems: DraftProblem[] = [];
  draft.annotations.forEach((record, index) => {
    const { annotation } = record;
    const at = `annotations.${index}`;
    const name = describeAnnotation(params, annotation, index);
    const push = (path: string, message: string) => {
      covered.add(`${at}.${path}`);
      problems.push({ message, recordId: record.id });
    };
    const geometry = params.geometries[annotation.type];
    if (!geometry) {
      push('type', `${name}: this task takes no ${KIND_NAMES[annotation.type].toLowerCase()}s — delete it`);
      return;
    }
    if (!isKnownLabel(params, annotation.type, annotation.label)) {
      push('label', `${name}: unknown label "${annotation.label}" — relabel it`);
    }
    if (annotation.type === 'box' && params.geometries.box) {
      const { min_width, min_height } = params.geometries.box;
      if (annotation.width < min_width) {
        push('width', `${name} is ${shownPixels(annotation.width)} px wide; the minimum is ${min_width} px`);
      }
      if (annotation.height < min_height) {
        push(
          'height',
          `${name} is ${shownPixels(annotation.height)} px high; the minimum is ${min_height} px`,
        );
      }
    }
    if (annotation.type === 'polygon' || annotation.type === 'line') {
      const limits = params.geometries[annotation.type];
      const count = annotation.vertices.length;
      if (limits && count < limits.min_vertices) {
        push('vertices', `${name} has ${vertexCount(count)}; it needs at least ${limits.min_vertices}`);
      } else if (limits && limits.max_vertices !== null && count > limits.max_vertices) {
        push('vertices', `${name} has ${vertexCount(count)}; it may have at most ${limits.max_vertices}`);
      }
    }
  });
  return problems;
}

/** A domain issue phrased for people: `Box "car" #3: attribute "occluded" is required`. */
function describeIssue(
  params: ImageannotationParams,
  draft: ImageannotationDraft,
  issue: FieldIssue,
): DraftProblem {
  const parts = issue.path.split('.');
  if (parts[0] === 'annotations' && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
    const index = Number(parts[1]);
    const record = draft.annotations[index];
    if (record) {
      const name = describeAnnotation(params, record.annotation, index);
      const rest = parts.slice(2);
      const subject = rest[0] === 'attributes' && rest[1] ? `attribute "${rest[1]}"` : rest.join('.');
      return { message: `${name}: ${subject ? `${subject} ` : ''}${issue.message}`, recordId: record.id };
    }
  }
  if (parts[0] === 'global_attributes' && parts[1]) {
    return { message: `Image attribute "${parts[1]}" ${issue.message}` };
  }
  return { message: issue.path ? `${issue.path}: ${issue.message}` : issue.message };
}

/** Every problem that stops the draft being submitted: the editor's own and the server's (`checkResponse`). */
export function draftProblems(
  params: ImageannotationParams,
  draft: ImageannotationDraft,
): { response: ImageannotationResponse; problems: DraftProblem[] } {
  const covered = new Set<string>();
  const problems = ownProblems(params, draft, covered);
  const response = buildResponse(params, draft);
  const checked = checkResponse(imageannotationTaskType, params, response);
  if (!checked.ok) {
    for (const issue of checked.issues) {
      if (!covered.has(issue.path)) problems.push(describeIssue(params, draft, issue));
    }
  }
  return { response: checked.ok ? checked.response : response, problems };
}

/** The answer of a draft, or the problems to fix first. */
export function toResponse(
  params: ImageannotationParams,
  draft: ImageannotationDraft,
): DraftCheck<ImageannotationResponse> {
  const { response, problems } = draftProblems(params, draft);
  if (problems.length > 0) return { ok: false, problems: problems.map((problem) => problem.message) };
  return { ok: true, response };
}
