/**
 * A project's batches: create, finalize, upload tasks (CSV, JSONL, a folder of images) with a validation
 * report, and, for image annotation projects, import labeled datasets (COCO, YOLO, VOC, Label Studio).
 */
import type { Batch } from '@groundwork/sdk';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, call } from '../../api/client.ts';
import { canManage, useSession } from '../../api/session.ts';
import { ConsolePage } from '../layout.tsx';
import { ApiError } from '../shared/api-error.tsx';
import { CheckField, Field } from '../shared/field.tsx';
import { FormActions } from '../shared/form-actions.tsx';
import { formatDateTime } from '../shared/format.ts';
import { EmptyState, LoadMore, QueryState } from '../shared/query-state.tsx';
import { TableHead } from '../shared/table-head.tsx';
import { takesLabeledDatasets } from './dataset-import.ts';
import { DatasetImportPanel } from './dataset-import-panel.tsx';
import { UploadPanel } from './upload-panel.tsx';
import './batches.css';

/** Props of {@link BatchesPage}. */
export interface BatchesPageProps {
  /** The project's name. */
  project: string;
}

const PAGE_SIZE = 50;

const STATUS_TONES: Record<Batch['status'], string> = {
  staging: 'wait',
  in_progress: 'info',
  completed: 'ok',
};

const STATUS_LABELS: Record<Batch['status'], string> = {
  staging: 'Staging',
  in_progress: 'In progress',
  completed: 'Completed',
};

/** The project (for its type). */
function useProject(project: string) {
  return useQuery({
    queryKey: ['project', project],
    queryFn: () => call(api.GET('/api/projects/{name}', { params: { path: { name: project } } })),
  });
}

/** The project's batches, newest first, a page at a time. */
function useBatches(project: string) {
  return useInfiniteQuery({
    queryKey: ['batches', project],
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/batches', { params: { query: { project, limit: PAGE_SIZE, offset: pageParam } } })),
    getNextPageParam: (last) =>
      last.offset + last.items.length < last.total ? last.offset + last.items.length : undefined,
  });
}

/** A project's batches: create, finalize, upload tasks with a validation report. */
export function BatchesPage({ project }: BatchesPageProps) {
  const session = useSession().data;
  const manager = session ? canManage(session.role) : false;
  const projectQuery = useProject(project);
  const batchesQuery = useBatches(project);
  const [creating, setCreating] = useState(false);
  const [uploadBatch, setUploadBatch] = useState<string | null>(null);
  const uploadRef = useRef<HTMLDivElement>(null);

  const batches = batchesQuery.data?.pages.flatMap((page) => page.items) ?? [];
  const total = batchesQuery.data?.pages[0]?.total ?? 0;
  const open = batches
    .filter((batch) => batch.status !== 'completed' && !batch.archived)
    .map((batch) => batch.name);
  const chosen = uploadBatch !== null && open.includes(uploadBatch) ? uploadBatch : (open[0] ?? '');

  const startUpload = (name: string) => {
    setUploadBatch(name);
    uploadRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  return (
    <ConsolePage
      title="Batches"
      subtitle="Group a project’s tasks, hold them in staging while you check them, then release them to annotators."
      actions={
        manager && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setCreating(true)}
            disabled={creating}
          >
            New batch
          </button>
        )
      }
    >
      {creating && (
        <CreateBatchForm
          project={project}
          onDone={(name) => {
            setCreating(false);
            if (name) setUploadBatch(name);
          }}
        />
      )}

      <section className="card" aria-labelledby="batches-title">
        <h2 id="batches-title">
          {total > 0 ? `${total.toLocaleString('en')} batch${total === 1 ? '' : 'es'}` : 'Batches'}
        </h2>
        <QueryState
          query={batchesQuery}
          loading="Loading batches…"
          errorPrefix="Could not load the batches:"
          isEmpty={() => batches.length === 0}
          empty={
            <EmptyState title="No batches yet.">
              <p>
                A batch groups tasks you upload together; create one, then upload a CSV, JSONL file or a
                folder of images.
              </p>
              {manager && (
                <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
                  Create the first batch
                </button>
              )}
            </EmptyState>
          }
        >
          {() => (
            <>
              <div className="table-scroll">
                <table className="table batches-table">
                  <TableHead
                    columns={[
                      'Batch',
                      'Status',
                      { label: 'Tasks', numeric: true },
                      'Progress',
                      { label: 'Priority', numeric: true },
                      'Created',
                    ]}
                    actions={manager}
                  />
                  <tbody>
                    {batches.map((batch) => (
                      <BatchRow key={batch.id} batch={batch} manager={manager} onUpload={startUpload} />
                    ))}
                  </tbody>
                </table>
              </div>
              <LoadMore query={batchesQuery} />
            </>
          )}
        </QueryState>
      </section>

      {manager && (
        <div ref={uploadRef}>
          {projectQuery.data ? (
            <>
              <UploadPanel
                project={project}
                type={projectQuery.data.type}
                batches={open}
                batch={chosen}
                onBatchChange={setUploadBatch}
              />
              {takesLabeledDatasets(projectQuery.data.type) && (
                <DatasetImportPanel
                  project={project}
                  type={projectQuery.data.type}
                  params={projectQuery.data.params}
                  batches={open}
                  batch={chosen}
                  onBatchChange={setUploadBatch}
                />
              )}
            </>
          ) : projectQuery.isError ? (
            <ApiError error={projectQuery.error} prefix="Could not load the project:" />
          ) : null}
        </div>
      )}
    </ConsolePage>
  );
}

