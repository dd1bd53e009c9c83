/**
 * COCO files (one JSON object with `images`, `annotations`, `categories`) read with the domain's
 * `readCocoDataset`: one item per image, its annotations rebuilt as an imageannotation answer. The image is
 * the local file named by `file_name` when there is one (in `--images`, next to the file, or in an `images`
 * folder there), else `coco_url` (a Groundwork export's attachment) or a `file_name` that is a URL.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readCocoDataset } from '@groundwork/domain';
import { findImageFile } from './images.ts';
import { readJsonFile } from './json-file.ts';
import type { AnnotationSet } from './types.ts';

/** Reads a COCO file; malformed images, categories and annotations are reported by path and skipped. */
export function readCoco(file: string, options: { imagesDir?: string | undefined } = {}): AnnotationSet {
  const dirs = [
    ...(options.imagesDir ? [options.imagesDir] : []),
    dirname(file),
    join(dirname(file), 'images'),
  ];
  const read = readCocoDataset(readJsonFile(file, 'COCO'), {
    find: (name) => findImageFile(name, dirs),
    looked: dirs.filter((dir) => existsSync(dir)),
  });
  return { ...read, files: [file] };
}
