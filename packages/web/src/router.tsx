/**
 * The web app's pages: the landing page, sign-in, the annotator's home, the labeling and review loops, and
 * the customer console. Pages that need a session send a logged-out visitor to sign in and back; the console
 * sends annotators to their workbench.
 */
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Link,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { canUseConsole, ensureSession, homeOf } from './api/session.ts';
import { ConsoleLayout } from './console/layout.tsx';
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
    const session = await ensureSession(context.queryClient);
    if (session) throw redirect({ to: homeOf(session.role) });
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

/**
 * The console's pages, each in a chunk of its own (charts, the explorer's viewers and the setup's previews
 * are heavy; an annotator never loads them).
 */
const consolePages = {
  ProjectsPage: lazy(() =>
    import('./console/projects/projects-page.tsx').then((m) => ({ default: m.ProjectsPage })),
  ),
  CreateProjectPage: lazy(() =>
    import('./console/setup/create-project-page.tsx').then((m) => ({ default: m.CreateProjectPage })),
  ),
  ProjectSetupPage: lazy(() =>
    import('./console/setup/project-setup-page.tsx').then((m) => ({ default: m.ProjectSetupPage })),
  ),
  OverviewPage: lazy(() =>
    import('./console/overview/overview-page.tsx').then((m) => ({ default: m.OverviewPage })),
  ),
  TaskExplorerPage: lazy(() =>
    import('./console/tasks/task-explorer-page.tsx').then((m) => ({ default: m.TaskExplorerPage })),
  ),
  TaskDetailPage: lazy(() =>
    import('./console/tasks/task-detail-page.tsx').then((m) => ({ default: m.TaskDetailPage })),
  ),
  BatchesPage: lazy(() =>
    import('./console/batches/batches-page.tsx').then((m) => ({ default: m.BatchesPage })),
  ),
  GoldPage: lazy(() => import('./console/gold/gold-page.tsx').then((m) => ({ default: m.GoldPage }))),
  ExportsPage: lazy(() =>
    import('./console/exports/exports-page.tsx').then((m) => ({ default: m.ExportsPage })),
  ),
  PeoplePage: lazy(() => import('./console/people/people-page.tsx').then((m) => ({ default: m.PeoplePage }))),
  ApiKeysPage: lazy(() =>
    import('./console/keys/api-keys-page.tsx').then((m) => ({ default: m.ApiKeysPage })),
  ),
  WebhooksPage: lazy(() =>
    import('./console/webhooks/webhooks-page.tsx').then((m) => ({ default: m.WebhooksPage })),
  ),
  AuditPage: lazy(() => import('./console/audit/audit-page.tsx').then((m) => ({ default: m.AuditPage }))),
  SsoPage: lazy(() => import('./console/sso/sso-page.tsx').then((m) => ({ default: m.SsoPage }))),
  AccountPage: lazy(() =>
    import('./console/account/account-page.tsx').then((m) => ({ default: m.AccountPage })),
  ),
};

function ConsoleFallback() {
  return <p className="loop-loading">Loading…</p>;
}

/** Signed in and allowed the console (annotators go to their workbench). */
async function requireConsole(args: { context: RouterContext; location: { href: string } }) {
  await requireSession(args);
  const session = await ensureSession(args.context.queryClient);
  if (session && !canUseConsole(session.role)) throw redirect({ to: '/work' });
}

const consoleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/console',
  beforeLoad: requireConsole,
  component: ConsoleLayout,
});

const consoleIndexRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: '/',
  component: () => (
    <Suspense fallback={<ConsoleFallback />}>
      <consolePages.ProjectsPage />
    </Suspense>
  ),
});

const newProjectRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: '/projects/new',
  component: () => (
    <Suspense fallback={<ConsoleFallback />}>
      <consolePages.CreateProjectPage />
    </Suspense>
  ),
});

const projectRoute = createRoute({ getParentRoute: () => consoleRoute, path: '/projects/$name' });

/** A page of one project: the page component receives the project's name. */
function projectPage<const P extends string>(path: P, Page: (typeof consolePages)['OverviewPage']) {
  const route = createRoute({
    getParentRoute: () => projectRoute,
    path,
    component: function ProjectPageRoute() {
      const { name } = route.useParams() as { name: string };
      return (
        <Suspense fallback={<ConsoleFallback />}>
          <Page project={name} />
        </Suspense>
      );
    },
  });
  return route;
}

const projectOverviewRoute = projectPage('/', consolePages.OverviewPage);
const projectTasksRoute = projectPage('/tasks', consolePages.TaskExplorerPage);
const projectBatchesRoute = projectPage('/batches', consolePages.BatchesPage);
const projectGoldRoute = projectPage('/gold', consolePages.GoldPage);
const projectExportsRoute = projectPage('/exports', consolePages.ExportsPage);
const projectSetupRoute = projectPage('/setup', consolePages.ProjectSetupPage);

const taskDetailRoute = createRoute({
  getParentRoute: () => projectRoute,
  path: '/tasks/$taskId',
  component: function TaskDetailRoute() {
    const { name, taskId } = taskDetailRoute.useParams();
    return (
      <Suspense fallback={<ConsoleFallback />}>
        <consolePages.TaskDetailPage project={name} taskId={taskId} />
      </Suspense>
    );
  },
});

/** A console page of the organization (no project). */
function orgPage<const P extends string>(path: P, Page: (typeof consolePages)['PeoplePage']) {
  return createRoute({
    getParentRoute: () => consoleRoute,
    path,
    component: () => (
      <Suspense fallback={<ConsoleFallback />}>
        <Page />
      </Suspense>
    ),
  });
}

const peopleRoute = orgPage('/people', consolePages.PeoplePage);
const keysRoute = orgPage('/keys', consolePages.ApiKeysPage);
const webhooksRoute = orgPage('/webhooks', consolePages.WebhooksPage);
const auditRoute = orgPage('/audit', consolePages.AuditPage);
const ssoRoute = orgPage('/sso', consolePages.SsoPage);
const accountRoute = orgPage('/account', consolePages.AccountPage);

const AcceptInvitationPage = lazy(() =>
  import('./console/people/accept-invitation-page.tsx').then((m) => ({ default: m.AcceptInvitationPage })),
);

/** An invitation link (`<public URL>/invite/<token>`): public, the page signs the person up or in. */
const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invite/$token',
  component: function InviteRoute() {
    const { token } = inviteRoute.useParams();
    return (
      <Suspense fallback={<ConsoleFallback />}>
        <AcceptInvitationPage token={token} />
      </Suspense>
    );
  },
});

const routeTree = rootRoute.addChildren([
  inviteRoute,
  landingRoute,
  loginRoute,
  homeRoute,
  labelRoute,
  reviewRoute,
  consoleRoute.addChildren([
    consoleIndexRoute,
    newProjectRoute,
    projectRoute.addChildren([
      projectOverviewRoute,
      projectTasksRoute,
      taskDetailRoute,
      projectBatchesRoute,
      projectGoldRoute,
      projectExportsRoute,
      projectSetupRoute,
    ]),
    peopleRoute,
    keysRoute,
    webhooksRoute,
    auditRoute,
    ssoRoute,
    accountRoute,
  ]),
]);

/** What an address that leads nowhere shows (inside the console's frame when it is under /console). */
function NotFoundPage() {
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">This page does not exist</h1>
      <p>The address may be mistyped, or the page was moved. Nothing was changed.</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </section>
  );
}

/** Creates the router (one per app). */
export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultNotFoundComponent: NotFoundPage,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
