/**
 * Pascal VOC: one XML file per image, read with the domain's `parseVoc` — a single `.xml` file, or a
 * directory holding them (in `Annotations/`, VOC's layout, or at its top). The image is `<filename>`: a local
 * file (in `--images`, `JPEGImages/`, or next to the XML), else the URL `images.csv` gives for
 * `JPEGImages/<filename>` (Groundwork's export), else the file name itself when it is a URL.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { parseVoc } from '@groundwork/domain';
import { CliError } from '../errors.ts';
import { readImageList } from './image-list.ts';
import { imageSource } from './images.ts';
import type { AnnotationSet, ImageItem, ImportProblem } from './types.ts';

function xmlFiles(dir: string): string[] {
  const root = existsSync(join(dir, 'Annotations')) ? join(dir, 'Annotations') : dir;
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isFile() && extname(entry.name).toLowerCase() === '.xml')
    .map((entry) => join(root, entry.name))
    .sort();
}

/** Reads VOC XML (a file or a directory, see the module comment); bad objects are reported by path and skipped. */
export function readVoc(input: string, options: { imagesDir?: string | undefined } = {}): AnnotationSet {
  const isDir = statSync(input).isDirectory();
  const root = isDir ? input : dirname(input);
  const files = isDir ? xmlFiles(input) : [input];
  if (files.length === 0)
    throw new CliError(`${input}: no VOC .xml files found (looked in Annotations/ and at the top)`);
  const listed = new Map<string, string>();
  for (const row of readImageList(join(root, 'images.csv'))) {
    listed.set(row.image.replace(/^(\.\/)?JPEGImages\//, ''), row.url);
  }
  const dirs = [...(options.imagesDir ? [options.imagesDir] : []), join(root, 'JPEGImages'), root];
  const items: ImageItem[] = [];
  const problems: ImportProblem[] = [];
  for (const file of files) {
    const where = relative(root, file).split(sep).join('/') || basename(file);
    const parsed = parseVoc(readFileSync(file, 'utf8'));
    const name = parsed.image.fileName?.trim() || `${basename(file, extname(file))}.jpg`;
    for (const problem of parsed.problems) {
      problems.push({ file: where, item: name, path: problem.path, message: problem.message });
    }
    if (parsed.problems.some((problem) => problem.path === '')) continue;
    const url = listed.get(name);
    items.push({ key: name, image: imageSource(name, dirs, url ? [url] : []), response: parsed.response });
  }
  const imageList = join(root, 'images.csv');
  return { items, problems, files: existsSync(imageList) ? [...files, imageList] : files };
}
