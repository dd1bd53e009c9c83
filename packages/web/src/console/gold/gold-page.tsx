/** A project's gold tasks and the annotators' standings: create, archive, pause and reinstate. */
import type { ResponseOf } from '@groundwork/sdk';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useMemo, useState } from 'react';
import { api, call } from '../../api/client.ts';
import { canManage, useSession } from '../../api/session.ts';
import { taskTypeUi } from '../../task-types/index.ts';
import { ConsolePage } from '../layout.tsx';
import { ApiError } from '../shared/api-error.tsx';
import { CheckField, Field } from '../shared/field.tsx';
import { formatCount, formatDate } from '../shared/format.ts';
import { EmptyState, LoadMore, QueryState } from '../shared/query-state.tsx';
import { TableHead } from '../shared/table-head.tsx';
import { CreateGold } from './create-gold.tsx';
import { answerSummary, attachmentPreview, attachmentUrl, policyText } from './gold-summary.ts';
import { ScoreBar } from './score-bar.tsx';
import { Standings } from './standings.tsx';
import './gold.css';

/** Props of {@link GoldPage}. */
export interface GoldPageProps {
  /** The project's name. */
  project: string;
}

/** A gold task as the list returns it. */
type GoldTask = ResponseOf<'getGoldTask'>;

const PAGE_SIZE = 50;

/** Resolves a task's attachment references for the console: stored files are read from this server. */
const resolveUrl = (reference: string) => attachmentUrl(reference) ?? reference;

/** A project's gold tasks and the annotators' standings. */
export function GoldPage({ project }: GoldPageProps) {
  const session = useSession().data;
  const manager = session ? canManage(session.role) : false;
  const projectQuery = useQuery({
    queryKey: ['project', project],
    queryFn: () => call(api.GET('/api/projects/{name}', { params: { path: { name: project } } })),
  });
  const [creating, setCreating] = useState(false);
  const quality = projectQuery.data?.quality;

  return (
    <ConsolePage
      title="Gold & people"
      subtitle={
        quality
          ? policyText(quality)
          : 'Tasks with known answers that measure annotators, and how each annotator stands.'
      }
      actions={
        manager && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setCreating(true)}
            disabled={creating || !projectQuery.data}
          >
            New gold task
          </button>
        )
      }
    >
      {!manager ? (
        <p className="empty">
          Gold tasks and standings are shown to managers only: gold must stay hidden from the people it
          measures.
        </p>
      ) : (
        <>
          {creating && projectQuery.data && (
            <CreateGold project={project} type={projectQuery.data.type} onDone={() => setCreating(false)} />
          )}
          <GoldList project={project} onCreate={() => setCreating(true)} />
          <Standings project={project} />
        </>
      )}
    </ConsolePage>
  );
}

