/**
 * YOLO (Ultralytics) dataset text formats for image annotation answers: one `.txt` label file per image with
 * one object per line, plus `classes.txt` / `data.yaml` naming the classes.
 *
 * - Detection line: `class cx cy w h` — box center and size, normalized by the image size.
 * - Segmentation line: `class x1 y1 x2 y2 …` — polygon vertices, normalized by the image size.
 *
 * Normalized values are written with 6 decimal places, so an export → import round trip reproduces every
 * coordinate within 1e-6 × the image size along its axis (rounding error ≤ 5e-7 per value; a box edge
 * combines the center's and half the size's: ≤ 7.5e-7). YOLO carries only class and geometry: uuids,
 * attributes, global attributes and links are not exported, and geometry outside the image is clipped to it
 * because YOLO values must lie in [0, 1].
 * @packageDocumentation
 */
import { leafLabels } from '../shared/label-description.ts';
import type { ImageannotationParams } from '../task-types/imageannotation/params.ts';
import type { ImageAnnotation, ImageannotationResponse } from '../task-types/imageannotation/response.ts';

/** The image size and class list a YOLO label file is read or written against. */
export interface YoloImageContext {
  /** Image width in px; must be positive and finite. */
  width: number;
  /** Image height in px; must be positive and finite. */
  height: number;
  /** Class names; a line's class id is the index into this list. */
  classes: readonly string[];
}

/** A problem with one line of a YOLO label file. */
export interface YoloLineProblem {
  /** 1-based line number; 0 for a problem with the whole file (an unusable image size). */
  line: number;
  /** What is wrong, phrased for the person importing the file. */
  message: string;
}

/** What {@link parseYoloLines} recovered from a label file. */
export interface YoloParseResult {
  /** An imageannotation answer with a box per detection line and a polygon per segmentation line. */
  response: ImageannotationResponse;
  /** One entry per malformed line (those lines are skipped). */
  problems: YoloLineProblem[];
}

/** Decimal places of normalized values: 1e-6 relative precision, the usual precision of YOLO tooling. */
const DECIMALS = 6;

/** A plain decimal number (optionally with exponent); rejects what `Number()` also accepts: hex, `Infinity`. */
const DECIMAL_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The YOLO class list of a project: the leaf labels of its box and polygon geometries (the two kinds YOLO
 * can hold), box labels first, each label once. Index i is class id i. Empty when the project has neither
 * geometry.
 */
export function yoloClasses(params: ImageannotationParams): string[] {
  const labels = [
    ...leafLabels(params.geometries.box?.objects_to_annotate ?? []),
    ...leafLabels(params.geometries.polygon?.objects_to_annotate ?? []),
  ];
  return [...new Set(labels)];
}

/**
 * `classes.txt`: one class name per line, newline-terminated. Line breaks inside a name cannot be
 * represented in this format and are replaced by spaces.
 */
export function yoloClassesText(classes: readonly string[]): string {
  return classes.map((name) => `${name.replace(/\r\n|\r|\n/g, ' ')}\n`).join('');
}

/** Reads `classes.txt` back into the class list (blank lines, e.g. a trailing one, are ignored). */
export function parseYoloClassesText(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * Ultralytics `data.yaml`: dataset paths, class count and class names. Written by hand (no YAML library in
 * the domain package); strings are double-quoted YAML scalars, for which JSON string syntax is valid. The
 * validation split defaults to the training one because Ultralytics requires `val`.
 */
export function yoloDataYaml(options: {
  /** Class names in class-id order. */
  classes: readonly string[];
  /** Training images path (relative to the YAML or absolute). */
  trainPath: string;
  /** Validation images path; defaults to `trainPath`. */
  valPath?: string;
}): string {
  const quote = (value: string) => JSON.stringify(value);
  return [
    `train: ${quote(options.trainPath)}`,
    `val: ${quote(options.valPath ?? options.trainPath)}`,
    `nc: ${options.classes.length}`,
    `names: [${options.classes.map(quote).join(', ')}]`,
    '',
  ].join('\n');
}

function usableSize(context: YoloImageContext): boolean {
  const positive = (value: number) => Number.isFinite(value) && value > 0;
  return positive(context.width) && positive(context.height);
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));
const format = (value: number) => clamp01(value).toFixed(DECIMALS);

/**
 * The axis-aligned extent of a box in px: the envelope of its corners when rotated, else left/top/width/height.
 * Shared with the Pascal VOC writer, which likewise has no rotation.
 * @internal
 */
export function boxExtent(box: Extract<ImageAnnotation, { type: 'box' }>) {
  if (box.rotation && box.vertices) {
    const xs = box.vertices.map((v) => v.x);
    const ys = box.vertices.map((v) => v.y);
    return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
  }
  return { x1: box.left, y1: box.top, x2: box.left + box.width, y2: box.top + box.height };
}

/**
 * Detection lines (`class cx cy w h`, 6 decimals) for the answer's boxes, in answer order. A rotated box is
 * written as the axis-aligned envelope of its corners; a box is clipped to the image and omitted when it
 * lies wholly outside it. Other geometries and labels missing from `classes` are omitted (neither happens
 * for box answers of a valid task when `classes` comes from {@link yoloClasses}). An unusable image size
 * (not positive and finite) yields no lines rather than NaN.
 */
