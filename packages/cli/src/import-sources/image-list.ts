/**
 * `images.csv`, the image list of Groundwork's YOLO and VOC exports: `image,url,task_id,width,height`, one
 * row per exported task — where the archive's image path (`images/<task id>.jpg`, `JPEGImages/…`) can be
 * fetched from and its size (0 × 0 when the export did not know it). The images are not in the archive.
 */
import { existsSync, readFileSync } from 'node:fs';
import { csvTable } from './text-chunks.ts';

/** One row of `images.csv`. */
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

/** The rows of an `images.csv` in file order, or an empty list when there is none. */
export function readImageList(path: string): ListedImage[] {
  if (!existsSync(path)) return [];
  const [header, ...rows] = csvTable(readFileSync(path, 'utf8'));
  if (!header) return [];
  const column = (name: string) => header.findIndex((cell) => cell.trim() === name);
  const [image, url, width, height] = ['image', 'url', 'width', 'height'].map(column);
  if (image === undefined || image < 0) return [];
  const number = (row: string[], index: number | undefined) => {
    const value = index !== undefined && index >= 0 ? Number(row[index]) : 0;
    return Number.isFinite(value) && value > 0 ? value : 0;
  };
  return rows
    .filter((row) => (row[image] ?? '') !== '')
    .map((row) => ({
      image: row[image] ?? '',
      url: url !== undefined && url >= 0 ? (row[url] ?? '') : '',
      width: number(row, width),
      height: number(row, height),
    }));
}
