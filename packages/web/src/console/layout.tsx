/**
 * The customer console's frame: the app bar, a side navigation (the organization's sections, and the
 * open project's pages), and {@link ConsolePage}, the title + actions + body every console page renders in.
 */
import { Link, Outlet, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { canManage, useSession } from '../api/session.ts';
import { AppBar } from '../workbench/app-bar.tsx';
import { canAdminister } from './people/people-rules.ts';
import '../workbench/workbench.css';
import './console.css';

/** The pages of one project, in the order of its navigation. */
const PROJECT_PAGES = [
  { to: '/console/projects/$name', label: 'Overview', exact: true },
  { to: '/console/projects/$name/tasks', label: 'Tasks', exact: false },
  { to: '/console/projects/$name/batches', label: 'Batches', exact: false },
  { to: '/console/projects/$name/gold', label: 'Gold & people', exact: false },
  { to: '/console/projects/$name/exports', label: 'Exports', exact: false },
  { to: '/console/projects/$name/setup', label: 'Setup', exact: false },
] as const;

/** The console's frame around the current page. */
export function ConsoleLayout() {
  const session = useSession().data;
  const params = useParams({ strict: false }) as { name?: string };
  const manager = session ? canManage(session.role) : false;
  const admin = session ? canAdminister(session.role) : false;
  return (
    <div className="console">
      <AppBar sections />
      <div className="console__body">
        <nav className="console__nav" aria-label="Console">
          <Link to="/console" activeOptions={{ exact: true }} activeProps={{ className: 'is-active' }}>
            Projects
          </Link>
          {params.name && (
            <div className="console__project-nav">
              <span className="console__project-name" title={params.name}>
                {params.name}
              </span>
              {PROJECT_PAGES.map((page) => (
                <Link
                  key={page.to}
                  to={page.to}
                  params={{ name: params.name ?? '' }}
                  activeOptions={{ exact: page.exact }}
                  activeProps={{ className: 'is-active' }}
                >
                  {page.label}
                </Link>
              ))}
            </div>
          )}
          <Link to="/console/people" activeProps={{ className: 'is-active' }}>
            People
          </Link>
          {manager && (
            <>
              <Link to="/console/keys" activeProps={{ className: 'is-active' }}>
                API keys
              </Link>
              <Link to="/console/webhooks" activeProps={{ className: 'is-active' }}>
                Webhooks
              </Link>
            </>
          )}
          {admin && (
            <Link to="/console/audit" activeProps={{ className: 'is-active' }}>
              Audit log
            </Link>
          )}
          {admin && (
            <Link to="/console/sso" activeProps={{ className: 'is-active' }}>
              SSO
            </Link>
          )}
          <Link to="/console/account" activeProps={{ className: 'is-active' }}>
            Account security
          </Link>
        </nav>
        <main className="console__main">
          <Outlet />
        </main>
      </div>
    </div>
  );
}

/** Props of {@link ConsolePage}. */
export interface ConsolePageProps {
  /** The page's heading. */
  title: ReactNode;
  /** A line under the heading. */
  subtitle?: ReactNode;
  /** Buttons at the right of the heading. */
  actions?: ReactNode;
  children?: ReactNode;
}

/** A console page: heading, optional subtitle and actions, body. */
export function ConsolePage({ title, subtitle, actions, children }: ConsolePageProps) {
  return (
    <section className="console-page">
      <header className="console-page__header">
        <div>
          <h1>{title}</h1>
          {subtitle && <p className="console-page__subtitle">{subtitle}</p>}
        </div>
        {actions && <div className="console-page__actions">{actions}</div>}
      </header>
      <div className="console-page__body">{children}</div>
    </section>
  );
}
