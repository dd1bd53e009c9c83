/**
 * How labeled datasets are laid out when they are imported — COCO, YOLO, Pascal VOC and Label Studio — shared
 * by `groundwork import` (which reads the files with node:fs) and the console's dataset import (which reads
 * the files a person picked in the browser), so that both find the same images, read the same answers,
 * report the same problems and give each image's task the same `unique_id`.
 *
 * Everything here works on an in-memory view of the input: paths relative to the dataset's folder with `/`
 * separators, the texts of its annotation files (passed in, or read through a callback), and callbacks that
 * find a local image file by name and tell an image's size. The callers decide where files live; this
 * module decides which file means what.
 *
 * - COCO: one item per image (`file_name`); a local file by that name, else `coco_url`/`flickr_url`, else
 *   the name itself when it is a URL.
 * - YOLO: class names from `classes.txt`, else `data.yaml` (`data.yml`, `dataset.yaml`); label files under
 *   `labels/` (any depth) or, without that folder, at the top; images from `images.csv` (Groundwork's export)
 *   in its order, else the local image files in path order. A label file belongs to the image with the same
 *   path (`images/train/a.jpg` ↔ `labels/train/a.txt`), else to one with the same base name; never to two
 *   images (see {@link matchYoloLabels}).
 * - Pascal VOC: one XML file per image, in `Annotations/` or at the top; the image is `<filename>`, else
 *   the XML file's name with `.jpg`.
 * - Label Studio: one item per task, keyed by its id; the answer is the `ground_truth` annotation, else the
 *   first annotation, else the first prediction.
 * @packageDocumentation
 */
import { parse as parseCsv } from 'csv-parse/browser/esm/sync';
import { parse as parseYaml } from 'yaml';
import type { ImageannotationResponse } from '../task-types/imageannotation/response.ts';
import { parseCoco } from './coco.ts';
import { sha256Hex } from './import-layout-sha256.ts';
import { type LabelStudioItem, type LabelStudioTask, parseLabelStudio } from './label-studio.ts';
import { parseVoc } from './voc.ts';
import { parseYoloClassesText, parseYoloLines } from './yolo.ts';

/** The labeled-dataset formats both the CLI and the console import. */
export const DATASET_IMPORT_FORMATS = ['coco', 'yolo', 'voc', 'labelstudio'] as const;

/** A labeled-dataset format both the CLI and the console import (the first part of a task's unique_id). */
export type DatasetImportFormat = (typeof DATASET_IMPORT_FORMATS)[number];

/** An image's size in pixels, as it is shown (upright). */
export interface ImageSize {
  /** Width in px. */
  width: number;
  /** Height in px. */
  height: number;
}

/**
 * Where an image comes from: a reference the server takes as an attachment as it is (an http(s) URL or
 * `groundwork://files/<id>`), a local file to upload (by the caller's path), or nothing found (with the
 * places looked at, for the problem the import reports).
 */
export type DatasetImageSource =
  | { kind: 'reference'; url: string }
  | { kind: 'file'; path: string }
  | { kind: 'missing'; name: string; looked: string[] };

/** One image of a dataset with the answer read for it. */
export interface DatasetImageItem {
  /**
   * Names the image in reports and in its task's unique_id: the image's file name (COCO `file_name`, the
   * YOLO image's path under `images/`, VOC `<filename>`), or a Label Studio task's id.
   */
  key: string;
  /** The image. */
  image: DatasetImageSource;
  /** Its annotations (and, where the format has them, global attributes and links). */
  response: ImageannotationResponse;
}

/** A problem met while reading a dataset; what is known of where it is. */
export interface DatasetReadProblem {
  /** The file it is in, when the dataset has several (a YOLO label file, a VOC XML file). */
  file?: string;
  /** 1-based line in that file (YOLO labels). */
  line?: number;
  /** The image it concerns (a {@link DatasetImageItem} key). */
  item?: string;
  /** The field at fault (`annotations.3.bbox`, `object.0.bndbox.xmin`); `""` for the whole file or line. */
  path: string;
  /** What is wrong. */
  message: string;
}

/** A dataset read whole: its images in order, and what could not be read (the rest is still imported). */
export interface DatasetRead {
  /** The images, in the dataset's order. */
  items: DatasetImageItem[];
  /** Problems found while reading. */
  problems: DatasetReadProblem[];
}

