/**
 * Label Studio JSON exports (a list of tasks with `annotations` and `predictions`), read with the domain's
 * `readLabelStudioDataset`. One item per Label Studio task, keyed by its id: its answer is the annotation
 * marked `ground_truth`, else its first annotation, else its first prediction (a task without either has
 * none). Regions keep their Label Studio ids as uuids, and relations become links.
 *
 * The image is `data.image`: a local file with its name (in `--images` or next to the export; Label Studio's
 * upload prefix `1a2b3c4d-` is tried without too), else the URL itself when it is http(s). Region sizes come
 * from the file (`original_width`/`original_height`), else from the local image's header.
 */
import { dirname } from 'node:path';
import { readLabelStudioDataset } from '@groundwork/domain';
import { findImageFile, imageFileSize } from './images.ts';
import { readJsonFile } from './json-file.ts';
import type { AnnotationSet } from './types.ts';

/** Reads a Label Studio JSON export; malformed tasks and results are reported by path and skipped. */
export function readLabelStudio(
  file: string,
  options: { imagesDir?: string | undefined } = {},
): AnnotationSet {
  const dirs = [...(options.imagesDir ? [options.imagesDir] : []), dirname(file)];
  const read = readLabelStudioDataset(readJsonFile(file, 'Label Studio'), {
    find: (name) => findImageFile(name, dirs),
    sizeOf: imageFileSize,
  });
  return { ...read, files: [file] };
}
