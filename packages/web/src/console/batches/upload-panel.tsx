/**
 * Uploading tasks into a batch: a CSV or JSONL file is sent as is (valid rows are created, rows whose
 * unique_id already exists are skipped, bad rows are reported); a folder of images is uploaded a few files
 * at a time with progress, then one task per image is created with the image as its attachment and its
 * path as its unique id, so uploading the same folder again only adds what is missing.
 */
import { useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { ApiFailure, api, call } from '../../api/client.ts';
import { ApiError } from '../shared/api-error.tsx';
import { errorMessage } from '../shared/api-problems.ts';
import { Field } from '../shared/field.tsx';
import { FileChoosers } from '../shared/file-choosers.tsx';
import { formatBytes } from '../shared/format.ts';
import { ImportReport } from './import-report.tsx';
import {
  acceptsImageFolder,
  csvTemplateFor,
  csvTemplateText,
  IMAGE_UPLOAD_CONCURRENCY,
  type ImportReport as ImportReportData,
  imageTasksNdjson,
  listFolder,
  type PoolProgress,
  runPool,
  textSourceOf,
  type UploadedImage,
  type UploadSource,
} from './upload.ts';

/** Props of {@link UploadPanel}. */
export interface UploadPanelProps {
  /** The project's name. */
  project: string;
  /** The project's task type. */
  type: string;
  /** Names of the batches tasks may go into (not completed, not archived). */
  batches: string[];
  /** The batch chosen at first. */
  batch: string;
  /** Called when the person picks another batch. */
  onBatchChange: (batch: string) => void;
}

/** Where an upload is. */
type Phase =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'uploading'; progress: PoolProgress; bytes: number; totalBytes: number }
  | { kind: 'importing' }
  | {
      kind: 'done';
      report: ImportReportData;
      /** For a folder: the image of each NDJSON line (line 1 = index 0). */
      lines?: string[];
      uploadFailures?: Array<{ path: string; message: string }>;
      alreadyThere?: number;
      canceled?: boolean;
    }
  | { kind: 'failed'; error: unknown };

const SOURCES: Array<{ id: UploadSource; label: string }> = [
  { id: 'csv', label: 'CSV file' },
  { id: 'jsonl', label: 'JSONL file' },
  { id: 'images', label: 'Folder of images' },
];

/** The most pages of existing tasks read to find which images are already in the batch. */
const MAX_EXISTING_PAGES = 200;

/** The unique ids of the batch's tasks (up to {@link MAX_EXISTING_PAGES} pages of 100). */
async function existingUniqueIds(project: string, batch: string, signal: AbortSignal): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_EXISTING_PAGES && !signal.aborted; page += 1) {
    const result = await call(
      api.GET('/api/tasks', {
        params: { query: { project, batch, limit: 100, ...(cursor ? { cursor } : {}) } },
        signal,
      }),
    );
    for (const task of result.items) if (task.uniqueId) ids.add(task.uniqueId);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return ids;
}

/** Sends a task file (CSV or NDJSON) to the import, rows checked one by one. */
async function importTasks(
  query: { project: string; batch: string; type: string; format: 'csv' | 'ndjson' },
  body: Blob | string,
): Promise<ImportReportData> {
  const result = await call(
    api.POST('/api/tasks/import', {
      params: { query: { ...query, mode: 'partial', onDuplicate: 'skip' } },
      body: body as unknown as string,
      bodySerializer: (value: unknown) => value as BodyInit,
      headers: { 'content-type': query.format === 'csv' ? 'text/csv' : 'application/x-ndjson' },
    }),
  );
  return {
    created: result.created,
    skipped: result.skipped,
    failed: result.failed,
    problems: result.problems,
  };
}

/** Stores one image as a file of the project. */
async function uploadImage(project: string, path: string, file: File, signal: AbortSignal): Promise<string> {
  const form = new FormData();
  form.append('project_name', project);
  form.append('display_name', path);
  form.append('file', file, file.name);
  const stored = await call(
    api.POST('/api/files', {
      body: form as unknown as { file: string },
      signal,
    }),
  );
  return stored.attachmentUrl;
}

/** Whether a failure is a request that Stop cut short (it never got an answer). */
function isAbort(error: unknown): boolean {
  return error instanceof ApiFailure && error.status === 0;
}

