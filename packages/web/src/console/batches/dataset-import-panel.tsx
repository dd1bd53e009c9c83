/**
 * Importing a labeled dataset — COCO, YOLO, Pascal VOC or a Label Studio export — into an image project:
 * the person picks the format and the files (a folder or single files), chooses to create tasks, tasks with
 * pre-labels or gold, and sees a preview read in the browser with the same readers as `groundwork import`
 * before anything is sent. The import uploads each image once, creates the tasks in chunks with the CLI's
 * unique_ids (so importing again, from here or the CLI, skips what is there), and ends with the report.
 */
import type { DatasetImportFormat, DatasetRead, ImageSize } from '@groundwork/domain';
import { useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../shared/api-error.tsx';
import { Field, RadioCard } from '../shared/field.tsx';
import { FileChoosers } from '../shared/file-choosers.tsx';
import { datasetRunApi } from './dataset-api.ts';
import { readImageSize } from './dataset-files.ts';
import {
  annotationFileCandidates,
  DATASET_FORMAT_OPTIONS,
  type DatasetTarget,
  datasetPreview,
  defaultAnnotationFile,
  isImagePath,
  pickedPaths,
  planDatasetImport,
  problemPlace,
  readPickedDataset,
  reportProblems,
  textsToRead,
} from './dataset-import.ts';
import { DatasetPreview } from './dataset-preview.tsx';
import { type DatasetRunProgress, type DatasetRunResult, runDatasetImport } from './dataset-run.ts';
import { ImportReport } from './import-report.tsx';
import { IMAGE_UPLOAD_CONCURRENCY, runPool } from './upload.ts';
import './dataset-import.css';

/** Props of {@link DatasetImportPanel}. */
export interface DatasetImportPanelProps {
  /** The project's name. */
  project: string;
  /** The project's task type (an image type whose answers are annotations). */
  type: string;
  /** The project's params (its labels decide what the preview flags). */
  params: Record<string, unknown>;
  /** Names of the batches tasks may go into (not completed, not archived). */
  batches: string[];
  /** The batch chosen at first. */
  batch: string;
  /** Called when the person picks another batch. */
  onBatchChange: (batch: string) => void;
}

/** The picked files read as a dataset. */
type Reading =
  | { status: 'empty' }
  | { status: 'reading' }
  | {
      status: 'ready';
      read: DatasetRead;
      fatal: string | null;
      candidates: string[];
      annotationFile?: string;
    };

/** Where an import is. */
type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; progress: DatasetRunProgress }
  | { kind: 'done'; result: DatasetRunResult; read: DatasetRead }
  | { kind: 'failed'; error: unknown };

const TARGETS: Array<{ id: DatasetTarget; title: string; description: string }> = [
  {
    id: 'prelabels',
    title: 'Tasks with pre-labels',
    description:
      'A task per image; its annotations are drawn in advance (base_annotations) for annotators to fix.',
  },
  { id: 'tasks', title: 'Tasks only', description: 'A task per image; the annotations are not used.' },
  {
    id: 'gold',
    title: 'Gold tasks',
    description: 'A gold task per image, its annotations as the expected answer. Gold has no batch.',
  },
];

/** Files read at the same time while previewing. */
const READ_CONCURRENCY = 8;

/** Bytes of a .json file read to tell COCO from Label Studio. */
const HEAD_BYTES = 4096;

/**
 * Reads the picked files as a dataset whenever they, the format or the chosen annotation file change: the
 * texts the format needs, then the sizes of the images the reader asked for, then the read again.
 */
