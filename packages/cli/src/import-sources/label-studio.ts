/**
 * Label Studio JSON exports (a list of tasks with `annotations` and `predictions`), read with the domain's
 * `parseLabelStudio`. One item per Label Studio task, keyed by its id: its answer is the annotation marked
 * `ground_truth`, else its first annotation, else its first prediction (a task without either has none).
 * Regions keep their Label Studio ids as uuids, and relations become links.
 *
 * The image is `data.image`: a local file with its name (in `--images` or next to the export; Label Studio's
 * upload prefix `1a2b3c4d-` is tried without too), else the URL itself when it is http(s). Region sizes come
 * from the file (`original_width`/`original_height`), else from the local image's header.
 */
import { basename, dirname } from 'node:path';
import { type LabelStudioItem, type LabelStudioTask, parseLabelStudio } from '@groundwork/domain';
import { findImageFile, imageFileSize, imageSource } from './images.ts';
import { readJsonFile } from './json-file.ts';
import type { AnnotationSet, ImageItem, ImageSource } from './types.ts';

const UPLOAD_PREFIX = /^[0-9a-f]{8}-/;

function nameOf(url: string): string {
  const path = url.replace(/[?#].*$/, '');
  let name = basename(path);
  try {
    name = decodeURIComponent(name);
  } catch {
    // A name with a stray % is used as written.
  }
  return name;
}

function sourceOf(url: string | undefined, dirs: readonly string[]): ImageSource {
  if (!url) return { kind: 'missing', name: '(no image in data)', looked: [] };
  const name = nameOf(url);
  const local = findImageFile(name, dirs) ?? findImageFile(name.replace(UPLOAD_PREFIX, ''), dirs);
  if (local) return { kind: 'file', path: local };
  return imageSource(url, []);
}

/** The item a task is imported with (see the module comment). */
function chosen(items: readonly LabelStudioItem[]): LabelStudioItem | undefined {
  const annotations = items.filter((item) => item.source === 'annotation');
  return (
    annotations.find((item) => item.groundTruth) ??
    annotations[0] ??
    items.find((item) => item.source === 'prediction')
  );
}

/** Reads a Label Studio JSON export; malformed tasks and results are reported by path and skipped. */
export function readLabelStudio(
  file: string,
  options: { imagesDir?: string | undefined } = {},
): AnnotationSet {
  const dirs = [...(options.imagesDir ? [options.imagesDir] : []), dirname(file)];
  const sources = new Map<string, ImageSource>();
  const source = (task: LabelStudioTask) => {
    let found = sources.get(task.key);
    if (!found) {
      found = sourceOf(task.imageUrl, dirs);
      sources.set(task.key, found);
    }
    return found;
  };
  const parsed = parseLabelStudio(readJsonFile(file, 'Label Studio'), {
    sizeOf: (task) => {
      const image = source(task);
      return image.kind === 'file' ? imageFileSize(image.path) : undefined;
    },
  });
  const byTask = new Map<string, LabelStudioItem[]>();
  for (const item of parsed.items) byTask.set(item.key, [...(byTask.get(item.key) ?? []), item]);
  const items: ImageItem[] = parsed.tasks.map((task) => {
    const item = chosen(byTask.get(task.key) ?? []);
    return {
      key: task.key,
      image: source(task),
      response: item
        ? { annotations: item.annotations, ...(item.links.length > 0 ? { links: item.links } : {}) }
        : { annotations: [] },
    };
  });
  return {
    items,
    problems: parsed.problems.map((problem) => ({ path: problem.path, message: problem.message })),
    files: [file],
  };
}
