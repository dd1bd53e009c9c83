/**
 * Import of Label Studio JSON exports (and Label Studio task files with predictions) as image annotation
 * answers, for pre-labels or gold (https://labelstud.io/guide/export#Label-Studio-JSON-format-of-annotated-tasks).
 *
 * A Label Studio file is a list of tasks `{id, data, annotations: [{result: […]}], predictions: [{result: […]}]}`
 * (a single task object is accepted too; `completions` is the pre-1.0 name of `annotations`). Every
 * annotation and every prediction becomes one {@link LabelStudioItem}. Region values are percentages of the
 * image (`original_width` × `original_height` in px), converted to Groundwork's image pixels:
 *
 * - `rectanglelabels` → box. Label Studio places a rotated rectangle by the corner that is top-left before
 *   rotation and turns it clockwise by `rotation` degrees about that corner; Groundwork turns a box about its
 *   centre, so the centre is recomputed and the box gets `rotation` (radians) and its four corners.
 * - `polygonlabels` → polygon; `keypointlabels` → point (the point's display size is dropped).
 * - `ellipselabels` → ellipse (centre, radii, clockwise rotation → the four ends of its axes, top, right,
 *   bottom, left before rotation).
 * - `labels` with a shape in its value, and unlabeled shapes whose labels come in a result with the same
 *   `id`, are read the same way.
 * - `choices`, `textarea`, `number` and `rating` results that share a region's `id` (per-region controls)
 *   become the region's attributes, keyed by the control's `from_name`; other `choices` are the item's
 *   categories (a categorization label).
 * - `relation` → a link between the two regions (labeled by its first label, `related` when it has none;
 *   `direction: "left"` reverses it, `"bi"` gives both directions). A region's `id` becomes its `uuid`.
 *
 * Cancelled (skipped) annotations are left out. Nothing throws: malformed tasks, annotations and results are
 * skipped and reported by their path in the file (`0.annotations.1.result.3.value.x`).
 * @packageDocumentation
 */
import * as z from 'zod';
import { type FieldIssue, fieldIssue } from '../issues.ts';
import type { Point } from '../shared/geometry.ts';
import type { AttributeValue } from '../task-types/imageannotation/attributes.ts';
import { boxCorners } from '../task-types/imageannotation/consensus.ts';
import {
  type ImageAnnotation,
  imageAnnotationSchema,
  type imageLinkSchema,
} from '../task-types/imageannotation/response.ts';

/** A link between two annotations, by their uuids. */
type ImageLink = z.output<typeof imageLinkSchema>;

/** One Label Studio task: its id, its data and the image it shows. */
export interface LabelStudioTask {
  /** How to refer to the task: its Label Studio id, else its image URL, else `index:<n>` (0-based). */
  key: string;
  /** The Label Studio task id, as a string; null when the task has none. */
  taskId: string | null;
  /** The image the regions are drawn on (`data.image`, or the data field the regions point at). */
  imageUrl: string | undefined;
  /** The task's `data` object, unchanged (`{}` when absent). */
  data: Record<string, unknown>;
}

/** One annotation or prediction of a Label Studio task, as an image annotation answer. */
export interface LabelStudioItem extends LabelStudioTask {
  /** Whether it is a person's annotation or a model's prediction. */
  source: 'annotation' | 'prediction';
  /** The annotation's or prediction's Label Studio id, as a string; null when absent. */
  sourceId: string | null;
  /** Who made the annotation (`completed_by`: a user id or email); null for predictions or when absent. */
  annotator: string | null;
  /** Label Studio's `ground_truth` flag: the annotation was marked as the reference answer. */
  groundTruth: boolean;
  /** The prediction's score; null when absent. */
  score: number | null;
  /** The prediction's `model_version`; null when absent. */
  modelVersion: string | null;
  /** Image width in px the regions were converted with; null when the item has no region. */
  width: number | null;
  /** Image height in px the regions were converted with; null when the item has no region. */
  height: number | null;
  /** The regions, in image pixels, in file order. */
  annotations: ImageAnnotation[];
  /** Relations between the regions. */
  links: ImageLink[];
  /** Choices not tied to a region (a categorization label), in file order, each once. */
  categories: string[];
}

