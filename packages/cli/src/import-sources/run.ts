/**
 * How `groundwork import` runs: the input read into chunks (CSV/JSONL rows, or images with their answers),
 * each chunk sent as one request — rows to the bulk import in partial mode with taken unique_ids skipped,
 * images uploaded once and turned into tasks, pre-labeled tasks or gold tasks — the state file written after
 * every chunk so an interrupted import can resume, and a report of what was created, skipped and failed.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { datasetUniqueId } from '@groundwork/domain';
import {
  type ApiTarget,
  createGold,
  importChunk,
  listGold,
  RemoteApiError,
  uploadFile,
} from '../api-client.ts';
import { CliError } from '../errors.ts';
import { readCoco } from './coco.ts';
import { imageContentType } from './images.ts';
import { readLabelStudio } from './label-studio.ts';
import { importProgress } from './progress.ts';
import {
  fingerprint,
  type ImportSettings,
  type ImportState,
  type ImportTotals,
  MAX_STATE_PROBLEMS,
  readState,
  statePath,
  writeState,
} from './state.ts';
import { csvChunks, jsonlChunks } from './text-chunks.ts';
import {
  type AnnotationFormat,
  type AnnotationSet,
  fileLine,
  type ImageItem,
  type ImageSource,
  type ImportFormat,
  type ImportProblem,
} from './types.ts';
import { readVoc } from './voc.ts';
import { readYolo } from './yolo.ts';

/** What to create from the input. */
export type ImportTarget = 'tasks' | 'prelabels' | 'gold';

/** Everything one import needs, already checked by the command. */
export interface ImportJob {
  target: ApiTarget;
  /** The input path, or `-` for standard input (CSV or JSONL; no state file). */
  input: string;
  /** Standard input, for `-`. */
  stdin?: Readable;
  format: ImportFormat;
  as: ImportTarget;
  /** Task type of every row. */
  type: string;
  project: string | undefined;
  batch: string | undefined;
  goldKind: 'evaluation' | 'training';
  imagesDir: string | undefined;
  chunkSize: number;
  resume: boolean;
  /** The caller's organization id and environment (uploads are reused only there). */
  org: { id: string; environment: string };
  /** Where notes and progress go. */
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** The outcome of an import. */
export interface ImportReport {
  input: string;
  format: ImportFormat;
  as: ImportTarget;
  project: string | null;
  type: string;
  created: number;
  skipped: number;
  /** Rows or images not imported, plus problems found reading the input. */
  failed: number;
  /** Every problem (reading the input, then the chunks'), in order. */
  problems: ImportProblem[];
  /** Where the state was kept (null for standard input). */
  stateFile: string | null;
  /** The chunk the run started at (0 unless resumed). */
  resumedAtChunk: number;
}

/** An image that could not be turned into an attachment. */
class ImageProblem extends Error {}

/**
 * Attachments for images: references as they are, local files uploaded once — by SHA-256 in the state's
 * file map, and as the server's `reference_id` `sha256:<hex>` — and concurrent requests for one file shared.
 */
class ImageUploader {
  readonly #target: ApiTarget;
  readonly #files: Record<string, string>;
  readonly #pending = new Map<string, Promise<string>>();
  /** Images uploaded by this run. */
  uploaded = 0;

  constructor(target: ApiTarget, files: Record<string, string>) {
    this.#target = target;
    this.#files = files;
  }