/** Props of {@link BatchRow}. */
interface BatchRowProps {
  batch: Batch;
  manager: boolean;
  onUpload: (name: string) => void;
}

/** One batch with its task counts (read on their own) and its actions. */
function BatchRow({ batch, manager, onUpload }: BatchRowProps) {
  const queryClient = useQueryClient();
  const counts = useQuery({
    queryKey: ['batch', batch.name],
    queryFn: () => call(api.GET('/api/batches/{name}', { params: { path: { name: batch.name } } })),
  });
  const finalize = useMutation({
    mutationFn: () =>
      call(api.POST('/api/batches/{name}/finalize', { params: { path: { name: batch.name } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['batches', batch.project] });
      void queryClient.invalidateQueries({ queryKey: ['batch', batch.name] });
    },
  });
  const c = counts.data?.taskCounts;
  const total = c ? c.pending + c.completed + c.canceled + c.error : null;
  const done = c ? c.completed + c.canceled + c.error : 0;
  return (
    <tr>
      <th scope="row">
        <span className="batches-table__name">{batch.name}</span>
        {batch.calibrationBatch && <span className="badge">calibration</span>}
        {batch.selfLabelBatch && <span className="badge">self-label</span>}
      </th>
      <td>
        <span className="badge" data-tone={STATUS_TONES[batch.status]}>
          {STATUS_LABELS[batch.status]}
        </span>{' '}
        {batch.archived && <span className="badge">Archived</span>}
      </td>
      <td className="num">
        {total === null ? <span className="muted">…</span> : total.toLocaleString('en')}
      </td>
      <td className="batches-table__counts">
        {c && total !== null && total > 0 ? (
          <>
            <progress
              max={total}
              value={done}
              aria-label={`${batch.name}: ${done} of ${total} tasks finished`}
            />
            <span>
              {c.completed.toLocaleString('en')} completed · {c.pending.toLocaleString('en')} pending
              {c.canceled > 0 && ` · ${c.canceled.toLocaleString('en')} canceled`}
              {c.error > 0 && ` · ${c.error.toLocaleString('en')} error`}
            </span>
          </>
        ) : c ? (
          <span className="muted">No tasks yet</span>
        ) : counts.isError ? (
          <span className="error-text">Counts unavailable</span>
        ) : null}
      </td>
      <td className="num">{batch.priority}</td>
      <td>
        <time dateTime={batch.createdAt}>{formatDateTime(batch.createdAt)}</time>
      </td>
      {manager && (
        <td className="batches-table__actions">
          {batch.status !== 'completed' && !batch.archived && (
            <button type="button" className="button button--small" onClick={() => onUpload(batch.name)}>
              Upload tasks
            </button>
          )}
          {batch.status === 'staging' && (
            <button
              type="button"
              className="button button--small button--primary"
              onClick={() => finalize.mutate()}
              disabled={finalize.isPending}
              title="Release the batch's tasks to annotators"
            >
              {finalize.isPending ? 'Finalizing…' : 'Finalize'}
            </button>
          )}
          <ApiError error={finalize.error} />
        </td>
      )}
    </tr>
  );
}

/** Props of {@link CreateBatchForm}. */
interface CreateBatchFormProps {
  project: string;
  /** Called when done: with the new batch's name, or null when canceled. */
  onDone: (name: string | null) => void;
}

/** The form that creates a batch. */
function CreateBatchForm({ project, onDone }: CreateBatchFormProps) {
  const queryClient = useQueryClient();
  const nameInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [priority, setPriority] = useState('0');
  // The form opens because the person asked for a new batch: start them in its first field.
  useEffect(() => nameInput.current?.focus(), []);
  const [staging, setStaging] = useState(true);
  const create = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/batches', {
          body: { project, name: name.trim(), priority: Number(priority), staging },
        }),
      ),
    onSuccess: (batch) => {
      void queryClient.invalidateQueries({ queryKey: ['batches', project] });
      onDone(batch.name);
    },
  });
  const priorityNumber = Number(priority);
  const priorityError =
    priority.trim() === '' ||
    !Number.isInteger(priorityNumber) ||
    priorityNumber < -100 ||
    priorityNumber > 100
      ? 'A whole number from −100 to 100.'
      : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '' || priorityError) return;
    create.mutate();
  };
  return (
    <section className="card" aria-labelledby="new-batch-title">
      <h2 id="new-batch-title">New batch</h2>
      <form className="form" onSubmit={submit}>
        <div className="form-row">
          <Field
            label="Name"
            hint="Unique in the organization; used in links and the API."
            className="batches-form__name"
          >
            {(control) => (
              <input
                {...control}
                ref={nameInput}
                required
                maxLength={256}
                value={name}
                onChange={(event) => setName(event.target.value)}
                placeholder={`${project}-2`}
              />
            )}
          </Field>
          <Field
            label="Priority"
            hint={priorityError ? undefined : 'Higher is served first (−100 to 100).'}
            error={priorityError}
            className="batches-form__priority"
          >
            {(control) => (
              <input
                {...control}
                type="number"
                min={-100}
                max={100}
                step={1}
                value={priority}
                onChange={(event) => setPriority(event.target.value)}
              />
            )}
          </Field>
        </div>
        <CheckField
          label="Start in staging"
          hint="Tasks wait until you finalize the batch — upload, read the report, then release them."
          checked={staging}
          onChange={setStaging}
        />
        <FormActions
          submitLabel="Create batch"
          busyLabel="Creating…"
          busy={create.isPending}
          disabled={name.trim() === '' || priorityError !== null}
          error={create.error}
          errorPrefix="Could not create the batch:"
          onCancel={() => onDone(null)}
        />
      </form>
    </section>
  );
}
