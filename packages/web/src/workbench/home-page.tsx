/**
 * The annotator's home: the projects they may work with how many tasks wait for them, their own figures,
 * and reviewers' comments on their answers. "Start" enters the labeling loop ("Start training" while a
 * project's training gate is under way); a project they are paused from says why instead.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Fragment } from 'react';
import { api, call } from '../api/client.ts';
import { canReview, useSession } from '../api/session.ts';
import { AppBar } from './app-bar.tsx';
import { formatDuration } from './format.ts';
import { projectStart } from './training-text.ts';
import './workbench.css';

/** Reads the home page's figures. */
function useOverview() {
  return useQuery({
    queryKey: ['work', 'overview'],
    queryFn: () => call(api.GET('/api/work/overview')),
    refetchInterval: 30_000,
  });
}

function useFeedback() {
  return useQuery({
    queryKey: ['work', 'feedback'],
    queryFn: () =>
      call(api.GET('/api/work/assignments', { params: { query: { feedback: 'true', limit: 10 } } })),
  });
}

/** A count of waiting tasks, with the person's own unfinished ones beside it. */
function WorkCount({ waiting, inProgress }: { waiting: number; inProgress: number }) {
  return (
    <>
      {waiting.toLocaleString()}
      {inProgress > 0 && <small className="muted"> + {inProgress} yours</small>}
    </>
  );
}

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);

