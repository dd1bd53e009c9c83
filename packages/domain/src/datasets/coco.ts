/**
 * COCO object-detection export and import of imageannotation answers (https://cocodataset.org/#format-data).
 *
 * Export is built for streaming: {@link cocoWriter} turns image records, then annotation records, into
 * string chunks, so a server can pipe millions of rows through it with constant memory. Everything COCO
 * cannot say (uuid, attributes, rotation, ellipses, cuboids, global attributes, links) travels in extra
 * fields (`attributes`, `groundwork`, `groundwork_task_id`) that COCO tools ignore, so that
 * export → {@link parseCoco} gives back the same answers.
 */

import * as z from 'zod';
import { type FieldIssue, fieldIssue } from '../issues.ts';
import { polygonArea } from '../quality/geometry/polygon.ts';
import { boundsOfPoints, type Point } from '../shared/geometry.ts';
import type { LabelOption } from '../shared/label-description.ts';
import { attributeValueSchema } from '../task-types/imageannotation/attributes.ts';
import { annotationBounds, boxCorners } from '../task-types/imageannotation/consensus.ts';
import { GEOMETRY_KINDS, type ImageannotationParams } from '../task-types/imageannotation/params.ts';
import {
  type ImageAnnotation,
  type ImageannotationResponse,
  imageAnnotationSchema,
  imageLinkSchema,
} from '../task-types/imageannotation/response.ts';

/** A COCO category: one per project label. */
export interface CocoCategory {
  /** 1-based id, stable for a given label order. */
  id: number;
  /** The label as stored in answers. */
  name: string;
  /** The parent group of a nested label; a top-level label is its own supercategory (as COCO's `person`). */
  supercategory: string;
}

/** The optional `info` block of a COCO file. */
export interface CocoInfo {
  /** Dataset description. */
  description?: string;
  /** Dataset URL. */
  url?: string;
  /** Dataset version. */
  version?: string;
  /** Year of the dataset. */
  year?: number;
  /** Who made it. */
  contributor?: string;
  /** Creation date, `YYYY/MM/DD` in COCO's own files. */
  date_created?: string;
}

/** One COCO license entry. */
export interface CocoLicense {
  /** License id, referenced by images. */
  id: number;
  /** License name. */
  name: string;
  /** License URL. */
  url?: string;
}

/** Answer-level data of a task that COCO has no place for, stored on its image record. */
export interface CocoImageExtra {
  /** The answer's per-image attributes. */
  global_attributes?: ImageannotationResponse['global_attributes'];
  /** The answer's links between annotations. */
  links?: ImageannotationResponse['links'];
}

/** A COCO image record: one per exported task. */
export interface CocoImage {
  /** Image id, referenced by annotations. */
  id: number;
  /** File name (or URL) of the image. */
  file_name: string;
  /** Width in pixels; 0 when unknown. */
  width: number;
  /** Height in pixels; 0 when unknown. */
  height: number;
  /** The Groundwork task the image belongs to (extra field). */
  groundwork_task_id: string;
  /** Global attributes and links of the answer (extra field, present only when the answer has them). */
  groundwork?: CocoImageExtra;
}

/** Geometry COCO cannot express exactly, kept so that import restores the original shape. */
export type CocoShape =
  | { left: number; top: number; width: number; height: number; rotation?: number; vertices?: Point[] }
  | { vertices: Point[] }
  | Omit<Extract<ImageAnnotation, { type: 'cuboid' }>, 'type' | 'label' | 'uuid' | 'attributes'>;

/** Groundwork's extra data on a COCO annotation. */
export interface CocoAnnotationExtra {
  /** The original geometry kind. */
  type: ImageAnnotation['type'];
  /** The annotation's stable id, when it has one. */
  uuid?: string;
  /** The exact shape, for rotated boxes, ellipses and cuboids. */
  shape?: CocoShape;
}

/** A COCO annotation record. */
export interface CocoAnnotation {
  /** Annotation id, unique in the file. */
  id: number;
  /** The image it belongs to. */
  image_id: number;
  /** Its label's category. */
  category_id: number;
  /** Bounding box `[x, y, width, height]` in pixels. */
  bbox: [number, number, number, number];
  /** Area in square pixels (0 for points and lines). */
  area: number;
  /** Polygons as flat `[x1, y1, x2, y2, …]` lists; absent for points and lines. */
  segmentation?: number[][];
  /** Keypoints as `[x, y, visibility]` triples (visibility 2 = labeled and visible). */
  keypoints?: number[];
  /** Number of labeled keypoints. */
  num_keypoints?: number;
  /** Always 0: every annotation is one instance. */
  iscrowd: 0 | 1;
  /** The annotation's attribute values (extra field, present when the answer had them). */
  attributes?: Record<string, z.output<typeof attributeValueSchema>>;
  /** Kind, uuid and exact shape (extra field). */
  groundwork: CocoAnnotationExtra;
}

