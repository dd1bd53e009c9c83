/**
 * Running a dataset import from the console, apart from the page and the network so it is tested with
 * fakes: what is already there is looked up first (tasks by their unique_id, gold by its image) and skipped
 * without uploading anything, the rest goes in chunks — each chunk's images uploaded a few at a time (once
 * per content, as `sha256:<hex>` references like `groundwork import`), then its tasks sent in one partial
 * import that skips taken unique_ids, or its gold tasks created one by one. Cancel stops between uploads;
 * the images already uploaded still become tasks, and running the same import again finishes the rest.
 */
import { type DatasetImportFormat, MAX_TASK_UNIQUE_ID_LENGTH } from '@groundwork/domain';
import {
  type DatasetTarget,
  datasetTaskLine,
  type PlacedProblem,
  type PlannedImage,
} from './dataset-import.ts';
import { runPool } from './upload.ts';

/** What the run asks of the server and of the picked files (the panel passes the real ones). */
export interface DatasetRunApi {
  /** The unique_ids of the project's tasks that start with `prefix`. */
  uniqueIdsStartingWith(prefix: string, signal: AbortSignal): Promise<string[]>;
  /** The SHA-256 (hex) of a picked file's bytes. */
  hashFile(path: string): Promise<string>;
  /** Stores a picked file (with `referenceId` when given); its attachment reference. */
  uploadFile(path: string, referenceId: string | undefined, signal: AbortSignal): Promise<string>;
  /** Sends NDJSON task lines to the import (partial, taken unique_ids skipped); never cut short by Cancel. */
  importTasks(ndjson: string): Promise<{
    created: number;
    skipped: number;
    failed: number;
    problems: Array<{ line: number; path: string; message: string }>;
  }>;
  /** The attachments of the project's gold tasks, archived ones too. */
  goldAttachments(signal: AbortSignal): Promise<string[]>;
  /** The SHA-256 of a stored file (`groundwork://files/<id>`), or undefined when it cannot be read. */
  storedFileHash(fileId: string, signal: AbortSignal): Promise<string | undefined>;
  /** Creates a gold task; never cut short by Cancel. */
  createGold(body: {
    kind: 'evaluation' | 'training';
    params: Record<string, unknown>;
    expectedResponse: unknown;
  }): Promise<void>;
}

/** Where a run is. */
export interface DatasetRunProgress {
  /** Looking up what is already there, or sending. */
  phase: 'checking' | 'sending';
  /** Images uploaded so far. */
  uploaded: number;
  /** Images this run has to upload (distinct files, what is already there left out). */
  toUpload: number;
  /** Images sent as tasks or gold so far (created, skipped or refused). */
  sent: number;
  /** Images this run sends in all. */
  toSend: number;
}

/** The outcome of a run, for the report. */
export interface DatasetRunResult {
  /** Tasks or gold tasks created. */
  created: number;
  /** Images skipped because their task or gold task was already there. */
  skipped: number;
  /** Images not imported. */
  failed: number;
  /** Why each failed one failed, by image. */
  problems: PlacedProblem[];
  /** Whether Cancel stopped it before the end. */
  canceled: boolean;
  /** Images uploaded. */
  uploaded: number;
}

/** The options of {@link runDatasetImport}. */
export interface DatasetRunOptions {
  /** The images to import (see `planDatasetImport`). */
  plan: readonly PlannedImage[];
  /** The format (its unique_id prefix). */
  format: DatasetImportFormat;
  /** The project. */
  project: string;
  /** What to create. */
  target: DatasetTarget;
  /** The kind of gold tasks. */
  goldKind: 'evaluation' | 'training';
  /** The server and the files. */
  api: DatasetRunApi;
  /** Images per chunk (one import request each). */
  chunkSize?: number;
  /** Uploads at the same time. */
  concurrency?: number;
  /**
   * Images the preview found the project would refuse (by key, with the reasons): reported as failed
   * without uploading them, since the server would refuse them the same way.
   */
  refused?: ReadonlyMap<string, ReadonlyArray<{ path: string; message: string }>>;
  /** Cancels the run. */
  signal: AbortSignal;
  /** Called as the run goes. */
  onProgress?: (progress: DatasetRunProgress) => void;
}