function usePickedDataset(
  format: DatasetImportFormat,
  files: ReadonlyMap<string, File>,
  chosenFile: string | undefined,
): Reading {
  const [reading, setReading] = useState<Reading>({ status: 'empty' });
  useEffect(() => {
    if (files.size === 0) {
      setReading({ status: 'empty' });
      return;
    }
    let stale = false;
    setReading({ status: 'reading' });
    void (async () => {
      const paths = [...files.keys()];
      const candidates = annotationFileCandidates(format, paths);
      let annotationFile = chosenFile && candidates.includes(chosenFile) ? chosenFile : undefined;
      if (!annotationFile && candidates.length > 0) {
        const heads = new Map<string, string>();
        await runPool(candidates, READ_CONCURRENCY, async (path) => {
          heads.set(path, (await files.get(path)?.slice(0, HEAD_BYTES).text()) ?? '');
        });
        annotationFile = defaultAnnotationFile(format, candidates, heads);
      }
      const texts = new Map<string, string>();
      await runPool(textsToRead(format, paths, annotationFile), READ_CONCURRENCY, async (path) => {
        const file = files.get(path);
        if (file) texts.set(path, await file.text());
      });
      const sizes = new Map<string, ImageSize | undefined>();
      let picked = readPickedDataset({ format, paths, texts, sizes, annotationFile });
      if (picked.sizesWanted.length > 0) {
        await runPool(picked.sizesWanted, READ_CONCURRENCY, async (path) => {
          const file = files.get(path);
          sizes.set(path, file ? await readImageSize(file) : undefined);
        });
        picked = readPickedDataset({ format, paths, texts, sizes, annotationFile });
      }
      if (stale) return;
      setReading({
        status: 'ready',
        read: picked.read,
        fatal: picked.fatal,
        candidates,
        ...(annotationFile ? { annotationFile } : {}),
      });
    })().catch((error: unknown) => {
      if (!stale) {
        setReading({
          status: 'ready',
          read: { items: [], problems: [] },
          fatal: `The files could not be read: ${(error as Error).message}`,
          candidates: [],
        });
      }
    });
    return () => {
      stale = true;
    };
  }, [format, files, chosenFile]);
  return reading;
}