  async attachment(source: ImageSource): Promise<string> {
    if (source.kind === 'reference') return source.url;
    if (source.kind === 'missing') {
      throw new ImageProblem(
        `not found (${source.looked.length > 0 ? `looked for ${source.name} in ${source.looked.join(', ')}` : 'pass --images with its folder'})`,
      );
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(source.path);
    } catch (error) {
      throw new ImageProblem(
        `cannot read ${source.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
    const sha = createHash('sha256').update(bytes).digest('hex');
    const known = this.#files[sha];
    if (known) return known;
    let pending = this.#pending.get(sha);
    if (!pending) {
      pending = this.#upload(source.path, bytes, sha).finally(() => this.#pending.delete(sha));
      this.#pending.set(sha, pending);
    }
    return pending;
  }

  async #upload(path: string, bytes: Buffer, sha: string): Promise<string> {
    const input = { bytes, contentType: imageContentType(path), fileName: basename(path) };
    let file: Awaited<ReturnType<typeof uploadFile>>;
    try {
      file = await uploadFile(this.#target, { ...input, referenceId: `sha256:${sha}` });
    } catch (error) {
      // Uploaded by a run whose state file is gone: the server has the bytes but not an id to look up by
      // reference, so the image is uploaded once more.
      if (!(error instanceof RemoteApiError) || error.code !== 'reference_id_taken') throw error;
      file = await uploadFile(this.#target, input);
    }
    this.uploaded++;
    this.#files[sha] = file.attachmentUrl;
    return file.attachmentUrl;
  }
}

/** Runs `fn` over `items` with at most `limit` calls at a time; results in item order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function readAnnotations(job: ImportJob): AnnotationSet {
  const options = { imagesDir: job.imagesDir };
  switch (job.format) {
    case 'coco':
      return readCoco(job.input, options);
    case 'yolo':
      return readYolo(job.input, options);
    case 'voc':
      return readVoc(job.input, options);
    case 'labelstudio':
      return readLabelStudio(job.input, options);
    default:
      throw new Error(`${job.format} is not an annotation format`);
  }
}

/** One chunk of work: how many rows it holds, how far along the input it ends, and how to send it. */
interface Chunk {
  rows: number;
  progress: number;
  send: () => Promise<{ totals: ImportTotals; problems: ImportProblem[] }>;
}

function sameSettings(a: ImportSettings, b: ImportSettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Runs an import to its end (or to the first chunk the server refuses as a whole, or that cannot be sent):
 * reads the input, resumes from the state file when asked, sends every chunk and records each in the state
 * file. Throws a CliError saying how to resume when it stops early; returns the report otherwise.
 */
export async function runImport(job: ImportJob): Promise<ImportReport> {
  const annotations = job.format === 'csv' || job.format === 'jsonl' ? undefined : readAnnotations(job);
  const stdin = job.input === '-';
  const files = annotations ? annotations.files : stdin ? [] : [job.input];
  const settings: ImportSettings = {
    format: job.format,
    as: job.as,
    project: job.project ?? null,
    type: job.type,
    batch: job.batch ?? null,
    goldKind: job.goldKind,
    chunkSize: job.chunkSize,
  };
  const target = { url: job.target.url, org: job.org.id, environment: job.org.environment };
  const path = stdin ? null : statePath(job.input);
  const prior = path ? readState(path) : undefined;
  const print = fingerprint(files);
  const sameTarget =
    prior?.target.url === target.url &&
    prior.target.org === target.org &&
    prior.target.environment === target.environment;
  const state: ImportState = {
    version: 1,
    fingerprint: print,
    settings,
    target,
    chunksDone: 0,
    totals: { created: 0, skipped: 0, failed: 0 },
    problems: [],
    files: sameTarget && prior ? prior.files : {},
    finished: false,
    updatedAt: '',
  };
  // Chunks before this one were completed by an earlier run; a finished import has none left.
  let skip = 0;
  if (job.resume) {
    if (!prior) {
      job.stderr.write('note: no interrupted import to resume; starting from the beginning\n');
    } else if (prior.fingerprint !== print || !sameSettings(prior.settings, settings) || !sameTarget) {
      throw new CliError(
        `cannot resume: ${prior.fingerprint !== print ? 'the input changed' : !sameTarget ? 'the server, organization or environment is not the same' : 'the options are not the same'} since the interrupted run (${path}); run without --resume to start over (tasks already imported are skipped)`,
      );
    } else {
      Object.assign(state, {
        chunksDone: prior.chunksDone,
        totals: prior.totals,
        problems: prior.problems,
        finished: prior.finished,
      });
      skip = prior.finished ? Number.POSITIVE_INFINITY : prior.chunksDone;
      if (prior.finished)
        job.stderr.write('note: this import had already finished; nothing left to resume\n');
    }
  }
  let saving = path !== null;
  const save = () => {
    if (!saving || !path) return;
    try {
      writeState(path, state);
    } catch (error) {
      // A read-only folder: the import goes on, only it cannot be resumed.
      saving = false;
      job.stderr.write(
        `note: cannot write the state file ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); --resume will not be possible\n`,
      );
    }
  };

  const uploader = new ImageUploader(job.target, state.files);
  const gold =
    job.as === 'gold' && job.project !== undefined
      ? new Set(
          (await listGold(job.target, job.project)).flatMap((g) =>
            typeof g.params.attachment === 'string' ? [g.params.attachment] : [],
          ),
        )
      : undefined;
  const total = annotations ? annotations.items.length : stdin ? 0 : statSync(job.input).size;
  const progress = importProgress(job.stderr as never, total, annotations ? 'images' : 'bytes');
  const chunks = annotations
    ? imageChunks(job, annotations.items, uploader, gold)
    : textChunks(job, stdin ? (job.stdin as Readable) : createReadStream(job.input));

  let index = 0;
  let rows = 0;
  try {
    for await (const chunk of chunks) {
      rows += chunk.rows;
      if (index < skip) {
        index++;
        continue;
      }
      let outcome: Awaited<ReturnType<Chunk['send']>>;
      try {
        outcome = await chunk.send();
      } catch (error) {
        save();
        throw stopped(error, index, path);
      }
      state.totals.created += outcome.totals.created;
      state.totals.skipped += outcome.totals.skipped;
      state.totals.failed += outcome.totals.failed;
      state.problems.push(
        ...outcome.problems.slice(0, Math.max(0, MAX_STATE_PROBLEMS - state.problems.length)),
      );
      state.chunksDone = ++index;
      save();
      progress.update(chunk.progress, rows, state.totals);
    }
  } finally {
    progress.stop();
  }
  if (!state.finished) {
    state.finished = true;
    save();
  }
  const readProblems = annotations?.problems ?? [];
  return {
    input: job.input,
    format: job.format,
    as: job.as,
    project: job.project ?? null,
    type: job.type,
    created: state.totals.created,
    skipped: state.totals.skipped,
    failed: state.totals.failed + readProblems.length,
    problems: [...readProblems, ...state.problems],
    stateFile: path,
    resumedAtChunk: Number.isFinite(skip) ? skip : state.chunksDone,
  };
}

/** The CliError of an import that stopped at chunk `index`: why, and how to go on. */
function stopped(error: unknown, index: number, path: string | null): CliError {
  const hint = path
    ? `${index} chunk(s) were completed; run the same command with --resume to continue (state: ${path})`
    : `${index} chunk(s) were completed`;
  if (error instanceof RemoteApiError) {
    return new CliError(`${error.message} — the import stopped; ${hint}`, {
      details: error.details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)),
    });
  }
  if (error instanceof CliError) return new CliError(`${error.message} — the import stopped; ${hint}`);
  throw error;
}

async function* textChunks(job: ImportJob, body: Readable): AsyncGenerator<Chunk> {
  const source = job.format === 'csv' ? csvChunks(body, job.chunkSize) : jsonlChunks(body, job.chunkSize);
  for await (const chunk of source) {
    yield {
      rows: chunk.rows,
      progress: chunk.bytesRead,
      send: async () => {
        const result = await importChunk(job.target, {
          type: job.type,
          project: job.project,
          batch: job.batch,
          format: job.format === 'csv' ? 'csv' : 'ndjson',
          body: chunk.text,
        });
        return {
          totals: { created: result.created, skipped: result.skipped, failed: result.failed },
          problems: result.problems.map((p) => ({
            line: fileLine(chunk, p.line),
            path: p.path,
            message: p.message,
          })),
        };
      },
    };
  }
}

/** Problems sorted by the position of their image in the chunk (stable: an image's own order is kept). */
function inItemOrder(problems: ImportProblem[], batch: readonly ImageItem[]): ImportProblem[] {
  const position = new Map(batch.map((item, index) => [item.key, index]));
  const at = (problem: ImportProblem) => position.get(problem.item ?? '') ?? batch.length;
  return [...problems].sort((a, b) => at(a) - at(b));
}

async function* imageChunks(
  job: ImportJob,
  items: readonly ImageItem[],
  uploader: ImageUploader,
  gold: Set<string> | undefined,
): AsyncGenerator<Chunk> {
  const format = job.format as AnnotationFormat;
  for (let start = 0; start < items.length; start += job.chunkSize) {
    const batch = items.slice(start, start + job.chunkSize);
    yield {
      rows: batch.length,
      progress: start + batch.length,
      send: async () => {
        const totals = { created: 0, skipped: 0, failed: 0 };
        const problems: ImportProblem[] = [];
        const resolved: Array<{ item: ImageItem; attachment: string }> = [];
        const attachments = await mapLimited(batch, 4, async (item) => {
          try {
            return await uploader.attachment(item.image);
          } catch (error) {
            if (error instanceof ImageProblem) return error;
            throw error;
          }
        });
        batch.forEach((item, i) => {
          const attachment = attachments[i];
          if (attachment instanceof ImageProblem) {
            totals.failed++;
            problems.push({ item: item.key, path: '', message: attachment.message });
          } else if (attachment !== undefined) resolved.push({ item, attachment });
        });
        if (gold) {
          for (const { item, attachment } of resolved) {
            if (gold.has(attachment)) {
              totals.skipped++;
              continue;
            }
            try {
              await createGold(job.target, job.project ?? '', {
                kind: job.goldKind,
                params: { attachment, attachment_type: 'image' },
                expectedResponse: item.response,
              });
              gold.add(attachment);
              totals.created++;
            } catch (error) {
              if (!(error instanceof RemoteApiError) || error.status !== 400) throw error;
              totals.failed++;
              const details =
                error.details.length > 0 ? error.details : [{ path: '', message: error.message }];
              for (const d of details) problems.push({ item: item.key, path: d.path, message: d.message });
            }
          }
          return { totals, problems: inItemOrder(problems, batch) };
        }
        if (resolved.length === 0) return { totals, problems };
        const body = resolved
          .map(({ item, attachment }) =>
            JSON.stringify({
              attachment,
              attachment_type: 'image',
              unique_id: datasetUniqueId(format, job.project ?? job.type, item.key),
              ...(job.as === 'prelabels'
                ? { base_annotations: { annotations: item.response.annotations } }
                : {}),
            }),
          )
          .join('\n');
        const result = await importChunk(job.target, {
          type: job.type,
          project: job.project,
          batch: job.batch,
          format: 'ndjson',
          body: `${body}\n`,
        });
        totals.created += result.created;
        totals.skipped += result.skipped;
        totals.failed += result.failed;
        for (const p of result.problems) {
          problems.push({
            item: resolved[p.line - 1]?.item.key ?? `line ${p.line}`,
            path: p.path,
            message: p.message,
          });
        }
        return { totals, problems: inItemOrder(problems, batch) };
      },
    };
  }
}
