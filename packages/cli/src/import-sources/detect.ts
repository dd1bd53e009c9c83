/** Which format an import input is in, when `--format` does not say. */
import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { UsageError } from '../errors.ts';
import type { ImportFormat } from './types.ts';

function start(path: string, bytes = 1 << 20): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * The format of an input: a directory is YOLO (`classes.txt`, `data.yaml` or `labels/`) or VOC
 * (`Annotations/` or `.xml` files); a file goes by its extension — `.csv`, `.jsonl`/`.ndjson`, `.xml` (VOC) —
 * and a `.json` file by its content: a list is a Label Studio export, an object with `images` and
 * `categories` is COCO. Throws a usage error when it cannot tell (or for a `.zip`, which must be unpacked).
 */
export function detectFormat(input: string): ImportFormat {
  if (input === '-') return 'jsonl';
  if (statSync(input).isDirectory()) {
    const has = (name: string) => existsSync(join(input, name));
    if (has('classes.txt') || has('data.yaml') || has('data.yml') || has('labels')) return 'yolo';
    if (has('Annotations') || readdirSync(input).some((name) => extname(name).toLowerCase() === '.xml')) {
      return 'voc';
    }
    throw new UsageError(
      `${input}: cannot tell the format of this directory (YOLO needs classes.txt or data.yaml, VOC .xml files); pass --format`,
    );
  }
  const extension = extname(input).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.jsonl' || extension === '.ndjson') return 'jsonl';
  if (extension === '.xml') return 'voc';
  if (extension === '.zip') {
    throw new UsageError(`${input}: unpack the archive first and import its directory (or its .json file)`);
  }
  if (extension === '.json') {
    const text = start(input)
      .replace(/^\ufeff/, '')
      .trimStart();
    if (text.startsWith('[')) return 'labelstudio';
    if (text.startsWith('{')) {
      return /"images"\s*:/.test(text) && /"categories"\s*:/.test(text) ? 'coco' : 'labelstudio';
    }
  }
  throw new UsageError(`${input}: cannot tell the format from the file name; pass --format`);
}
