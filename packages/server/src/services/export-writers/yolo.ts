/**
 * YOLO (Ultralytics) detection or segmentation, as a zip:
 *
 * - `labels/<task id>.txt`: the domain's detection (`class cx cy w h`) or segmentation (`class x1 y1 …`)
 *   lines, normalized by the image size; empty for an image without boxes (a background image);
 * - `images.txt`: the image paths Ultralytics trains on (`./images/<task id><ext>`), as `data.yaml` says;
 * - `images.csv`: `image,url,task_id,width,height` for every task, where to fetch each image from (the
 *   images themselves are not in the archive);
 * - `classes.txt` and `data.yaml`: the class names in class-id order.
 *
 * Coordinates are fractions of the image size, so an image whose size is unknown (see `images.ts`) gets
 * no label file and is not in `images.txt`; `images.csv` lists it with width and height 0. Class ids follow
 * the project's box (and polygon) labels at the export's params version, then labels of tasks with their
 * own label lists, then any other label an answer uses.
 */
import {
  type ImageannotationParams,
  yoloClasses,
  yoloClassesText,
  yoloDataYaml,
  yoloDetectionLines,
  yoloSegmentationLines,
} from '@groundwork/domain';
import { csvLine } from './csv.ts';
import { GrowingLabels, geometriesOf, imageFileName, imageLookups, imageResponse } from './image-tasks.ts';
import { ChunkBuffer, Spool } from './output.ts';
import type { ExportWriter, WriterContext } from './types.ts';
import { ZipSink } from './zip.ts';

/** Which YOLO task. */
export type YoloKind = 'detection' | 'segmentation';

// yoloClasses reads only the geometries of the params.
const classesOf = (geometries: ImageannotationParams['geometries']) =>
  yoloClasses({ geometries } as ImageannotationParams);

/** Creates a YOLO writer of `kind`. */
export async function createYoloWriter(ctx: WriterContext, kind: YoloKind): Promise<ExportWriter<'image'>> {
  const zip = new ZipSink(ctx.out, ctx.asOf, ctx.tmpDir);
  const list = await Spool.create(ctx.tmpDir, 'yolo-images');
  const sources = await Spool.create(ctx.tmpDir, 'yolo-sources').catch(async (error: unknown) => {
    await list.remove();
    throw error;
  });
  const listText = new ChunkBuffer(list);
  const sourceText = new ChunkBuffer(sources);
  await sourceText.push(csvLine(['image', 'url', 'task_id', 'width', 'height']));
  const classes = new GrowingLabels<string>((name) => name);
  const projectGeometries = geometriesOf(ctx.project.params);
  if (projectGeometries) for (const name of classesOf(projectGeometries)) classes.add(name);
  const kinds = kind === 'detection' ? ['box'] : ['box', 'polygon'];
  const linesOf = kind === 'detection' ? yoloDetectionLines : yoloSegmentationLines;

  return {
    shape: 'image',
    prepare: (rows) => imageLookups(ctx, rows),
    async page(rows, { images: infos = new Map() }) {
      for (const row of rows) {
        const info = (row.attachment !== null ? infos.get(row.attachment) : undefined) ?? {
          width: 0,
          height: 0,
          extension: '.jpg',
        };
        const response = imageResponse(row);
        const image = `images/${imageFileName(row, info)}`;
        await sourceText.push(
          csvLine([image, row.attachment ?? '', row.id, String(info.width), String(info.height)]),
        );
        if (!(info.width > 0 && info.height > 0)) continue;
        classes.fromGeometriesText(row.geometries, classesOf);
        for (const annotation of response.annotations) {
          if (kinds.includes(annotation.type)) classes.add(annotation.label);
        }
        const lines = linesOf(response, { width: info.width, height: info.height, classes: classes.items });
        await zip.file(`labels/${row.id}.txt`, lines.length === 0 ? '' : `${lines.join('\n')}\n`);
        await listText.push(`./${image}\n`);
      }
    },
    async finish() {
      await listText.flush();
      await sourceText.flush();
      await list.close();
      await zip.stream('images.txt', list.read(), ctx.checkpoint);
      await sources.close();
      await zip.stream('images.csv', sources.read(), ctx.checkpoint);
      await zip.file('classes.txt', yoloClassesText(classes.items));
      await zip.file('data.yaml', yoloDataYaml({ classes: classes.items, trainPath: 'images.txt' }));
      await zip.end();
    },
    async dispose() {
      await Promise.all([list.remove(), sources.remove(), zip.dispose()]);
    },
  };
}
