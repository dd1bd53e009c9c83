/**
 * One task: its attachment with every annotator's answer and the final one (overlaid on the image for image
 * annotation, in columns for the other types — each type's own read-only viewer), who did what and when, the
 * webhook deliveries with a re-send, the customer audit (accept, or reject to relabel) and the task's
 * params, metadata and params version.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Component, Fragment, type ReactNode, useMemo, useState } from 'react';
import { api, call } from '../../api/client.ts';
import { canManage, useSession } from '../../api/session.ts';
import { taskTypeUi } from '../../task-types/index.ts';
import { ConsolePage } from '../layout.tsx';
import { ApiError } from '../shared/api-error.tsx';
import { formatDateTime, formatDuration, formatPercent, formatWhen } from '../shared/format.ts';
import { TableHead } from '../shared/table-head.tsx';
import { ANSWER_COLORS, consoleUrl, defaultRound, personName, roundsOf, shownAnswers } from './answers.ts';
import { STAGE_LABELS, STATUS_TONES, type TaskTimeline } from './format.ts';
import './tasks.css';

/** Props of {@link TaskDetailPage}. */
export interface TaskDetailPageProps {
  /** The project's name. */
  project: string;
  /** The task's id. */
  taskId: string;
}

/** The query key of a task's timeline. */
const timelineKey = (taskId: string) => ['task-timeline', taskId] as const;

/** One task: its attachment with every answer and the final one, the timeline, deliveries, the customer audit. */
export function TaskDetailPage({ project, taskId }: TaskDetailPageProps) {
  const session = useSession().data;
  const manager = session ? canManage(session.role) : false;
  const timeline = useQuery({
    queryKey: timelineKey(taskId),
    queryFn: () => call(api.GET('/api/tasks/{id}/timeline', { params: { path: { id: taskId } } })),
  });
  const back = (
    <Link to="/console/projects/$name/tasks" params={{ name: project }} className="button">
      All tasks
    </Link>
  );

  if (timeline.isPending) {
    return (
      <ConsolePage title="Task" subtitle={<code>{taskId}</code>} actions={back}>
        <p className="muted">Loading the task…</p>
      </ConsolePage>
    );
  }
  if (timeline.isError) {
    return (
      <ConsolePage title="Task" subtitle={<code>{taskId}</code>} actions={back}>
        <ApiError error={timeline.error} prefix="This task cannot be shown." />
      </ConsolePage>
    );
  }
  const t = timeline.data;
  const { task } = t;
  const answered = t.assignments.filter(
    (a) => a.stage === 'label' && a.status === 'submitted' && a.round === task.round,
  );
  return (
    <ConsolePage
      title={
        <>
          Task {task.uniqueId ?? <code>{task.id}</code>}{' '}
          <span className="badge" data-tone={STATUS_TONES[task.status]}>
            {task.status}
          </span>
        </>
      }
      subtitle={
        <>
          {task.type} · {task.project ?? project}
          {task.batch ? ` · batch ${task.batch}` : ''} · created{' '}
          {formatDateTime(task.createdAt, { seconds: true })}
        </>
      }
      actions={back}
    >
      {task.project && task.project !== project && (
        <p className="td-notice">
          This task belongs to project{' '}
          <Link to="/console/projects/$name/tasks/$taskId" params={{ name: task.project, taskId: task.id }}>
            {task.project}
          </Link>
          .
        </p>
      )}
      <div className="stats">
        <Stat
          label={task.round > 1 ? `Stage · round ${task.round}` : 'Stage'}
          value={STAGE_LABELS[task.stage]}
        />
        <Stat label="Agreement" value={formatPercent(task.agreement, 0)} />
        <Stat label={task.round > 1 ? 'Answers this round' : 'Answers'} value={String(answered.length)} />
        <Stat label="Params version" value={task.paramsVersion === null ? '—' : `v${task.paramsVersion}`} />
        <Stat label="Audit" value={task.customerReviewStatus ?? 'not audited'} />
      </div>
      <AnswersCard timeline={t} />
      <div className="td-layout">
        <div>
          <AssignmentsCard timeline={t} />
          <DeliveriesCard timeline={t} manager={manager} />
          <DetailsCard timeline={t} />
        </div>
        <div>
          <AuditCard timeline={t} manager={manager} project={project} />
          <TimelineCard timeline={t} />
        </div>
      </div>
    </ConsolePage>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="stat">
      <div className="stat__value">{value}</div>
      <div className="stat__label">{label}</div>
    </div>
  );
}

