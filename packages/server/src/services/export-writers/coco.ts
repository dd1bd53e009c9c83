/**
 * COCO: one JSON object `{info, licenses, annotations, images, categories}` of the domain's records
 * (`cocoImage`, `cocoAnnotations`, `cocoCategories`). The annotations, nine tenths of the file, stream
 * straight into it as the tasks are read; the image list (a record per task) waits in a spool; the
 * categories, known only once every task was read (a task may carry labels of its own), come last, as in
 * COCO's own files. JSON objects are unordered and COCO readers (pycocotools, detectron2, mmdetection,
 * FiftyOne, the domain's `parseCoco`) load the whole object, so the order of the three lists is free; this
 * one keeps memory and temporary disk to the image list.
 *
 * Each task is one image (`id` 1, 2, … in task order; `file_name` `<task id><extension>`, `coco_url` the
 * attachment, `groundwork_task_id`), with width and height from {@link ImageResolver} (0 when unknown).
 * Annotation ids run from 1 across the file.
 */
import {
  type CocoCategory,
  type CocoImage,
  type CocoInfo,
  cocoAnnotations,
  cocoCategories,
  cocoImage,
  type ImageannotationResponse,
} from '@groundwork/domain';
import type { ImageTaskRow } from '../../repositories/exports.ts';
import { GrowingLabels, geometriesOf, imageFileName, imageLookups, imageResponse } from './image-tasks.ts';
import type { ImageInfo } from './images.ts';
import { ChunkBuffer, drainSpool, Spool } from './output.ts';
import { ExportDataError, type ExportWriter, type WriterContext } from './types.ts';

type Category = Omit<CocoCategory, 'id'>;

/** The facts of a task without an attachment. */
const UNKNOWN_IMAGE: ImageInfo = { width: 0, height: 0, extension: '.jpg' };

const labelsOfGeometries = (geometries: Parameters<typeof cocoCategories>[0]['geometries']): Category[] =>
  cocoCategories({ geometries }).map(({ name, supercategory }) => ({ name, supercategory }));

/** The `info` block: the project, its params version and the export's time (nothing that changes on a repeat). */
export function cocoInfo(ctx: Pick<WriterContext, 'project' | 'asOf'>): CocoInfo {
  const date = ctx.asOf.toISOString().slice(0, 10).replaceAll('-', '/');
  return {
    description: ctx.project.name,
    version: String(ctx.project.paramsVersion),
    year: ctx.asOf.getUTCFullYear(),
    contributor: 'Groundwork',
    date_created: date,
  };
}

/** Creates the COCO writer (its spool is created in the context's temporary directory). */
export async function createCocoWriter(ctx: WriterContext): Promise<ExportWriter<'image'>> {
  const images = await Spool.create(ctx.tmpDir, 'coco-images');
  const imageText = new ChunkBuffer(images);
  const annotationText = new ChunkBuffer(ctx.out);
  await annotationText.push(`{"info":${JSON.stringify(cocoInfo(ctx))},"licenses":[],"annotations":[`);
  const labels = new GrowingLabels<Category>((c) => c.name);
  const projectGeometries = geometriesOf(ctx.project.params);
  if (projectGeometries) for (const category of labelsOfGeometries(projectGeometries)) labels.add(category);
  let categories: CocoCategory[] = [];
  let categoriesVersion = -1;
  let imageId = 0;
  let nextAnnotationId = 1;

  const currentCategories = (): CocoCategory[] => {
    if (categoriesVersion !== labels.version) {
      // A new array: cocoAnnotations indexes categories per array.
      categories = labels.items.map((c, index) => ({ id: index + 1, ...c }));
      categoriesVersion = labels.version;
    }
    return categories;
  };

  let categoryIndex = new Map<string, number>();
  let categoryIndexVersion = -1;
  const currentIndex = (): Map<string, number> => {
    if (categoryIndexVersion !== labels.version) {
      categoryIndex = new Map(labels.items.map((c, index) => [c.name, index + 1]));
      categoryIndexVersion = labels.version;
    }
    return categoryIndex;
  };

  /** Writes a task's image and annotations; returns a promise only when a buffer had to be handed on. */
  const writeTask = (row: ImageTaskRow, info: ImageInfo): Promise<void> | undefined => {
    const response = imageResponse(row);
    labels.fromGeometriesText(row.geometries, labelsOfGeometries);
    imageId++;
    const image = { id: imageId, fileName: imageFileName(row, info), width: info.width, height: info.height };
    const imagePushed = imageText.push(
      `${imageId === 1 ? '' : ','}${cocoImageText({ ...image, taskId: row.id, response, url: row.attachment })}`,
    );
    const count = response.annotations.length;
    if (count === 0) return imagePushed;
    let text = cocoBoxesText(response, { imageId, nextId: nextAnnotationId, categoryIds: currentIndex() });
    if (text === undefined) {
      for (const annotation of response.annotations) {
        if (!labels.has(annotation.label))
          labels.add({ name: annotation.label, supercategory: annotation.label });
      }
      try {
        const records = cocoAnnotations(response, {
          imageId,
          nextId: nextAnnotationId,
          categories: currentCategories(),
        });
        // One stringify per task: the array's items joined by commas, as the file lists them.
        text = JSON.stringify(records).slice(1, -1);
      } catch (error) {
        throw new ExportDataError(`task ${row.id}: ${(error as Error).message}`);
      }
    }
    const annotationsPushed = annotationText.push(nextAnnotationId === 1 ? text : `,${text}`);
    nextAnnotationId += count;
    if (imagePushed && annotationsPushed) return Promise.all([imagePushed, annotationsPushed]).then(() => {});
    return imagePushed ?? annotationsPushed;
  };

  return {
    shape: 'image',
    prepare: (rows) => imageLookups(ctx, rows),
    async page(rows, { images: infos = new Map() }) {
      for (const row of rows) {
        const info = (row.attachment !== null ? infos.get(row.attachment) : undefined) ?? UNKNOWN_IMAGE;
        const pushed = writeTask(row, info);
        if (pushed) await pushed;
      }
    },
    async finish() {
      await annotationText.push('],"images":[');
      await annotationText.flush();
      await imageText.flush();
      await drainSpool(images, ctx.out, ctx.checkpoint);
      await ctx.out.write(`],"categories":${JSON.stringify(currentCategories())}}`);
    },
    async dispose() {
      await images.remove();
    },
  };
}

