/**
 * The Deliveries tab: every webhook delivery of the organization, newest first, a page at a time, with
 * filters by status, task and batch; a delivery opens in place with its attempts and Re-send.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, Fragment, useState } from 'react';
import { api, call } from '../../api/client.ts';
import { Field } from '../shared/field.tsx';
import { formatDateTime, formatRelative } from '../shared/format.ts';
import { EmptyState, LoadMore, QueryState } from '../shared/query-state.tsx';
import { TableHead } from '../shared/table-head.tsx';
import {
  DELIVERY_EVENTS,
  type Delivery,
  type DeliveryFilters,
  type DeliveryStatus,
  deliveryQuery,
  deliveryStatusLabel,
  deliveryTone,
  hasFilters,
  lastResult,
  mergePages,
  NO_FILTERS,
} from './deliveries.ts';
import { DeliveryDetail } from './delivery-detail.tsx';

const PAGE_SIZE = 50;

/** The Deliveries tab. */
export function DeliveriesTab() {
  const [draft, setDraft] = useState<DeliveryFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<DeliveryFilters>(NO_FILTERS);
  const [problems, setProblems] = useState<{ taskId?: string; batchId?: string }>({});
  const [open, setOpen] = useState<string | null>(null);
  const [resent, setResent] = useState<string | null>(null);
  const parsed = deliveryQuery(filters);
  const query = parsed.ok ? parsed.query : {};

  const deliveries = useInfiniteQuery({
    queryKey: ['webhooks', 'deliveries', query],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/deliveries', {
          params: { query: { ...query, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: (q) =>
      q.state.data?.pages.some((page) => page.items.some((d) => d.status === 'pending')) ? 15_000 : false,
  });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const checked = deliveryQuery(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    setFilters(draft);
    setOpen(null);
    setResent(null);
  };
  const clear = () => {
    setDraft(NO_FILTERS);
    setFilters(NO_FILTERS);
    setProblems({});
  };
  const items = mergePages(deliveries.data?.pages ?? []);

  return (
    <section aria-label="Deliveries">
      <form className="hook-filters" onSubmit={apply} aria-label="Filter deliveries">
        <label className="field">
          <span>Status</span>
          <select
            className="hook-filters__control"
            value={draft.status}
            onChange={(event) => {
              // A status applies at once; ids wait for Enter or Apply.
              const status = event.target.value as DeliveryStatus | 'any';
              setDraft({ ...draft, status });
              setFilters({ ...filters, status });
              setResent(null);
            }}
          >
            <option value="any">Any status</option>
            <option value="pending">Pending (queued or retrying)</option>
            <option value="succeeded">Delivered</option>
            <option value="failed">Failed</option>
          </select>
        </label>
        <Field label="Task id" error={problems.taskId}>
          {(control) => (
            <input
              {...control}
              className="hook-filters__control"
              value={draft.taskId}
              placeholder="24-character id"
              spellCheck={false}
              onChange={(event) => setDraft({ ...draft, taskId: event.target.value })}
            />
          )}
        </Field>
        <Field label="Batch id" error={problems.batchId}>
          {(control) => (
            <input
              {...control}
              className="hook-filters__control"
              value={draft.batchId}
              placeholder="24-character id"
              spellCheck={false}
              onChange={(event) => setDraft({ ...draft, batchId: event.target.value })}
            />
          )}
        </Field>
        <button type="submit" className="button button--small">
          Apply
        </button>
        {(hasFilters(filters) || hasFilters(draft)) && (
          <button type="button" className="button button--small" onClick={clear}>
            Clear filters
          </button>
        )}
        <button
          type="button"
          className="button button--small hook-filters__refresh"
          onClick={() => void deliveries.refetch()}
          disabled={deliveries.isFetching}
        >
          {deliveries.isFetching && !deliveries.isFetchingNextPage ? 'Refreshing…' : 'Refresh'}
        </button>
      </form>

      {resent && (
        <p className="hook-notice" role="status">
          Re-sent as the new delivery <code>{resent}</code>, queued to go out now.
        </p>
      )}

      <QueryState
        query={deliveries}
        loading="Loading deliveries…"
        isEmpty={() => items.length === 0}
        empty={
          hasFilters(filters) ? <p className="empty">No delivery matches these filters.</p> : <NoDeliveries />
        }
      >
        {() => (
          <div className="card hook-table-card">
            <table className="table hook-deliveries">
              <TableHead
                columns={[
                  'Status',
                  'Event',
                  'About',
                  'Receiver',
                  { label: 'Attempts', numeric: true },
                  'Last answer',
                  'Created',
                  'Delivered',
                ]}
              />
              <tbody>
                {items.map((delivery) => (
                  <Fragment key={delivery.id}>
                    <DeliveryRow
                      delivery={delivery}
                      open={open === delivery.id}
                      onToggle={() => setOpen(open === delivery.id ? null : delivery.id)}
                    />
                    {open === delivery.id && (
                      <tr className="hook-deliveries__detail">
                        <td colSpan={8}>
                          <DeliveryDetail
                            delivery={delivery}
                            onResent={(created) => {
                              setResent(created.id);
                              setOpen(created.id);
                            }}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
            <div className="hook-more">
              {deliveries.hasNextPage ? (
                <LoadMore query={deliveries} label="Load older deliveries" />
              ) : (
                <span className="muted">
                  {items.length} deliver{items.length === 1 ? 'y' : 'ies'}, all shown
                </span>
              )}
            </div>
          </div>
        )}
      </QueryState>
    </section>
  );
}

function DeliveryRow({
  delivery,
  open,
  onToggle,
}: {
  delivery: Delivery;
  open: boolean;
  onToggle: () => void;
}) {
  const now = Date.now();
  return (
    <tr className={open ? 'hook-row is-open' : 'hook-row'} onClick={onToggle}>
      <td>
        <span className="badge" data-tone={deliveryTone(delivery.status)}>
          {deliveryStatusLabel(delivery)}
        </span>
      </td>
      <td>
        <button
          type="button"
          className="hook-row__open"
          aria-expanded={open}
          aria-label={`${open ? 'Close' : 'Open'} delivery ${delivery.id} (${delivery.event})`}
          onClick={(event) => {
            event.stopPropagation();
            onToggle();
          }}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {delivery.event}
        </button>
        {delivery.isTest && (
          <span className="badge" data-tone="info">
            test
          </span>
        )}
      </td>
      <td>
        {delivery.taskId ? (
          <code title={`Task ${delivery.taskId}`}>task …{delivery.taskId.slice(-8)}</code>
        ) : delivery.batchId ? (
          <code title={`Batch ${delivery.batchId}`}>batch …{delivery.batchId.slice(-8)}</code>
        ) : (
          '—'
        )}
      </td>
      <td className="hook-row__url" title={delivery.url}>
        {delivery.url}
      </td>
      <td className="num">{delivery.attemptCount}</td>
      <td>
        <span
          className={
            delivery.status !== 'succeeded' &&
            (delivery.lastError !== null || delivery.lastStatusCode !== null)
              ? 'hook-row__error'
              : undefined
          }
        >
          {lastResult(delivery)}
        </span>
      </td>
      <td title={formatDateTime(delivery.createdAt)}>{formatRelative(delivery.createdAt, now)}</td>
      <td title={formatDateTime(delivery.deliveredAt ?? delivery.nextAttemptAt)}>
        {delivery.deliveredAt ? (
          formatRelative(delivery.deliveredAt, now)
        ) : delivery.status === 'pending' && delivery.nextAttemptAt ? (
          <span className="muted">next {formatRelative(delivery.nextAttemptAt, now)}</span>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}

function NoDeliveries() {
  return (
    <EmptyState className="hook-empty" title="No webhook deliveries yet.">
      <p>
        Groundwork POSTs to a task’s <code>callback_url</code> when the task finishes, and to a batch’s
        callback when the whole batch does. Give <code>callback_url</code> when you create tasks
        (Scale-compatible), and each event shows up here with every attempt.
      </p>
      <ul className="hook-empty__events">
        {DELIVERY_EVENTS.map((e) => (
          <li key={e.event}>
            <code>{e.event}</code> — {e.meaning}
          </li>
        ))}
      </ul>
    </EmptyState>
  );
}
