/**
 * The console's home: every project of the organization with its progress (a bar by status), its size,
 * when work last finished and when it was created; active, archived or all. A project's name opens its
 * overview; managers create projects from here.
 */
import type { ResponseOf } from '@groundwork/sdk';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api, call } from '../../api/client.ts';
import { canManage, useSession } from '../../api/session.ts';
import { ConsolePage } from '../layout.tsx';
import { Legend, Segmented } from '../overview/charts.tsx';
import { typeLabel } from '../overview/format.ts';
import { ApiError } from '../shared/api-error.tsx';
import { formatCount, formatDate, formatDateTime, formatRelative, formatShare } from '../shared/format.ts';
import { EmptyState } from '../shared/query-state.tsx';
import { TableHead } from '../shared/table-head.tsx';
import '../overview/overview.css';
import './projects.css';

type ProjectProgress = ResponseOf<'listProjectProgress'>['items'][number];

/** Which projects the list shows. */
type Filter = 'active' | 'archived' | 'all';

const FILTERS: { value: Filter; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'archived', label: 'Archived' },
  { value: 'all', label: 'All' },
];

/** The parts of the progress bar, in order, with their colors (as the overview's charts). */
const SEGMENTS = [
  { key: 'completed', label: 'Completed', color: '#1f8a5b' },
  { key: 'inReview', label: 'In review', color: '#d49a1f' },
  { key: 'labeling', label: 'Pending', color: '#8fb3d9' },
  { key: 'canceled', label: 'Canceled', color: '#a1a9a5' },
  { key: 'error', label: 'Error', color: '#c2412d' },
] as const;

/** The console's home: every project of the organization with its progress. */
export function ProjectsPage() {
  const session = useSession().data;
  const manager = session ? canManage(session.role) : false;
  const [filter, setFilter] = useState<Filter>('active');
  const query = useQuery({
    queryKey: ['project-progress', filter],
    queryFn: () =>
      call(
        api.GET('/api/project-progress', {
          params: { query: filter === 'all' ? {} : { archived: filter === 'archived' ? 'true' : 'false' } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const items = query.data?.items ?? [];

  return (
    <ConsolePage
      title="Projects"
      subtitle={
        session?.org
          ? `Every project of ${session.org.name}, with where its tasks stand.`
          : 'Every project, with where its tasks stand.'
      }
      actions={
        manager && (
          <Link to="/console/projects/new" className="button button--primary">
            New project
          </Link>
        )
      }
    >
      <div className="projects-toolbar">
        <Segmented<Filter> label="Show projects" options={FILTERS} value={filter} onChange={setFilter} />
        {query.data && items.length > 0 && (
          <div className="projects-toolbar__end">
            <Legend items={SEGMENTS.map((s) => ({ color: s.color, label: s.label }))} />
            <span className="muted">
              {formatCount(items.length)} project{items.length === 1 ? '' : 's'}
            </span>
          </div>
        )}
      </div>
      {query.isPending ? (
        <p className="muted" role="status">
          Loading projects…
        </p>
      ) : query.isError ? (
        <ApiError error={query.error} prefix="Could not load the projects:" />
      ) : items.length === 0 ? (
        <EmptyProjects filter={filter} manager={manager} />
      ) : (
        <ProjectTable items={items} />
      )}
    </ConsolePage>
  );
}

function EmptyProjects({ filter, manager }: { filter: Filter; manager: boolean }) {
  if (filter === 'archived') {
    return <EmptyState className="overview-empty" title="No archived projects." />;
  }
  return (
    <EmptyState className="overview-empty" title="No projects yet.">
      {manager ? (
        <>
          <p>A project holds one kind of task, its instructions and how work is checked.</p>
          <p>
            <Link to="/console/projects/new" className="button button--primary">
              Create your first project
            </Link>
          </p>
        </>
      ) : (
        <p>Projects appear here once a manager creates one.</p>
      )}
    </EmptyState>
  );
}

function ProjectTable({ items }: { items: ProjectProgress[] }) {
  const navigate = useNavigate();
  return (
    <div className="card projects-card">
      <table className="table projects-table">
        <TableHead
          columns={[
            'Project',
            'Type',
            { label: 'Progress', className: 'projects-table__progress' },
            { label: 'Tasks', numeric: true },
            'Last completed',
            'Created',
          ]}
        />
        <tbody>
          {items.map((project) => (
            <tr
              key={project.name}
              className="projects-table__row"
              onClick={(event) => {
                // The name is the link; the rest of the row is a larger target for the mouse.
                if ((event.target as HTMLElement).closest('a')) return;
                void navigate({ to: '/console/projects/$name', params: { name: project.name } });
              }}
            >
              <th scope="row">
                <Link
                  to="/console/projects/$name"
                  params={{ name: project.name }}
                  className="projects-table__name"
                >
                  {project.name}
                </Link>
                {project.archived && (
                  <>
                    {' '}
                    <span className="badge">Archived</span>
                  </>
                )}
              </th>
              <td>{typeLabel(project.type)}</td>
              <td className="projects-table__progress">
                <ProgressBar project={project} />
              </td>
              <td className="num">{formatCount(project.tasks.total)}</td>
              <td>
                {project.lastCompletedAt ? (
                  <time dateTime={project.lastCompletedAt} title={formatDateTime(project.lastCompletedAt)}>
                    {formatRelative(project.lastCompletedAt)}
                  </time>
                ) : (
                  <span className="muted">Never</span>
                )}
              </td>
              <td>
                <time dateTime={project.createdAt}>{formatDate(project.createdAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A bar split by status, with the completed share beside it; the figures in its title and label. */
function ProgressBar({ project }: { project: ProjectProgress }) {
  const t = project.tasks;
  if (t.total === 0) return <span className="muted">No tasks yet</span>;
  const parts = SEGMENTS.map((s) => ({ ...s, count: t[s.key] })).filter((s) => s.count > 0);
  const described = parts.map((s) => `${s.label} ${formatCount(s.count)}`).join(', ');
  const completed = formatShare(t.completed, t.total);
  return (
    <div className="projects-progress">
      <div
        className="projects-progress__bar"
        role="img"
        aria-label={`${completed} completed: ${described}`}
        title={described}
      >
        {parts.map((s) => (
          <span key={s.key} style={{ flexGrow: s.count, background: s.color }} />
        ))}
      </div>
      <span className="projects-progress__share">{completed}</span>
    </div>
  );
}
