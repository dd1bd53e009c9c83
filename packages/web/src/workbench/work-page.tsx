/**
 * The labeling (or review) loop: leases work, shows one assignment at a time with the next one already
 * leased and its files loading, and moves on the moment an answer is in (after a training answer, once
 * its feedback was read). Leaving the page keeps the current lease (it resumes, draft and all) and gives
 * the one taken ahead back; "Stop" gives both back. A person paused from the project sees why, once.
 */
import type { Lease } from '@groundwork/sdk';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { api, call } from '../api/client.ts';
import { preloadImage } from '../components/image-cache.ts';
import { AppBar } from './app-bar.tsx';
import { AssignmentView } from './assignment-view.tsx';
import { browserDrafts } from './drafts.ts';
import { LeaseQueue, type LeaseQueueApi, type LeaseQueueState } from './lease-queue.ts';
import './workbench.css';

/** Props of {@link WorkPage}. */
export interface WorkPageProps {
  /** Labeling or review. */
  stage: 'label' | 'review';
  /** Only this project's work (all of the caller's when absent). */
  project: string | undefined;
}

function queueApi(stage: 'label' | 'review', project: string | undefined): LeaseQueueApi {
  return {
    next: async () => (await call(api.POST('/api/work/next', { body: { stage, project } }))).lease,
    live: async () => {
      const { items } = await call(
        api.GET('/api/work/assignments', { params: { query: { status: 'leased', limit: 20 } } }),
      );
      const leases: Lease[] = [];
      for (const item of items.filter((assignment) => assignment.stage === stage).reverse()) {
        const lease = await call(
          api.GET('/api/work/assignments/{id}', { params: { path: { id: item.id } } }),
        );
        if (!project || lease.task.project === project) leases.push(lease);
      }
      return leases;
    },
    heartbeat: async (id) =>
      call(api.POST('/api/work/assignments/{id}/heartbeat', { params: { path: { id } } })),
    release: async (id) => call(api.POST('/api/work/assignments/{id}/release', { params: { path: { id } } })),
  };
}

const LOADING: LeaseQueueState = { status: 'loading', current: null, upcoming: null, error: null };
const noSubscription = () => () => {};

/** Loads and decodes a lease's images ahead of time so its task shows at once. */
function preload(lease: Lease): void {
  for (const file of lease.files) preloadImage(file.url);
  const attachment = lease.task.params.attachment;
  if (typeof attachment === 'string' && /^https?:\/\//.test(attachment)) preloadImage(attachment);
}

/** The loop's page. */
export function WorkPage({ stage, project }: WorkPageProps) {
  const navigate = useNavigate();
  const drafts = useMemo(() => browserDrafts(), []);
  const [queue, setQueue] = useState<LeaseQueue | null>(null);
  const [flash, setFlash] = useState<string | null>(null);

  useEffect(() => {
    drafts.prune();
    const created = new LeaseQueue(queueApi(stage, project));
    setQueue(created);
    void created.start();
    return () => {
      void created.stop({ keepCurrent: true });
    };
  }, [stage, project, drafts]);

  const state = useSyncExternalStore(queue?.subscribe ?? noSubscription, () => queue?.state ?? LOADING);

  useEffect(() => {
    if (state.upcoming) preload(state.upcoming);
  }, [state.upcoming]);

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), 2500);
    return () => clearTimeout(timer);
  }, [flash]);

  const stop = async () => {
    await queue?.stop();
    await navigate({ to: '/work' });
  };

  const current = state.current;
  const what = stage === 'review' ? 'review' : 'task';

  return (
    <div
      className="app work"
      data-testid="labeling-loop"
      data-state={state.status}
      data-assignment-id={current?.assignment.id ?? ''}
    >
      {current && queue && (state.status === 'ready' || state.status === 'lost') ? (
        <AssignmentView
          key={current.assignment.id}
          lease={current}
          stage={stage}
          drafts={drafts}
          lost={state.status === 'lost' ? (state.error ?? 'The lease ended.') : null}
          onDone={(message) => {
            if (message) setFlash(message);
            void queue.advance();
          }}
          onAnswered={(training) => queue.answered(training)}
          onMarkLost={(reason) => queue.markLost(reason)}
          onNext={() => void queue.advance()}
          onStop={stop}
        />
      ) : (
        <>
          <AppBar>
            <span className="app-bar__title">{stage === 'review' ? 'Review' : 'Labeling'}</span>
            {project && <span className="tag">{project}</span>}
          </AppBar>
          <main className="work__state">
            {state.status === 'loading' && <p className="muted">Finding your next {what}…</p>}
            {state.status === 'empty' && (
              <div className="empty" role="status">
                <h1>All done for now</h1>
                <p className="muted">
                  No {what}s wait for you{project ? ` in ${project}` : ''}. This page checks again every 15
                  seconds.
                </p>
                <div className="empty__actions">
                  <button type="button" className="button" onClick={() => void queue?.retry()}>
                    Check now
                  </button>
                  <Link to="/work" className="button button--primary">
                    Back to home
                  </Link>
                </div>
              </div>
            )}
            {state.status === 'paused' && (
              <div className="empty paused" role="alert" data-testid="paused-from-project">
                <span className="paused__mark" aria-hidden="true">
                  ❚❚
                </span>
                <h1>Paused from this project</h1>
                {project && <p className="paused__project">{project}</p>}
                <p className="paused__reason">{state.error}</p>
                <p className="muted">
                  Ask your manager to reinstate you. Your other projects are not affected.
                </p>
                <div className="empty__actions">
                  <Link to="/work" className="button button--primary">
                    Back to home
                  </Link>
                </div>
              </div>
            )}
            {state.status === 'error' && (
              <div className="empty" role="alert">
                <h1>Cannot get work right now</h1>
                <p className="muted">{state.error}</p>
                <div className="empty__actions">
                  <button
                    type="button"
                    className="button button--primary"
                    onClick={() => void queue?.retry()}
                  >
                    Try again
                  </button>
                  <Link to="/work" className="button">
                    Back to home
                  </Link>
                </div>
              </div>
            )}
          </main>
        </>
      )}
      {flash && (
        <output className="toast" data-testid="toast">
          {flash}
        </output>
      )}
    </div>
  );
}
