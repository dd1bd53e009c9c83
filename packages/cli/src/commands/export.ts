/**
 * `groundwork export <project> --format <format>`: asks a running server for a dataset export, follows its
 * progress (a progress bar on a terminal, a line every few seconds otherwise, both on stderr) and
 * downloads the file. The download goes to `<file>.part` and is renamed when complete, so an interrupted
 * run leaves no half-written file under the final name. Ctrl-C cancels the export on the server.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGroundworkClient, type GroundworkClient, type ResponseOf } from '@groundwork/sdk';
import { SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { type CliIo, printNote, printResult } from '../context.ts';
import { CliError, UsageError } from '../errors.ts';
import { readSecret } from '../secrets.ts';

/** An export as the server describes it. */
export type DatasetExport = ResponseOf<'getExport'>;

/** The statuses an export can be requested with. */
const STATUSES = ['completed', 'pending', 'canceled', 'error', 'any'] as const;

/** Options of the `export` command. */
interface ExportOptions {
  format: string;
  batch?: string;
  status?: string;
  tag?: string[];
  includeAnswers?: boolean;
  out?: string;
  url?: string;
  key?: string;
}

/** Milliseconds between two looks at a running export. */
const POLL_MS = 500;

/** The `export` command. */
export function exportCommand(io: CliIo): Command {
  return new Command('export')
    .description('export a project’s tasks as a dataset file (COCO, YOLO, VOC, JSON Lines…) and download it')
    .argument('<project>', 'project name')
    .requiredOption(
      '--format <format>',
      'coco, yolo_detection, yolo_segmentation, voc, scale_json, jsonl, sft_chat, dpo, rankings or huggingface',
    )
    .option('--batch <name>', 'only the tasks of this batch')
    .option('--status <status>', `only tasks with this status: ${STATUSES.join(', ')} (default completed)`)
    .option('--tag <tag...>', 'only tasks carrying any of these tags')
    .option('--include-answers', 'JSON Lines and Scale JSON: every annotator’s answer too')
    .option('--out <file>', 'where to write the file (default: the name the server gives it, here)')
    .option('--url <url>', 'server URL [env GROUNDWORK_URL, default http://localhost:8080]')
    .option('--key <key>', 'API key [env GROUNDWORK_API_KEY or GROUNDWORK_API_KEY_FILE]')
    .action(async (project: string, opts: ExportOptions) => {
      const url = opts.url ?? (io.env.GROUNDWORK_URL || 'http://localhost:8080');
      if (!/^https?:\/\//i.test(url)) {
        throw new UsageError(`--url: expected an http(s) URL, got ${JSON.stringify(url)}`);
      }
      const key = opts.key ?? readSecret(io.env, 'GROUNDWORK_API_KEY');
      if (!key) throw new UsageError('no API key: pass --key or set GROUNDWORK_API_KEY');
      if (opts.status !== undefined && !(STATUSES as readonly string[]).includes(opts.status)) {
        throw new UsageError(
          `--status: expected one of ${STATUSES.join(', ')}, got ${JSON.stringify(opts.status)}`,
        );
      }
      const gw = createGroundworkClient({ baseUrl: url, apiKey: key });
      const result = await runExport(io, gw, url, project, opts);
      printResult(io, JSON.stringify(result));
    });
}

/** What the command prints when it is done. */
interface ExportResult {
  id: string;
  file: string;
  bytes: number;
  tasks: number;
}

async function runExport(
  io: CliIo,
  gw: GroundworkClient,
  url: string,
  project: string,
  opts: ExportOptions,
): Promise<ExportResult> {
  const created = await call(url, () =>
    gw.POST('/api/projects/{name}/exports', {
      params: { path: { name: project } },
      body: {
        format: opts.format as DatasetExport['format'],
        ...(opts.batch !== undefined ? { batch: opts.batch } : {}),
        ...(opts.status !== undefined ? { status: opts.status as DatasetExport['options']['status'] } : {}),
        ...(opts.tag !== undefined ? { tags: opts.tag } : {}),
        ...(opts.includeAnswers ? { options: { includeAnswers: true } } : {}),
      },
    }),
  );
  // Ctrl-C cancels the export on the server (best effort) before the command ends.
  let interrupted = false;
  const onInterrupt = () => {
    interrupted = true;
  };
  process.once('SIGINT', onInterrupt);
  const progress = progressReporter(io, opts.format);
  let finished: DatasetExport;
  try {
    finished = await follow(url, gw, created, progress, () => interrupted);
  } finally {
    progress.stop();
    process.off('SIGINT', onInterrupt);
  }
  if (finished.status === 'failed')
    throw new CliError(`the export failed: ${finished.error ?? 'no reason given'}`);
  if (finished.status === 'canceled') throw new CliError('the export was canceled');
  const file = opts.out ?? basename(finished.fileName ?? `${finished.id}.bin`);
  const bytes = await download(url, gw, finished.id, file);
  printNote(io, `wrote ${file} (${formatBytes(bytes)})`);
  return { id: finished.id, file, bytes, tasks: finished.done };
}

