/**
 * COCO files (one JSON object with `images`, `annotations`, `categories`) read with the domain's
 * `parseCoco`: one item per image, its annotations rebuilt as an imageannotation answer. The image is the
 * local file named by `file_name` when there is one (in `--images`, next to the file, or in an `images`
 * folder there), else `coco_url` (a Groundwork export's attachment) or a `file_name` that is a URL.
 */
import { dirname, join } from 'node:path';
import { parseCoco } from '@groundwork/domain';
import { imageSource } from './images.ts';
import { readJsonFile } from './json-file.ts';
import type { AnnotationSet } from './types.ts';

/** Reads a COCO file; malformed images, categories and annotations are reported by path and skipped. */
export function readCoco(file: string, options: { imagesDir?: string | undefined } = {}): AnnotationSet {
  const json = readJsonFile(file, 'COCO');
  const parsed = parseCoco(json);
  const urls = new Map<number, string[]>();
  const images = (json as { images?: unknown }).images;
  if (Array.isArray(images)) {
    for (const image of images) {
      if (typeof image !== 'object' || image === null) continue;
      const { id, coco_url: cocoUrl, flickr_url: flickrUrl } = image as Record<string, unknown>;
      if (typeof id !== 'number') continue;
      urls.set(
        id,
        [cocoUrl, flickrUrl].filter((url): url is string => typeof url === 'string' && url !== ''),
      );
    }
  }
  const dirs = [
    ...(options.imagesDir ? [options.imagesDir] : []),
    dirname(file),
    join(dirname(file), 'images'),
  ];
  return {
    items: parsed.images.map((image) => ({
      key: image.fileName,
      image: imageSource(image.fileName, dirs, urls.get(image.imageId) ?? []),
      response: image.response,
    })),
    problems: parsed.problems.map((problem) => ({ path: problem.path, message: problem.message })),
    files: [file],
  };
}