/** The error fields the run reads (an `ApiFailure`'s, read by shape). */
interface ErrorShape {
  status?: number;
  code?: string;
  message?: string;
  details?: Array<{ path: string; message: string }>;
}

const shapeOf = (error: unknown): ErrorShape =>
  typeof error === 'object' && error !== null ? (error as ErrorShape) : {};

/** Whether a failure is a request cut short by Cancel (it never got an answer). */
function aborted(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted && (shapeOf(error).status === 0 || (error as Error)?.name === 'AbortError');
}

const STORED_FILE = /^groundwork:\/\/files\/([0-9a-f]{24})$/;

/** The unique_id prefixes the plan's ids start with (`coco:street/`, and `coco:sha256:` for hashed ids). */
export function uniqueIdPrefixes(plan: readonly PlannedImage[], format: string, project: string): string[] {
  const plain = `${format}:${project}/`;
  const hashed = `${format}:sha256:`;
  const prefixes = new Set<string>();
  for (const image of plan) {
    if (image.uniqueId.startsWith(plain) && plain.length <= MAX_TASK_UNIQUE_ID_LENGTH) prefixes.add(plain);
    else if (image.uniqueId.startsWith(hashed)) prefixes.add(hashed);
  }
  return [...prefixes];
}

/** Runs a dataset import to its end (or to Cancel); throws only when a whole request is refused. */
export async function runDatasetImport(options: DatasetRunOptions): Promise<DatasetRunResult> {
  const { plan, api, signal, target } = options;
  const chunkSize = Math.max(1, options.chunkSize ?? 100);
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const result: DatasetRunResult = {
    created: 0,
    skipped: 0,
    failed: 0,
    problems: [],
    canceled: false,
    uploaded: 0,
  };
  const progress: DatasetRunProgress = { phase: 'checking', uploaded: 0, toUpload: 0, sent: 0, toSend: 0 };
  const report = () => options.onProgress?.({ ...progress });
  const fail = (key: string, path: string, message: string) => {
    result.problems.push({ place: `image ${key}`, path, message });
  };
  report();

  // What is already there: tasks by unique_id, gold by attachment (and by content, for stored files).
  const existingIds = new Set<string>();
  const gold = new Set<string>();
  const goldHashes = new Map<string, string>();
  if (target === 'gold') {
    for (const attachment of await api.goldAttachments(signal)) gold.add(attachment);
    const stored = [...gold].flatMap((attachment) => {
      const id = STORED_FILE.exec(attachment)?.[1];
      return id ? [{ id, attachment }] : [];
    });
    await runPool(stored, concurrency, async (file) => {
      const hash = await api.storedFileHash(file.id, signal);
      if (hash) goldHashes.set(hash, file.attachment);
    });
  } else {
    for (const prefix of uniqueIdPrefixes(plan, options.format, options.project)) {
      for (const id of await api.uniqueIdsStartingWith(prefix, signal)) existingIds.add(id);
    }
  }

  const todo: PlannedImage[] = [];
  const planned = new Set<string>();
  for (const image of plan) {
    const refused = options.refused?.get(image.key);
    if (image.image.kind === 'missing') {
      result.failed++;
      fail(
        image.key,
        '',
        `not found among the picked files (${image.image.name}); pick it too, or give its URL`,
      );
    } else if (target !== 'gold' && (existingIds.has(image.uniqueId) || planned.has(image.uniqueId))) {
      result.skipped++;
    } else if (target === 'gold' && image.image.kind === 'reference' && gold.has(image.image.url)) {
      result.skipped++;
    } else if (refused && refused.length > 0) {
      result.failed++;
      for (const issue of refused) fail(image.key, issue.path, issue.message);
    } else {
      todo.push(image);
      planned.add(image.uniqueId);
    }
  }
  progress.phase = 'sending';
  progress.toSend = todo.length;
  progress.toUpload = new Set(
    todo.flatMap((image) => (image.image.kind === 'file' ? [image.image.path] : [])),
  ).size;
  report();

  // One upload per content: the same bytes under two names are stored once.
  const byHash = new Map<string, Promise<string>>();
  const byPath = new Map<string, Promise<string | { skip: string }>>();
  const upload = async (path: string, hash: string): Promise<string> => {
    let pending = byHash.get(hash);
    if (!pending) {
      pending = (async () => {
        let attachment: string;
        try {
          attachment = await api.uploadFile(path, `sha256:${hash}`, signal);
        } catch (error) {
          // Stored by an earlier import whose reference cannot be looked up: stored once more.
          if (shapeOf(error).code !== 'reference_id_taken') throw error;
          attachment = await api.uploadFile(path, undefined, signal);
        }
        result.uploaded++;
        progress.uploaded++;
        report();
        return attachment;
      })();
      byHash.set(hash, pending);
    }
    return pending;
  };
  /** The attachment of an image, or `{ skip }` when it already is gold (by its content). */
  const attachmentOf = (image: PlannedImage): Promise<string | { skip: string }> => {
    if (image.image.kind === 'reference') return Promise.resolve(image.image.url);
    const path = (image.image as { path: string }).path;
    let pending = byPath.get(path);
    if (!pending) {
      pending = (async () => {
        const hash = await api.hashFile(path);
        const known = goldHashes.get(hash);
        if (known) return { skip: known };
        return upload(path, hash);
      })();
      byPath.set(path, pending);
    }
    return pending;
  };

  for (let start = 0; start < todo.length && !signal.aborted; start += chunkSize) {
    const chunk = todo.slice(start, start + chunkSize);
    const outcomes = await runPool(chunk, concurrency, attachmentOf, { signal });
    const resolved: Array<{ image: PlannedImage; attachment: string }> = [];
    for (const outcome of outcomes) {
      if (outcome.ok) {
        if (typeof outcome.value === 'string')
          resolved.push({ image: outcome.item, attachment: outcome.value });
        else {
          result.skipped++;
          progress.sent++;
        }
      } else if (!aborted(outcome.error, signal)) {
        result.failed++;
        progress.sent++;
        fail(
          outcome.item.key,
          '',
          `could not be uploaded: ${shapeOf(outcome.error).message ?? 'unknown error'}`,
        );
      }
    }
    if (target === 'gold') {
      for (const { image, attachment } of resolved) {
        if (gold.has(attachment)) result.skipped++;
        else {
          try {
            await api.createGold({
              kind: options.goldKind,
              params: { attachment, attachment_type: 'image' },
              expectedResponse: image.response,
            });
            gold.add(attachment);
            result.created++;
          } catch (error) {
            const shape = shapeOf(error);
            if (shape.status !== 400) throw error;
            result.failed++;
            const details = shape.details?.length
              ? shape.details
              : [{ path: '', message: shape.message ?? '' }];
            for (const detail of details) fail(image.key, detail.path, detail.message);
          }
        }
        progress.sent++;
        report();
      }
    } else if (resolved.length > 0) {
      const body = `${resolved.map(({ image, attachment }) => datasetTaskLine(image, attachment, target)).join('\n')}\n`;
      const outcome = await api.importTasks(body);
      result.created += outcome.created;
      result.skipped += outcome.skipped;
      result.failed += outcome.failed;
      for (const problem of outcome.problems) {
        const image = resolved[problem.line - 1]?.image;
        result.problems.push({
          place: image ? `image ${image.key}` : `line ${problem.line}`,
          path: problem.path,
          message: problem.message,
        });
      }
      progress.sent += resolved.length;
      report();
    }
  }
  result.canceled = signal.aborted && progress.sent < progress.toSend;
  return result;
}