/** The attachment with the answers of one round, through the type's own read-only viewer. */
function AnswersCard({ timeline }: { timeline: TaskTimeline }) {
  const { task } = timeline;
  const rounds = roundsOf(timeline);
  const [round, setRound] = useState(() => defaultRound(timeline));
  const answers = useMemo(() => shownAnswers(timeline, round), [timeline, round]);
  const parsed = useMemo(() => {
    const ui = taskTypeUi(task.type);
    if (!ui) return { ok: false as const, problem: `This console cannot show ${task.type} tasks.` };
    try {
      return { ok: true as const, ui, params: ui.parseParams(task.params) };
    } catch (error) {
      return {
        ok: false as const,
        problem: `The task's params cannot be shown: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }, [task.type, task.params]);
  const image = task.type === 'imageannotation';

  return (
    <section className="card" aria-labelledby="answers-title">
      <div className="td-answers__bar">
        <h2 id="answers-title">
          {answers.length === 0
            ? 'Attachment'
            : image
              ? 'Answers overlaid on the attachment'
              : 'Answers side by side'}
        </h2>
        {rounds.length > 1 && (
          <div className="tabs td-rounds" role="tablist" aria-label="Labeling round">
            {rounds.map((r) => (
              <button
                key={r}
                type="button"
                role="tab"
                aria-selected={r === round}
                onClick={() => setRound(r)}
              >
                Round {r}
                {r === task.round ? ' (current)' : ''}
              </button>
            ))}
          </div>
        )}
      </div>
      {!image && answers.length > 0 && (
        <ul className="td-legend" aria-label="Answers">
          {answers.map((a) => (
            <li key={a.key}>
              <span className="td-swatch" style={{ background: a.color }} aria-hidden="true" />
              {a.title}
            </li>
          ))}
        </ul>
      )}
      {answers.length === 0 && (
        <p className="muted">
          {round === task.round ? 'Nobody has answered this round yet.' : 'This round has no answers.'}
        </p>
      )}
      {parsed.ok ? (
        <ViewerBoundary key={`${round}:${answers.map((a) => a.key).join(',')}`}>
          <parsed.ui.Viewer
            params={parsed.params}
            resolveUrl={consoleUrl}
            displayOrder={null}
            answers={answers}
          />
        </ViewerBoundary>
      ) : (
        <p className="td-notice" role="alert">
          {parsed.problem}
        </p>
      )}
      {image && answers.some((a) => a.key === 'final') && (
        <p className="field__hint">
          The final answer is drawn in green with a thicker outline, on top; untick an answer in the legend to
          hide it.
        </p>
      )}
    </section>
  );
}

/** Keeps a viewer that cannot draw an answer (data written by an older version) from blanking the page. */
class ViewerBoundary extends Component<{ children: ReactNode }, { failed: string | null }> {
  override state = { failed: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return { failed: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    if (this.state.failed) {
      return (
        <p className="td-notice" role="alert">
          These answers cannot be drawn ({this.state.failed}). The raw answers are in the table below.
        </p>
      );
    }
    return this.props.children;
  }
}

const ASSIGNMENT_TONES: Record<TaskTimeline['assignments'][number]['status'], string> = {
  leased: 'info',
  submitted: 'ok',
  skipped: 'wait',
  released: 'neutral',
  expired: 'bad',
  revoked: 'neutral',
};

/** Every assignment: who, for which workforce, when, how long, and how it ended. */
function AssignmentsCard({ timeline }: { timeline: TaskTimeline }) {
  const rows = timeline.assignments;
  let labelIndex = 0;
  const colorOf = new Map<string, string>();
  for (const a of [...rows].sort((x, y) => x.round - y.round || x.slot - y.slot)) {
    if (a.stage === 'label' && a.status === 'submitted') {
      colorOf.set(a.id, ANSWER_COLORS[labelIndex++ % ANSWER_COLORS.length] as string);
    }
  }
  return (
    <section className="card" aria-labelledby="assignments-title">
      <h2 id="assignments-title">Who worked on it</h2>
      {rows.length === 0 ? (
        <p className="muted">Nobody has taken this task yet.</p>
      ) : (
        <div className="td-table-scroll">
          <table className="table">
            <TableHead columns={['Person', 'Work', 'When', { label: 'Time', numeric: true }]} />
            <tbody>
              {rows.map((a) => (
                <Fragment key={a.id}>
                  <tr>
                    <td>
                      <strong>{personName(a.annotator)}</strong>
                      {a.annotator.email && a.annotator.name && (
                        <div className="tx-sub">{a.annotator.email}</div>
                      )}
                      {a.workforce && <div className="tx-sub">{a.workforce.name ?? 'workforce'}</div>}
                    </td>
                    <td>
                      <span className="badge" data-tone={ASSIGNMENT_TONES[a.status]}>
                        {a.status}
                      </span>
                      <div className="tx-sub">
                        {a.stage === 'label' ? 'labeling' : 'review'} · round {a.round} · slot {a.slot}
                      </div>
                    </td>
                    <td
                      title={`Taken ${formatDateTime(a.leasedAt, { seconds: true })}${a.submittedAt ? `, submitted ${formatDateTime(a.submittedAt, { seconds: true })}` : ''}`}
                    >
                      {a.submittedAt ? formatWhen(a.submittedAt) : formatWhen(a.leasedAt)}
                      <div className="tx-sub">
                        {a.submittedAt ? `taken ${formatWhen(a.leasedAt)}` : 'taken'}
                      </div>
                    </td>
                    <td className="num">{formatDuration(a.timeSpentMs)}</td>
                  </tr>
                  {(a.skipReason || a.feedback || a.response !== null) && (
                    <tr className="td-note-row">
                      <td colSpan={4}>
                        {a.skipReason && <div>Skipped: {a.skipReason}</div>}
                        {a.feedback && <div className="error-text">Rejected: {a.feedback}</div>}
                        {a.response !== null && (
                          <details className="td-details">
                            <summary>
                              {colorOf.has(a.id) && (
                                <span
                                  className="td-swatch"
                                  style={{ background: colorOf.get(a.id) }}
                                  aria-hidden="true"
                                />
                              )}
                              {a.stage === 'label' ? 'Answer' : 'Verdict'}
                            </summary>
                            <pre className="td-json">{JSON.stringify(a.response, null, 2)}</pre>
                          </details>
                        )}
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const DELIVERY_TONES = { pending: 'wait', succeeded: 'ok', failed: 'bad' } as const;

/** The webhook deliveries about the task, with a re-send for managers. */
function DeliveriesCard({ timeline, manager }: { timeline: TaskTimeline; manager: boolean }) {
  const queryClient = useQueryClient();
  const resend = useMutation({
    mutationFn: (id: string) => call(api.POST('/api/deliveries/{id}/resend', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: timelineKey(timeline.task.id) }),
  });
  const rows = timeline.deliveries;
  return (
    <section className="card" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Webhook deliveries</h2>
      {rows.length === 0 ? (
        <p className="muted">
          {timeline.task.callbackUrl
            ? 'Nothing sent yet: the callback goes out when the task completes.'
            : 'None: the task has no callback URL.'}
        </p>
      ) : (
        <div className="td-table-scroll">
          <table className="table">
            <TableHead
              columns={['Event', 'Status', { label: 'Attempts', numeric: true }, 'When']}
              actions={manager}
            />
            <tbody>
              {rows.map((d) => (
                <tr key={d.id}>
                  <td>
                    {d.event}
                    <div className="tx-sub td-url" title={d.url}>
                      {d.url}
                    </div>
                  </td>
                  <td>
                    <span className="badge" data-tone={DELIVERY_TONES[d.status]}>
                      {d.status}
                    </span>
                    {(d.lastStatusCode !== null || d.lastError) && (
                      <div className="tx-sub td-url" title={d.lastError ?? undefined}>
                        {d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : d.lastError}
                      </div>
                    )}
                  </td>
                  <td className="num">{d.attemptCount}</td>
                  <td title={formatDateTime(d.deliveredAt ?? d.createdAt, { seconds: true })}>
                    {formatWhen(d.deliveredAt ?? d.createdAt)}
                    <div className="tx-sub">{d.deliveredAt ? 'delivered' : 'queued'}</div>
                  </td>
                  {manager && (
                    <td>
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => resend.mutate(d.id)}
                        disabled={resend.isPending}
                        aria-label={`Re-send ${d.event} delivery`}
                      >
                        {resend.isPending && resend.variables === d.id ? 'Sending…' : 'Re-send'}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {resend.isError && <ApiError error={resend.error} prefix="The delivery could not be re-sent:" />}
      {resend.isSuccess && <p className="field__hint">Queued again as a new delivery; it shows above.</p>}
    </section>
  );
}

/** The customer audit: past verdicts, and accept or reject for managers. */
function AuditCard({
  timeline,
  manager,
  project,
}: {
  timeline: TaskTimeline;
  manager: boolean;
  project: string;
}) {
  const queryClient = useQueryClient();
  const { task, audits } = timeline;
  const [comments, setComments] = useState('');
  const audit = useMutation({
    mutationFn: (accepted: boolean) =>
      call(
        api.POST('/api/tasks/{id}/audit', {
          params: { path: { id: task.id } },
          body: { accepted, comments: comments.trim() === '' ? null : comments.trim() },
        }),
      ),
    onSuccess: (data) => {
      queryClient.setQueryData(timelineKey(task.id), data);
      void queryClient.invalidateQueries({ queryKey: ['task-explorer', project] });
      setComments('');
    },
  });
  return (
    <section className="card td-audit" aria-labelledby="audit-title">
      <h2 id="audit-title">Customer audit</h2>
      {audits.length > 0 ? (
        <ul className="td-audit-list">
          {audits.map((a) => (
            <li key={`${a.auditedAt}:${a.auditedBy}`}>
              <span className="badge" data-tone={a.result === 'rejected' ? 'bad' : 'ok'}>
                {a.result}
              </span>{' '}
              by {a.auditedBy} · {formatDateTime(a.auditedAt, { seconds: true })}
              {a.comments && <div className="tx-sub">“{a.comments}”</div>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Not audited yet.</p>
      )}
      {!manager ? (
        <p className="field__hint">
          Managers audit tasks: accept the result, or reject it to have it labeled again.
        </p>
      ) : task.status !== 'completed' ? (
        <p className="field__hint">Audits apply to completed tasks; this one is {task.status}.</p>
      ) : (
        <form className="form" onSubmit={(e) => e.preventDefault()}>
          <label className="field">
            <span>Comments</span>
            <textarea
              value={comments}
              onChange={(e) => setComments(e.target.value)}
              maxLength={5000}
              placeholder="What is right or wrong with the result (shown to the annotators on a rejection)"
            />
          </label>
          <div className="td-audit__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => audit.mutate(true)}
              disabled={audit.isPending}
            >
              Accept
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() => audit.mutate(false)}
              disabled={audit.isPending}
            >
              Reject and relabel
            </button>
          </div>
          <p className="field__hint">Rejecting sends the task back to labeling for a new round.</p>
        </form>
      )}
      {audit.isError && <ApiError error={audit.error} prefix="The audit was not recorded:" />}
    </section>
  );
}

const EVENT_TONES: Record<TaskTimeline['events'][number]['kind'], string> = {
  'task.created': 'info',
  'assignment.leased': 'neutral',
  'assignment.submitted': 'info',
  'assignment.expired': 'wait',
  'review.accepted': 'ok',
  'review.fixed': 'ok',
  'review.rejected': 'bad',
  'audit.accepted': 'ok',
  'audit.rejected': 'bad',
  'task.completed': 'ok',
  'delivery.queued': 'neutral',
  'delivery.succeeded': 'ok',
  'delivery.failed': 'bad',
};

/** Everything that happened, oldest first. */
function TimelineCard({ timeline }: { timeline: TaskTimeline }) {
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <ol className="td-timeline">
        {timeline.events.map((e, index) => (
          <li
            // Events have no id of their own; their order is fixed by the server.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered.
            key={index}
            className="td-event"
            data-tone={EVENT_TONES[e.kind]}
          >
            <time dateTime={e.at}>{formatDateTime(e.at, { seconds: true })}</time>
            {e.summary}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The task's own fields: ids, params version, callback, tags, instruction, metadata and params. */
function DetailsCard({ timeline }: { timeline: TaskTimeline }) {
  const { task } = timeline;
  return (
    <section className="card" aria-labelledby="details-title">
      <h2 id="details-title">Task details</h2>
      <dl className="td-facts">
        <dt>Task id</dt>
        <dd>
          <code>{task.id}</code>
        </dd>
        <dt>Unique id</dt>
        <dd>{task.uniqueId ?? '—'}</dd>
        <dt>Type</dt>
        <dd>{task.type}</dd>
        <dt>Batch</dt>
        <dd>{task.batch ?? '—'}</dd>
        <dt>Params version</dt>
        <dd>
          {task.paramsVersion === null ? (
            'unknown (created before versions were recorded)'
          ) : (
            <>
              v{task.paramsVersion} of the project's params (
              <Link to="/console/projects/$name/setup" params={{ name: task.project ?? '' }}>
                setup
              </Link>
              )
            </>
          )}
        </dd>
        <dt>Priority</dt>
        <dd>{task.priority}</dd>
        <dt>Tags</dt>
        <dd>{task.tags.length > 0 ? task.tags.join(', ') : '—'}</dd>
        <dt>Callback</dt>
        <dd>{task.callbackUrl ?? '—'}</dd>
        <dt>Created</dt>
        <dd>{formatDateTime(task.createdAt, { seconds: true })}</dd>
        <dt>Updated</dt>
        <dd>{formatDateTime(task.updatedAt, { seconds: true })}</dd>
        <dt>Completed</dt>
        <dd>{formatDateTime(task.completedAt, { seconds: true })}</dd>
      </dl>
      {task.instruction && (
        <details className="td-details">
          <summary>Instruction</summary>
          <pre className="td-json">{task.instruction}</pre>
        </details>
      )}
      <details className="td-details">
        <summary>Metadata</summary>
        <pre className="td-json">{JSON.stringify(task.metadata, null, 2)}</pre>
      </details>
      <details className="td-details">
        <summary>Params</summary>
        <pre className="td-json">{JSON.stringify(task.params, null, 2)}</pre>
      </details>
      {task.response !== null && (
        <details className="td-details">
          <summary>Final response (JSON)</summary>
          <pre className="td-json">{JSON.stringify(task.response, null, 2)}</pre>
        </details>
      )}
    </section>
  );
}