/** Polls the export until it is completed, failed or canceled; cancels it when interrupted. */
async function follow(
  url: string,
  gw: GroundworkClient,
  start: DatasetExport,
  progress: ProgressReporter,
  interrupted: () => boolean,
): Promise<DatasetExport> {
  let current = start;
  for (;;) {
    progress.update(current);
    if (current.status === 'completed' || current.status === 'failed' || current.status === 'canceled') {
      return current;
    }
    if (interrupted()) {
      const id = current.id;
      await call(url, () => gw.POST('/api/exports/{id}/cancel', { params: { path: { id } } })).catch(
        () => {},
      );
      throw new CliError(`interrupted: export ${id} was canceled`, { exitCode: 130 });
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const id = current.id;
    current = await call(url, () => gw.GET('/api/exports/{id}', { params: { path: { id } } }));
  }
}

/** Streams the file to `<file>.part`, then renames it to `file`; returns its size. */
async function download(url: string, gw: GroundworkClient, id: string, file: string): Promise<number> {
  const body = await call(url, () =>
    gw.GET('/api/exports/{id}/download', { params: { path: { id } }, parseAs: 'stream' }),
  );
  const part = `${file}.part`;
  let bytes = 0;
  try {
    const source = Readable.fromWeb(body as unknown as WebReadableStream<Uint8Array>);
    source.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    await pipeline(source, createWriteStream(part));
    await rename(part, file);
    return bytes;
  } catch (error) {
    await rm(part, { force: true });
    throw new CliError(`cannot write ${file}: ${(error as Error).message}`);
  }
}

/** Shows an export's progress. */
interface ProgressReporter {
  update(exp: DatasetExport): void;
  stop(): void;
}

/** A progress bar when stderr is a terminal, else a plain line when the status or every 10% changes. */
function progressReporter(io: CliIo, format: string): ProgressReporter {
  const stream = io.stderr as NodeJS.WriteStream;
  if (stream.isTTY) {
    const bar = new SingleBar(
      {
        format: `${format} {bar} {percentage}% | {value}/{total} tasks | {state}`,
        stream,
        hideCursor: true,
        clearOnComplete: false,
      },
      undefined,
    );
    let started = false;
    return {
      update(exp) {
        const total = exp.total ?? 0;
        if (!started) {
          bar.start(total, exp.done, { state: exp.status });
          started = true;
        }
        bar.setTotal(total);
        bar.update(exp.done, { state: exp.status });
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let last = '';
  return {
    update(exp) {
      const share = exp.total ? Math.floor((exp.done / exp.total) * 10) * 10 : 0;
      const line =
        exp.status === 'running' && exp.total !== null
          ? `export ${exp.id}: running, ${exp.done}/${exp.total} tasks (${share}%)`
          : `export ${exp.id}: ${exp.status}`;
      if (line.replace(/ \d+\/\d+ tasks/, '') === last.replace(/ \d+\/\d+ tasks/, '')) return;
      last = line;
      printNote(io, line);
    },
    stop() {},
  };
}

/** Runs one SDK call: its data, or a CliError with the server's message (or why it could not be reached). */
async function call<T>(
  url: string,
  run: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await run();
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new CliError(
      `cannot reach ${new URL(url).origin}: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
    );
  }
  const { data, error, response } = result;
  if (response.ok && data !== undefined && data !== null) return data;
  const body = (typeof error === 'object' && error !== null ? error : {}) as {
    message?: unknown;
    details?: unknown;
  };
  const details = Array.isArray(body.details)
    ? body.details.flatMap((d: { path?: unknown; message?: unknown }) =>
        typeof d?.path === 'string' && typeof d?.message === 'string' ? [`${d.path}: ${d.message}`] : [],
      )
    : [];
  throw new CliError(
    typeof body.message === 'string' ? body.message : `HTTP ${response.status} from ${new URL(url).origin}`,
    { details },
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}