/** The project's gold tasks, filtered by kind and archived, with archive/restore and a closer look. */
function GoldList({ project, onCreate }: { project: string; onCreate: () => void }) {
  const [kind, setKind] = useState<'all' | 'evaluation' | 'training'>('all');
  const [showArchived, setShowArchived] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const gold = useInfiniteQuery({
    queryKey: ['gold', project, kind, showArchived],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/projects/{name}/gold', {
          params: {
            path: { name: project },
            query: {
              limit: PAGE_SIZE,
              ...(kind !== 'all' ? { kind } : {}),
              ...(showArchived ? { archived: 'true' as const } : {}),
              ...(pageParam ? { before: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const items = gold.data?.pages.flatMap((page) => page.gold) ?? [];

  return (
    <section className="card" aria-labelledby="gold-title">
      <div className="gold-list__head">
        <h2 id="gold-title">Gold tasks</h2>
        <div className="gold-list__filters">
          <Field label="Kind" className="field--inline">
            {(control) => (
              <select
                {...control}
                value={kind}
                onChange={(event) => setKind(event.target.value as typeof kind)}
              >
                <option value="all">All kinds</option>
                <option value="evaluation">Evaluation</option>
                <option value="training">Training</option>
              </select>
            )}
          </Field>
          <CheckField label="Show archived" checked={showArchived} onChange={setShowArchived} />
        </div>
      </div>
      <QueryState
        query={gold}
        loading="Loading gold tasks…"
        errorPrefix="Could not load the gold tasks:"
        isEmpty={() => items.length === 0}
        empty={
          <EmptyState title={`No gold tasks${kind !== 'all' ? ' of this kind' : ''}.`}>
            <p>
              Gold tasks have a known answer. Evaluation gold is mixed into the queue unseen and scores each
              annotator; training gold teaches new annotators before real work.
            </p>
            <button type="button" className="button button--primary" onClick={onCreate}>
              Create a gold task
            </button>
          </EmptyState>
        }
      >
        {() => (
          <>
            <div className="table-scroll">
              <table className="table gold-table">
                <TableHead
                  columns={[
                    'Task',
                    'Kind',
                    'Expected answer',
                    { label: 'Answers', numeric: true },
                    { label: 'Mean score', numeric: true },
                    'Created',
                  ]}
                  actions
                />
                <tbody>
                  {items.map((task) => (
                    <Fragment key={task.id}>
                      <GoldRow
                        task={task}
                        expanded={open === task.id}
                        onToggle={() => setOpen(open === task.id ? null : task.id)}
                      />
                      {open === task.id && (
                        <tr className="gold-table__detail">
                          <td colSpan={7}>
                            <GoldDetail task={task} />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </div>
            <LoadMore query={gold} />
          </>
        )}
      </QueryState>
    </section>
  );
}

/** One gold task: preview, kind, expected answer, results, archive or restore. */
function GoldRow({ task, expanded, onToggle }: { task: GoldTask; expanded: boolean; onToggle: () => void }) {
  const queryClient = useQueryClient();
  const archive = useMutation({
    mutationFn: (archived: boolean) =>
      call(api.PATCH('/api/gold/{id}', { params: { path: { id: task.id } }, body: { archived } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['gold', task.project] }),
  });
  const preview = attachmentPreview(task.params);
  return (
    <tr className={task.archived ? 'gold-table__row is-archived' : 'gold-table__row'}>
      <td className="gold-table__preview">
        {preview.kind === 'image' ? (
          <img src={preview.url} alt="" loading="lazy" className="gold-thumb" />
        ) : preview.kind === 'text' ? (
          <span className="gold-text">{preview.text}</span>
        ) : preview.kind === 'link' ? (
          <a href={preview.url} target="_blank" rel="noreferrer noopener">
            {preview.url}
          </a>
        ) : (
          <span className="muted">No attachment</span>
        )}
        <code className="gold-table__id">{task.id}</code>
      </td>
      <td>
        <span className="badge" data-tone={task.kind === 'evaluation' ? 'info' : 'wait'}>
          {task.kind === 'evaluation' ? 'Evaluation' : 'Training'}
        </span>{' '}
        {task.archived && <span className="badge">Archived</span>}
      </td>
      <td className="gold-table__answer">{answerSummary(task.type, task.expectedResponse)}</td>
      <td className="num">{formatCount(task.answers ?? 0)}</td>
      <td className="num">
        <ScoreBar score={task.meanScore ?? null} />
      </td>
      <td>
        <time dateTime={task.createdAt}>{formatDate(task.createdAt)}</time>
      </td>
      <td className="gold-table__actions">
        <button type="button" className="button button--small" onClick={onToggle} aria-expanded={expanded}>
          {expanded ? 'Hide' : 'View'}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={archive.isPending}
          onClick={() => archive.mutate(!task.archived)}
        >
          {task.archived ? 'Restore' : 'Archive'}
        </button>
        <ApiError error={archive.error} />
      </td>
    </tr>
  );
}

/** The gold task shown with its expected answer, by its type's viewer; its JSON beside it. */
function GoldDetail({ task }: { task: GoldTask }) {
  const ui = taskTypeUi(task.type);
  const parsed = useMemo(() => {
    if (!ui) return null;
    try {
      return ui.parseParams(task.params);
    } catch {
      return null;
    }
  }, [ui, task.params]);
  return (
    <div className="gold-detail">
      {ui && parsed !== null && task.expectedResponse !== null ? (
        <div className="gold-detail__viewer">
          <ui.Viewer
            params={parsed}
            resolveUrl={resolveUrl}
            displayOrder={null}
            answers={[
              { key: 'expected', title: 'Expected', response: task.expectedResponse, color: '#1f8a5b' },
            ]}
          />
        </div>
      ) : (
        <p className="muted">This task type has no viewer in the console; its JSON is below.</p>
      )}
      <details className="gold-detail__json">
        <summary>JSON</summary>
        <pre>{JSON.stringify({ params: task.params, expectedResponse: task.expectedResponse }, null, 2)}</pre>
      </details>
    </div>
  );
}