/** The home page. */
export function HomePage() {
  const session = useSession().data;
  const overview = useOverview();
  const feedback = useFeedback();
  const reviewer = session ? canReview(session.role) : false;
  const projects = overview.data?.projects ?? [];
  const me = overview.data?.me;
  // Work the person holds counts as work for them: Start resumes it. A project they are paused from
  // has none for them, and its reviews, like its real work, open only once its training is passed.
  const labelWork = (project: (typeof projects)[number]) =>
    project.paused ? 0 : project.waiting + project.inProgress;
  const reviewWork = (project: (typeof projects)[number]) =>
    projectStart(project).kind === 'work' ? project.reviewsWaiting + project.reviewsInProgress : 0;
  const totalWaiting = projects.reduce((sum, project) => sum + labelWork(project), 0);
  const totalReviews = projects.reduce((sum, project) => sum + reviewWork(project), 0);

  return (
    <div className="app">
      <AppBar sections>
        <span className="app-bar__title">Home</span>
      </AppBar>
      <main className="home">
        <section className="home__intro">
          <div>
            <h1>{session ? `Hello, ${session.user.name}` : 'Hello'}</h1>
            <p className="muted">
              {overview.isPending
                ? 'Looking for work…'
                : totalWaiting > 0
                  ? `${totalWaiting.toLocaleString()} task${totalWaiting === 1 ? '' : 's'} wait for you.`
                  : 'No tasks wait for you right now.'}
            </p>
          </div>
          <div className="home__actions">
            <Link to="/work/label" className="button button--primary" disabled={totalWaiting === 0}>
              Start labeling
            </Link>
            {reviewer && (
              <Link to="/work/review" className="button" disabled={totalReviews === 0}>
                Start reviewing
              </Link>
            )}
          </div>
        </section>

        {overview.isError && (
          <p className="banner banner--bad" role="alert">
            Could not load your work: {overview.error.message}{' '}
            <button type="button" className="button button--small" onClick={() => overview.refetch()}>
              Try again
            </button>
          </p>
        )}

        <div className="home__grid">
          <section className="card" aria-labelledby="figures-title">
            <h2 id="figures-title">Your figures</h2>
            <dl className="figures">
              <div>
                <dt>Answers submitted</dt>
                <dd data-testid="figure-submitted">{me ? me.submitted.toLocaleString() : '—'}</dd>
              </div>
              <div>
                <dt>Today</dt>
                <dd>{me ? me.submittedToday.toLocaleString() : '—'}</dd>
              </div>
              <div>
                <dt>Median time per task</dt>
                <dd>{me?.medianTimeMs != null ? formatDuration(me.medianTimeMs) : '—'}</dd>
              </div>
              <div>
                <dt title="Accepted or fixed by a reviewer, of those reviewed">Review acceptance</dt>
                <dd>
                  {percent(me?.acceptanceRate ?? null)}
                  {me && me.reviewed > 0 && <small> of {me.reviewed}</small>}
                </dd>
              </div>
              <div>
                <dt title="Mean agreement of the rounds you answered with other annotators">Agreement</dt>
                <dd>{percent(me?.agreement ?? null)}</dd>
              </div>
              <div>
                <dt>Skipped</dt>
                <dd>{me ? me.skipped.toLocaleString() : '—'}</dd>
              </div>
            </dl>
          </section>
          <section className="card" aria-labelledby="projects-title">
            <h2 id="projects-title">Your projects</h2>
            {projects.length === 0 && !overview.isPending ? (
              <p className="muted">
                No project is routed to you yet. Your organization's managers route projects to workforces.
              </p>
            ) : (
              <div className="table-scroll">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Project</th>
                      <th scope="col">Type</th>
                      <th scope="col" className="num">
                        To label
                      </th>
                      {reviewer && (
                        <th scope="col" className="num">
                          To review
                        </th>
                      )}
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {projects.map((project) => {
                      const start = projectStart(project);
                      return (
                        <Fragment key={project.name}>
                          <tr data-testid="home-project" data-paused={start.kind === 'paused'}>
                            <th scope="row">
                              {project.name}
                              {start.kind === 'training' && (
                                <span className="tag tag--training home__status" data-testid="home-training">
                                  {start.label}
                                </span>
                              )}
                              {start.kind === 'paused' && (
                                <span className="tag tag--paused home__status">Paused</span>
                              )}
                            </th>
                            <td>
                              <span className="tag">{project.type}</span>
                            </td>
                            <td className="num">
                              {start.kind === 'paused' ? (
                                <span className="muted" title="Not while you are paused">
                                  —
                                </span>
                              ) : (
                                <WorkCount waiting={project.waiting} inProgress={project.inProgress} />
                              )}
                            </td>
                            {reviewer && start.kind === 'paused' && (
                              <td className="num">
                                <span className="muted" title="Not while you are paused">
                                  —
                                </span>
                              </td>
                            )}
                            {reviewer && start.kind !== 'paused' && (
                              <td className="num">
                                <WorkCount
                                  waiting={project.reviewsWaiting}
                                  inProgress={project.reviewsInProgress}
                                />
                              </td>
                            )}
                            <td>
                              <div className="table__actions">
                                {start.kind === 'training' && (
                                  <Link
                                    to="/work/label"
                                    search={{ project: project.name }}
                                    className="button button--small button--primary"
                                    aria-label={`Start training in ${project.name}`}
                                  >
                                    Start training
                                  </Link>
                                )}
                                {start.kind === 'work' && (
                                  <Link
                                    to="/work/label"
                                    search={{ project: project.name }}
                                    className="button button--small button--primary"
                                    disabled={!start.startable}
                                    aria-label={`Start ${project.name}`}
                                  >
                                    Start
                                  </Link>
                                )}
                                {reviewer && start.kind !== 'paused' && (
                                  <Link
                                    to="/work/review"
                                    search={{ project: project.name }}
                                    className="button button--small"
                                    disabled={reviewWork(project) === 0}
                                    aria-label={`Review ${project.name}`}
                                  >
                                    Review
                                  </Link>
                                )}
                              </div>
                            </td>
                          </tr>
                          {start.kind === 'paused' && (
                            <tr className="table__notice">
                              <td colSpan={reviewer ? 5 : 4}>
                                <div className="paused-notice" role="note" data-testid="home-paused">
                                  <strong>Paused from this project</strong>
                                  <p>{start.reason}</p>
                                  <p className="muted">Ask your manager to reinstate you.</p>
                                </div>
                              </td>
                            </tr>
                          )}
                        </Fragment>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </div>

        {(feedback.data?.items.length ?? 0) > 0 && (
          <section className="card" aria-labelledby="feedback-title">
            <h2 id="feedback-title">Reviewers' comments on your answers</h2>
            <ul className="feedback-list">
              {feedback.data?.items.map((item) => (
                <li key={item.id}>
                  <span className="muted">
                    Task {item.taskId.slice(0, 8)} · round {item.round} ·{' '}
                    {item.submittedAt ? new Date(item.submittedAt).toLocaleString() : ''}
                  </span>
                  <blockquote>{item.feedback}</blockquote>
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
    </div>
  );
}
