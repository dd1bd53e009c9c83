/**
 * The states of data read from the server, shown the same way on every console page: a quiet "Loading …"
 * line while it loads, the server's message if it fails, an empty state when it holds nothing, and the
 * data itself otherwise; plus the button that loads the next page of a paged list.
 */
import type { ReactNode } from 'react';
import { ApiError } from './api-error.tsx';

/** What {@link QueryState} reads of a TanStack query (`useQuery` or `useInfiniteQuery`). */
export interface QueryLike<T> {
  /** Whether the first load is under way. */
  isPending: boolean;
  /** Whether the last load failed. */
  isError: boolean;
  /** Why it failed. */
  error: unknown;
  /** The data, once loaded. */
  data: T | undefined;
}

/** Props of {@link QueryState}. */
export interface QueryStateProps<T> {
  /** The query. */
  query: QueryLike<T>;
  /** The line shown while it loads ("Loading keys…"). */
  loading: string;
  /** Text before the failure's message ("Could not load the batches:"). */
  errorPrefix?: string;
  /** Whether the loaded data holds nothing to show; then {@link QueryStateProps.empty} is shown instead. */
  isEmpty?: (data: T) => boolean;
  /** What to show when the data holds nothing (an {@link EmptyState}). */
  empty?: ReactNode;
  /** Renders the loaded data. */
  children: (data: T) => ReactNode;
}

/** Loading, failure, empty or the data, whichever the query is in. */
export function QueryState<T>({ query, loading, errorPrefix, isEmpty, empty, children }: QueryStateProps<T>) {
  if (query.isPending) return <p className="muted">{loading}</p>;
  if (query.isError) return <ApiError error={query.error} prefix={errorPrefix} />;
  const data = query.data as T;
  if (isEmpty?.(data)) return <>{empty}</>;
  return <>{children(data)}</>;
}

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  /** What is missing, in bold ("No batches yet."). */
  title: ReactNode;
  /** What to do about it: a sentence or two, a button. */
  children?: ReactNode;
  /** Extra class names. */
  className?: string;
}

/** A dashed box saying there is nothing here yet, and how to get something. */
export function EmptyState({ title, children, className }: EmptyStateProps) {
  return (
    <div className={className ? `empty ${className}` : 'empty'}>
      <p>
        <strong>{title}</strong>
      </p>
      {children}
    </div>
  );
}

/** What {@link LoadMore} reads of a TanStack `useInfiniteQuery`. */
export interface PagedQueryLike {
  /** Whether there is a next page. */
  hasNextPage: boolean;
  /** Whether it is being loaded. */
  isFetchingNextPage: boolean;
  /** Loads it. */
  fetchNextPage: () => Promise<unknown>;
}

/** Props of {@link LoadMore}. */
export interface LoadMoreProps {
  /** The paged query. */
  query: PagedQueryLike;
  /** The button's label ("Show more"). */
  label?: string;
}

/** A button that loads the next page of a list; nothing once every page is loaded. */
export function LoadMore({ query, label = 'Show more' }: LoadMoreProps) {
  if (!query.hasNextPage) return null;
  return (
    <button
      type="button"
      className="button button--small"
      onClick={() => void query.fetchNextPage()}
      disabled={query.isFetchingNextPage}
    >
      {query.isFetchingNextPage ? 'Loading…' : label}
    </button>
  );
}