/**
 * COCO categories for a project's labels: every leaf label of every geometry, in geometry order then label
 * order, deduplicated by name (a label used by boxes and polygons is one category), ids from 1. A nested
 * label's supercategory is the group it sits in.
 */
export function cocoCategories(params: Pick<ImageannotationParams, 'geometries'>): CocoCategory[] {
  const categories: CocoCategory[] = [];
  const seen = new Set<string>();
  const visit = (option: LabelOption, parent: string | undefined) => {
    if (typeof option !== 'string' && option.subchoices && option.subchoices.length > 0) {
      for (const child of option.subchoices) visit(child, option.choice);
      return;
    }
    const name = typeof option === 'string' ? option : option.choice;
    if (seen.has(name)) return;
    seen.add(name);
    categories.push({ id: categories.length + 1, name, supercategory: parent ?? name });
  };
  for (const kind of GEOMETRY_KINDS) {
    for (const option of params.geometries[kind]?.objects_to_annotate ?? []) visit(option, undefined);
  }
  return categories;
}

/**
 * The COCO image record of one task. Unknown sizes are written as 0 (COCO requires the fields); the answer's
 * global attributes and links, when given and present, ride along in `groundwork`.
 */
export function cocoImage(props: {
  id: number;
  fileName: string;
  width?: number | undefined;
  height?: number | undefined;
  taskId: string;
  response?: ImageannotationResponse | undefined;
}): CocoImage {
  const extra: CocoImageExtra = {};
  if (props.response?.global_attributes) extra.global_attributes = props.response.global_attributes;
  if (props.response?.links) extra.links = props.response.links;
  return {
    id: props.id,
    file_name: props.fileName,
    width: props.width ?? 0,
    height: props.height ?? 0,
    groundwork_task_id: props.taskId,
    ...(Object.keys(extra).length > 0 ? { groundwork: extra } : {}),
  };
}

const categoryIndexes = new WeakMap<readonly CocoCategory[], Map<string, number>>();

function categoryId(categories: readonly CocoCategory[], label: string): number {
  let index = categoryIndexes.get(categories);
  if (!index) {
    index = new Map(categories.map((category) => [category.name, category.id]));
    categoryIndexes.set(categories, index);
  }
  const id = index.get(label);
  if (id === undefined) {
    throw new Error(
      `label "${label}" has no COCO category; the categories must come from the project's labels`,
    );
  }
  return id;
}

const flat = (points: readonly Point[]) => points.flatMap(({ x, y }) => [x, y]);
const keypointsOf = (points: readonly Point[]) => points.flatMap(({ x, y }) => [x, y, 2]);

/** Area of an ellipse given by its four extremal points: π times the two semi-axes. */
function ellipseArea(vertices: readonly Point[]): number {
  const [a, b, c, d] = vertices as [Point, Point, Point, Point];
  return (Math.PI * Math.hypot(a.x - c.x, a.y - c.y) * Math.hypot(b.x - d.x, b.y - d.y)) / 4;
}

/**
 * The COCO annotation records of one task's answer, numbered `nextId`, `nextId + 1`, … in answer order.
 * Boxes give `bbox` (and, when rotated, the bounding box and `segmentation` of their corners); polygons
 * `segmentation`, `bbox` and shoelace `area`; points `keypoints [x, y, 2]` and a zero-size `bbox`; lines
 * the keypoints of their vertices and no segmentation; ellipses and cuboids their bounding box. Throws when
 * a label has no category (the answer does not belong to the project the categories came from).
 */