/** The dataset import card. */
export function DatasetImportPanel({
  project,
  type,
  params,
  batches,
  batch,
  onBatchChange,
}: DatasetImportPanelProps) {
  const queryClient = useQueryClient();
  const [format, setFormat] = useState<DatasetImportFormat>('coco');
  const [files, setFiles] = useState<ReadonlyMap<string, File>>(new Map());
  const [chosenFile, setChosenFile] = useState<string | undefined>();
  const [target, setTarget] = useState<DatasetTarget>('prelabels');
  const [goldKind, setGoldKind] = useState<'evaluation' | 'training'>('evaluation');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const reading = usePickedDataset(format, files, chosenFile);
  const running = phase.kind === 'running';

  useEffect(() => () => abort.current?.abort(), []);

  const read = reading.status === 'ready' ? reading.read : null;
  const preview = useMemo(() => (read ? datasetPreview(read, params, target) : null), [read, params, target]);
  const formatOption = DATASET_FORMAT_OPTIONS.find((option) => option.id === format);
  const imageCount = useMemo(() => [...files.keys()].filter(isImagePath).length, [files]);

  const addFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files ? [...event.target.files] : [];
    event.target.value = '';
    if (picked.length === 0) return;
    const paths = pickedPaths(picked);
    setFiles((current) => {
      const next = new Map(current);
      picked.forEach((file, index) => {
        next.set(paths[index] ?? file.name, file);
      });
      return next;
    });
    setPhase({ kind: 'idle' });
  };

  const clear = () => {
    setFiles(new Map());
    setChosenFile(undefined);
    setPhase({ kind: 'idle' });
  };

  const needsBatch = target !== 'gold';
  const ready =
    !running &&
    reading.status === 'ready' &&
    reading.fatal === null &&
    (preview?.importable ?? 0) > 0 &&
    (!needsBatch || batch !== '');

  const start = async () => {
    if (!read || !ready) return;
    const controller = new AbortController();
    abort.current = controller;
    setPhase({
      kind: 'running',
      progress: { phase: 'checking', uploaded: 0, toUpload: 0, sent: 0, toSend: 0 },
    });
    try {
      const result = await runDatasetImport({
        plan: planDatasetImport(read, format, project),
        format,
        project,
        target,
        goldKind,
        api: datasetRunApi({ project, type, batch: needsBatch ? batch : undefined, files }),
        refused: new Map(preview?.refused.map((image) => [image.key, image.issues])),
        concurrency: IMAGE_UPLOAD_CONCURRENCY,
        signal: controller.signal,
        onProgress: (progress) => setPhase({ kind: 'running', progress }),
      });
      setPhase({ kind: 'done', result, read });
    } catch (error) {
      setPhase({ kind: 'failed', error });
    } finally {
      abort.current = null;
    }
    void queryClient.invalidateQueries({ queryKey: ['batches', project] });
    void queryClient.invalidateQueries({ queryKey: ['batch'] });
    void queryClient.invalidateQueries({ queryKey: ['gold', project] });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void start();
  };

  return (
    <section className="card dataset-import" aria-labelledby="dataset-import-title">
      <h2 id="dataset-import-title">Import a labeled dataset</h2>
      <p className="dataset-import__intro">
        Images with their annotations from COCO, YOLO, Pascal VOC or Label Studio, read here in your browser
        before anything is sent.{' '}
        {target === 'gold' ? (
          <>
            An image that already is a gold task of this project (the same file) is skipped, as{' '}
            <code>groundwork import</code> skips it:
          </>
        ) : (
          <>
            Each image’s task gets the unique_id{' '}
            <code>
              {format}:{project}/&lt;image&gt;
            </code>
            , the same as <code>groundwork import</code> gives it:
          </>
        )}{' '}
        running the same import again — after an interruption, or after the CLI — skips what is already there
        and only adds what is missing.
      </p>
      <form className="form dataset-import__form" onSubmit={submit}>
        <fieldset className="dataset-import__choices" disabled={running}>
          <legend>Format</legend>
          <div className="dataset-import__cards">
            {DATASET_FORMAT_OPTIONS.map((option) => (
              <RadioCard
                key={option.id}
                name="dataset-format"
                value={option.id}
                checked={format === option.id}
                onChange={() => {
                  setFormat(option.id);
                  setChosenFile(undefined);
                  setPhase({ kind: 'idle' });
                }}
                title={option.label}
                description={option.hint}
              />
            ))}
          </div>
        </fieldset>

        <div className="dataset-import__pick">
          <FileChoosers
            folder={{ label: 'Choose a folder…', inputName: 'Dataset folder' }}
            files={{ label: 'Choose files…', inputName: 'Dataset files' }}
            onChange={addFiles}
            disabled={running}
            chooserClassName="dataset-import__chooser"
          >
            {files.size > 0 && (
              <button type="button" className="button button--small" onClick={clear} disabled={running}>
                Clear
              </button>
            )}
          </FileChoosers>
          <p className="field__hint">
            {formatOption?.hint} Pick a folder, files, or both: files add up, and images are found by name
            anywhere among them.
          </p>
          {files.size > 0 && (
            <p className="dataset-import__listing" aria-live="polite">
              <strong>{files.size.toLocaleString('en')}</strong> file{files.size === 1 ? '' : 's'} picked ·{' '}
              {imageCount.toLocaleString('en')} image{imageCount === 1 ? '' : 's'}
            </p>
          )}
          {reading.status === 'ready' && reading.candidates.length > 1 && (
            <Field label="Annotation file" hint="The picked .json file to read.">
              {(control) => (
                <select
                  {...control}
                  value={reading.annotationFile ?? ''}
                  onChange={(event) => setChosenFile(event.target.value)}
                  disabled={running}
                >
                  {reading.candidates.map((path) => (
                    <option key={path} value={path}>
                      {path}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </div>

        <fieldset className="dataset-import__choices" disabled={running}>
          <legend>Create</legend>
          <div className="dataset-import__cards">
            {TARGETS.map((option) => (
              <RadioCard
                key={option.id}
                name="dataset-target"
                value={option.id}
                checked={target === option.id}
                onChange={() => {
                  setTarget(option.id);
                  setPhase({ kind: 'idle' });
                }}
                title={option.title}
                description={option.description}
              />
            ))}
          </div>
        </fieldset>

        <div className="form-row">
          {needsBatch ? (
            <Field
              label="Into batch"
              hint={batches.length === 0 ? 'Create a batch above first.' : undefined}
              className="dataset-import__batch"
            >
              {(control) => (
                <select
                  {...control}
                  value={batch}
                  onChange={(event) => onBatchChange(event.target.value)}
                  disabled={running || batches.length === 0}
                >
                  {batches.length === 0 && <option value="">No open batch</option>}
                  {batches.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : (
            <Field label="Gold kind" className="dataset-import__batch">
              {(control) => (
                <select
                  {...control}
                  value={goldKind}
                  onChange={(event) => setGoldKind(event.target.value as 'evaluation' | 'training')}
                  disabled={running}
                >
                  <option value="evaluation">Evaluation — hidden among real work</option>
                  <option value="training">Training — shown to new annotators first</option>
                </select>
              )}
            </Field>
          )}
        </div>

        {reading.status === 'reading' && (
          <p className="muted" role="status">
            Reading the files…
          </p>
        )}
        {reading.status === 'ready' && reading.fatal && (
          <p className="error-text" role="alert">
            {reading.fatal}
          </p>
        )}
        {reading.status === 'ready' && !reading.fatal && preview && (
          <DatasetPreview preview={preview} problems={reading.read.problems} target={target} />
        )}

        <div className="form-row dataset-import__actions">
          <button type="submit" className="button button--primary" disabled={!ready}>
            {running ? 'Importing…' : 'Import'}
          </button>
          {running && (
            <button type="button" className="button" onClick={() => abort.current?.abort()}>
              Cancel
            </button>
          )}
          {!running && reading.status === 'ready' && !reading.fatal && preview?.importable === 0 && (
            <span className="muted">
              Nothing to import: no image was found, or the project would refuse every one.
            </span>
          )}
        </div>
      </form>

      {phase.kind === 'running' && <RunProgress progress={phase.progress} target={target} />}
      {phase.kind === 'failed' && <ApiError error={phase.error} prefix="The import stopped:" />}
      {phase.kind === 'done' && <RunReport result={phase.result} read={phase.read} />}
    </section>
  );
}

/** Progress of a running import. */
function RunProgress({ progress, target }: { progress: DatasetRunProgress; target: DatasetTarget }) {
  if (progress.phase === 'checking') {
    return (
      <p className="muted" role="status">
        Checking which images are already {target === 'gold' ? 'gold' : 'imported'}…
      </p>
    );
  }
  return (
    <div className="upload-progress dataset-import__progress" role="status">
      <span>
        Images uploaded: {progress.uploaded.toLocaleString('en')} of {progress.toUpload.toLocaleString('en')}
      </span>
      <progress max={Math.max(progress.toUpload, 1)} value={progress.uploaded} aria-label="Images uploaded" />
      <span>
        {target === 'gold' ? 'Gold tasks' : 'Tasks'} sent: {progress.sent.toLocaleString('en')} of{' '}
        {progress.toSend.toLocaleString('en')}
      </span>
      <progress max={Math.max(progress.toSend, 1)} value={progress.sent} aria-label="Tasks sent" />
    </div>
  );
}

/** The report of a finished (or canceled) import: the read problems first, then the run's, by image or file. */
function RunReport({ result, read }: { result: DatasetRunResult; read: DatasetRead }) {
  const { places, problems } = useMemo(
    () =>
      reportProblems([
        ...read.problems.map((problem) => ({
          place: problemPlace(problem),
          path: problem.path,
          message: problem.message,
        })),
        ...result.problems,
      ]),
    [read, result],
  );
  return (
    <>
      {result.canceled && (
        <p className="dataset-import__warning" role="status">
          Canceled. What was sent is kept; run the same import again to add the rest — what is already there
          is skipped.
        </p>
      )}
      <ImportReport
        report={{
          created: result.created,
          skipped: result.skipped,
          failed: result.failed + read.problems.length,
          problems,
        }}
        rowLabel={(line) => places[line - 1] ?? `#${line}`}
      />
      {result.uploaded > 0 && (
        <p className="muted dataset-import__uploaded">
          {result.uploaded.toLocaleString('en')} image{result.uploaded === 1 ? '' : 's'} uploaded.
        </p>
      )}
    </>
  );
}
