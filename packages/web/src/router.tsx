/**
 * The web app's pages: the landing page, sign-in, the annotator's home, and the labeling and review loops.
 * Pages that need a session send a logged-out visitor to sign in and back.
 */
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { ensureSession } from './api/session.ts';
import { LandingPage } from './landing-page.tsx';
import { HomePage } from './workbench/home-page.tsx';
import { LoginPage } from './workbench/login-page.tsx';

/**
 * The loops carry every task type's editor (the image canvas, markdown, drag and drop): a chunk of their
 * own, loaded when someone starts working, so sign-in and home load light.
 */
const WorkPage = lazy(() =>
  import('./workbench/work-page.tsx').then((module) => ({ default: module.WorkPage })),
);

function LoopFallback() {
  return <p className="loop-loading">Loading the workbench…</p>;
}

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({ component: Outlet });

const landingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: async ({ context }) => {
    if (await ensureSession(context.queryClient)) throw redirect({ to: '/work' });
  },
  component: LandingPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { next?: string } =>
    typeof search.next === 'string' && search.next.startsWith('/') && !search.next.startsWith('//')
      ? { next: search.next }
      : {},
  component: LoginPage,
});

/** Sends a logged-out visitor to sign in, then back to where they were going. */
async function requireSession({ context, location }: { context: RouterContext; location: { href: string } }) {
  if (!(await ensureSession(context.queryClient))) {
    throw redirect({ to: '/login', search: { next: location.href } });
  }
}

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/work',
  beforeLoad: requireSession,
  component: HomePage,
});

/** Search params of the loops: which project's work (all of the caller's when absent). */
export interface WorkSearch {
  project?: string;
}

const validateWorkSearch = (search: Record<string, unknown>): WorkSearch =>
  typeof search.project === 'string' && search.project !== '' ? { project: search.project } : {};

const labelRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/work/label',
  validateSearch: validateWorkSearch,
  beforeLoad: requireSession,
  component: function LabelRoute() {
    const { project } = labelRoute.useSearch();
    return (
      <Suspense fallback={<LoopFallback />}>
        <WorkPage stage="label" project={project} />
      </Suspense>
    );
  },
});

const reviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/work/review',
  validateSearch: validateWorkSearch,
  beforeLoad: requireSession,
  component: function ReviewRoute() {
    const { project } = reviewRoute.useSearch();
    return (
      <Suspense fallback={<LoopFallback />}>
        <WorkPage stage="review" project={project} />
      </Suspense>
    );
  },
});

const routeTree = rootRoute.addChildren([landingRoute, loginRoute, homeRoute, labelRoute, reviewRoute]);

/** Creates the router (one per app). */
export function createAppRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent' });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
