/**
 * What the image formats share: reading a task's stored answer, naming its image file, and growing a
 * label list in a stable order — the project's labels (at the export's params version) first, then
 * labels of tasks created with their own label lists, then any other label an answer uses — so that an
 * answer never names a label its export has no category or class for.
 */
import type { ImageannotationParams, ImageannotationResponse } from '@groundwork/domain';
import type { ImageTaskRow } from '../../repositories/exports.ts';
import type { ImageInfo } from './images.ts';
import { ExportDataError, type PageLookups, type WriterContext } from './types.ts';

/** Distinct geometries texts remembered per export (tasks of a project share a few). */
const GEOMETRIES_SEEN_LIMIT = 1000;

/** A task's answer as the image formats read it; no answer (a pending task) is an empty one. */
export function imageResponse(row: Pick<ImageTaskRow, 'id' | 'responseText'>): ImageannotationResponse {
  if (row.responseText === null) return { annotations: [] };
  const response: unknown = JSON.parse(row.responseText);
  if (response === null) return { annotations: [] };
  if (typeof response !== 'object' || !Array.isArray((response as { annotations?: unknown }).annotations)) {
    throw new ExportDataError(`task ${row.id}: its response is not an image annotation answer`);
  }
  return response as ImageannotationResponse;
}

/** The image file name of a task in every image format: its id and the image's extension. */
export function imageFileName(row: Pick<ImageTaskRow, 'id'>, info: ImageInfo): string {
  return `${row.id}${info.extension}`;
}

/** The `geometries` of params, when they are an object. */
export function geometriesOf(
  params: Record<string, unknown>,
): ImageannotationParams['geometries'] | undefined {
  const geometries = params.geometries;
  return geometries && typeof geometries === 'object' && !Array.isArray(geometries)
    ? (geometries as ImageannotationParams['geometries'])
    : undefined;
}

/**
 * An ordered label list that only grows. `fromGeometries` adds the labels a geometries object defines
 * (through the format's own function, e.g. `cocoCategories`), each distinct geometries text parsed once.
 */
export class GrowingLabels<T> {
  readonly #items: T[] = [];
  readonly #names = new Set<string>();
  readonly #seen = new Set<string>();
  readonly #nameOf: (item: T) => string;
  #version = 0;

  constructor(nameOf: (item: T) => string) {
    this.#nameOf = nameOf;
  }

  /** The list so far (one array that grows; copy it where a cache is keyed by the array). */
  get items(): readonly T[] {
    return this.#items;
  }

  /** Bumped on every change. */
  get version(): number {
    return this.#version;
  }

  /** Whether a label is in the list. */
  has(name: string): boolean {
    return this.#names.has(name);
  }

  /** Adds an item unless its name is there. */
  add(item: T): boolean {
    const name = this.#nameOf(item);
    if (this.#names.has(name)) return false;
    this.#names.add(name);
    this.#items.push(item);
    this.#version++;
    return true;
  }

  /** Adds the labels of a task's geometries (JSON text as stored), once per distinct text. */
  fromGeometriesText(
    text: string | null,
    labelsOf: (geometries: ImageannotationParams['geometries']) => T[],
  ): void {
    if (text === null || this.#seen.has(text)) return;
    if (this.#seen.size >= GEOMETRIES_SEEN_LIMIT) this.#seen.clear();
    this.#seen.add(text);
    let geometries: unknown;
    try {
      geometries = JSON.parse(text);
    } catch {
      return;
    }
    const parsed = geometriesOf({ geometries });
    if (parsed) for (const item of labelsOf(parsed)) this.add(item);
  }
}

/** The image facts of a page's attachments. */
export async function imageLookups(
  ctx: Pick<WriterContext, 'lookups'>,
  rows: readonly Pick<ImageTaskRow, 'attachment' | 'file'>[],
): Promise<PageLookups> {
  return { images: await ctx.lookups.images.resolve(rows) };
}