/** Finds the local file of an image name (the caller's path), or undefined when there is none. */
export type ImageFinder = (name: string) => string | undefined;

// ---- paths (always `/`-separated, relative to the dataset's folder)

/** The last segment of a `/`-separated path (`train/a.jpg` → `a.jpg`). */
export function pathBaseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The extension of a path's last segment with its dot, as Node's `extname` (`a.tar.gz` → `.gz`, `.hidden` → ``). */
export function pathExtension(path: string): string {
  const base = pathBaseName(path);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot);
}

/** A path without the extension of its last segment (`train/a.jpg` → `train/a`). */
export function pathStem(path: string): string {
  return path.slice(0, path.length - pathExtension(path).length);
}

// ---- images

/** Whether a name is a reference the server takes as an attachment as it is: http(s) or `groundwork://files/`. */
export function isImageReference(name: string): boolean {
  return /^https?:\/\//i.test(name) || name.startsWith('groundwork://files/');
}

/**
 * Where an image comes from: the local file `find` gives for its name (uploading it is what makes a round
 * trip work across servers), else the first reference among the name and `references` (an exported file's
 * URL), else missing — with `looked`, the places searched.
 */
export function resolveImage(
  name: string,
  references: readonly string[],
  find: ImageFinder,
  looked: readonly string[],
): DatasetImageSource {
  const local = name === '' || isImageReference(name) ? undefined : find(name);
  if (local !== undefined) return { kind: 'file', path: local };
  const reference = [name, ...references].find(
    (candidate) => candidate !== '' && isImageReference(candidate),
  );
  if (reference) return { kind: 'reference', url: reference };
  return { kind: 'missing', name, looked: [...looked] };
}

/**
 * The upright size of an image from its header's size and EXIF orientation: orientations 5–8 turn the image
 * a quarter, so width and height swap (the editor and the exports show images upright). Undefined when a
 * side is missing, not finite or not positive.
 */
export function uprightImageSize(header: {
  width?: number | undefined;
  height?: number | undefined;
  orientation?: number | undefined;
}): ImageSize | undefined {
  const { width, height, orientation } = header;
  const usable = (side: number | undefined): side is number =>
    typeof side === 'number' && Number.isFinite(side) && side > 0;
  if (!usable(width) || !usable(height)) return undefined;
  const turned = orientation !== undefined && orientation >= 5 && orientation <= 8;
  return turned ? { width: height, height: width } : { width, height };
}

// ---- images.csv (the image list of Groundwork's YOLO and VOC exports)

/** One row of `images.csv`: `image,url,task_id,width,height`, one per exported task. */
export interface ListedImage {
  /** The image's path in the archive, e.g. `images/abc.jpg`. */
  image: string;
  /** Where to fetch it (the task's attachment: a URL or `groundwork://files/<id>`); may be empty. */
  url: string;
  /** Width in px; 0 when unknown. */
  width: number;
  /** Height in px; 0 when unknown. */
  height: number;
}