export function cocoAnnotations(
  response: ImageannotationResponse,
  props: { imageId: number; nextId: number; categories: readonly CocoCategory[] },
): CocoAnnotation[] {
  return response.annotations.map((annotation, index) => {
    // annotationBounds ignores a rotation given without vertices; the corners account for it.
    const bounds =
      annotation.type === 'box' && annotation.rotation !== undefined
        ? boundsOfPoints(boxCorners(annotation))
        : annotationBounds(annotation);
    const bbox: CocoAnnotation['bbox'] = [
      bounds.minX,
      bounds.minY,
      bounds.maxX - bounds.minX,
      bounds.maxY - bounds.minY,
    ];
    const groundwork: CocoAnnotationExtra = {
      type: annotation.type,
      ...(annotation.uuid !== undefined ? { uuid: annotation.uuid } : {}),
    };
    let geometry: Pick<CocoAnnotation, 'bbox' | 'area' | 'segmentation' | 'keypoints' | 'num_keypoints'>;
    switch (annotation.type) {
      case 'box': {
        const { left, top, width, height, rotation, vertices } = annotation;
        if (rotation === undefined && vertices === undefined) {
          geometry = { bbox: [left, top, width, height], area: width * height };
        } else {
          groundwork.shape = {
            left,
            top,
            width,
            height,
            ...(rotation !== undefined ? { rotation } : {}),
            ...(vertices !== undefined ? { vertices } : {}),
          };
          geometry = { bbox, area: width * height, segmentation: [flat(boxCorners(annotation))] };
        }
        break;
      }
      case 'polygon':
        geometry = {
          bbox,
          area: polygonArea(annotation.vertices),
          segmentation: [flat(annotation.vertices)],
        };
        break;
      case 'point':
        geometry = { bbox, area: 0, keypoints: [annotation.x, annotation.y, 2], num_keypoints: 1 };
        break;
      case 'line':
        geometry = {
          bbox,
          area: 0,
          keypoints: keypointsOf(annotation.vertices),
          num_keypoints: annotation.vertices.length,
        };
        break;
      case 'ellipse':
        groundwork.shape = { vertices: annotation.vertices };
        geometry = { bbox, area: ellipseArea(annotation.vertices) };
        break;
      case 'cuboid': {
        const { type: _type, label: _label, uuid: _uuid, attributes: _attributes, ...shape } = annotation;
        groundwork.shape = shape;
        geometry = { bbox, area: bbox[2] * bbox[3] };
        break;
      }
    }
    return {
      id: props.nextId + index,
      image_id: props.imageId,
      category_id: categoryId(props.categories, annotation.label),
      ...geometry,
      iscrowd: 0,
      ...(annotation.attributes !== undefined ? { attributes: annotation.attributes } : {}),
      groundwork,
    };
  });
}

/**
 * The opening chunk of a COCO file, up to the start of the image list:
 * `{"info":…,"licenses":…,"categories":[…],"images":[`. Categories are small, so they are written whole.
 */
export function cocoHeader(props: {
  info?: CocoInfo | undefined;
  licenses?: readonly CocoLicense[] | undefined;
  categories: readonly CocoCategory[];
}): string {
  return `{"info":${JSON.stringify(props.info ?? {})},"licenses":${JSON.stringify(props.licenses ?? [])},"categories":${JSON.stringify(props.categories)},"images":[`;
}

/** An incremental COCO writer: each call returns the next chunk of the file. */
export interface CocoWriter {
  /** The chunk for one image; all images must come before the first annotation. */
  image(record: CocoImage): string;
  /** The chunk for one annotation (closing the image list on the first call). */
  annotation(record: CocoAnnotation): string;
  /** The final chunk; afterwards the writer accepts nothing. */
  end(): string;
}

/**
 * A writer producing a COCO file chunk by chunk, holding nothing but its position: the concatenation of
 * its chunks is valid JSON equal to the whole object, also with no images or annotations. The header is
 * emitted with the first chunk. Throws on an image after an annotation or on any call after `end`.
 */
export function cocoWriter(header: Parameters<typeof cocoHeader>[0]): CocoWriter {
  let state: 'fresh' | 'images' | 'annotations' | 'ended' = 'fresh';
  let first = true;
  const opening = () => (state === 'fresh' ? cocoHeader(header) : '');
  const ensureOpen = (what: string) => {
    if (state === 'ended') throw new Error(`cannot write ${what}: the COCO writer has ended`);
  };
  return {
    image(record) {
      ensureOpen('an image');
      if (state === 'annotations') throw new Error('cannot write an image after the first annotation');
      const chunk = `${opening()}${first ? '' : ','}${JSON.stringify(record)}`;
      state = 'images';
      first = false;
      return chunk;
    },
    annotation(record) {
      ensureOpen('an annotation');
      let prefix = ',';
      if (state !== 'annotations') {
        prefix = `${opening()}],"annotations":[`;
        state = 'annotations';
      }
      return `${prefix}${JSON.stringify(record)}`;
    },
    end() {
      ensureOpen('the end');
      const chunk = state === 'annotations' ? ']}' : `${opening()}],"annotations":[]}`;
      state = 'ended';
      return chunk;
    },
  };
}

