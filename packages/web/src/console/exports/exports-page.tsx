/** A project's dataset exports: start one in any format, watch its progress, download it. */
import { datasetFormat, datasetFormatsFor } from '@groundwork/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { api, call } from '../../api/client.ts';
import { canManage, useSession } from '../../api/session.ts';
import { ConsolePage } from '../layout.tsx';
import { ApiError } from '../shared/api-error.tsx';
import { CheckField, Field, RadioCard } from '../shared/field.tsx';
import { formatBytes, formatDateTime } from '../shared/format.ts';
import { QueryState } from '../shared/query-state.tsx';
import { TableHead } from '../shared/table-head.tsx';
import {
  asOfOf,
  describeOptions,
  type ExportForm,
  type ExportRequest,
  type ExportTaskStatus,
  exportDuration,
  exportFormProblems,
  exportProgress,
  exportRequest,
  FORMATS_WITH_ANSWERS,
  isActive,
  statusTone,
} from './export-logic.ts';
import './exports.css';

/** Props of {@link ExportsPage}. */
export interface ExportsPageProps {
  /** The project's name. */
  project: string;
}

/** Reads a project's exports, newest first. */
function listExports(project: string) {
  return call(api.GET('/api/projects/{name}/exports', { params: { path: { name: project } } }));
}

/** An export job. */
type ExportJob = Awaited<ReturnType<typeof listExports>>['items'][number];

const POLL_MS = 1000;

const STATUS_LABELS: Record<ExportJob['status'], string> = {
  queued: 'Queued',
  running: 'Running',
  completed: 'Ready',
  failed: 'Failed',
  canceled: 'Canceled',
};

const TASK_STATUSES: Array<{ value: ExportTaskStatus; label: string }> = [
  { value: 'completed', label: 'Completed' },
  { value: 'pending', label: 'Pending' },
  { value: 'canceled', label: 'Canceled' },
  { value: 'error', label: 'Error' },
  { value: 'any', label: 'Any status' },
];

