/**
 * One webhook delivery opened: where it goes, every attempt (when, how long, the answer), the body it
 * sends, and Re-send — a new delivery of the same body, sent now with a fresh cycle of retries.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../api/client.ts';
import { ApiError } from '../shared/api-error.tsx';
import { ConfirmDialog } from '../shared/confirm-dialog.tsx';
import { formatDateTime, formatDuration, formatRelative } from '../shared/format.ts';
import { QueryState } from '../shared/query-state.tsx';
import { TableHead } from '../shared/table-head.tsx';
import {
  attemptOutcome,
  type Delivery,
  deliveryStatusLabel,
  deliveryTone,
  resultText,
} from './deliveries.ts';

/** Query key of one delivery with its attempts. */
export const deliveryKey = (id: string) => ['webhooks', 'delivery', id] as const;

/** Props of {@link DeliveryDetail}. */
export interface DeliveryDetailProps {
  /** The delivery as listed (shown while its attempts load). */
  delivery: Delivery;
  /** Called with the new delivery after a re-send. */
  onResent: (resent: Delivery) => void;
}

const OUTCOME_TONE = { accepted: 'ok', rejected: 'bad', 'no-answer': 'bad' } as const;
const OUTCOME_LABEL = { accepted: 'Accepted', rejected: 'Refused', 'no-answer': 'No answer' } as const;

/** The opened delivery. */
export function DeliveryDetail({ delivery, onResent }: DeliveryDetailProps) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const detail = useQuery({
    queryKey: deliveryKey(delivery.id),
    queryFn: () => call(api.GET('/api/deliveries/{id}', { params: { path: { id: delivery.id } } })),
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 5000 : false),
  });
  const resend = useMutation({
    mutationFn: () =>
      call(api.POST('/api/deliveries/{id}/resend', { params: { path: { id: delivery.id } } })),
    onSuccess: (resent) => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: ['webhooks', 'deliveries'] });
      onResent(resent);
    },
  });
  const current = detail.data ?? delivery;
  const now = Date.now();

  return (
    <div className="hook-detail">
      <div className="hook-detail__head">
        <dl className="hook-detail__facts">
          <dt>Delivery</dt>
          <dd>
            <code>{current.id}</code>
          </dd>
          <dt>Receiver</dt>
          <dd>
            <code className="hook-detail__url">{current.url}</code>
          </dd>
          {current.taskId && (
            <>
              <dt>Task</dt>
              <dd>
                <code>{current.taskId}</code>
              </dd>
            </>
          )}
          {current.batchId && (
            <>
              <dt>Batch</dt>
              <dd>
                <code>{current.batchId}</code>
              </dd>
            </>
          )}
          <dt>Status</dt>
          <dd>
            <span className="badge" data-tone={deliveryTone(current.status)}>
              {deliveryStatusLabel(current)}
            </span>{' '}
            {current.status === 'succeeded' && current.deliveredAt
              ? `accepted ${formatRelative(current.deliveredAt, now)}`
              : current.status === 'pending' && current.nextAttemptAt
                ? `next attempt ${formatRelative(current.nextAttemptAt, now)} (${formatDateTime(current.nextAttemptAt)})`
                : current.status === 'failed'
                  ? 'every attempt failed; re-send it once the receiver is fixed'
                  : ''}
          </dd>
        </dl>
        <div className="hook-detail__actions">
          <button type="button" className="button button--small" onClick={() => setConfirming(true)}>
            Re-send
          </button>
        </div>
      </div>
      {resend.error && !confirming ? <ApiError error={resend.error} /> : null}

      <h3 className="hook-detail__title">Attempts</h3>
      <QueryState
        query={detail}
        loading="Loading attempts…"
        isEmpty={(data) => data.attempts.length === 0}
        empty={
          <p className="muted">
            No attempt yet: the first one is due {formatRelative(current.nextAttemptAt, now)}.
          </p>
        }
      >
        {(data) => (
          <table className="table hook-attempts">
            <TableHead
              columns={[
                { label: '#', numeric: true },
                'Started',
                { label: 'Duration', numeric: true },
                'Outcome',
                'Answer',
              ]}
            />
            <tbody>
              {data.attempts.map((attempt) => {
                const outcome = attemptOutcome(attempt);
                return (
                  <tr key={attempt.attempt}>
                    <td className="num">{attempt.attempt}</td>
                    <td title={attempt.startedAt}>{formatDateTime(attempt.startedAt)}</td>
                    <td className="num">{formatDuration(attempt.durationMs)}</td>
                    <td>
                      <span className="badge" data-tone={OUTCOME_TONE[outcome]}>
                        {OUTCOME_LABEL[outcome]}
                      </span>
                    </td>
                    <td>
                      <code>{resultText(attempt)}</code>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </QueryState>

      {detail.data && (
        <details className="hook-detail__payload">
          <summary>Body sent ({current.event})</summary>
          <pre>{JSON.stringify(detail.data.payload, null, 2)}</pre>
        </details>
      )}

      {confirming && (
        <ConfirmDialog
          title="Re-send this delivery?"
          confirmLabel="Re-send now"
          mutation={resend}
          onConfirm={() => resend.mutate()}
          onClose={() => setConfirming(false)}
        >
          <p>
            The same body goes to <code>{current.url}</code> now, as a new delivery with its own id and a
            fresh cycle of retries, signed with the current secrets. This delivery keeps its history. The
            receiver may see the event twice; it should treat the task (or batch) id as the key.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
