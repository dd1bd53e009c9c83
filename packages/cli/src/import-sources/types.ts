/** What the import readers produce: chunks of task rows, or images with their answers, and problems. */
import type { ImageannotationResponse } from '@groundwork/domain';

/** The formats `groundwork import` reads. */
export const IMPORT_FORMATS = ['csv', 'jsonl', 'coco', 'yolo', 'voc', 'labelstudio'] as const;

/** A format `groundwork import` reads. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The formats that hold images with annotations (as opposed to task rows). */
export type AnnotationFormat = Exclude<ImportFormat, 'csv' | 'jsonl'>;

/**
 * Where an image comes from: a reference the server can use as an attachment as it is (an http(s) URL or
 * `groundwork://files/<id>`), a local file to upload, or nothing found (with the places looked at).
 */
export type ImageSource =
  | { kind: 'reference'; url: string }
  | { kind: 'file'; path: string }
  | { kind: 'missing'; name: string; looked: string[] };

/** One image of an annotation file with the answer read for it. */
export interface ImageItem {
  /**
   * Names the image in reports and in the unique_id of its task (`<format>:<key>`): the image's file name
   * (COCO `file_name`, the YOLO or VOC image), or a Label Studio task's id.
   */
  key: string;
  /** The image. */
  image: ImageSource;
  /** Its annotations (and, where the format has them, global attributes and links). */
  response: ImageannotationResponse;
}

/** A problem met while reading or importing; what is known of where it is. */
export interface ImportProblem {
  /** The input file it is in, when the input has several (a YOLO label file, a VOC XML file). */
  file?: string;
  /** 1-based line in that file (CSV, JSONL, YOLO labels). */
  line?: number;
  /** The image it concerns (an {@link ImageItem} key). */
  item?: string;
  /** The field at fault (`categories`, `annotations.3.bbox`); `""` for the whole row or file. */
  path: string;
  /** What is wrong. */
  message: string;
}

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
