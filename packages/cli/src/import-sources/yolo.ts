/**
 * YOLO (Ultralytics) datasets, as a directory: the class names in `classes.txt` or `data.yaml`, one label
 * file per image under `labels/` (`labels/<name>.txt` for `images/<name>.<ext>`, sub-folders such as
 * `train/` allowed), read with the domain's `parseYoloLines`. YOLO coordinates are fractions of the image
 * size, so each labelled image's size is needed: from `images.csv` (Groundwork's export) or the image file.
 *
 * The images are those of `images.csv` (in its order), else the image files under `--images` or `images/`.
 * An image without a label file has no annotations (a background image). A label file whose image is not
 * found, or whose image size is unknown, is reported and its image left out.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import { parseYoloClassesText, parseYoloLines } from '@groundwork/domain';
import { CliError } from '../errors.ts';
import { readImageList } from './image-list.ts';
import { imageFileSize, isReference, listImages } from './images.ts';
import type { AnnotationSet, ImageItem, ImageSource, ImportProblem } from './types.ts';

/** Class names from `data.yaml`'s `names`: a flow list, a block list, or an id → name map; undefined if absent. */
export function yamlNames(text: string): string[] | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  const at = lines.findIndex((line) => /^names\s*:/.test(line));
  if (at < 0) return undefined;
  const inline = (lines[at] ?? '').replace(/^names\s*:/, '').trim();
  const unquote = (value: string) => {
    const v = value.trim();
    if (v.startsWith('"')) {
      try {
        return JSON.parse(v) as string;
      } catch {
        return v.slice(1, -1);
      }
    }
    if (v.startsWith("'")) return v.slice(1, -1).replaceAll("''", "'");
    return v;
  };
  const entries: Array<[number, string]> = [];
  const add = (item: string, index: number) => {
    const pair = /^\s*(\d+)\s*:\s*(.*)$/.exec(item);
    if (pair) entries.push([Number(pair[1]), unquote(pair[2] ?? '')]);
    else entries.push([index, unquote(item)]);
  };
  if (inline !== '' && !inline.startsWith('#')) {
    const body = inline.replace(/^[[{]/, '').replace(/[\]}]\s*(#.*)?$/, '');
    splitFlow(body).forEach(add);
  } else {
    let index = 0;
    for (const line of lines.slice(at + 1)) {
      if (line.trim() === '' || line.trim().startsWith('#')) continue;
      if (!/^\s/.test(line)) break;
      add(line.trim().replace(/^-\s*/, ''), index++);
    }
  }
  const names: string[] = [];
  for (const [index, name] of entries) names[index] = name;
  return Array.from(names, (name) => name ?? '');
}

/** Splits a YAML flow sequence's content at commas outside quotes. */
function splitFlow(body: string): string[] {
  const items: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (const c of body) {
    if (quote) {
      current += c;
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
      current += c;
    } else if (c === ',') {
      items.push(current);
      current = '';
    } else current += c;
  }
  if (current.trim() !== '') items.push(current);
  return items.filter((item) => item.trim() !== '');
}

function readClasses(dir: string): { classes: string[]; file: string } {
  const classesFile = join(dir, 'classes.txt');
  if (existsSync(classesFile)) {
    return { classes: parseYoloClassesText(readFileSync(classesFile, 'utf8')), file: classesFile };
  }
  for (const name of ['data.yaml', 'data.yml', 'dataset.yaml']) {
    const yaml = join(dir, name);
    if (!existsSync(yaml)) continue;
    const names = yamlNames(readFileSync(yaml, 'utf8'));
    if (names) return { classes: names, file: yaml };
  }
  throw new CliError(`${dir}: a YOLO dataset needs classes.txt or data.yaml with the class names`);
}

/** Label files by their path under the labels folder without `.txt` (`train/abc`). */
function labelFiles(dir: string): Map<string, string> {
  const root = existsSync(join(dir, 'labels')) ? join(dir, 'labels') : dir;
  const found = new Map<string, string>();
  const skip = new Set(['classes.txt', 'images.txt', 'readme.txt']);
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory() && root !== dir) walk(path);
      else if (entry.isFile() && extname(entry.name) === '.txt' && !skip.has(entry.name.toLowerCase())) {
        found.set(stemOf(relative(root, path).split(sep).join('/')), path);
      }
    }
  };
  walk(root);
  return found;
}

const stemOf = (path: string) => path.slice(0, path.length - extname(path).length);

/** Reads a YOLO dataset directory (see the module comment). */
export function readYolo(dir: string, options: { imagesDir?: string | undefined } = {}): AnnotationSet {
  if (!statSync(dir).isDirectory()) throw new CliError(`${dir}: a YOLO dataset is a directory`);
  const { classes, file: classesFile } = readClasses(dir);
  const labels = labelFiles(dir);
  const listed = readImageList(join(dir, 'images.csv'));
  const local = new Map<string, string>();
  for (const root of [join(dir, 'images'), ...(options.imagesDir ? [options.imagesDir] : [])]) {
    for (const [name, path] of listImages(root)) local.set(name, path);
  }
  const byBase = new Map([...local].map(([name, path]) => [basename(name), path]));
  const problems: ImportProblem[] = [];
  const items: ImageItem[] = [];
  const images: Array<{ name: string; url: string; width: number; height: number }> =
    listed.length > 0
      ? listed.map((row) => ({ ...row, name: row.image.replace(/^(\.\/)?images\//, '') }))
      : [...local.keys()].sort().map((name) => ({ name, url: '', width: 0, height: 0 }));
  const used = new Set<string>();
  for (const entry of images) {
    const stem = stemOf(entry.name);
    const labelFile = labels.get(stem) ?? labels.get(basename(stem));
    if (labelFile) used.add(labelFile);
    const path = local.get(entry.name) ?? byBase.get(basename(entry.name));
    const image: ImageSource = path
      ? { kind: 'file', path }
      : entry.url && isReference(entry.url)
        ? { kind: 'reference', url: entry.url }
        : {
            kind: 'missing',
            name: entry.name,
            looked: [join(dir, 'images'), ...(options.imagesDir ? [options.imagesDir] : [])],
          };
    const where = labelFile ? relative(dir, labelFile).split(sep).join('/') : undefined;
    if (!labelFile) {
      items.push({ key: entry.name, image, response: { annotations: [] } });
      continue;
    }
    const size = entry.width > 0 && entry.height > 0 ? entry : path ? imageFileSize(path) : undefined;
    if (!size) {
      problems.push({
        file: where,
        item: entry.name,
        path: '',
        message: `the size of image ${entry.name} is unknown (${path ? 'its header is not PNG, JPEG, GIF, BMP or WebP' : 'pass --images with the images'}), so its labels cannot be read`,
      });
      continue;
    }
    const parsed = parseYoloLines(readFileSync(labelFile, 'utf8'), { ...size, classes });
    for (const problem of parsed.problems) {
      problems.push({
        file: where,
        line: problem.line || undefined,
        item: entry.name,
        path: '',
        message: problem.message,
      });
    }
    items.push({ key: entry.name, image, response: parsed.response });
  }
  for (const [stem, file] of labels) {
    if (used.has(file)) continue;
    problems.push({
      file: relative(dir, file).split(sep).join('/'),
      path: '',
      message: `no image ${stem}.* was found (looked in images.csv, ${join(dir, 'images')}${options.imagesDir ? ` and ${options.imagesDir}` : ''})`,
    });
  }
  const files = [classesFile, ...labels.values(), join(dir, 'images.csv')].filter((f) => existsSync(f));
  return { items, problems, files };
}
