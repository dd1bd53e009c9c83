/**
 * The logged-in session, kept in TanStack Query under one key: pages read it with {@link useSession}, log
 * in and out through {@link useLogin} / {@link useLogout}. The CSRF token travels to the API client.
 */
import type { Session } from '@groundwork/sdk';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { browserDrafts } from '../workbench/drafts.ts';
import { ApiFailure, api, call, setCsrfToken } from './client.ts';

/** The query key of the session. */
export const SESSION_KEY = ['session'] as const;

/** Reads the session of the cookie: the session, or null when logged out. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await call(api.GET('/api/auth/session'));
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiFailure && (error.status === 401 || error.status === 400)) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Options of the session query, shared by the hook and the router's guards. */
export const sessionQuery = {
  queryKey: SESSION_KEY,
  queryFn: fetchSession,
  staleTime: 60_000,
} as const;

/** The current session (null when logged out); suspends nothing, check `isPending`. */
export function useSession() {
  return useQuery(sessionQuery);
}

/** Reads the session through the query cache (for route guards). */
export function ensureSession(queryClient: QueryClient): Promise<Session | null> {
  return queryClient.ensureQueryData(sessionQuery);
}

/** Logs in with email and password; on success the session is cached and the CSRF token set. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: { email: string; password: string }) =>
      call(api.POST('/api/auth/login', { body: credentials })),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(SESSION_KEY, session);
    },
  });
}

/** Logs out and forgets every cached response and every draft kept in this browser. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => call(api.POST('/api/auth/logout')),
    onSettled: () => {
      browserDrafts().clear();
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });
}

/** Whether a role may review (reviewer, manager, admin, owner). */
export function canReview(role: Session['role']): boolean {
  return role !== 'annotator' && role !== 'viewer';
}

/** Whether the role may use the customer console (projects, tasks, exports): viewer and above, not annotators. */
export function canUseConsole(role: Session['role']): boolean {
  return role !== 'annotator';
}

/** Whether the role may change projects, batches, gold and exports (manager and above). */
export function canManage(role: Session['role']): boolean {
  return role === 'owner' || role === 'admin' || role === 'manager';
}

/**
 * Where a person lands after signing in: annotators and reviewers in their workbench (their work is
 * there), everyone else in the console.
 */
export function homeOf(role: Session['role']): '/work' | '/console' {
  return role === 'annotator' || role === 'reviewer' ? '/work' : '/console';
}