/** What {@link parseLabelStudio} recovered. */
export interface LabelStudioImport {
  /** Every well-formed task, in file order, also those without annotations or predictions. */
  tasks: LabelStudioTask[];
  /** One entry per annotation and prediction, in file order (a task's annotations before its predictions). */
  items: LabelStudioItem[];
  /** What could not be read, by path in the file; everything else is still imported. */
  problems: FieldIssue[];
}

/** Options of {@link parseLabelStudio}. */
export interface LabelStudioOptions {
  /**
   * The size in px of a task's image, for results without `original_width`/`original_height` (hand-written
   * prediction files often lack them). Sizes in the file win.
   */
  sizeOf?: (task: LabelStudioTask) => { width: number; height: number } | undefined;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
const isPositive = (value: unknown): value is number => isFiniteNumber(value) && value > 0;
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** A Label Studio id (number or non-empty string) as a string. */
function idOf(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (isFiniteNumber(value)) return String(value);
  return null;
}

const IMAGE_FILE = /\.(jpe?g|png|gif|bmp|webp|tiff?|avif|heic)(\?.*)?$/i;

/** The image URL of a task: `data.image`, the field a region's `to_name` names, or the first image-like string. */
function imageUrlOf(data: Json, annotationSets: readonly unknown[]): string | undefined {
  if (typeof data.image === 'string') return data.image;
  for (const set of annotationSets) {
    const results = isObject(set) && Array.isArray(set.result) ? set.result : [];
    for (const result of results) {
      if (!isObject(result)) continue;
      const field = typeof result.to_name === 'string' ? data[result.to_name] : undefined;
      if (typeof field === 'string') return field;
    }
  }
  for (const value of Object.values(data)) {
    if (typeof value === 'string' && IMAGE_FILE.test(value)) return value;
  }
  return undefined;
}

const REGION_TYPES: Record<string, RegionKind> = {
  rectanglelabels: 'box',
  rectangle: 'box',
  polygonlabels: 'polygon',
  polygon: 'polygon',
  keypointlabels: 'point',
  keypoint: 'point',
  ellipselabels: 'ellipse',
  ellipse: 'ellipse',
};

type RegionKind = 'box' | 'polygon' | 'point' | 'ellipse';

const LABEL_KEYS = ['rectanglelabels', 'polygonlabels', 'keypointlabels', 'ellipselabels', 'labels'];

/** The labels a result value carries, from whichever `*labels` key it has. */
function labelsOf(value: Json): string[] | undefined {
  for (const key of LABEL_KEYS) {
    const labels = value[key];
    if (isStringList(labels) && labels.length > 0) return labels;
  }
  return undefined;
}

/** The shape a result stands for: by its type, or for `labels` results by the keys of its value. */
function regionKind(type: string, value: Json): RegionKind | undefined {
  const known = REGION_TYPES[type];
  if (known) return known;
  if (type !== 'labels') return undefined;
  if (Array.isArray(value.points)) return 'polygon';
  if ('radiusX' in value || 'radiusY' in value) return 'ellipse';
  if ('width' in value && 'height' in value) return 'box';
  if ('x' in value && 'y' in value) return 'point';
  return undefined;
}

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Turns `(dx, dy)` clockwise (image y points down) by `angle` radians. */
function turn(dx: number, dy: number, angle: number): Point {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return { x: dx * cos - dy * sin, y: dx * sin + dy * cos };
}

interface Size {
  width: number;
  height: number;
}

/** The geometry of an annotation without its label, uuid and attributes (one member per kind). */
type Geometry = {
  [K in ImageAnnotation['type']]: Omit<
    Extract<ImageAnnotation, { type: K }>,
    'label' | 'uuid' | 'attributes'
  >;
}[ImageAnnotation['type']];

/** A geometry, or what is wrong with the value. */
type Shape = Geometry | string;

/** The pixel geometry of one region value, or what is wrong with it. */
function shapeOf(kind: RegionKind, value: Json, size: Size): Shape {
  const px = (percent: number) => (percent * size.width) / 100;
  const py = (percent: number) => (percent * size.height) / 100;
  const numbers = (...keys: string[]) => {
    const missing = keys.find((key) => !isFiniteNumber(value[key]));
    return missing === undefined ? undefined : `value.${missing} must be a number`;
  };
  // Only boxes and ellipses turn; a rotation on other shapes is ignored.
  const rotation = value.rotation === undefined || value.rotation === null ? 0 : value.rotation;
  if ((kind === 'box' || kind === 'ellipse') && !isFiniteNumber(rotation))
    return 'value.rotation must be a number of degrees';
  switch (kind) {
    case 'box': {
      const problem = numbers('x', 'y', 'width', 'height');
      if (problem) return problem;
      const x = px(value.x as number);
      const y = py(value.y as number);
      const width = px(value.width as number);
      const height = py(value.height as number);
      if (width < 0 || height < 0) return 'value.width and value.height must not be negative';
      if (rotation === 0) return { type: 'box', left: x, top: y, width, height };
      // (x, y) is the pivot corner; the centre sits half a diagonal away, turned with the box.
      const angle = toRadians(rotation as number);
      const half = turn(width / 2, height / 2, angle);
      const left = x + half.x - width / 2;
      const top = y + half.y - height / 2;
      const box = { type: 'box' as const, label: '', left, top, width, height, rotation: angle };
      return { type: 'box', left, top, width, height, rotation: angle, vertices: boxCorners(box) };
    }
    case 'polygon': {
      const points = value.points;
      if (!Array.isArray(points) || points.length === 0) return 'value.points must list [x, y] points';
      const vertices: Point[] = [];
      for (const [index, point] of points.entries()) {
        if (
          !Array.isArray(point) ||
          point.length < 2 ||
          !isFiniteNumber(point[0]) ||
          !isFiniteNumber(point[1])
        )
          return `value.points.${index} must be [x, y]`;
        vertices.push({ x: px(point[0]), y: py(point[1]) });
      }
      return { type: 'polygon', vertices };
    }
    case 'point': {
      const problem = numbers('x', 'y');
      if (problem) return problem;
      return { type: 'point', x: px(value.x as number), y: py(value.y as number) };
    }
    case 'ellipse': {
      const problem = numbers('x', 'y', 'radiusX', 'radiusY');
      if (problem) return problem;
      const rx = px(value.radiusX as number);
      const ry = py(value.radiusY as number);
      if (rx < 0 || ry < 0) return 'value.radiusX and value.radiusY must not be negative';
      const cx = px(value.x as number);
      const cy = py(value.y as number);
      const angle = toRadians(rotation as number);
      const at = (dx: number, dy: number) => {
        const offset = turn(dx, dy, angle);
        return { x: cx + offset.x, y: cy + offset.y };
      };
      return { type: 'ellipse', vertices: [at(0, -ry), at(rx, 0), at(0, ry), at(-rx, 0)] };
    }
  }
}

/** A per-region control's value as an attribute value; undefined when the result holds none. */
function attributeValueOf(type: string, value: Json): AttributeValue | undefined {
  const oneOrMany = (list: unknown) =>
    isStringList(list) && list.length > 0 ? (list.length === 1 ? list[0] : list) : undefined;
  switch (type) {
    case 'choices':
      return oneOrMany(value.choices);
    case 'textarea':
      return oneOrMany(value.text);
    case 'number':
      return isFiniteNumber(value.number) ? value.number : undefined;
    case 'rating':
      return isFiniteNumber(value.rating) ? value.rating : undefined;
    default:
      return undefined;
  }
}

const ATTRIBUTE_TYPES = new Set(['choices', 'textarea', 'number', 'rating']);

interface Region {
  path: PropertyKey[];
  uuid: string | undefined;
  kind: RegionKind;
  value: Json;
  size: Size | undefined;
  labels: string[] | undefined;
  attributes: Record<string, AttributeValue>;
}

interface ResultContext {
  task: LabelStudioTask;
  options: LabelStudioOptions;
  problems: FieldIssue[];
}

/** Reads one annotation's or prediction's `result` list into regions, links and categories. */
function readResults(
  results: readonly unknown[],
  path: PropertyKey[],
  context: ResultContext,
): Pick<LabelStudioItem, 'annotations' | 'links' | 'categories' | 'width' | 'height'> {
  const { problems } = context;
  const regions: Region[] = [];
  const byId = new Map<string, Region>();
  const labelsById = new Map<string, string[]>();
  const later: { index: number; result: Json }[] = [];
  const categories: string[] = [];
  // Shapes first (a control may come before the region it belongs to); labels-only results by id.
  results.forEach((raw, index) => {
    const at = [...path, index];
    if (!isObject(raw) || typeof raw.type !== 'string') {
      problems.push(fieldIssue(at, 'a result needs a "type" and a "value"'));
      return;
    }
    if (raw.type === 'relation') {
      later.push({ index, result: raw });
      return;
    }
    if (!isObject(raw.value)) {
      problems.push(fieldIssue([...at, 'value'], 'must be an object'));
      return;
    }
    const id = idOf(raw.id) ?? undefined;
    const kind = regionKind(raw.type, raw.value);
    if (kind === undefined) {
      if (raw.type === 'labels' && id !== undefined) {
        const labels = labelsOf(raw.value);
        if (labels && !labelsById.has(id)) labelsById.set(id, labels);
      } else later.push({ index, result: raw });
      return;
    }
    if (id !== undefined && byId.has(id)) {
      // A second result for the same region (e.g. its labels from a separate control).
      const region = byId.get(id) as Region;
      region.labels ??= labelsOf(raw.value);
      return;
    }
    if (raw.image_rotation !== undefined && raw.image_rotation !== null && raw.image_rotation !== 0) {
      problems.push(
        fieldIssue([...at, 'image_rotation'], 'regions drawn on a rotated image are not supported'),
      );
      return;
    }
    const size =
      isPositive(raw.original_width) && isPositive(raw.original_height)
        ? { width: raw.original_width, height: raw.original_height }
        : context.options.sizeOf?.(context.task);
    const region: Region = {
      path: at,
      uuid: id,
      kind,
      value: raw.value,
      size: size && isPositive(size.width) && isPositive(size.height) ? size : undefined,
      labels: labelsOf(raw.value),
      attributes: {},
    };
    regions.push(region);
    if (id !== undefined) byId.set(id, region);
  });
  for (const { index, result } of later) {
    const at = [...path, index];
    const type = result.type as string;
    if (type === 'relation') continue;
    const value = result.value as Json;
    const region = byId.get(idOf(result.id) ?? '');
    if (region && ATTRIBUTE_TYPES.has(type)) {
      const attribute = attributeValueOf(type, value);
      const name = typeof result.from_name === 'string' && result.from_name !== '' ? result.from_name : type;
      if (attribute !== undefined) region.attributes[name] = attribute;
      continue;
    }
    if (type === 'choices') {
      if (!isStringList(value.choices)) {
        problems.push(fieldIssue([...at, 'value', 'choices'], 'must be a list of strings'));
        continue;
      }
      for (const choice of value.choices) if (!categories.includes(choice)) categories.push(choice);
      continue;
    }
    problems.push(
      fieldIssue(
        [...at, 'type'],
        `"${type}" results are not imported (only rectangles, polygons, keypoints, ellipses, choices, relations and per-region controls)`,
      ),
    );
  }
  const annotations: ImageAnnotation[] = [];
  const imported = new Set<string>();
  let size: Size | undefined;
  for (const region of regions) {
    const labels = region.labels ?? (region.uuid === undefined ? undefined : labelsById.get(region.uuid));
    const label = labels?.[0];
    if (label === undefined || label === '') {
      problems.push(fieldIssue([...region.path, 'value'], 'the region has no label'));
      continue;
    }
    if (!region.size) {
      problems.push(
        fieldIssue(
          region.path,
          'needs original_width and original_height (the image size in px) to convert its percentages',
        ),
      );
      continue;
    }
    const shape = shapeOf(region.kind, region.value, region.size);
    if (typeof shape === 'string') {
      problems.push(fieldIssue(region.path, shape));
      continue;
    }
    const candidate = {
      ...shape,
      label,
      ...(region.uuid !== undefined ? { uuid: region.uuid } : {}),
      ...(Object.keys(region.attributes).length > 0 ? { attributes: region.attributes } : {}),
    };
    const parsed = imageAnnotationSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push(
        fieldIssue(
          region.path,
          `not a valid ${shape.type}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
        ),
      );
      continue;
    }
    if (labels && labels.length > 1) {
      problems.push(
        fieldIssue(
          [...region.path, 'value'],
          `has ${labels.length} labels; only the first, "${label}", was kept`,
        ),
      );
    }
    annotations.push(parsed.data);
    if (region.uuid !== undefined) imported.add(region.uuid);
    size ??= region.size;
  }
  const links: ImageLink[] = [];
  for (const { index, result } of later) {
    if (result.type !== 'relation') continue;
    const at = [...path, index];
    const from = idOf(result.from_id);
    const to = idOf(result.to_id);
    if (from === null || to === null) {
      problems.push(fieldIssue(at, 'a relation needs from_id and to_id'));
      continue;
    }
    if (!imported.has(from) || !imported.has(to)) {
      problems.push(fieldIssue(at, `relates regions that were not imported ("${from}" → "${to}")`));
      continue;
    }
    const labels = isStringList(result.labels) && result.labels.length > 0 ? result.labels : ['related'];
    for (const label of labels) {
      if (label === '') continue;
      if (result.direction !== 'left') links.push({ label, from, to });
      if (result.direction === 'left' || result.direction === 'bi') links.push({ label, from: to, to: from });
    }
  }
  return { annotations, links, categories, width: size?.width ?? null, height: size?.height ?? null };
}

/** `completed_by` as a string: a user id, or the email/id of an expanded user object. */
function annotatorOf(value: unknown): string | null {
  if (isObject(value)) return idOf(value.email) ?? idOf(value.id);
  return idOf(value);
}

const rootSchema = z.union([z.array(z.unknown()), z.looseObject({})]);

/**
 * Reads a Label Studio JSON export (already parsed from JSON) into tasks and one image annotation answer per
 * annotation and prediction, never throwing. See the module comment for how each result type is read.
 */
export function parseLabelStudio(json: unknown, options: LabelStudioOptions = {}): LabelStudioImport {
  const tasks: LabelStudioTask[] = [];
  const items: LabelStudioItem[] = [];
  const problems: FieldIssue[] = [];
  const root = rootSchema.safeParse(json);
  if (!root.success) {
    return { tasks, items, problems: [fieldIssue([], 'a Label Studio export is a list of tasks')] };
  }
  const list = Array.isArray(root.data) ? root.data : [root.data];
  const prefix = (index: number): PropertyKey[] => (Array.isArray(root.data) ? [index] : []);
  list.forEach((raw, index) => {
    const at = prefix(index);
    if (
      !isObject(raw) ||
      !('data' in raw || 'annotations' in raw || 'predictions' in raw || 'completions' in raw)
    ) {
      problems.push(
        fieldIssue(
          at,
          'a Label Studio task needs "data" and "annotations" or "predictions" (export as "JSON", not "JSON-MIN")',
        ),
      );
      return;
    }
    if (raw.data !== undefined && !isObject(raw.data)) {
      problems.push(fieldIssue([...at, 'data'], 'must be an object'));
      return;
    }
    const data = (raw.data as Json | undefined) ?? {};
    const sets: { key: 'annotations' | 'completions' | 'predictions'; source: LabelStudioItem['source'] }[] =
      [
        { key: 'annotations', source: 'annotation' },
        { key: 'completions', source: 'annotation' },
        { key: 'predictions', source: 'prediction' },
      ];
    const lists = sets.map(({ key }) => {
      const value = raw[key];
      if (value === undefined || value === null) return [];
      if (!Array.isArray(value)) {
        problems.push(fieldIssue([...at, key], 'must be a list'));
        return [];
      }
      return value;
    });
    const taskId = idOf(raw.id);
    const imageUrl = imageUrlOf(data, lists.flat());
    const task: LabelStudioTask = { key: taskId ?? imageUrl ?? `index:${index}`, taskId, imageUrl, data };
    tasks.push(task);
    sets.forEach(({ key, source }, which) => {
      (lists[which] ?? []).forEach((entry, entryIndex) => {
        const entryPath = [...at, key, entryIndex];
        if (!isObject(entry) || !Array.isArray(entry.result)) {
          problems.push(fieldIssue(entryPath, 'needs a "result" list'));
          return;
        }
        if (entry.was_cancelled === true) return;
        const read = readResults(entry.result, [...entryPath, 'result'], { task, options, problems });
        items.push({
          ...task,
          source,
          sourceId: idOf(entry.id),
          annotator: source === 'annotation' ? annotatorOf(entry.completed_by) : null,
          groundTruth: entry.ground_truth === true,
          score: isFiniteNumber(entry.score) ? entry.score : null,
          modelVersion: idOf(entry.model_version),
          ...read,
        });
      });
    });
  });
  return { tasks, items, problems };
}
