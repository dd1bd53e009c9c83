/**
 * YOLO (Ultralytics) datasets, as a directory, read with the domain's `readYoloDataset`: the class names in
 * `classes.txt` or `data.yaml`, one label file per image under `labels/` (`labels/<name>.txt` for
 * `images/<name>.<ext>`, sub-folders such as `train/` allowed). YOLO coordinates are fractions of the image
 * size, so each labelled image's size is needed: from `images.csv` (Groundwork's export) or the image file.
 *
 * The images are those of `images.csv` (in its order), else the image files under `--images` or `images/`.
 * An image without a label file has no annotations (a background image). A label file whose image is not
 * found, whose image size is unknown, or that two images claim is reported and its image left out.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readYoloDataset, yoloClassNames, yoloLabelFiles } from '@groundwork/domain';
import { CliError } from '../errors.ts';
import { readImageList } from './image-list.ts';
import { filesUnder, imageFileSize, listImages, relativePosix } from './images.ts';
import type { AnnotationSet } from './types.ts';

export { yamlNames } from '@groundwork/domain';

/** The text of a file, or undefined when there is none. */
function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/**
 * The paths (relative to `dir`, `/`-separated) where label files may be: every file under `labels/` when
 * the dataset has that folder, else the files at its top.
 */
function labelCandidates(dir: string, labelsFolder: boolean): string[] {
  return filesUnder(labelsFolder ? join(dir, 'labels') : dir, labelsFolder).map((path) =>
    relativePosix(dir, path),
  );
}

/** Reads a YOLO dataset directory (see the module comment). */
export function readYolo(dir: string, options: { imagesDir?: string | undefined } = {}): AnnotationSet {
  if (!statSync(dir).isDirectory()) throw new CliError(`${dir}: a YOLO dataset is a directory`);
  let names: ReturnType<typeof yoloClassNames>;
  try {
    names = yoloClassNames((name) => readIfExists(join(dir, name)));
  } catch (error) {
    throw new CliError(`${dir}/${(error as Error).message}`);
  }
  if (!names) {
    throw new CliError(`${dir}: a YOLO dataset needs classes.txt or data.yaml with the class names`);
  }
  const labelsFolder = existsSync(join(dir, 'labels'));
  const labels = yoloLabelFiles(labelCandidates(dir, labelsFolder), { labelsFolder });
  const roots = [join(dir, 'images'), ...(options.imagesDir ? [options.imagesDir] : [])];
  const local = new Map<string, string>();
  for (const root of roots) {
    for (const [name, path] of listImages(root)) local.set(name, path);
  }
  const read = readYoloDataset({
    classes: names.classes,
    labels,
    readLabel: (file) => readFileSync(join(dir, file), 'utf8'),
    listed: readImageList(join(dir, 'images.csv')),
    local,
    sizeOf: imageFileSize,
    looked: roots,
    hints: {
      withoutFile: 'pass --images with the images',
      lookedIn: `images.csv, ${join(dir, 'images')}${options.imagesDir ? ` and ${options.imagesDir}` : ''}`,
    },
  });
  const files = [
    join(dir, names.file),
    ...[...labels.values()].map((file) => join(dir, file)),
    join(dir, 'images.csv'),
  ].filter((f) => existsSync(f));
  return { ...read, files };
}
