/** What the import readers produce: chunks of task rows, or images with their answers, and problems. */
import type { DatasetImageItem, DatasetImageSource, DatasetReadProblem } from '@groundwork/domain';

/** The formats `groundwork import` reads. */
export const IMPORT_FORMATS = ['csv', 'jsonl', 'coco', 'yolo', 'voc', 'labelstudio'] as const;

/** A format `groundwork import` reads. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The formats that hold images with annotations (as opposed to task rows). */
export type AnnotationFormat = Exclude<ImportFormat, 'csv' | 'jsonl'>;

/**
 * Where an image comes from: a reference the server can use as an attachment as it is (an http(s) URL or
 * `groundwork://files/<id>`), a local file to upload, or nothing found (with the places looked at). The
 * domain's type, shared with the console's dataset import.
 */
export type ImageSource = DatasetImageSource;

/** One image of an annotation file with the answer read for it (key, image, response; see the domain's type). */
export type ImageItem = DatasetImageItem;

/**
 * A problem met while reading or importing; what is known of where it is: the input `file` (when it has
 * several), its 1-based `line` (CSV, JSONL, YOLO labels), the image `item`, the field `path` (`""` for the
 * whole row or file) and the `message`.
 */
export type ImportProblem = DatasetReadProblem;

/** An annotation file (or directory) read whole: its images, what could not be read, the files read. */
export interface AnnotationSet {
  /** Images in file order. */
  items: ImageItem[];
  /** Problems found while reading (the rest is still imported). */
  problems: ImportProblem[];
  /** Every annotation file read, so that a changed input can be told from a resumed one. */
  files: string[];
}

/** A chunk of a CSV or JSONL file, sent as one request. */
export interface TextChunk {
  /** The chunk's text: for CSV the header, then the chunk's records; for JSONL its lines. */
  text: string;
  /** Rows (records or lines) in it. */
  rows: number;
  /** `lines[k - 1]` is the file line of the chunk's line k. */
  lines: number[];
  /** Bytes of the file read up to the end of this chunk (for progress). */
  bytesRead: number;
}

/** The file line of a line of a chunk (`lines` of a {@link TextChunk}); the line itself when out of range. */
export function fileLine(chunk: Pick<TextChunk, 'lines'>, chunkLine: number): number {
  return chunk.lines[chunkLine - 1] ?? chunkLine;
}
