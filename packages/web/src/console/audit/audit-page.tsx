/**
 * The audit log (/console/audit): every administrative change, key and role change, export, and every
 * time a person viewed task data — newest first, a page at a time, with filters kept in the address
 * (person or key, action, object, days), each event's details opening in place, the chain's verification,
 * and the JSON Lines export of the current filter for auditors. Admins and owners only, like the API.
 */
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { type FormEvent, Fragment, useEffect, useId, useMemo, useState } from 'react';
import { api, call } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { ConsolePage } from '../layout.tsx';
import { canAdminister } from '../people/people-rules.ts';
import { ApiError } from '../shared/api-error.tsx';
import { Field } from '../shared/field.tsx';
import { formatDateTime, formatWhen } from '../shared/format.ts';
import { EmptyState, LoadMore, QueryState } from '../shared/query-state.tsx';
import { TableHead } from '../shared/table-head.tsx';
import {
  ACTION_GROUPS,
  ACTIONS,
  type AuditEvent,
  type AuditFilters,
  type AuditVerification,
  actionLabel,
  activeFilterCount,
  apiQuery,
  describeActor,
  describeUserAgent,
  exportHref,
  filterProblems,
  NO_FILTERS,
  readFilters,
  searchOf,
  shortId,
  TARGET_TYPES,
  targetTypeLabel,
  verificationSummary,
} from './audit-log.ts';
import './audit.css';

const PAGE_SIZE = 50;
const SUBTITLE =
  'Every administrative change, key and role change, export, and every time a person viewed task data — each event chained to the one before by SHA-256, so an edited or deleted record shows.';

/** The audit log page. */
export function AuditPage() {
  const session = useSession().data;
  if (!session) return <ConsolePage title="Audit log">Loading…</ConsolePage>;
  if (!canAdminister(session.role)) {
    return (
      <ConsolePage title="Audit log" subtitle={SUBTITLE}>
        <div className="empty">
          <p>The audit log is shown to admins and owners.</p>
          <p className="field__hint">Ask one of them if you need to know who did what.</p>
        </div>
      </ConsolePage>
    );
  }
  return <AuditLog />;
}

