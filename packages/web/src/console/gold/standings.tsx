/**
 * How each annotator stands with the project: training progress, hidden-gold results, the reliability their
 * answers weigh in consensus, and any pause with its reason — with Pause (a reason the person will read) and
 * Reinstate for managers.
 */
import type { ResponseOf } from '@groundwork/sdk';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../api/client.ts';
import { ApiError } from '../shared/api-error.tsx';
import { Field } from '../shared/field.tsx';
import { FormDialog } from '../shared/form-dialog.tsx';
import { formatCount, formatDate } from '../shared/format.ts';
import { QueryState } from '../shared/query-state.tsx';
import { TableHead } from '../shared/table-head.tsx';
import { pausedBy, trainingText, trainingTone } from './gold-summary.ts';
import { ScoreBar } from './score-bar.tsx';

/** A person's standing. */
type Standing = ResponseOf<'listStandings'>['standings'][number];

/** The standings card. */
export function Standings({ project }: { project: string }) {
  const standings = useQuery({
    queryKey: ['standings', project],
    queryFn: () => call(api.GET('/api/projects/{name}/standings', { params: { path: { name: project } } })),
  });
  const [pausing, setPausing] = useState<Standing | null>(null);
  const items = standings.data?.standings ?? [];
  const paused = items.filter((standing) => standing.paused).length;
  return (
    <section className="card" aria-labelledby="standings-title">
      <h2 id="standings-title">
        Annotators
        {items.length > 0 && (
          <span className="muted">
            {' '}
            · {items.length} · {paused} paused
          </span>
        )}
      </h2>
      <QueryState
        query={standings}
        loading="Loading standings…"
        errorPrefix="Could not load the standings:"
        isEmpty={() => items.length === 0}
        empty={
          <p className="empty">
            Nobody has answered this project’s gold yet. Annotators appear here once they answer a gold task
            or are paused.
          </p>
        }
      >
        {() => (
          <div className="table-scroll">
            <table className="table standings-table">
              <TableHead
                columns={[
                  'Annotator',
                  'Training',
                  { label: 'Gold answers', numeric: true },
                  { label: 'Gold mean', numeric: true },
                  { label: 'Reliability', numeric: true },
                  'Status',
                ]}
                actions
              />
              <tbody>
                {items.map((standing) => (
                  <StandingRow
                    key={standing.userId}
                    project={project}
                    standing={standing}
                    onPause={setPausing}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
      {pausing && <PauseDialog project={project} standing={pausing} onClose={() => setPausing(null)} />}
    </section>
  );
}

/** The name a standing is shown by. */
const personName = (standing: Standing) => standing.name ?? standing.email ?? standing.userId;

/** One person's row. */
function StandingRow({
  project,
  standing,
  onPause,
}: {
  project: string;
  standing: Standing;
  onPause: (standing: Standing) => void;
}) {
  const queryClient = useQueryClient();
  const reinstate = useMutation({
    mutationFn: () =>
      call(
        api.PUT('/api/projects/{name}/standings/{userId}/pause', {
          params: { path: { name: project, userId: standing.userId } },
          body: { paused: false },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['standings', project] }),
  });
  return (
    <tr>
      <th scope="row">
        <span>{personName(standing)}</span>
        {standing.name && standing.email && <span className="muted">{standing.email}</span>}
        {!standing.email && <span className="muted">No longer a member</span>}
      </th>
      <td>
        <span className="badge" data-tone={trainingTone(standing.training.state)}>
          {trainingText(standing.training)}
        </span>
      </td>
      <td className="num">{formatCount(standing.gold.answers)}</td>
      <td className="num">
        <ScoreBar score={standing.gold.meanScore} />
      </td>
      <td className="num">
        {standing.reliability === null ? (
          <span className="muted" title="Unknown: counted as 1">
            —
          </span>
        ) : (
          <span
            title={
              standing.reliabilitySource === 'gold'
                ? 'From recent gold scores'
                : 'From agreement with consensus'
            }
          >
            {standing.reliability.toFixed(2)}
            <span className="muted"> ({standing.reliabilitySource === 'gold' ? 'gold' : 'consensus'})</span>
          </span>
        )}
      </td>
      <td className="standings-table__status">
        {standing.paused ? (
          <>
            <span className="badge" data-tone="bad">
              Paused
            </span>
            <span className="muted"> {pausedBy(standing.paused.by)}</span>
            {standing.paused.reason.trim() !== '' && (
              <span className="standings-table__reason">{standing.paused.reason}</span>
            )}
            <time className="muted" dateTime={standing.paused.at}>
              since {formatDate(standing.paused.at)}
            </time>
          </>
        ) : (
          <span className="badge" data-tone="ok">
            Active
          </span>
        )}
      </td>
      <td className="standings-table__actions">
        {standing.paused ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => reinstate.mutate()}
            disabled={reinstate.isPending}
            aria-label={`Reinstate ${personName(standing)}`}
          >
            {reinstate.isPending ? 'Reinstating…' : 'Reinstate'}
          </button>
        ) : (
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() => onPause(standing)}
            aria-label={`Pause ${personName(standing)}`}
          >
            Pause
          </button>
        )}
        <ApiError error={reinstate.error} />
      </td>
    </tr>
  );
}

/** Asks why a person is paused (they will read it), then pauses them. */
function PauseDialog({
  project,
  standing,
  onClose,
}: {
  project: string;
  standing: Standing;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const pause = useMutation({
    mutationFn: () =>
      call(
        api.PUT('/api/projects/{name}/standings/{userId}/pause', {
          params: { path: { name: project, userId: standing.userId } },
          body: { paused: true, reason: reason.trim() },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['standings', project] });
      onClose();
    },
  });
  return (
    <FormDialog
      title={`Pause ${personName(standing)}`}
      submitLabel="Pause"
      busyLabel="Pausing…"
      busy={pause.isPending}
      disabled={reason.trim() === ''}
      danger
      error={pause.error}
      errorPrefix="Could not pause:"
      onSubmit={() => {
        if (reason.trim() !== '') pause.mutate();
      }}
      onClose={onClose}
    >
      <p className="muted">
        Their open tasks on {project} are released and they get no more of its work until you reinstate them.
      </p>
      <Field label="Reason" hint="Shown to the person, so write it for them.">
        {(control) => (
          <textarea
            {...control}
            required
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
    </FormDialog>
  );
}