/**
 * Streams a whole COCO file: the header, every image, then every annotation, then the end, as string
 * chunks. Accepts sync or async sources (e.g. database cursors), so memory stays bounded by one record.
 */
export async function* cocoChunks(
  header: Parameters<typeof cocoHeader>[0],
  images: Iterable<CocoImage> | AsyncIterable<CocoImage>,
  annotations: Iterable<CocoAnnotation> | AsyncIterable<CocoAnnotation>,
): AsyncGenerator<string> {
  const writer = cocoWriter(header);
  for await (const image of images) yield writer.image(image);
  for await (const annotation of annotations) yield writer.annotation(annotation);
  yield writer.end();
}

/** One image of an imported COCO file with the answer rebuilt from its annotations. */
export interface CocoImportedImage {
  /** The image's COCO id. */
  imageId: number;
  /** The Groundwork task it was exported from, if it carries `groundwork_task_id`. */
  taskId: string | undefined;
  /** Its `file_name`. */
  fileName: string;
  /** Width in px (0 when unknown). */
  width: number;
  /** Height in px (0 when unknown). */
  height: number;
  /** The answer rebuilt from the image's well-formed annotations. */
  response: ImageannotationResponse;
}

/** Result of {@link parseCoco}: the images in file order, and what could not be read. */
export interface CocoImport {
  /** Every well-formed image, in file order. */
  images: CocoImportedImage[];
  /** Malformed entries, by path (`annotations.3.bbox`); the rest of the file is still imported. */
  problems: FieldIssue[];
}

const finite = z.number().refine(Number.isFinite, 'must be finite');
const importedImageSchema = z.looseObject({
  id: z.number(),
  file_name: z.string(),
  width: finite.optional(),
  height: finite.optional(),
  groundwork_task_id: z.union([z.string(), z.number()]).optional(),
  groundwork: z
    .looseObject({
      global_attributes: z.record(z.string(), attributeValueSchema).optional(),
      links: z.array(imageLinkSchema).optional(),
    })
    .optional(),
});

