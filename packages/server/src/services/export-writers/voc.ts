/**
 * Pascal VOC, as a zip in VOC's layout:
 *
 * - `Annotations/<task id>.xml`: the domain's `vocXml` of each task's boxes (other geometries are not
 *   VOC's), `<filename>` `<task id><ext>`, `<size>` 0 × 0 when the image size is unknown (see `images.ts`);
 * - `ImageSets/Main/default.txt`: every image id (the task id), one per line;
 * - `images.csv`: `image,url,task_id,width,height`, where to fetch each `JPEGImages/<file>` from (the
 *   images themselves are not in the archive).
 */
import { vocXml } from '@groundwork/domain';
import { csvLine } from './csv.ts';
import { imageFileName, imageLookups, imageResponse } from './image-tasks.ts';
import { ChunkBuffer, Spool } from './output.ts';
import type { ExportWriter, WriterContext } from './types.ts';
import { ZipSink } from './zip.ts';

/** Creates the VOC writer. */
export async function createVocWriter(ctx: WriterContext): Promise<ExportWriter<'image'>> {
  const zip = new ZipSink(ctx.out, ctx.asOf, ctx.tmpDir);
  const ids = await Spool.create(ctx.tmpDir, 'voc-ids');
  const sources = await Spool.create(ctx.tmpDir, 'voc-sources').catch(async (error: unknown) => {
    await ids.remove();
    throw error;
  });
  const idText = new ChunkBuffer(ids);
  const sourceText = new ChunkBuffer(sources);
  await sourceText.push(csvLine(['image', 'url', 'task_id', 'width', 'height']));

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
        const fileName = imageFileName(row, info);
        const xml = vocXml({ fileName, width: info.width, height: info.height }, imageResponse(row));
        await zip.file(`Annotations/${row.id}.xml`, xml);
        await idText.push(`${row.id}\n`);
        await sourceText.push(
          csvLine([
            `JPEGImages/${fileName}`,
            row.attachment ?? '',
            row.id,
            String(info.width),
            String(info.height),
          ]),
        );
      }
    },
    async finish() {
      await idText.flush();
      await sourceText.flush();
      await ids.close();
      await zip.stream('ImageSets/Main/default.txt', ids.read(), ctx.checkpoint);
      await sources.close();
      await zip.stream('images.csv', sources.read(), ctx.checkpoint);
      await zip.end();
    },
    async dispose() {
      await Promise.all([ids.remove(), sources.remove(), zip.dispose()]);
    },
  };
}
