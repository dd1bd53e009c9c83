/**
 * Pascal VOC: one XML file per image, read with the domain's `readVocDataset` — a single `.xml` file, or a
 * directory holding them (in `Annotations/`, VOC's layout, or at its top). The image is `<filename>`: a local
 * file (in `--images`, `JPEGImages/`, or next to the XML), else the URL `images.csv` gives for
 * `JPEGImages/<filename>` (Groundwork's export), else the file name itself when it is a URL.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readVocDataset, vocXmlFiles } from '@groundwork/domain';
import { CliError } from '../errors.ts';
import { readImageList } from './image-list.ts';
import { findImageFile } from './images.ts';
import type { AnnotationSet } from './types.ts';

/** The files directly in `dir/Annotations` (as `Annotations/<name>`) when it exists, else those at its top. */
function candidatePaths(dir: string): { paths: string[]; annotationsFolder: boolean } {
  const annotationsFolder = existsSync(join(dir, 'Annotations'));
  const root = annotationsFolder ? join(dir, 'Annotations') : dir;
  const names = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
  return { paths: annotationsFolder ? names.map((name) => `Annotations/${name}`) : names, annotationsFolder };
}

/** Reads VOC XML (a file or a directory, see the module comment); bad objects are reported by path and skipped. */
export function readVoc(input: string, options: { imagesDir?: string | undefined } = {}): AnnotationSet {
  const isDir = statSync(input).isDirectory();
  const root = isDir ? input : dirname(input);
  let files = [basename(input)];
  if (isDir) {
    const { paths, annotationsFolder } = candidatePaths(input);
    files = vocXmlFiles(paths, { annotationsFolder });
  }
  if (files.length === 0)
    throw new CliError(`${input}: no VOC .xml files found (looked in Annotations/ and at the top)`);
  const dirs = [...(options.imagesDir ? [options.imagesDir] : []), join(root, 'JPEGImages'), root];
  const dataset = readVocDataset({
    files,
    readText: (file) => readFileSync(join(root, file), 'utf8'),
    listed: readImageList(join(root, 'images.csv')),
    find: (name) => findImageFile(name, dirs),
    looked: dirs.filter((dir) => existsSync(dir)),
  });
  const imageList = join(root, 'images.csv');
  const read = files.map((file) => join(root, file));
  return { ...dataset, files: existsSync(imageList) ? [...read, imageList] : read };
}
