/**
 * The task explorer: a project's tasks, filtered (status, stage, batch, tags, agreement, annotator, dates, an
 * id or unique id), in a virtual list over the server's keyset pages — only the rows on screen are rendered
 * and the next page is fetched as the end comes near, so a million tasks scroll like a hundred. The filters
 * live in the URL; a row opens the task.
 */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useRouterState } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, call } from '../../api/client.ts';
import { ConsolePage } from '../layout.tsx';
import { ApiError } from '../shared/api-error.tsx';
import { formatPercent, formatWhen } from '../shared/format.ts';
import {
  activeFilterCount,
  apiQuery,
  describeTotal,
  type ExplorerFilters,
  filterProblem,
  NO_FILTERS,
  readFilters,
  searchOf,
} from './explorer-filters.ts';
import { type ExplorerRow, STAGE_LABELS, STATUS_TONES } from './format.ts';
import './tasks.css';

/** Props of {@link TaskExplorerPage}. */
export interface TaskExplorerPageProps {
  /** The project's name. */
  project: string;
}

/** Rows per server page (the API allows up to 500). */
const PAGE_SIZE = 200;
/** Height of a row in pixels: fixed, so the virtualizer never measures. */
const ROW_HEIGHT = 60;
/** Fetch the next page when the last rendered row is this close to the end of what is loaded. */
const PREFETCH_ROWS = 60;
/** How long typing pauses before a text filter applies. */
const TYPING_PAUSE_MS = 350;

/** Where each list was scrolled to, by project and filters, so coming back from a task lands there again. */
const scrollMemory = new Map<string, number>();