/** The upload card. */
export function UploadPanel({ project, type, batches, batch, onBatchChange }: UploadPanelProps) {
  const queryClient = useQueryClient();
  const [source, setSource] = useState<UploadSource>('csv');
  const [textFile, setTextFile] = useState<File | null>(null);
  const [images, setImages] = useState<File[]>([]);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const imagesAllowed = acceptsImageFolder(type);
  const listing = useMemo(() => listFolder(images, batch), [images, batch]);
  const busy = phase.kind === 'checking' || phase.kind === 'uploading' || phase.kind === 'importing';
  const template = useMemo(() => csvTemplateFor(type), [type]);

  useEffect(() => () => abort.current?.abort(), []);

  const chooseSource = (next: UploadSource) => {
    setSource(next);
    setTextFile(null);
    setImages([]);
    setPhase({ kind: 'idle' });
  };

  const pickTextFile = (event: ChangeEvent<HTMLInputElement>) => {
    setTextFile(event.target.files?.[0] ?? null);
    setPhase({ kind: 'idle' });
  };

  const pickImages = (event: ChangeEvent<HTMLInputElement>) => {
    setImages(event.target.files ? [...event.target.files] : []);
    setPhase({ kind: 'idle' });
    event.target.value = '';
  };

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['batches', project] });
    void queryClient.invalidateQueries({ queryKey: ['batch'] });
  };

  const detected = textFile ? textSourceOf(textFile) : null;
  const wrongKind = detected !== null && detected !== source;

  const uploadText = async () => {
    if (!textFile) return;
    setPhase({ kind: 'importing' });
    try {
      const report = await importTasks(
        { project, batch, type, format: source === 'csv' ? 'csv' : 'ndjson' },
        textFile,
      );
      setPhase({ kind: 'done', report });
    } catch (error) {
      setPhase({ kind: 'failed', error });
    }
    refresh();
  };

  const uploadFolder = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ kind: 'checking' });
    try {
      const existing = await existingUniqueIds(project, batch, controller.signal);
      const todo = listing.images.filter((image) => !existing.has(image.uniqueId));
      const alreadyThere = listing.images.length - todo.length;
      const totalBytes = todo.reduce((sum, image) => sum + image.size, 0);
      let bytes = 0;
      setPhase({
        kind: 'uploading',
        progress: { finished: 0, failed: 0, total: todo.length },
        bytes,
        totalBytes,
      });
      const outcomes = await runPool(
        todo,
        IMAGE_UPLOAD_CONCURRENCY,
        async (image) => {
          const reference = await uploadImage(project, image.path, image.file, controller.signal);
          bytes += image.size;
          return reference;
        },
        {
          signal: controller.signal,
          onProgress: (progress) => setPhase({ kind: 'uploading', progress, bytes, totalBytes }),
        },
      );
      const uploaded: UploadedImage[] = [];
      const uploadFailures: Array<{ path: string; message: string }> = [];
      for (const outcome of outcomes) {
        if (outcome.ok) {
          uploaded.push({
            path: outcome.item.path,
            uniqueId: outcome.item.uniqueId,
            reference: outcome.value,
          });
        } else if (!(controller.signal.aborted && isAbort(outcome.error))) {
          // An upload cut short by Stop is not a problem of the image.
          uploadFailures.push({ path: outcome.item.path, message: errorMessage(outcome.error) });
        }
      }
      const canceled = controller.signal.aborted;
      let report: ImportReportData = { created: 0, skipped: 0, failed: 0, problems: [] };
      if (uploaded.length > 0) {
        setPhase({ kind: 'importing' });
        report = await importTasks(
          { project, batch, type, format: 'ndjson' },
          imageTasksNdjson(type, uploaded),
        );
      }
      setPhase({
        kind: 'done',
        report,
        lines: uploaded.map((image) => image.path),
        uploadFailures,
        alreadyThere,
        canceled,
      });
    } catch (error) {
      setPhase({ kind: 'failed', error });
    } finally {
      abort.current = null;
    }
    refresh();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy || batch === '') return;
    if (source === 'images') void uploadFolder();
    else void uploadText();
  };

  const ready =
    batch !== '' &&
    !busy &&
    (source === 'images' ? listing.images.length > 0 && imagesAllowed : textFile !== null);

  return (
    <section className="card upload-panel" aria-labelledby="upload-title">
      <h2 id="upload-title">Upload tasks</h2>
      <form className="form upload-panel__form" onSubmit={submit}>
        <div className="form-row">
          <Field label="Into batch">
            {(control) => (
              <select
                {...control}
                value={batch}
                onChange={(event) => onBatchChange(event.target.value)}
                disabled={busy || batches.length === 0}
              >
                {batches.length === 0 && <option value="">Create a batch first</option>}
                {batches.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="tabs" role="tablist" aria-label="What to upload">
          {SOURCES.map((option) => (
            <button
              key={option.id}
              type="button"
              role="tab"
              aria-selected={source === option.id}
              disabled={busy}
              onClick={() => chooseSource(option.id)}
            >
              {option.label}
            </button>
          ))}
        </div>

        {source !== 'images' ? (
          <div className="upload-panel__pick">
            <Field
              label={source === 'csv' ? 'CSV file' : 'JSONL file'}
              hint={
                <>
                  {source === 'csv'
                    ? 'The first row names the columns. Valid rows are created; each bad row is reported below.'
                    : 'One task per line as a JSON object (Scale’s task fields). Valid lines are created; each bad line is reported below.'}{' '}
                  A row whose <code>unique_id</code> already exists is skipped, so the same file can be sent
                  again.
                  {textFile && (
                    <>
                      <br />
                      Chosen: {textFile.name} · {formatBytes(textFile.size)}
                    </>
                  )}
                </>
              }
              error={
                wrongKind
                  ? `This looks like a ${detected === 'csv' ? 'CSV' : 'JSONL'} file; it will be read as ${source === 'csv' ? 'CSV' : 'JSONL'}.`
                  : undefined
              }
            >
              {(control) => (
                <input
                  {...control}
                  key={source}
                  type="file"
                  accept={source === 'csv' ? '.csv,text/csv' : '.jsonl,.ndjson,.json,application/x-ndjson'}
                  onChange={pickTextFile}
                  disabled={busy}
                />
              )}
            </Field>
            {source === 'csv' ? (
              <details className="upload-panel__help">
                <summary>CSV columns for {type} tasks</summary>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Column</th>
                      <th scope="col">What goes in it</th>
                    </tr>
                  </thead>
                  <tbody>
                    {template.columns.map((column) => (
                      <tr key={column.name}>
                        <td>
                          <code>{column.name}</code>
                        </td>
                        <td>{column.note}</td>
                      </tr>
                    ))}
                    <tr>
                      <td>
                        <code>params.&lt;name&gt;</code>
                      </td>
                      <td>
                        Any other param of the type, overriding the project’s default. A cell starting with{' '}
                        <code>[</code> or <code>{'{'}</code> is read as JSON.
                      </td>
                    </tr>
                  </tbody>
                </table>
                <pre className="upload-panel__sample">{csvTemplateText(type)}</pre>
                <a
                  className="button button--small"
                  download={`${project}-template.csv`}
                  href={`data:text/csv;charset=utf-8,${encodeURIComponent(csvTemplateText(type))}`}
                >
                  Download the template
                </a>
              </details>
            ) : (
              <details className="upload-panel__help">
                <summary>Example lines</summary>
                <pre className="upload-panel__sample">
                  {`{"attachment":"https://example.com/a.jpg","unique_id":"row-0001","metadata":{"source":"spring"}}\n{"attachment":"https://example.com/b.jpg","unique_id":"row-0002","tags":["street"]}`}
                </pre>
              </details>
            )}
          </div>
        ) : !imagesAllowed ? (
          <p className="empty">
            A <strong>{type}</strong> task does not take a single image; upload a CSV or JSONL file instead.
          </p>
        ) : (
          <div className="upload-panel__pick">
            <FileChoosers
              folder={{ label: 'Choose a folder…', inputName: 'Folder of images' }}
              files={{ label: 'Choose images…', inputName: 'Images', accept: 'image/*' }}
              onChange={pickImages}
              disabled={busy}
              chooserClassName="upload-panel__chooser"
            />
            <p className="field__hint">
              One task per image, the image as its attachment. Each task’s <code>unique_id</code> is{' '}
              <code>{batch || '<batch>'}/&lt;path in the folder&gt;</code>: uploading the same folder into
              this batch again only adds the images that are missing.
            </p>
            {images.length > 0 && (
              <p className="upload-panel__listing" aria-live="polite">
                <strong>{listing.images.length.toLocaleString('en')}</strong> image
                {listing.images.length === 1 ? '' : 's'} · {formatBytes(listing.bytes)}
                {listing.ignored.length > 0 && (
                  <span className="muted">
                    {' '}
                    · {listing.ignored.length.toLocaleString('en')} other file
                    {listing.ignored.length === 1 ? '' : 's'} left out
                  </span>
                )}
              </p>
            )}
          </div>
        )}

        <div className="form-row">
          <button type="submit" className="button button--primary" disabled={!ready}>
            {busy ? 'Uploading…' : 'Upload'}
          </button>
          {phase.kind === 'uploading' && (
            <button type="button" className="button" onClick={() => abort.current?.abort()}>
              Stop
            </button>
          )}
        </div>
      </form>

      {phase.kind === 'checking' && (
        <p className="muted" role="status">
          Checking which images are already in {batch}…
        </p>
      )}
      {phase.kind === 'uploading' && (
        <div className="upload-progress" role="status">
          <progress
            max={Math.max(phase.progress.total, 1)}
            value={phase.progress.finished}
            aria-label="Images uploaded"
          />
          <span>
            {phase.progress.finished.toLocaleString('en')} of {phase.progress.total.toLocaleString('en')}{' '}
            images · {formatBytes(phase.bytes)} of {formatBytes(phase.totalBytes)}
            {phase.progress.failed > 0 && ` · ${phase.progress.failed} failed`}
          </span>
        </div>
      )}
      {phase.kind === 'importing' && (
        <p className="muted" role="status">
          Checking and creating the tasks…
        </p>
      )}
      {phase.kind === 'failed' && <ApiError error={phase.error} prefix="The upload failed:" />}
      {phase.kind === 'done' && (
        <>
          {phase.canceled && (
            <p className="banner banner--warn">
              Stopped. The images uploaded so far became tasks; upload the same folder again to finish.
            </p>
          )}
          <ImportReport
            report={phase.report}
            {...(phase.lines
              ? {
                  rowLabel: (line: number) =>
                    line === 0 ? 'Whole upload' : (phase.lines?.[line - 1] ?? `Line ${line}`),
                }
              : {})}
            {...(phase.uploadFailures ? { uploadFailures: phase.uploadFailures } : {})}
            {...(phase.alreadyThere !== undefined ? { alreadyThere: phase.alreadyThere } : {})}
          />
        </>
      )}
    </section>
  );
}