/**
 * The COCO annotation records of an answer made only of axis-aligned boxes (no rotation, no vertices) with
 * known labels and finite coordinates, as the text `JSON.stringify(cocoAnnotations(…))` gives without its
 * brackets, written directly (no record objects, no generic stringify): the common case of detection
 * exports, several times faster. Undefined for any other answer, which takes the domain's path. The
 * equality of both is a property test (coco.test.ts).
 */
export function cocoBoxesText(
  response: ImageannotationResponse,
  props: { imageId: number; nextId: number; categoryIds: ReadonlyMap<string, number> },
): string | undefined {
  let text = '';
  let id = props.nextId;
  for (const annotation of response.annotations) {
    if (annotation.type !== 'box' || annotation.rotation !== undefined || annotation.vertices !== undefined) {
      return undefined;
    }
    const category = props.categoryIds.get(annotation.label);
    const { left, top, width, height } = annotation;
    const area = width * height;
    if (
      category === undefined ||
      !Number.isFinite(left) ||
      !Number.isFinite(top) ||
      !Number.isFinite(width) ||
      !Number.isFinite(height) ||
      !Number.isFinite(area)
    ) {
      return undefined;
    }
    // JSON writes a finite number exactly as String does (-0 as 0 in both).
    text += `${id === props.nextId ? '' : ','}{"id":${id},"image_id":${props.imageId},"category_id":${category},"bbox":[${left},${top},${width},${height}],"area":${area},"iscrowd":0,${
      annotation.attributes !== undefined ? `"attributes":${JSON.stringify(annotation.attributes)},` : ''
    }"groundwork":{"type":"box"${annotation.uuid !== undefined ? `,"uuid":${JSON.stringify(annotation.uuid)}` : ''}}}`;
    id++;
  }
  return text;
}

/**
 * The COCO image record of a task as JSON text: `cocoImage`'s record plus `coco_url` (the attachment).
 * An answer without global attributes or links, the common case, is written directly; others through the
 * domain's record and `JSON.stringify`. Both give the same text (a property test, coco.test.ts).
 */
export function cocoImageText(props: {
  id: number;
  fileName: string;
  width: number;
  height: number;
  taskId: string;
  response: ImageannotationResponse;
  url: string | null;
}): string {
  const url = props.url !== null ? `,"coco_url":${JSON.stringify(props.url)}` : '';
  const plain =
    props.response.global_attributes === undefined &&
    props.response.links === undefined &&
    Number.isFinite(props.width) &&
    Number.isFinite(props.height);
  if (plain) {
    return `{"id":${props.id},"file_name":${JSON.stringify(props.fileName)},"width":${props.width},"height":${props.height},"groundwork_task_id":${JSON.stringify(props.taskId)}${url}}`;
  }
  const record: CocoImage & { coco_url?: string } = cocoImage(props);
  if (props.url !== null) record.coco_url = props.url;
  return JSON.stringify(record);
}