const importedAnnotationSchema = z.looseObject({
  id: z.number().optional(),
  image_id: z.number(),
  category_id: z.number(),
  bbox: z.tuple([finite, finite, finite, finite]).optional(),
  segmentation: z.unknown().optional(),
  keypoints: z.array(finite).optional(),
  attributes: z.record(z.string(), attributeValueSchema).optional(),
  groundwork: z
    .looseObject({
      type: z.enum(['box', 'polygon', 'line', 'point', 'ellipse', 'cuboid']),
      uuid: z.string().optional(),
      shape: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
});

const importedCategorySchema = z.looseObject({ id: z.number(), name: z.string().min(1) });

type ImportedAnnotation = z.output<typeof importedAnnotationSchema>;

function pairs(flatList: readonly number[]): Point[] {
  const points: Point[] = [];
  for (let i = 0; i + 1 < flatList.length; i += 2)
    points.push({ x: flatList[i] ?? 0, y: flatList[i + 1] ?? 0 });
  return points;
}

/** Labeled keypoints (visibility > 0) of a flat `[x, y, v, …]` list. */
function labeledKeypoints(keypoints: readonly number[]): Point[] {
  const points: Point[] = [];
  for (let i = 0; i + 2 < keypoints.length; i += 3) {
    if ((keypoints[i + 2] ?? 0) > 0) points.push({ x: keypoints[i] ?? 0, y: keypoints[i + 1] ?? 0 });
  }
  return points;
}

/** The shapes one COCO annotation stands for (several for foreign multi-part polygons or keypoint sets). */
function shapesOf(entry: ImportedAnnotation): unknown[] | string {
  const kind = entry.groundwork?.type;
  const shape = entry.groundwork?.shape;
  const polygons =
    entry.segmentation === undefined ? undefined : z.array(z.array(finite)).safeParse(entry.segmentation);
  if (kind === 'box' || (kind === undefined && !entry.keypoints && !polygons)) {
    if (shape) return [{ type: 'box', ...shape }];
    if (!entry.bbox) return 'needs a bbox [x, y, width, height]';
    const [left, top, width, height] = entry.bbox;
    return [{ type: 'box', left, top, width, height }];
  }
  if (kind === 'ellipse' || kind === 'cuboid') {
    if (!shape) return `a Groundwork ${kind} needs its groundwork.shape`;
    return [{ type: kind, ...shape }];
  }
  if (kind === 'line' || kind === 'point' || (kind === undefined && entry.keypoints)) {
    if (!entry.keypoints) return 'needs keypoints [x, y, visibility, …]';
    const points = labeledKeypoints(entry.keypoints);
    if (points.length === 0) return 'has no labeled keypoint';
    if (kind === 'line') return [{ type: 'line', vertices: points }];
    return points.map((point) => ({ type: 'point', ...point }));
  }
  if (!polygons?.success)
    return 'segmentation must be a list of polygons [[x1, y1, …]] (RLE is not supported)';
  if (polygons.data.length === 0) return 'segmentation has no polygon';
  if (polygons.data.some((polygon) => polygon.length % 2 !== 0))
    return 'a polygon has an odd number of coordinates';
  return polygons.data.map((polygon) => ({ type: 'polygon', vertices: pairs(polygon) }));
}

/**
 * Reads a COCO file (already parsed from JSON) into one imageannotation answer per image, never throwing:
 * malformed images, categories and annotations are skipped and reported by path. Groundwork's own exports
 * come back exactly (kind, uuid, attributes, rotation, shapes, global attributes and links); foreign files
 * are read as bbox → box, polygon segmentation → one polygon per part, keypoints → one point per labeled
 * keypoint. Images keep file order; an image without annotations gets an empty answer.
 */
export function parseCoco(json: unknown): CocoImport {
  const problems: FieldIssue[] = [];
  const root = z
    .looseObject({
      images: z.array(z.unknown()),
      annotations: z.array(z.unknown()),
      categories: z.array(z.unknown()),
    })
    .safeParse(json);
  if (!root.success) {
    return {
      images: [],
      problems: [fieldIssue([], 'a COCO file needs "images", "annotations" and "categories" lists')],
    };
  }
  const labels = new Map<number, string>();
  root.data.categories.forEach((raw, index) => {
    const category = importedCategorySchema.safeParse(raw);
    if (!category.success) problems.push(fieldIssue(['categories', index], 'needs a numeric id and a name'));
    else labels.set(category.data.id, category.data.name);
  });
  const images: CocoImportedImage[] = [];
  const byId = new Map<number, CocoImportedImage>();
  root.data.images.forEach((raw, index) => {
    const image = importedImageSchema.safeParse(raw);
    if (!image.success) {
      problems.push(fieldIssue(['images', index], 'needs a numeric id and a file_name'));
      return;
    }
    const { id, file_name, width, height, groundwork_task_id, groundwork } = image.data;
    if (byId.has(id)) {
      problems.push(fieldIssue(['images', index, 'id'], `image id ${id} appears more than once`));
      return;
    }
    const response: ImageannotationResponse = { annotations: [] };
    if (groundwork?.global_attributes) response.global_attributes = groundwork.global_attributes;
    if (groundwork?.links) response.links = groundwork.links;
    const imported: CocoImportedImage = {
      imageId: id,
      taskId: groundwork_task_id === undefined ? undefined : String(groundwork_task_id),
      fileName: file_name,
      width: width ?? 0,
      height: height ?? 0,
      response,
    };
    images.push(imported);
    byId.set(id, imported);
  });
  root.data.annotations.forEach((raw, index) => {
    const parsed = importedAnnotationSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push(
        fieldIssue(['annotations', index, ...(issue?.path ?? [])], issue?.message ?? 'malformed'),
      );
      return;
    }
    const entry = parsed.data;
    const image = byId.get(entry.image_id);
    if (!image) {
      problems.push(fieldIssue(['annotations', index, 'image_id'], `no image has id ${entry.image_id}`));
      return;
    }
    const label = labels.get(entry.category_id);
    if (label === undefined) {
      problems.push(
        fieldIssue(['annotations', index, 'category_id'], `no category has id ${entry.category_id}`),
      );
      return;
    }
    const shapes = shapesOf(entry);
    if (typeof shapes === 'string') {
      problems.push(fieldIssue(['annotations', index], shapes));
      return;
    }
    const common = {
      label,
      ...(entry.groundwork?.uuid !== undefined ? { uuid: entry.groundwork.uuid } : {}),
      ...(entry.attributes !== undefined ? { attributes: entry.attributes } : {}),
    };
    const rebuilt: ImageAnnotation[] = [];
    for (const shape of shapes) {
      const annotation = imageAnnotationSchema.safeParse({ ...(shape as object), ...common });
      if (!annotation.success) {
        const issue = annotation.error.issues[0];
        problems.push(
          fieldIssue(
            ['annotations', index],
            `not a valid ${(shape as { type: string }).type}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
          ),
        );
        return;
      }
      rebuilt.push(annotation.data);
    }
    image.response.annotations.push(...rebuilt);
  });
  return { images, problems };
}