/** A project's dataset exports. */
export function ExportsPage({ project }: ExportsPageProps) {
  const session = useSession().data;
  const manager = session ? canManage(session.role) : false;
  const projectQuery = useQuery({
    queryKey: ['project', project],
    queryFn: () => call(api.GET('/api/projects/{name}', { params: { path: { name: project } } })),
  });
  const exportsQuery = useQuery({
    queryKey: ['exports', project],
    queryFn: () => listExports(project),
    refetchInterval: (query) =>
      query.state.data?.items.some((job) => isActive(job.status)) ? POLL_MS : false,
  });
  const version = projectQuery.data?.version ?? null;

  return (
    <ConsolePage
      title="Exports"
      subtitle="Dataset files of this project’s tasks, written in the background. Each export records the project’s params version and the moment it froze the data, so Repeat writes the same file."
    >
      {manager &&
        (projectQuery.data ? (
          <NewExport project={project} type={projectQuery.data.type} />
        ) : projectQuery.isError ? (
          <ApiError error={projectQuery.error} prefix="Could not load the project:" />
        ) : (
          <p className="muted">Loading the project…</p>
        ))}

      <section className="card" aria-labelledby="exports-title">
        <h2 id="exports-title">Exports</h2>
        <QueryState
          query={exportsQuery}
          loading="Loading exports…"
          errorPrefix="Could not load the exports:"
          isEmpty={(data) => data.items.length === 0}
          empty={
            <p className="empty">
              No exports yet.{' '}
              {manager ? 'Choose a format above and start one.' : 'A manager can start one from this page.'}
            </p>
          }
        >
          {(data) => (
            <div className="table-scroll">
              <table className="table exports-table">
                <TableHead
                  columns={['Export', 'Status', 'Params', { label: 'Size', numeric: true }, 'Started']}
                  actions
                />
                <tbody>
                  {data.items.map((job) => (
                    <ExportRow key={job.id} job={job} manager={manager} currentVersion={version} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryState>
      </section>
    </ConsolePage>
  );
}

/** Props of {@link NewExport}. */
interface NewExportProps {
  project: string;
  type: string;
}

/** The form that starts an export: a format of the project's type, filters, and options. */
function NewExport({ project, type }: NewExportProps) {
  const queryClient = useQueryClient();
  const formats = useMemo(() => datasetFormatsFor(type), [type]);
  const [form, setForm] = useState<ExportForm>(() => ({
    format: formats[0]?.id ?? '',
    batch: '',
    status: 'completed',
    tags: '',
    createdFrom: '',
    createdTo: '',
    includeAnswers: false,
  }));
  const [touched, setTouched] = useState(false);
  const batches = useQuery({
    queryKey: ['batches', project, 'names'],
    queryFn: () => call(api.GET('/api/batches', { params: { query: { project, limit: 100 } } })),
  });
  const start = useMutation({
    mutationFn: (request: ExportRequest) =>
      call(api.POST('/api/projects/{name}/exports', { params: { path: { name: project } }, body: request })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['exports', project] }),
  });
  const problems = exportFormProblems(form);
  const valid = Object.keys(problems).length === 0;
  const set = <K extends keyof ExportForm>(key: K, value: ExportForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const answersApply = FORMATS_WITH_ANSWERS.has(form.format);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (valid && form.format !== '') start.mutate(exportRequest({ ...form, format: form.format }));
  };

  return (
    <section className="card" aria-labelledby="new-export-title">
      <h2 id="new-export-title">New export</h2>
      <form className="form new-export" onSubmit={submit}>
        <fieldset className="format-picker">
          <legend>Format</legend>
          {formats.map((format) => (
            <RadioCard
              key={format.id}
              name="export-format"
              value={format.id}
              checked={form.format === format.id}
              onChange={() => set('format', format.id)}
              title={
                <>
                  {format.label} <span className="format-option__ext">.{format.extension}</span>
                </>
              }
              description={format.description}
            />
          ))}
        </fieldset>
        {touched && problems.format && <p className="field__error">{problems.format}</p>}

        <fieldset className="new-export__filters">
          <legend>Which tasks</legend>
          <div className="form-row">
            <Field label="Batch">
              {(control) => (
                <select
                  {...control}
                  value={form.batch}
                  onChange={(event) => set('batch', event.target.value)}
                >
                  <option value="">Every batch</option>
                  {batches.data?.items.map((batch) => (
                    <option key={batch.id} value={batch.name}>
                      {batch.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Status">
              {(control) => (
                <select
                  {...control}
                  value={form.status}
                  onChange={(event) => set('status', event.target.value as ExportTaskStatus)}
                >
                  {TASK_STATUSES.map((status) => (
                    <option key={status.value} value={status.value}>
                      {status.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Tags" hint="Tasks carrying any of these tags." className="new-export__tags">
              {(control) => (
                <input
                  {...control}
                  value={form.tags}
                  onChange={(event) => set('tags', event.target.value)}
                  placeholder="street, night"
                />
              )}
            </Field>
            <Field label="Created from" error={problems.createdFrom}>
              {(control) => (
                <input
                  {...control}
                  type="date"
                  value={form.createdFrom}
                  onChange={(event) => set('createdFrom', event.target.value)}
                />
              )}
            </Field>
            <Field label="Created until" error={problems.createdTo}>
              {(control) => (
                <input
                  {...control}
                  type="date"
                  value={form.createdTo}
                  onChange={(event) => set('createdTo', event.target.value)}
                />
              )}
            </Field>
          </div>
        </fieldset>

        <CheckField
          label="Include every annotator’s answer"
          hint={
            answersApply
              ? 'Besides the final answer, each annotator’s own answer (for agreement studies or training on raw labels).'
              : 'Only JSON Lines and Scale JSON carry individual answers.'
          }
          checked={answersApply && form.includeAnswers}
          disabled={!answersApply}
          onChange={(checked) => set('includeAnswers', checked)}
        />

        <ApiError error={start.error} prefix="Could not start the export:" />
        <div className="form-row">
          <button
            type="submit"
            className="button button--primary"
            disabled={start.isPending || formats.length === 0}
          >
            {start.isPending ? 'Starting…' : 'Start export'}
          </button>
          {start.isSuccess && !start.isPending && (
            <span className="muted" role="status">
              Started — it appears below and updates as it runs.
            </span>
          )}
        </div>
      </form>
    </section>
  );
}

/** Props of {@link ExportRow}. */
interface ExportRowProps {
  job: ExportJob;
  manager: boolean;
  currentVersion: number | null;
}

/** One export: what it holds, where it is, and what can be done with it. */
function ExportRow({ job, manager, currentVersion }: ExportRowProps) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['exports', job.project] });
  const cancel = useMutation({
    mutationFn: () => call(api.POST('/api/exports/{id}/cancel', { params: { path: { id: job.id } } })),
    onSuccess: refresh,
  });
  const repeat = useMutation({
    mutationFn: () => call(api.POST('/api/exports/{id}/repeat', { params: { path: { id: job.id } } })),
    onSuccess: refresh,
  });
  const format = datasetFormat(job.format);
  const progress = exportProgress(job);
  const active = isActive(job.status);
  const asOf = asOfOf(job.options);
  const duration = exportDuration(job);
  return (
    <tr>
      <th scope="row">
        <span className="exports-table__format">{format?.label ?? job.format}</span>
        <span className="exports-table__filters">{describeOptions(job.options)}</span>
        {job.fileName && <code className="exports-table__file">{job.fileName}</code>}
      </th>
      <td className="exports-table__status">
        <span className="badge" data-tone={statusTone(job.status)}>
          {STATUS_LABELS[job.status]}
        </span>
        {(active || job.status === 'completed') && (
          <>
            <progress
              className="exports-table__bar"
              max={1}
              {...(progress === null ? {} : { value: progress })}
              aria-label={`Export ${format?.label ?? job.format} progress`}
            />
            <span className="exports-table__count">
              {job.total === null
                ? active
                  ? 'Counting tasks…'
                  : `${job.done.toLocaleString('en')} tasks`
                : `${job.done.toLocaleString('en')} of ${job.total.toLocaleString('en')} tasks`}
            </span>
          </>
        )}
        {job.status === 'failed' && job.error && (
          <span className="error-text exports-table__error">{job.error}</span>
        )}
      </td>
      <td>
        {job.paramsVersion === null ? (
          <span className="muted">—</span>
        ) : (
          <>
            <span className="exports-table__version">v{job.paramsVersion}</span>
            {currentVersion !== null && (
              <span className="muted exports-table__version-note">
                {currentVersion === job.paramsVersion ? 'current' : `project now at v${currentVersion}`}
              </span>
            )}
          </>
        )}
      </td>
      <td className="num">
        {job.bytes === null ? <span className="muted">—</span> : formatBytes(job.bytes)}
      </td>
      <td>
        <time dateTime={job.createdAt}>{formatDateTime(job.createdAt)}</time>
        {duration && <span className="muted exports-table__duration">took {duration}</span>}
        {asOf && asOf !== job.createdAt && (
          <span className="muted exports-table__duration" title={asOf}>
            data as of {formatDateTime(asOf)}
          </span>
        )}
      </td>
      <td className="exports-table__actions">
        {job.status === 'completed' && (
          <a
            className="button button--small button--primary"
            href={`/api/exports/${encodeURIComponent(job.id)}/download`}
            download={job.fileName ?? true}
          >
            Download
          </a>
        )}
        {manager && active && (
          <button
            type="button"
            className="button button--small"
            onClick={() => cancel.mutate()}
            disabled={cancel.isPending}
          >
            {cancel.isPending ? 'Canceling…' : 'Cancel'}
          </button>
        )}
        {manager && !active && (
          <button
            type="button"
            className="button button--small"
            onClick={() => repeat.mutate()}
            disabled={repeat.isPending}
            title="Write the same export again, with the same format, filters and moment"
          >
            {repeat.isPending ? 'Repeating…' : 'Repeat'}
          </button>
        )}
        <ApiError error={cancel.error ?? repeat.error} />
      </td>
    </tr>
  );
}