/** The task explorer. */
export function TaskExplorerPage({ project }: TaskExplorerPageProps) {
  const search = useRouterState({ select: (state) => state.location.search }) as Record<string, unknown>;
  const filters = useMemo(() => readFilters(search), [search]);
  const navigate = useNavigate();
  const setFilters = useCallback(
    (next: ExplorerFilters) => {
      void navigate({
        to: '/console/projects/$name/tasks',
        params: { name: project },
        search: searchOf(next) as never,
        replace: true,
      });
    },
    [navigate, project],
  );

  const options = useQuery({
    queryKey: ['task-filters', project],
    queryFn: () =>
      call(api.GET('/api/projects/{name}/task-filters', { params: { path: { name: project } } })),
    staleTime: 60_000,
  });

  const problem = filterProblem(filters);
  const query = apiQuery(filters, PAGE_SIZE);
  const pages = useInfiniteQuery({
    queryKey: ['task-explorer', project, query],
    enabled: problem === null,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/projects/{name}/tasks', {
          params: {
            path: { name: project },
            query: { ...query, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

  const rows = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);
  const first = pages.data?.pages[0];
  const active = activeFilterCount(filters);
  const memoryKey = `${project}\u0000${JSON.stringify(query)}`;

  return (
    <ConsolePage
      title="Tasks"
      subtitle="Every task of the project: filter, search by id or unique id, and open one to see its answers and history."
    >
      <FilterBar
        filters={filters}
        onChange={setFilters}
        batches={options.data?.batches ?? []}
        people={options.data?.people ?? []}
        optionsLoading={options.isPending}
      />
      <div className="tx-summary" aria-live="polite">
        <strong data-testid="task-total">
          {first ? describeTotal(first.total, first.totalExact, rows.length) : problem ? '—' : 'Counting…'}
        </strong>
        {active > 0 && (
          <>
            <span className="muted">
              {active} filter{active === 1 ? '' : 's'} applied
            </span>
            <button type="button" className="button button--small" onClick={() => setFilters(NO_FILTERS)}>
              Clear filters
            </button>
          </>
        )}
        {pages.isFetching && !pages.isFetchingNextPage && first && <span className="muted">Updating…</span>}
        <label className="tx-sort">
          <span>Order</span>
          <select
            value={filters.sort}
            onChange={(e) => setFilters({ ...filters, sort: e.target.value as ExplorerFilters['sort'] })}
          >
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
          </select>
        </label>
      </div>
      {problem ? (
        <p className="error-text" role="alert">
          {problem}
        </p>
      ) : pages.isPending ? (
        <div className="tx-list tx-list--loading" aria-busy="true">
          <p className="muted">Loading tasks…</p>
        </div>
      ) : !pages.data ? (
        <ApiError error={pages.error} prefix="The tasks could not be loaded:" />
      ) : rows.length === 0 ? (
        <div className="empty">
          {active > 0 ? (
            <>
              <p>
                <strong>No task matches these filters.</strong>
              </p>
              <button type="button" className="button" onClick={() => setFilters(NO_FILTERS)}>
                Clear filters
              </button>
            </>
          ) : (
            <>
              <p>
                <strong>This project has no tasks yet.</strong>
              </p>
              <p>
                Send tasks through the API or{' '}
                <Link to="/console/projects/$name/batches" params={{ name: project }}>
                  upload a batch
                </Link>
                .
              </p>
            </>
          )}
        </div>
      ) : (
        <>
          {pages.isError && !pages.isFetchNextPageError && (
            <ApiError error={pages.error} prefix="The tasks could not be refreshed:" />
          )}
          <TaskList
            key={memoryKey}
            project={project}
            rows={rows}
            total={first?.totalExact ? first.total : null}
            hasMore={pages.hasNextPage}
            loadingMore={pages.isFetchingNextPage}
            loadMore={() => {
              if (pages.hasNextPage && !pages.isFetchingNextPage) void pages.fetchNextPage();
            }}
            moreFailed={pages.isFetchNextPageError ? pages.error : null}
            memoryKey={memoryKey}
          />
        </>
      )}
    </ConsolePage>
  );
}

/** The filter controls. Text filters apply after a pause in typing; the others at once. */
function FilterBar({
  filters,
  onChange,
  batches,
  people,
  optionsLoading,
}: {
  filters: ExplorerFilters;
  onChange: (next: ExplorerFilters) => void;
  batches: { name: string; status: string }[];
  people: { id: string; name: string; email: string; disabled: boolean }[];
  optionsLoading: boolean;
}) {
  // Text being typed, applied after a pause; reset when the URL changes from elsewhere (Clear filters).
  const [typed, setTyped] = useState({
    q: filters.q,
    tags: filters.tags,
    agreementMin: filters.agreementMin,
    agreementMax: filters.agreementMax,
  });
  const applied = `${filters.q}\u0000${filters.tags}\u0000${filters.agreementMin}\u0000${filters.agreementMax}`;
  const lastApplied = useRef(applied);
  useEffect(() => {
    if (lastApplied.current === applied) return;
    lastApplied.current = applied;
    setTyped({
      q: filters.q,
      tags: filters.tags,
      agreementMin: filters.agreementMin,
      agreementMax: filters.agreementMax,
    });
  }, [applied, filters]);
  useEffect(() => {
    const current = `${typed.q}\u0000${typed.tags}\u0000${typed.agreementMin}\u0000${typed.agreementMax}`;
    if (current === lastApplied.current) return;
    const timer = window.setTimeout(() => {
      lastApplied.current = current;
      onChange({ ...filters, ...typed });
    }, TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [typed, filters, onChange]);

  const set = <K extends keyof ExplorerFilters>(key: K, value: ExplorerFilters[K]) =>
    onChange({ ...filters, ...typed, [key]: value });
  const knownBatch = filters.batch === '' || batches.some((b) => b.name === filters.batch);
  const knownPerson = filters.annotator === '' || people.some((p) => p.id === filters.annotator);

  return (
    <form className="tx-filters card" aria-label="Filter tasks" onSubmit={(e) => e.preventDefault()}>
      <div className="tx-filters__row">
        <label className="field tx-filters__search">
          <span>Search</span>
          <input
            type="search"
            value={typed.q}
            placeholder="Task id or unique id (or its beginning)"
            onChange={(e) => setTyped({ ...typed, q: e.target.value })}
          />
        </label>
        <label className="field">
          <span>Status</span>
          <select
            value={filters.status}
            onChange={(e) => set('status', e.target.value as ExplorerFilters['status'])}
          >
            <option value="">Any status</option>
            <option value="pending">Pending</option>
            <option value="completed">Completed</option>
            <option value="canceled">Canceled</option>
            <option value="error">Error</option>
          </select>
        </label>
        <label className="field">
          <span>Stage</span>
          <select
            value={filters.stage}
            onChange={(e) => set('stage', e.target.value as ExplorerFilters['stage'])}
          >
            <option value="">Any stage</option>
            <option value="label">Labeling</option>
            <option value="review">In review</option>
            <option value="done">Done</option>
          </select>
        </label>
        <label className="field">
          <span>Batch</span>
          <select
            value={filters.batch}
            onChange={(e) => set('batch', e.target.value)}
            disabled={optionsLoading}
          >
            <option value="">Any batch</option>
            {!knownBatch && <option value={filters.batch}>{filters.batch}</option>}
            {batches.map((b) => (
              <option key={b.name} value={b.name}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Annotator</span>
          <select
            value={filters.annotator}
            onChange={(e) => set('annotator', e.target.value)}
            disabled={optionsLoading}
          >
            <option value="">Anyone</option>
            {!knownPerson && <option value={filters.annotator}>Former member</option>}
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name || p.email}
                {p.disabled ? ' (disabled)' : ''}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="tx-filters__row">
        <label className="field">
          <span>Tags</span>
          <input
            value={typed.tags}
            placeholder="any of: urgent, review-me"
            onChange={(e) => setTyped({ ...typed, tags: e.target.value })}
          />
        </label>
        <fieldset className="tx-range">
          <legend>Agreement (%)</legend>
          <label>
            <span className="visually-hidden">Agreement at least (%)</span>
            <input
              type="number"
              min={0}
              max={100}
              step={1}
              inputMode="decimal"
              placeholder="from"
              value={typed.agreementMin}
              onChange={(e) => setTyped({ ...typed, agreementMin: e.target.value })}
            />
          </label>
          <span aria-hidden="true">–</span>
          <label>
            <span className="visually-hidden">Agreement below (%)</span>
            <input
              type="number"
              min={0}
              max={100}
              step={1}
              inputMode="decimal"
              placeholder="below"
              value={typed.agreementMax}
              onChange={(e) => setTyped({ ...typed, agreementMax: e.target.value })}
            />
          </label>
        </fieldset>
        <DayRange
          legend="Created"
          from={filters.createdFrom}
          to={filters.createdTo}
          onChange={(from, to) => onChange({ ...filters, ...typed, createdFrom: from, createdTo: to })}
        />
        <DayRange
          legend="Completed"
          from={filters.completedFrom}
          to={filters.completedTo}
          onChange={(from, to) => onChange({ ...filters, ...typed, completedFrom: from, completedTo: to })}
        />
      </div>
    </form>
  );
}

/** Two day pickers: a range of whole days, both included. */
function DayRange({
  legend,
  from,
  to,
  onChange,
}: {
  legend: string;
  from: string;
  to: string;
  onChange: (from: string, to: string) => void;
}) {
  return (
    <fieldset className="tx-range">
      <legend>{legend}</legend>
      <label>
        <span className="visually-hidden">{legend} from</span>
        <input
          type="date"
          value={from}
          max={to || undefined}
          onChange={(e) => onChange(e.target.value, to)}
        />
      </label>
      <span aria-hidden="true">–</span>
      <label>
        <span className="visually-hidden">{legend} to</span>
        <input
          type="date"
          value={to}
          min={from || undefined}
          onChange={(e) => onChange(from, e.target.value)}
        />
      </label>
    </fieldset>
  );
}

const COLUMNS = ['Task', 'Status', 'Batch & tags', 'Agreement', 'Answers', 'Created', 'Completed'] as const;

/**
 * The virtual list: a real table (header, rows, cells) laid out as a grid, whose body holds only the rows in
 * view (plus a few), each placed at its offset. A row's task link covers the whole row.
 */
function TaskList({
  project,
  rows,
  total,
  hasMore,
  loadingMore,
  loadMore,
  moreFailed,
  memoryKey,
}: {
  project: string;
  rows: ExplorerRow[];
  total: number | null;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  moreFailed: unknown;
  memoryKey: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const count = rows.length + (hasMore || moreFailed ? 1 : 0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialOffset: scrollMemory.get(memoryKey) ?? 0,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (!moreFailed && hasMore && lastIndex >= rows.length - PREFETCH_ROWS) loadMore();
  }, [lastIndex, rows.length, hasMore, loadMore, moreFailed]);

  useEffect(() => {
    const element = scroller.current;
    return () => {
      if (element) scrollMemory.set(memoryKey, element.scrollTop);
    };
  }, [memoryKey]);

  return (
    <div className="tx-scroll" ref={scroller} data-testid="task-list">
      <table className="tx-table" aria-rowcount={(total ?? rows.length + (hasMore ? 1 : 0)) + 1}>
        <caption className="visually-hidden">Tasks of {project}</caption>
        <thead className="tx-head">
          <tr className="tx-row tx-row--head" aria-rowindex={1}>
            {COLUMNS.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="tx-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT };
            if (!row) {
              return (
                <tr key="more" className="tx-row tx-row--more" style={style}>
                  <td>
                    {moreFailed ? (
                      <>
                        <span className="error-text">
                          {moreFailed instanceof Error ? moreFailed.message : 'Loading more tasks failed.'}
                        </span>{' '}
                        <button type="button" className="button button--small" onClick={loadMore}>
                          Retry
                        </button>
                      </>
                    ) : (
                      <span className="muted">
                        {loadingMore ? 'Loading more tasks…' : 'More tasks below…'}
                      </span>
                    )}
                  </td>
                </tr>
              );
            }
            return (
              <tr key={row.id} aria-rowindex={item.index + 2} className="tx-row" style={style}>
                <TaskCell project={project} row={row} />
                <td className="tx-cell--status">
                  <span className="badge" data-tone={STATUS_TONES[row.status]}>
                    {row.status}
                  </span>
                  <span className="tx-sub">
                    {STAGE_LABELS[row.stage]}
                    {row.round > 1 ? ` · round ${row.round}` : ''}
                  </span>
                  {row.customerReviewStatus && (
                    <span className="tx-sub">audit: {row.customerReviewStatus}</span>
                  )}
                </td>
                <td className="tx-cell--tags">
                  <span className="tx-batch">{row.batch ?? <span className="muted">no batch</span>}</span>
                  <span className="tx-tags">
                    {row.tags.slice(0, 3).map((tag) => (
                      <span key={tag} className="tx-tag">
                        {tag}
                      </span>
                    ))}
                    {row.tags.length > 3 && <span className="muted">+{row.tags.length - 3}</span>}
                  </span>
                </td>
                <td>
                  <AgreementBar value={row.agreement} />
                </td>
                <td className="tx-cell--answers">
                  <strong>{row.answerCount}</strong>
                  <span
                    className="tx-sub"
                    title={row.annotators.map((a) => a.name ?? 'former member').join(', ')}
                  >
                    {row.annotators.map((a) => a.name ?? 'former member').join(', ') || '—'}
                  </span>
                </td>
                <td className="tx-when">
                  <time dateTime={row.createdAt}>{formatWhen(row.createdAt)}</time>
                </td>
                <td className="tx-when">
                  {row.completedAt ? (
                    <time dateTime={row.completedAt}>{formatWhen(row.completedAt)}</time>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The task's identity and a preview of what it is about; its link opens the task. */
function TaskCell({ project, row }: { project: string; row: ExplorerRow }) {
  const { preview } = row;
  return (
    <td className="tx-cell--task">
      <span className="tx-thumb" aria-hidden="true">
        {preview.kind === 'image' && preview.url ? (
          <img src={preview.url} alt="" loading="lazy" decoding="async" />
        ) : (
          <span className="tx-thumb__kind">{KIND_LETTERS[preview.kind]}</span>
        )}
      </span>
      <span className="tx-ident">
        <Link
          to="/console/projects/$name/tasks/$taskId"
          params={{ name: project, taskId: row.id }}
          className="tx-link"
          aria-label={`Task ${row.uniqueId ?? row.id}`}
        >
          {row.uniqueId ?? <code>{row.id}</code>}
        </Link>
        <span className="tx-sub">
          {row.uniqueId && <code>{row.id}</code>}
          {preview.text && <span className="tx-excerpt">{preview.text}</span>}
          {!preview.text && preview.url && preview.kind !== 'image' && (
            <span className="tx-excerpt">{preview.url}</span>
          )}
        </span>
      </span>
    </td>
  );
}

const KIND_LETTERS: Record<ExplorerRow['preview']['kind'], string> = {
  image: 'IMG',
  video: 'VID',
  audio: 'AUD',
  pdf: 'PDF',
  website: 'WEB',
  text: 'TXT',
  none: '—',
};

/** Agreement as a small bar and a percentage. */
function AgreementBar({ value }: { value: number | null }) {
  if (value === null) return <span className="muted">—</span>;
  const tone = value >= 0.8 ? 'ok' : value >= 0.5 ? 'wait' : 'bad';
  return (
    <span className="tx-agreement" data-tone={tone}>
      <span className="tx-agreement__bar" aria-hidden="true">
        <span style={{ width: `${Math.round(value * 100)}%` }} />
      </span>
      {formatPercent(value, 0)}
    </span>
  );
}