export function yoloDetectionLines(response: ImageannotationResponse, context: YoloImageContext): string[] {
  if (!usableSize(context)) return [];
  const { width, height } = context;
  const lines: string[] = [];
  for (const annotation of response.annotations) {
    if (annotation.type !== 'box') continue;
    const id = context.classes.indexOf(annotation.label);
    if (id < 0) continue;
    const extent = boxExtent(annotation);
    if (extent.x1 > width || extent.x2 < 0 || extent.y1 > height || extent.y2 < 0) continue;
    const x1 = clamp01(extent.x1 / width);
    const x2 = clamp01(extent.x2 / width);
    const y1 = clamp01(extent.y1 / height);
    const y2 = clamp01(extent.y2 / height);
    lines.push(
      `${id} ${format((x1 + x2) / 2)} ${format((y1 + y2) / 2)} ${format(x2 - x1)} ${format(y2 - y1)}`,
    );
  }
  return lines;
}

/**
 * Segmentation lines (`class x1 y1 x2 y2 …`, 6 decimals) for the answer's polygons and boxes (a box as its
 * four corners, clockwise from top-left; a rotated box as its `vertices`), in answer order, each vertex
 * clipped to the image. Polygons with fewer than 3 vertices are omitted: YOLO needs at least 3, and a
 * 2-vertex line would read back as a detection box. Other geometries, labels missing from `classes` and
 * unusable image sizes are handled as in {@link yoloDetectionLines}.
 */
export function yoloSegmentationLines(
  response: ImageannotationResponse,
  context: YoloImageContext,
): string[] {
  if (!usableSize(context)) return [];
  const lines: string[] = [];
  for (const annotation of response.annotations) {
    const id = context.classes.indexOf(annotation.label);
    if (id < 0) continue;
    let vertices: readonly { x: number; y: number }[];
    if (annotation.type === 'polygon') vertices = annotation.vertices;
    else if (annotation.type === 'box') {
      const { left, top, width, height } = annotation;
      vertices =
        annotation.rotation && annotation.vertices
          ? annotation.vertices
          : [
              { x: left, y: top },
              { x: left + width, y: top },
              { x: left + width, y: top + height },
              { x: left, y: top + height },
            ];
    } else continue;
    if (vertices.length < 3) continue;
    const coordinates = vertices.map((v) => `${format(v.x / context.width)} ${format(v.y / context.height)}`);
    lines.push(`${id} ${coordinates.join(' ')}`);
  }
  return lines;
}

/** One non-blank line's annotation, or what is wrong with it. */
function readLine(fields: readonly string[], context: YoloImageContext): ImageAnnotation | string {
  const { width, height, classes } = context;
  if (fields.length !== 5 && (fields.length < 7 || fields.length % 2 === 0)) {
    return `expected 5 fields (class cx cy w h) or an odd count ≥ 7 (class x1 y1 x2 y2 x3 y3 …), got ${fields.length}`;
  }
  const [classField = '', ...valueFields] = fields;
  const id = /^\d+$/.test(classField) ? Number(classField) : Number.NaN;
  const label = classes[id];
  if (label === undefined) {
    return Number.isNaN(id)
      ? `class "${classField}" is not a non-negative integer`
      : `class ${id} is out of range (${classes.length} classes)`;
  }
  const values: number[] = [];
  for (const [k, field] of valueFields.entries()) {
    if (!DECIMAL_NUMBER.test(field)) return `value ${k + 1} "${field}" is not a number`;
    const value = Number(field);
    if (value < 0 || value > 1) return `value ${k + 1} (${field}) is outside [0, 1]`;
    values.push(value);
  }
  if (values.length === 4) {
    const [cx = 0, cy = 0, w = 0, h = 0] = values;
    return {
      type: 'box',
      label,
      left: (cx - w / 2) * width,
      top: (cy - h / 2) * height,
      width: w * width,
      height: h * height,
    };
  }
  const vertices = [];
  for (let k = 0; k < values.length; k += 2) {
    vertices.push({ x: (values[k] ?? 0) * width, y: (values[k + 1] ?? 0) * height });
  }
  return { type: 'polygon', label, vertices };
}

/**
 * Reads a YOLO label file: 5 fields make a detection box, 7 or more (an odd count: class plus at least three
 * x y pairs) a polygon. Blank lines are ignored. A line is reported and skipped when its field count fits
 * neither form, its class is not an index into `classes`, or a value is not a number in [0, 1]. Coordinates
 * are scaled back to pixels without rounding. An unusable image size yields no annotations and one problem
 * on line 0. Never throws.
 */
export function parseYoloLines(text: string, context: YoloImageContext): YoloParseResult {
  const annotations: ImageAnnotation[] = [];
  const problems: YoloLineProblem[] = [];
  if (!usableSize(context)) {
    problems.push({ line: 0, message: 'image width and height must be positive numbers' });
    return { response: { annotations }, problems };
  }
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const fields = raw.trim().split(/\s+/);
    if (fields[0] === '') return;
    const read = readLine(fields, context);
    if (typeof read === 'string') problems.push({ line: index + 1, message: read });
    else annotations.push(read);
  });
  return { response: { annotations }, problems };
}
