/**
 * The pure logic of uploading tasks into a batch, kept apart from the page so it is tested without a DOM:
 * which kind of file was chosen, which files of a folder are images, the unique id a file's path gives its
 * task (so uploading the same folder again creates nothing twice), the task line each image becomes, a
 * concurrency-limited runner for the uploads, and the grouping of an import's problems into a report.
 */

/** What the person uploads: a CSV file, a JSONL (NDJSON) file, or a folder of images. */
export type UploadSource = 'csv' | 'jsonl' | 'images';

/** The most characters a task's `unique_id` may have (the server's limit). */
export const MAX_UNIQUE_ID_LENGTH = 256;

/** How many images are uploaded at the same time. */
export const IMAGE_UPLOAD_CONCURRENCY = 4;

const IMAGE_EXTENSIONS = new Set([
  'jpg',
  'jpeg',
  'png',
  'gif',
  'webp',
  'bmp',
  'tif',
  'tiff',
  'avif',
  'heic',
  'svg',
]);

/** The lower-case extension of a file name (`photo.JPG` → `jpg`), or `''` without one. */
export function extensionOf(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/**
 * Whether a chosen file is an image: by its MIME type when the browser knows it, else by its extension.
 * Hidden files (`.DS_Store`, `._photo.jpg` from macOS) never are.
 */
export function isImageFile(file: { name: string; type: string }): boolean {
  const base = file.name.slice(file.name.lastIndexOf('/') + 1);
  if (base.startsWith('.')) return false;
  if (file.type !== '') return file.type.startsWith('image/');
  return IMAGE_EXTENSIONS.has(extensionOf(base));
}

/**
 * The source a single chosen file is read as: `csv` for a `.csv` file (or one of type `text/csv`), `jsonl` for
 * `.jsonl`/`.ndjson`/`.json` (one JSON object per line); null when neither.
 */
export function textSourceOf(file: { name: string; type: string }): 'csv' | 'jsonl' | null {
  const extension = extensionOf(file.name);
  if (extension === 'csv' || file.type === 'text/csv') return 'csv';
  if (extension === 'jsonl' || extension === 'ndjson' || extension === 'json') return 'jsonl';
  if (file.type === 'application/x-ndjson' || file.type === 'application/jsonl') return 'jsonl';
  return null;
}

/**
 * A file's path inside the chosen folder (`street/2024/img001.jpg`), with `\` turned into `/` and no leading
 * `./` or `/`; the bare file name when the browser gave no relative path (files picked one by one).
 */
export function relativePathOf(file: { name: string; webkitRelativePath?: string }): string {
  const raw = file.webkitRelativePath && file.webkitRelativePath !== '' ? file.webkitRelativePath : file.name;
  return raw.replaceAll('\\', '/').replace(/^(\.\/|\/)+/, '');
}

/**
 * A 64-bit FNV-1a hash of a string's UTF-16 code units, as 16 hex digits: short, stable across browsers and
 * sessions (not a security hash; it only keeps over-long ids unique).
 */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= BigInt(text.charCodeAt(index));
    hash = (hash * prime) & mask;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * The `unique_id` of the task made from an image: `<batch>/<relative path>`. The same folder uploaded again
 * into the same batch names the same tasks, which the import then skips — re-running an interrupted upload
 * finishes it without duplicates; the same folder in another batch makes new tasks. An id longer than the
 * server's 256 characters becomes a hash of the whole, `~`, and its end (the file name), so it stays unique.
 */
export function imageUniqueId(batch: string, relativePath: string): string {
  const id = `${batch}/${relativePath}`;
  if (id.length <= MAX_UNIQUE_ID_LENGTH) return id;
  const hash = fnv1a64(id);
  return `${hash}~${id.slice(id.length - (MAX_UNIQUE_ID_LENGTH - hash.length - 1))}`;
}

/**
 * The params an image gives a task of the project's type, or null when the type does not take one image as
 * its attachment (comparisons, preferences, rankings, text-only types).
 */
export function imageTaskParams(type: string, reference: string): Record<string, unknown> | null {
  switch (type) {
    case 'imageannotation':
      return { attachment: reference };
    case 'categorization':
    case 'datacollection':
    case 'transcription':
      return { attachment: reference, attachment_type: 'image' };
    case 'textcollection':
      return { attachments: [{ type: 'image', content: reference }] };
    default:
      return null;
  }
}

/** Whether a folder of images can become tasks of this type (see {@link imageTaskParams}). */
export function acceptsImageFolder(type: string): boolean {
  return imageTaskParams(type, 'x') !== null;
}

/** An image of a chosen folder, ready to upload. */
export interface ImageEntry {
  /** Its path inside the folder. */
  path: string;
  /** The `unique_id` of its task. */
  uniqueId: string;
  /** Its size in bytes. */
  size: number;
}

/** What a chosen folder holds: its images (sorted by path, duplicates dropped) and what was left out. */
export interface FolderListing<F> {
  /** The images, in path order, each with its file. */
  images: Array<ImageEntry & { file: F }>;
  /** Paths of the files that are not images. */
  ignored: string[];
  /** Total bytes of the images. */
  bytes: number;
}

/**
 * Lists a chosen folder (or a set of chosen files): the images in path order with their tasks' unique ids,
 * and the paths of everything else. A path chosen twice counts once.
 */
export function listFolder<
  F extends { name: string; type: string; size: number; webkitRelativePath?: string },
>(files: Iterable<F>, batch: string): FolderListing<F> {
  const byPath = new Map<string, F>();
  const ignored: string[] = [];
  for (const file of files) {
    const path = relativePathOf(file);
    if (!isImageFile(file)) ignored.push(path);
    else if (!byPath.has(path)) byPath.set(path, file);
  }
  const paths = [...byPath.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const images = paths.map((path) => {
    const file = byPath.get(path) as F;
    return { path, uniqueId: imageUniqueId(batch, path), size: file.size, file };
  });
  return { images, ignored: ignored.sort(), bytes: images.reduce((sum, image) => sum + image.size, 0) };
}

/** An uploaded image: its path, its task's unique id and the stored file's attachment reference. */
export interface UploadedImage {
  /** Its path inside the folder. */
  path: string;
  /** The `unique_id` of its task. */
  uniqueId: string;
  /** `groundwork://files/<id>`. */
  reference: string;
}

/**
 * The NDJSON body that creates one task per uploaded image, in the order given: its params for the
 * project's type, its unique id, and its path in `metadata.file_name` (so a task shows where it came from).
 * Empty when the type takes no single image.
 */
export function imageTasksNdjson(type: string, images: readonly UploadedImage[]): string {
  let body = '';
  for (const image of images) {
    const params = imageTaskParams(type, image.reference);
    if (!params) return '';
    body += `${JSON.stringify({ ...params, unique_id: image.uniqueId, metadata: { file_name: image.path } })}\n`;
  }
  return body;
}

/** Progress of a run of uploads. */
export interface PoolProgress {
  /** Items finished (done or failed). */
  finished: number;
  /** Items that failed. */
  failed: number;
  /** All items. */
  total: number;
}

/** The outcome of one item of {@link runPool}. */
export type PoolOutcome<T, R> = { item: T; ok: true; value: R } | { item: T; ok: false; error: unknown };

/**
 * Runs `work` over `items` with at most `limit` at a time (at least 1), reporting progress after each item;
 * a failing item is recorded and the others go on. Stops starting new items once `signal` is aborted.
 * Outcomes are in the items' order; items never started (aborted) are left out.
 */
export async function runPool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
  options: { onProgress?: (progress: PoolProgress) => void; signal?: AbortSignal } = {},
): Promise<Array<PoolOutcome<T, R>>> {
  const outcomes: Array<PoolOutcome<T, R> | undefined> = new Array(items.length);
  let next = 0;
  let finished = 0;
  let failed = 0;
  const worker = async () => {
    while (next < items.length && !options.signal?.aborted) {
      const index = next;
      next += 1;
      const item = items[index] as T;
      try {
        outcomes[index] = { item, ok: true, value: await work(item) };
      } catch (error) {
        failed += 1;
        outcomes[index] = { item, ok: false, error };
      }
      finished += 1;
      options.onProgress?.({ finished, failed, total: items.length });
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return outcomes.filter((outcome): outcome is PoolOutcome<T, R> => outcome !== undefined);
}

/** One problem of an import, as the server reports it. */
export interface ImportProblem {
  /** 1-based line of the file (CSV header = line 1); 0 when the problem is not about one line. */
  line: number;
  /** The field (`attachment`, `metadata.source`), or `''` for the whole line. */
  path: string;
  /** What is wrong. */
  message: string;
}

/** The outcome of an import, as the report shows it. */
export interface ImportReport {
  /** Tasks created. */
  created: number;
  /** Rows skipped because their unique_id already exists. */
  skipped: number;
  /** Rows refused. */
  failed: number;
  /** Problems, first 1,000. */
  problems: ImportProblem[];
}

/** The problems of one line. */
export interface LineProblems {
  /** The line (0: not about one line). */
  line: number;
  /** Its problems, in the server's order. */
  problems: Array<{ path: string; message: string }>;
}

/** Groups problems by line, lines in ascending order (0, the file-level ones, first). */
export function groupProblemsByLine(problems: readonly ImportProblem[]): LineProblems[] {
  const byLine = new Map<number, LineProblems>();
  for (const problem of problems) {
    let group = byLine.get(problem.line);
    if (!group) {
      group = { line: problem.line, problems: [] };
      byLine.set(problem.line, group);
    }
    group.problems.push({ path: problem.path, message: problem.message });
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}

/**
 * How many problems each field has, most first (ties by name), so a report can say "attachment: 12 rows"
 * before the table. Problems without a field count under `(row)`.
 */
export function countProblemsByField(
  problems: readonly ImportProblem[],
): Array<{ path: string; count: number }> {
  const counts = new Map<string, number>();
  for (const problem of problems) {
    const path = problem.path === '' ? '(row)' : problem.path;
    counts.set(path, (counts.get(path) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([path, count]) => ({ path, count }))
    .sort((a, b) => b.count - a.count || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The report's one-line summary: `12 created · 3 skipped (already there) · 2 failed`. */
export function reportSummary(report: Pick<ImportReport, 'created' | 'skipped' | 'failed'>): string {
  const parts = [`${report.created.toLocaleString('en')} created`];
  if (report.skipped > 0) parts.push(`${report.skipped.toLocaleString('en')} skipped (already there)`);
  if (report.failed > 0) parts.push(`${report.failed.toLocaleString('en')} failed`);
  return parts.join(' · ');
}

/** The problems as a CSV file (`line,field,message`), to fix the rows in a spreadsheet. */
export function problemsCsv(problems: readonly ImportProblem[]): string {
  let text = 'line,field,message\n';
  for (const problem of problems) {
    text += `${problem.line},${csvCell(problem.path)},${csvCell(problem.message)}\n`;
  }
  return text;
}

/** A column of the CSV template. */
export interface CsvColumn {
  /** The header. */
  name: string;
  /** What goes in it. */
  note: string;
}

/** Columns every type takes, with an example value. */
const COMMON_COLUMNS: Array<CsvColumn & { example: string }> = [
  {
    name: 'unique_id',
    note: 'Your id of the row; a row whose id already exists is skipped.',
    example: 'row-0001',
  },
  {
    name: 'metadata.source',
    note: 'Any metadata.<key> column is kept in the task’s metadata.',
    example: 'spring-batch',
  },
  { name: 'tags', note: 'Tags separated by semicolons.', example: 'street;daylight' },
];

/**
 * The CSV columns of a task type with an example row: the type's own params first, then the common ones.
 * A cell starting with `[` or `{` is read as JSON.
 */
export function csvTemplateFor(type: string): { columns: CsvColumn[]; header: string[]; example: string[] } {
  const own: Array<CsvColumn & { example: string }> = (() => {
    switch (type) {
      case 'imageannotation':
        return [
          {
            name: 'attachment',
            note: 'Image URL or groundwork://files/<id>.',
            example: 'https://example.com/street-01.jpg',
          },
        ];
      case 'categorization':
        return [
          {
            name: 'attachment',
            note: 'The text, or an image/URL to categorize.',
            example: 'The delivery came late.',
          },
          { name: 'attachment_type', note: 'text, image, website…', example: 'text' },
          { name: 'categories', note: 'JSON array when it differs from the project’s.', example: '' },
        ];
      case 'transcription':
      case 'datacollection':
        return [
          {
            name: 'attachment',
            note: 'Image URL or groundwork://files/<id>.',
            example: 'https://example.com/receipt-01.png',
          },
        ];
      case 'textcollection':
        return [
          {
            name: 'attachments',
            note: 'JSON array of { "type", "content" } objects.',
            example: '[{"type":"text","content":"A cat on a mat"}]',
          },
        ];
      case 'comparison':
        return [
          {
            name: 'attachments',
            note: 'JSON array of at least two URLs or texts.',
            example: '["https://example.com/a.jpg","https://example.com/b.jpg"]',
          },
        ];
      case 'pairwisepreference':
        return [
          { name: 'prompt', note: 'The prompt both responses answer.', example: 'Summarize the article.' },
          {
            name: 'responses',
            note: 'JSON array of the two responses, { "content" } each.',
            example: '[{"content":"Short answer."},{"content":"A longer answer."}]',
          },
        ];
      case 'ranking':
        return [
          { name: 'prompt', note: 'The prompt the responses answer.', example: 'Write a haiku.' },
          {
            name: 'responses',
            note: 'JSON array of { "id", "content" } objects.',
            example: '[{"id":"a","content":"Leaves fall."},{"id":"b","content":"Autumn."}]',
          },
        ];
      case 'demonstration':
        return [{ name: 'prompt', note: 'The prompt to answer.', example: 'Explain recursion to a child.' }];
      case 'namedentityrecognition':
        return [{ name: 'text', note: 'The text to label.', example: 'Ada Lovelace lived in London.' }];
      default:
        return [{ name: 'attachment', note: 'What to annotate.', example: '' }];
    }
  })();
  const all = [...own, ...COMMON_COLUMNS];
  return {
    columns: all.map(({ name, note }) => ({ name, note })),
    header: all.map((column) => column.name),
    example: all.map((column) => column.example),
  };
}

/** Quotes a CSV cell when it holds a comma, a quote or a line break (RFC 4180). */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The CSV template file of a type: header and one example row. */
export function csvTemplateText(type: string): string {
  const template = csvTemplateFor(type);
  return `${template.header.map(csvCell).join(',')}\n${template.example.map(csvCell).join(',')}\n`;
}
