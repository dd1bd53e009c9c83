/**
 * `images.csv`, the image list of Groundwork's YOLO and VOC exports: `image,url,task_id,width,height`, one
 * row per exported task — where the archive's image path (`images/<task id>.jpg`, `JPEGImages/…`) can be
 * fetched from and its size (0 × 0 when the export did not know it). The images are not in the archive.
 * The rows are read by the domain's `imageListRows`, as the console reads them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { imageListRows, type ListedImage } from '@groundwork/domain';

export type { ListedImage };

/** The rows of an `images.csv` in file order, or an empty list when there is none. */
export function readImageList(path: string): ListedImage[] {
  if (!existsSync(path)) return [];
  return imageListRows(readFileSync(path, 'utf8'));
}