function AuditLog() {
  const search = useRouterState({ select: (state) => state.location.search }) as Record<string, unknown>;
  const filters = useMemo(() => readFilters(search), [search]);
  const navigate = useNavigate();
  const setFilters = (next: AuditFilters) => {
    void navigate({ to: '/console/audit', search: searchOf(next) as never, replace: true });
  };
  const problems = filterProblems(filters);
  const valid = Object.keys(problems).length === 0;
  const query = apiQuery(filters);
  const events = useInfiniteQuery({
    queryKey: ['audit-events', query],
    enabled: valid,
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/audit-events', {
          params: { query: { ...query, limit: PAGE_SIZE, ...(pageParam ? { before: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.next,
  });
  const items = useMemo(() => events.data?.pages.flatMap((page) => page.items) ?? [], [events.data]);
  const [open, setOpen] = useState<number | null>(null);
  const verify = useMutation({
    mutationFn: () => call(api.POST('/api/audit-events/verify')),
    // A failed verification is itself an event: show it.
    onSuccess: (result) => {
      if (!result.intact) void events.refetch();
    },
  });
  const active = activeFilterCount(filters);

  return (
    <ConsolePage
      title="Audit log"
      subtitle={SUBTITLE}
      actions={
        <div className="audit-actions">
          <button
            type="button"
            className="button"
            onClick={() => verify.mutate()}
            disabled={verify.isPending}
          >
            {verify.isPending ? 'Verifying…' : 'Verify chain'}
          </button>
          <a
            className="button button--primary"
            href={valid ? exportHref(filters) : undefined}
            aria-disabled={!valid}
            download
          >
            Download JSONL
          </a>
        </div>
      }
    >
      <VerificationResult pending={verify.isPending} result={verify.data} error={verify.error} />
      <FilterBar filters={filters} problems={problems} onChange={setFilters} />
      <div className="audit-summary" aria-live="polite">
        <span className="muted">
          {events.isPending && valid
            ? 'Loading…'
            : `${items.length.toLocaleString('en')}${events.hasNextPage ? '+' : ''} event${items.length === 1 ? '' : 's'}${active > 0 ? ' match' : ''}`}
        </span>
        {active > 0 && (
          <button type="button" className="button button--small" onClick={() => setFilters(NO_FILTERS)}>
            Clear {active} filter{active === 1 ? '' : 's'}
          </button>
        )}
        <button
          type="button"
          className="button button--small audit-summary__refresh"
          onClick={() => void events.refetch()}
          disabled={events.isFetching || !valid}
        >
          {events.isFetching && !events.isFetchingNextPage && !events.isPending ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {valid ? (
        <QueryState
          query={events}
          loading="Loading the audit log…"
          errorPrefix="Could not load the audit log:"
          isEmpty={() => items.length === 0}
          empty={
            active > 0 ? (
              <EmptyState title="No event matches these filters.">
                <p>Widen the date range, or clear a filter.</p>
              </EmptyState>
            ) : (
              <EmptyState title="Nothing recorded yet.">
                <p>Changes to keys, members and projects, exports, and people viewing tasks appear here.</p>
              </EmptyState>
            )
          }
        >
          {() => (
            <div className="card audit-table-card">
              <table className="table audit-table">
                <caption className="visually-hidden">Audit events, newest first</caption>
                <TableHead columns={['When', 'Who', 'Action', 'Object', 'From where']} />
                <tbody>
                  {items.map((event) => (
                    <Fragment key={event.id}>
                      <EventRow
                        event={event}
                        open={open === event.id}
                        onToggle={() => setOpen(open === event.id ? null : event.id)}
                        onFilterObject={(type, id) =>
                          setFilters({ ...filters, targetType: type, targetId: id })
                        }
                      />
                      {open === event.id && (
                        <tr className="audit-table__detail">
                          <td colSpan={5}>
                            <EventDetail event={event} />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  ))}
                </tbody>
              </table>
              <div className="audit-more">
                {events.hasNextPage ? (
                  <LoadMore query={events} label="Load older events" />
                ) : (
                  <span className="muted">
                    {items.length.toLocaleString('en')} event{items.length === 1 ? '' : 's'}, all shown
                  </span>
                )}
              </div>
            </div>
          )}
        </QueryState>
      ) : (
        <p className="muted">Fix the filters above to see events.</p>
      )}
    </ConsolePage>
  );
}

/** The filter bar: person or key and object kind apply at once; text and days on Apply. */
function FilterBar({
  filters,
  problems,
  onChange,
}: {
  filters: AuditFilters;
  problems: Partial<Record<keyof AuditFilters, string>>;
  onChange: (next: AuditFilters) => void;
}) {
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
  const members = useQuery({
    queryKey: ['members'],
    queryFn: () => call(api.GET('/api/members')),
    select: (data) => [...data.items].sort((a, b) => a.name.localeCompare(b.name)),
    staleTime: 60_000,
  });
  const keys = useQuery({
    queryKey: ['api-keys'],
    queryFn: () => call(api.GET('/api/api-keys')),
    select: (data) => data.items,
    staleTime: 60_000,
  });
  const known =
    draft.actor === '' ||
    members.data?.some((m) => m.userId === draft.actor) ||
    keys.data?.some((k) => k.id === draft.actor);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...draft, action: draft.action.trim(), targetId: draft.targetId.trim() });
  };
  const suggestions = [...ACTION_GROUPS, ...Object.keys(ACTIONS)];
  const actionListId = useId();

  return (
    <form className="audit-filters" onSubmit={apply} aria-label="Filter the audit log">
      <Field label="Person or key" error={problems.actor}>
        {(control) => (
          <select
            {...control}
            className="audit-filters__control"
            value={draft.actor}
            onChange={(event) => onChange({ ...draft, actor: event.target.value })}
          >
            <option value="">Anyone</option>
            {!known && <option value={draft.actor}>{draft.actor}</option>}
            {members.data && members.data.length > 0 && (
              <optgroup label="People">
                {members.data.map((m) => (
                  <option key={m.userId} value={m.userId}>
                    {m.name} ({m.email})
                  </option>
                ))}
              </optgroup>
            )}
            {keys.data && keys.data.length > 0 && (
              <optgroup label="API keys">
                {keys.data.map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.name} ({k.environment}
                    {k.revokedAt ? ', revoked' : ''})
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        )}
      </Field>
      <Field label="Action" hint="Or its start: task.">
        {(control) => (
          <>
            <input
              {...control}
              className="audit-filters__control audit-filters__mono"
              list={actionListId}
              value={draft.action}
              placeholder="Any action"
              spellCheck={false}
              onChange={(event) => setDraft({ ...draft, action: event.target.value })}
            />
            <datalist id={actionListId}>
              {suggestions.map((action) => (
                <option key={action} value={action}>
                  {ACTIONS[action] ?? `Every ${action.slice(0, -1).replaceAll('_', ' ')} event`}
                </option>
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label="Object" error={problems.targetType}>
        {(control) => (
          <select
            {...control}
            className="audit-filters__control"
            value={draft.targetType}
            onChange={(event) =>
              onChange({
                ...draft,
                targetType: event.target.value,
                ...(event.target.value === '' ? { targetId: '' } : {}),
              })
            }
          >
            <option value="">Any object</option>
            {TARGET_TYPES.map((t) => (
              <option key={t.type} value={t.type}>
                {t.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Object id">
        {(control) => (
          <input
            {...control}
            className="audit-filters__control audit-filters__mono"
            value={draft.targetId}
            placeholder="Any"
            disabled={draft.targetType === '' && draft.targetId === ''}
            spellCheck={false}
            onChange={(event) => setDraft({ ...draft, targetId: event.target.value })}
          />
        )}
      </Field>
      <Field label="From">
        {(control) => (
          <input
            {...control}
            type="date"
            className="audit-filters__control"
            value={draft.from}
            onChange={(event) => onChange({ ...draft, from: event.target.value })}
          />
        )}
      </Field>
      <Field label="To" error={problems.to}>
        {(control) => (
          <input
            {...control}
            type="date"
            className="audit-filters__control"
            value={draft.to}
            onChange={(event) => onChange({ ...draft, to: event.target.value })}
          />
        )}
      </Field>
      <button type="submit" className="button button--small">
        Apply
      </button>
    </form>
  );
}

function EventRow({
  event,
  open,
  onToggle,
  onFilterObject,
}: {
  event: AuditEvent;
  open: boolean;
  onToggle: () => void;
  onFilterObject: (type: string, id: string) => void;
}) {
  const who = describeActor(event.actor);
  const agent = describeUserAgent(event.userAgent);
  return (
    <tr className={open ? 'audit-row is-open' : 'audit-row'}>
      <td className="audit-row__when" title={formatDateTime(event.createdAt, { seconds: true })}>
        {formatWhen(event.createdAt)}
      </td>
      <td>
        <div className="audit-who">
          <span className={event.actor.type === 'system' ? 'muted' : undefined}>{who.primary}</span>
          {event.actor.type === 'api_key' && (
            <span className="badge" data-tone="info">
              key
            </span>
          )}
        </div>
        {who.secondary && <div className="audit-sub">{who.secondary}</div>}
      </td>
      <td>
        <button
          type="button"
          className="audit-row__open"
          aria-expanded={open}
          aria-label={`${open ? 'Hide' : 'Show'} details of event ${event.id} (${event.action})`}
          onClick={onToggle}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {actionLabel(event.action)}
        </button>
        <div className="audit-sub">
          <code>{event.action}</code>
          {event.action === 'audit.verify_failed' && (
            <span className="badge" data-tone="bad">
              tampering
            </span>
          )}
        </div>
      </td>
      <td>
        {event.target ? (
          <>
            <div>{targetTypeLabel(event.target.type)}</div>
            <button
              type="button"
              className="audit-object"
              title={`Only events about ${targetTypeLabel(event.target.type).toLowerCase()} ${event.target.id}`}
              aria-label={`Only events about ${targetTypeLabel(event.target.type).toLowerCase()} ${event.target.id}`}
              onClick={() => event.target && onFilterObject(event.target.type, event.target.id)}
            >
              <code>{shortId(event.target.id)}</code>
            </button>
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        {event.ip ? <code>{event.ip}</code> : <span className="muted">—</span>}
        {agent && (
          <div className="audit-sub" title={event.userAgent ?? undefined}>
            {agent}
          </div>
        )}
      </td>
    </tr>
  );
}

/** An event's details: every field, and its data as JSON. */
function EventDetail({ event }: { event: AuditEvent }) {
  return (
    <div className="audit-detail">
      <dl className="audit-detail__fields">
        <dt>Event</dt>
        <dd>
          <code>#{event.id}</code>
        </dd>
        <dt>When</dt>
        <dd>
          {formatDateTime(event.createdAt, { seconds: true })}{' '}
          <span className="muted">({event.createdAt})</span>
        </dd>
        <dt>Who</dt>
        <dd>
          {event.actor.type === 'system' ? 'System' : `${event.actor.type === 'user' ? 'Person' : 'API key'}`}{' '}
          {event.actor.id && <code>{event.actor.id}</code>}
        </dd>
        {event.target && (
          <>
            <dt>Object</dt>
            <dd>
              {targetTypeLabel(event.target.type)} <code>{event.target.id}</code>
            </dd>
          </>
        )}
        <dt>Address</dt>
        <dd>{event.ip ? <code>{event.ip}</code> : 'none (a job or the command line)'}</dd>
        <dt>User agent</dt>
        <dd className="audit-detail__agent">{event.userAgent ?? 'none'}</dd>
      </dl>
      <div>
        <h3 className="audit-detail__heading">Data</h3>
        <pre className="audit-detail__data">{JSON.stringify(event.data, null, 2)}</pre>
      </div>
    </div>
  );
}

/** The outcome of "Verify chain": intact, broken (and recorded), or the call's failure. */
function VerificationResult({
  pending,
  result,
  error,
}: {
  pending: boolean;
  result: AuditVerification | undefined;
  error: unknown;
}) {
  if (pending) {
    return (
      <p className="audit-verify" role="status">
        Verifying every event of the chain…
      </p>
    );
  }
  if (error) return <ApiError error={error} prefix="Could not verify the chain:" />;
  if (!result) return null;
  if (result.intact) {
    return (
      <div className="audit-verify" data-tone="ok" role="status">
        <span className="badge" data-tone="ok">
          Intact
        </span>{' '}
        {verificationSummary(result)}
        {result.lastVerifiedHash && (
          <div className="audit-sub">
            Latest hash <code title={result.lastVerifiedHash}>{result.lastVerifiedHash}</code> — keep it
            somewhere else to detect a later rewrite.
          </div>
        )}
      </div>
    );
  }
  return (
    <div className="audit-verify" data-tone="bad" role="alert">
      <span className="badge" data-tone="bad">
        Broken
      </span>{' '}
      {verificationSummary(result)}
      <div className="audit-sub">
        {result.verified.toLocaleString('en')} of {result.total.toLocaleString('en')} events checked out
        before it. The failure was recorded as an <code>audit.verify_failed</code> event.
      </div>
    </div>
  );
}
