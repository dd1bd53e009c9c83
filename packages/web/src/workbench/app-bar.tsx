/** The bar at the top of every signed-in page: the product, where you are, who you are, sign out. */
import { Link, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { canUseConsole, useLogout, useSession } from '../api/session.ts';

/** The product mark and name, linking home. */
export function Brand() {
  return (
    <Link to="/" className="brand">
      <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="7" />
        <path d="M8 21h16M8 16h11M8 11h6" />
      </svg>
      Groundwork
    </Link>
  );
}

/** Props of {@link AppBar}. */
export interface AppBarProps {
  /** What sits in the middle: the page's title or the task's controls. */
  children?: ReactNode;
  /** Show the Console / Workbench switch to people who may use the console (not inside the loops). */
  sections?: boolean;
}

/** The top bar. */
export function AppBar({ children, sections = false }: AppBarProps) {
  const session = useSession().data;
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <header className="app-bar">
      <Brand />
      {sections && session && canUseConsole(session.role) && (
        <nav className="app-bar__switch" aria-label="Sections">
          <Link to="/console" className="app-bar__link" activeProps={{ className: 'is-active' }}>
            Console
          </Link>
          <Link to="/work" className="app-bar__link" activeProps={{ className: 'is-active' }}>
            Workbench
          </Link>
        </nav>
      )}
      <div className="app-bar__middle">{children}</div>
      {session && (
        <div className="app-bar__who">
          <span className="app-bar__name" title={session.user.email}>
            {session.user.name}
          </span>
          <span className="app-bar__org">
            {session.org.name} · {session.role}
          </span>
          <button
            type="button"
            className="button button--small"
            onClick={() => logout.mutate(undefined, { onSettled: () => void navigate({ to: '/login' }) })}
          >
            Sign out
          </button>
        </div>
      )}
    </header>
  );
}