/** The records of a small CSV text (a file list), each as its cells (csv-parse; BOM, CRLF and quotes as RFC 4180, blank lines skipped). */
function csvRows(text: string): string[][] {
  return parseCsv(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
}

/**
 * The rows of an `images.csv` in file order, found by header names (`image` is required; `url`, `width`,
 * `height` are optional). Rows without an image are dropped; a size that is not a positive number is 0. An
 * empty list when the text has no header or no `image` column.
 */
export function imageListRows(text: string): ListedImage[] {
  const [header, ...rows] = csvRows(text);
  if (!header) return [];
  const column = (name: string) => header.findIndex((cell) => cell.trim() === name);
  const image = column('image');
  const url = column('url');
  const width = column('width');
  const height = column('height');
  if (image < 0) return [];
  const number = (row: string[], index: number) => {
    const value = index >= 0 ? Number(row[index]) : 0;
    return Number.isFinite(value) && value > 0 ? value : 0;
  };
  return rows
    .filter((row) => (row[image] ?? '') !== '')
    .map((row) => ({
      image: row[image] ?? '',
      url: url >= 0 ? (row[url] ?? '') : '',
      width: number(row, width),
      height: number(row, height),
    }));
}

// ---- YOLO

/**
 * Class names from a `data.yaml`'s `names` (read with the `yaml` package): a list, or an id → name map
 * (Ultralytics writes both); ids left out of a map get empty names, so that index i stays class id i.
 * Undefined when there is no `names` list or map; a text that is not YAML throws a message saying where.
 */
export function yamlNames(text: string): string[] | undefined {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    throw new Error(`not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const names = typeof doc === 'object' && doc !== null ? (doc as { names?: unknown }).names : undefined;
  const name = (value: unknown) => (value === null || value === undefined ? '' : String(value));
  if (Array.isArray(names)) return names.map(name);
  if (typeof names !== 'object' || names === null) return undefined;
  const out: string[] = [];
  for (const [key, value] of Object.entries(names)) {
    const id = Number(key);
    if (Number.isInteger(id) && id >= 0 && id < 100_000) out[id] = name(value);
  }
  return Array.from(out, (value) => value ?? '');
}

/** The files a YOLO dataset's class names are read from, in the order they are tried. */
export const YOLO_CLASS_FILES = ['classes.txt', 'data.yaml', 'data.yml', 'dataset.yaml'] as const;

/**
 * A YOLO dataset's class names and the file they came from: `classes.txt` (one name per line), else the
 * first YAML file of {@link YOLO_CLASS_FILES} with `names`. `read` gives a file's text at the dataset's
 * top, or undefined when there is no such file. Undefined when no file names the classes.
 */
export function yoloClassNames(
  read: (name: string) => string | undefined,
): { classes: string[]; file: string } | undefined {
  const text = read('classes.txt');
  if (text !== undefined) return { classes: parseYoloClassesText(text), file: 'classes.txt' };
  for (const file of YOLO_CLASS_FILES.slice(1)) {
    const yaml = read(file);
    if (yaml === undefined) continue;
    let names: string[] | undefined;
    try {
      names = yamlNames(yaml);
    } catch (error) {
      throw new Error(`${file} is ${(error as Error).message}`);
    }
    if (names && names.length > 0) return { classes: names, file };
  }
  return undefined;
}

const NOT_LABELS = new Set(['classes.txt', 'images.txt', 'readme.txt']);

/**
 * The label files among a YOLO dataset's paths, by their stem under the labels folder (`labels/train/a.txt`
 * → `train/a`), in path order: every `.txt` under `labels/` (any depth) when the dataset has that folder
 * (`labelsFolder`, by default: when a path is under it), else the `.txt` files at its top.
 * `classes.txt`, `images.txt` and `readme.txt` are never label files.
 */
export function yoloLabelFiles(
  paths: Iterable<string>,
  options: { labelsFolder?: boolean } = {},
): Map<string, string> {
  const sorted = [...paths].sort();
  const underLabels = options.labelsFolder ?? sorted.some((path) => path.startsWith('labels/'));
  const found = new Map<string, string>();
  for (const path of sorted) {
    const inside = underLabels
      ? path.startsWith('labels/')
        ? path.slice('labels/'.length)
        : undefined
      : path.includes('/')
        ? undefined
        : path;
    if (inside === undefined || inside === '') continue;
    const base = pathBaseName(inside);
    if (pathExtension(base) !== '.txt' || NOT_LABELS.has(base.toLowerCase())) continue;
    found.set(pathStem(inside), path);
  }
  return found;
}

/** Which label file each image of a YOLO dataset reads (see {@link matchYoloLabels}). */
export interface YoloLabelMatch {
  /** For each image, in the images' order: the stem of its label file, or undefined when it has none. */
  labels: Array<string | undefined>;
  /**
   * Images whose only label file is another image's: the image's index, the label stem and the index of
   * the image that reads it. Such an image is left out (its annotations cannot be told apart).
   */
  conflicts: Array<{ image: number; stem: string; takenBy: number }>;
  /** Label stems that no image reads, in the order given. */
  unused: string[];
}

/**
 * Matches YOLO label files to images by name. An image's own label file has its path without extension
 * (`train/a.jpg` ↔ stem `train/a`); failing that, a label file named like its base name (`a`) — for flat
 * label folders next to nested images. Exact matches go first, for every image; base-name matches then take
 * the label files still free, in image order. A label file is read for one image only: an image whose label
 * file another image already reads is a conflict (two images named alike, as `a.jpg` and `a.png`).
 */
export function matchYoloLabels(images: readonly string[], stems: Iterable<string>): YoloLabelMatch {
  const available = new Set(stems);
  const owner = new Map<string, number>();
  const labels: Array<string | undefined> = images.map(() => undefined);
  const conflicts: YoloLabelMatch['conflicts'] = [];
  const claim = (index: number, stem: string) => {
    const by = owner.get(stem);
    if (by === undefined) {
      owner.set(stem, index);
      labels[index] = stem;
    } else conflicts.push({ image: index, stem, takenBy: by });
  };
  images.forEach((name, index) => {
    const stem = pathStem(name);
    if (available.has(stem)) claim(index, stem);
  });
  images.forEach((name, index) => {
    const stem = pathStem(name);
    const base = pathBaseName(stem);
    if (available.has(stem) || base === stem || !available.has(base)) return;
    claim(index, base);
  });
  conflicts.sort((a, b) => a.image - b.image);
  return { labels, conflicts, unused: [...available].filter((stem) => !owner.has(stem)) };
}

/** What {@link readYoloDataset} reads. */
export interface YoloDatasetInput {
  /** The class names (index = class id). */
  classes: readonly string[];
  /** Label files by stem (see {@link yoloLabelFiles}); the value is the file's path, shown in problems. */
  labels: ReadonlyMap<string, string>;
  /** The text of a label file (by the path in `labels`). */
  readLabel: (file: string) => string;
  /** The rows of the dataset's `images.csv`; empty when it has none. */
  listed: readonly ListedImage[];
  /** Local image files: their path under the images folder (`train/a.jpg`) → the caller's path. */
  local: ReadonlyMap<string, string>;
  /** The upright size of a local image file (by the caller's path); undefined when unreadable. */
  sizeOf: (path: string) => ImageSize | undefined;
  /** Where images were looked for (shown for a missing image). */
  looked: readonly string[];
  /**
   * How the caller's problems end: `withoutFile` says how to give an image whose size is unknown because
   * it has no local file (`pass --images with the images`); `lookedIn` names where a label file's image
   * was looked for (`images.csv, /data/images`).
   */
  hints: { withoutFile: string; lookedIn: string };
}

/**
 * Reads a YOLO dataset (see the module comment). YOLO coordinates are fractions of the image, so a labelled
 * image needs its size: from `images.csv`, else from its local file. An image without a label file has no
 * annotations (a background image). A label file whose image is not found, whose image size is unknown or
 * that two images claim is reported, and the image left out.
 */
export function readYoloDataset(input: YoloDatasetInput): DatasetRead {
  const { classes, labels, listed, local, hints } = input;
  const byBase = new Map([...local].map(([name, path]) => [pathBaseName(name), path]));
  const images: ListedImage[] =
    listed.length > 0
      ? listed.map((row) => ({ ...row, image: row.image.replace(/^(\.\/)?images\//, '') }))
      : [...local.keys()].sort().map((image) => ({ image, url: '', width: 0, height: 0 }));
  const match = matchYoloLabels(
    images.map((entry) => entry.image),
    labels.keys(),
  );
  const conflicts = new Map(match.conflicts.map((conflict) => [conflict.image, conflict]));
  const problems: DatasetReadProblem[] = [];
  const items: DatasetImageItem[] = [];
  images.forEach((entry, index) => {
    const name = entry.image;
    const conflict = conflicts.get(index);
    if (conflict) {
      const other = images[conflict.takenBy]?.image ?? '';
      problems.push({
        file: labels.get(conflict.stem),
        item: name,
        path: '',
        message: `left out: its label file is already read for image ${other} (two images named alike; give each its own label file)`,
      });
      return;
    }
    const stem = match.labels[index];
    const labelFile = stem === undefined ? undefined : labels.get(stem);
    const path = local.get(name) ?? byBase.get(pathBaseName(name));
    const image: DatasetImageSource = path
      ? { kind: 'file', path }
      : entry.url && isImageReference(entry.url)
        ? { kind: 'reference', url: entry.url }
        : { kind: 'missing', name, looked: [...input.looked] };
    if (labelFile === undefined) {
      items.push({ key: name, image, response: { annotations: [] } });
      return;
    }
    const size = entry.width > 0 && entry.height > 0 ? entry : path ? input.sizeOf(path) : undefined;
    if (!size) {
      problems.push({
        file: labelFile,
        item: name,
        path: '',
        message: `the size of image ${name} is unknown (${path ? 'its header is not PNG, JPEG, GIF, BMP or WebP' : hints.withoutFile}), so its labels cannot be read`,
      });
      return;
    }
    const parsed = parseYoloLines(input.readLabel(labelFile), {
      width: size.width,
      height: size.height,
      classes,
    });
    for (const problem of parsed.problems) {
      problems.push({
        file: labelFile,
        line: problem.line || undefined,
        item: name,
        path: '',
        message: problem.message,
      });
    }
    items.push({ key: name, image, response: parsed.response });
  });
  for (const stem of match.unused) {
    problems.push({
      file: labels.get(stem),
      path: '',
      message: `no image ${stem}.* was found (looked in ${hints.lookedIn})`,
    });
  }
  return { items, problems };
}

// ---- Pascal VOC

/**
 * The VOC XML files among a dataset's paths, in path order: those directly in `Annotations/` when the
 * dataset has that folder (`annotationsFolder`, by default: when a path is in it), else those at its top.
 */
export function vocXmlFiles(
  paths: Iterable<string>,
  options: { annotationsFolder?: boolean } = {},
): string[] {
  const sorted = [...paths].sort();
  const inFolder = options.annotationsFolder ?? sorted.some((path) => path.startsWith('Annotations/'));
  return sorted.filter((path) => {
    const inside = inFolder ? (path.startsWith('Annotations/') ? path.slice(12) : undefined) : path;
    return (
      inside !== undefined &&
      inside !== '' &&
      !inside.includes('/') &&
      pathExtension(inside).toLowerCase() === '.xml'
    );
  });
}

/** The image a VOC file describes: its `<filename>`, else the XML file's name with `.jpg` (`a.xml` → `a.jpg`). */
export function vocImageName(fileName: string | undefined, xmlPath: string): string {
  return fileName?.trim() || `${pathStem(pathBaseName(xmlPath))}.jpg`;
}

/** What {@link readVocDataset} reads. */
export interface VocDatasetInput {
  /** The XML files (paths shown in problems), in order. */
  files: readonly string[];
  /** The text of an XML file. */
  readText: (file: string) => string;
  /** The rows of the dataset's `images.csv` (their `JPEGImages/<name>` gives an image's URL); may be empty. */
  listed: readonly ListedImage[];
  /** Finds an image's local file by its name. */
  find: ImageFinder;
  /** Where images were looked for (shown for a missing image). */
  looked: readonly string[];
}

/** Reads VOC XML files; bad objects are reported by file and path and skipped, unreadable files left out. */
export function readVocDataset(input: VocDatasetInput): DatasetRead {
  const urls = new Map(input.listed.map((row) => [row.image.replace(/^(\.\/)?JPEGImages\//, ''), row.url]));
  const items: DatasetImageItem[] = [];
  const problems: DatasetReadProblem[] = [];
  for (const file of input.files) {
    const parsed = parseVoc(input.readText(file));
    const name = vocImageName(parsed.image.fileName, file);
    for (const problem of parsed.problems) {
      problems.push({ file, item: name, path: problem.path, message: problem.message });
    }
    if (parsed.problems.some((problem) => problem.path === '')) continue;
    const url = urls.get(name);
    items.push({
      key: name,
      image: resolveImage(name, url ? [url] : [], input.find, input.looked),
      response: parsed.response,
    });
  }
  return { items, problems };
}

// ---- COCO

/** The references (`coco_url`, `flickr_url`) of a COCO file's images, by image id. */
function cocoReferences(json: unknown): Map<number, string[]> {
  const urls = new Map<number, string[]>();
  const images = (json as { images?: unknown } | null)?.images;
  if (!Array.isArray(images)) return urls;
  for (const image of images) {
    if (typeof image !== 'object' || image === null) continue;
    const { id, coco_url: cocoUrl, flickr_url: flickrUrl } = image as Record<string, unknown>;
    if (typeof id !== 'number') continue;
    urls.set(
      id,
      [cocoUrl, flickrUrl].filter((url): url is string => typeof url === 'string' && url !== ''),
    );
  }
  return urls;
}

/**
 * Reads a COCO file (already parsed from JSON): one item per image, keyed by its `file_name`; the image is
 * the local file `find` gives, else `coco_url` (a Groundwork export's attachment) or `flickr_url`, else the
 * file name when it is a URL. Malformed images, categories and annotations are reported by path and skipped.
 */
export function readCocoDataset(
  json: unknown,
  options: { find: ImageFinder; looked: readonly string[] },
): DatasetRead {
  const parsed = parseCoco(json);
  const urls = cocoReferences(json);
  return {
    items: parsed.images.map((image) => ({
      key: image.fileName,
      image: resolveImage(image.fileName, urls.get(image.imageId) ?? [], options.find, options.looked),
      response: image.response,
    })),
    problems: parsed.problems.map((problem) => ({ path: problem.path, message: problem.message })),
  };
}

// ---- Label Studio

/** The prefix Label Studio gives uploaded files (`3f2a9c1b-photo.jpg`). */
const UPLOAD_PREFIX = /^[0-9a-f]{8}-/;

/**
 * The file names a Label Studio image URL may have locally, most likely first: the URL's last path segment
 * (decoded; query and fragment dropped), then the same without Label Studio's upload prefix.
 */
export function labelStudioImageNames(url: string): string[] {
  let name = pathBaseName(url.replace(/[?#].*$/, ''));
  try {
    name = decodeURIComponent(name);
  } catch {
    // A name with a stray % is used as written.
  }
  const bare = name.replace(UPLOAD_PREFIX, '');
  return bare === name ? [name] : [name, bare];
}

/** Where a Label Studio task's image comes from: a local file by one of its names, else the URL itself. */
export function labelStudioImageSource(url: string | undefined, find: ImageFinder): DatasetImageSource {
  if (!url) return { kind: 'missing', name: '(no image in data)', looked: [] };
  for (const name of labelStudioImageNames(url)) {
    const local = find(name);
    if (local !== undefined) return { kind: 'file', path: local };
  }
  return resolveImage(url, [], () => undefined, []);
}

/**
 * The annotation or prediction a Label Studio task is imported with: the annotation marked `ground_truth`,
 * else its first annotation, else its first prediction; undefined when it has neither.
 */
export function chooseLabelStudioItem(items: readonly LabelStudioItem[]): LabelStudioItem | undefined {
  const annotations = items.filter((item) => item.source === 'annotation');
  return (
    annotations.find((item) => item.groundTruth) ??
    annotations[0] ??
    items.find((item) => item.source === 'prediction')
  );
}

/**
 * Reads a Label Studio JSON export (already parsed): one item per task, keyed by its id, with the answer
 * of {@link chooseLabelStudioItem} (relations as links). Region sizes come from the file
 * (`original_width`/`original_height`), else from the local image (`sizeOf`). Malformed tasks and results
 * are reported by path and skipped.
 */
export function readLabelStudioDataset(
  json: unknown,
  options: { find: ImageFinder; sizeOf: (path: string) => ImageSize | undefined },
): DatasetRead {
  const sources = new Map<string, DatasetImageSource>();
  const source = (task: LabelStudioTask) => {
    let found = sources.get(task.key);
    if (!found) {
      found = labelStudioImageSource(task.imageUrl, options.find);
      sources.set(task.key, found);
    }
    return found;
  };
  const parsed = parseLabelStudio(json, {
    sizeOf: (task) => {
      const image = source(task);
      return image.kind === 'file' ? options.sizeOf(image.path) : undefined;
    },
  });
  const byTask = new Map<string, LabelStudioItem[]>();
  for (const item of parsed.items) byTask.set(item.key, [...(byTask.get(item.key) ?? []), item]);
  return {
    items: parsed.tasks.map((task) => {
      const item = chooseLabelStudioItem(byTask.get(task.key) ?? []);
      return {
        key: task.key,
        image: source(task),
        response: item
          ? { annotations: item.annotations, ...(item.links.length > 0 ? { links: item.links } : {}) }
          : { annotations: [] },
      };
    }),
    problems: parsed.problems.map((problem) => ({ path: problem.path, message: problem.message })),
  };
}

// ---- unique ids

/** The most characters a task's unique_id may have (the server's limit). */
export const MAX_TASK_UNIQUE_ID_LENGTH = 256;

/**
 * The unique_id of the task made from a dataset's image: `<format>:<project>/<key>`
 * (`coco:street-scenes/000123.jpg`), or `<format>:sha256:<hex of "<project>/<key>">` when that would be
 * longer than the server's 256 characters. unique_ids are unique in the whole organization, so the project
 * is part of it: the same dataset imported into two projects gives tasks in both, and imported twice into
 * one (by the CLI or the console) gives each task once.
 */
export function datasetUniqueId(format: DatasetImportFormat, project: string, key: string): string {
  const id = `${format}:${project}/${key}`;
  if (id.length <= MAX_TASK_UNIQUE_ID_LENGTH) return id;
  return `${format}:sha256:${sha256Hex(`${project}/${key}`)}`;
}
