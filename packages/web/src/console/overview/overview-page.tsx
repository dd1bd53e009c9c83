/**
 * A project's overview: where its tasks stand (tiles, progress by batch), how work went over the period
 * (throughput, agreement, hidden-gold accuracy per workforce) and the scorecards per workforce and per
 * annotator. Every chart says what it shows, shows the exact numbers on hover, and has them as a table.
 * Days are the browser's calendar days.
 */
import type { ResponseOf } from '@groundwork/sdk';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ApiFailure, api, call } from '../../api/client.ts';
import { canManage, useSession } from '../../api/session.ts';
import { ConsolePage } from '../layout.tsx';
import { ApiError } from '../shared/api-error.tsx';
import { formatCount, formatPercent, formatShare } from '../shared/format.ts';
import { EmptyState } from '../shared/query-state.tsx';
import { ChartCard, COLORS, Legend, SERIES_PALETTE, Segmented, TooltipBox } from './charts.tsx';
import { browserTimeZone, bucketLabel, shorten, typeLabel } from './format.ts';
import { Scorecards } from './scorecards.tsx';
import './overview.css';

type Overview = ResponseOf<'getProjectOverview'>;

/** Props of {@link OverviewPage}. */
export interface OverviewPageProps {
  /** The project's name. */
  project: string;
}

/** The periods one can pick, in days. */
const PERIODS = [7, 30, 90] as const;

/** Most batches drawn in the progress chart (the table lists every batch the overview returns). */
const CHARTED_BATCHES = 20;

const CHART_HEIGHT = 260;
const AXIS_TICK = { fontSize: 12, fill: '#4a5752' };
const GRID = '#e7eae8';

/** A project's overview: progress, throughput, agreement and gold trends, scorecards, as charts. */
export function OverviewPage({ project }: OverviewPageProps) {
  const session = useSession().data;
  const manager = session ? canManage(session.role) : false;
  const [days, setDays] = useState<number>(30);
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const query = useQuery({
    queryKey: ['project-overview', project, days, timeZone],
    queryFn: () =>
      call(
        api.GET('/api/projects/{name}/overview', {
          params: { path: { name: project }, query: { days, bucket: 'day', timezone: timeZone } },
        }),
      ),
    placeholderData: keepPreviousData,
    // While work is under way the page follows it (every 10 s); a finished or idle project once a minute.
    refetchInterval: (q) => ((q.state.data?.tasks.byStatus.pending ?? 0) > 0 ? 10_000 : 60_000),
  });
  const overview = query.data;
  const zoneRefused =
    query.error instanceof ApiFailure && query.error.details.some((d) => d.path === 'timezone');
  useEffect(() => {
    // A zone the server does not know: count in UTC rather than show nothing.
    if (zoneRefused) setTimeZone('UTC');
  }, [zoneRefused]);

  return (
    <ConsolePage
      title="Overview"
      subtitle={
        overview ? (
          <>
            <strong>{project}</strong> · {typeLabel(overview.project.type)} ·{' '}
            {overview.project.overlap === 1 ? 'one annotator' : `${overview.project.overlap} annotators`} per
            task
            {overview.project.archived && (
              <>
                {' '}
                · <span className="badge">Archived</span>
              </>
            )}
          </>
        ) : (
          project
        )
      }
      actions={
        overview?.tasks.total !== 0 && (
          <Segmented<number>
            label="Period"
            options={PERIODS.map((p) => ({ value: p, label: `${p} days` }))}
            value={days}
            onChange={setDays}
          />
        )
      }
    >
      {query.isPending ? (
        <p className="muted" role="status">
          Loading the overview…
        </p>
      ) : query.isError && !overview ? (
        <OverviewError error={query.error} project={project} />
      ) : overview ? (
        <OverviewBody overview={overview} project={project} days={days} manager={manager} />
      ) : null}
    </ConsolePage>
  );
}

function OverviewError({ error, project }: { error: Error; project: string }) {
  if (error instanceof ApiFailure && error.status === 404) {
    return (
      <EmptyState className="overview-empty" title={`There is no project named “${project}”.`}>
        <p>
          <Link to="/console">Back to the projects</Link>
        </p>
      </EmptyState>
    );
  }
  return <ApiError error={error} prefix="Could not load the overview:" />;
}

function OverviewBody({
  overview,
  project,
  days,
  manager,
}: {
  overview: Overview;
  project: string;
  days: number;
  manager: boolean;
}) {
  if (overview.tasks.total === 0) {
    return (
      <EmptyState className="overview-empty" title="No tasks in this project yet.">
        <p>
          Upload tasks to a batch, or create them through the API; progress, throughput and quality will show
          here as people work.
        </p>
        <p className="overview-empty__actions">
          <Link
            to="/console/projects/$name/batches"
            params={{ name: project }}
            className="button button--primary"
          >
            Go to batches
          </Link>
          <Link to="/console/projects/$name/setup" params={{ name: project }} className="button">
            Project setup
          </Link>
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <Tiles overview={overview} />
      <BatchProgress overview={overview} project={project} />
      <div className="overview-grid">
        <Throughput overview={overview} />
        <AgreementTrend overview={overview} />
      </div>
      <GoldTrend overview={overview} project={project} manager={manager} />
      <Scorecards project={project} days={days} allowed={manager} />
    </>
  );
}

function Tile({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="stat">
      <div className="stat__value">{value}</div>
      <div className="stat__label">{label}</div>
      {note && <div className="overview-stat__note">{note}</div>}
    </div>
  );
}

function Tiles({ overview }: { overview: Overview }) {
  const t = overview.tasks;
  return (
    <section className="stats" aria-label="Tasks">
      <Tile
        label="Tasks"
        value={formatCount(t.total)}
        note={t.unbatched > 0 ? `${formatCount(t.unbatched)} outside batches` : undefined}
      />
      <Tile
        label="Completed"
        value={formatCount(t.byStatus.completed)}
        note={`${formatShare(t.byStatus.completed, t.total)} of all`}
      />
      <Tile label="In review" value={formatCount(t.inReview)} note="waiting for a reviewer" />
      <Tile label="Pending" value={formatCount(t.labeling)} note="in labeling" />
      <Tile
        label="Canceled / error"
        value={`${formatCount(t.byStatus.canceled)} / ${formatCount(t.byStatus.error)}`}
      />
      <Tile
        label="Agreement"
        value={formatPercent(t.agreement.mean)}
        note={
          overview.project.overlap === 1
            ? 'one annotator per task: always 100%'
            : `mean of ${formatCount(t.agreement.n)} completed tasks`
        }
      />
    </section>
  );
}

/** One bucket of the period, with its label. */
function labels(overview: Overview) {
  return overview.throughput.map((p) => ({
    start: p.start,
    short: bucketLabel(p.start, overview.bucket, overview.timezone),
    long: bucketLabel(p.start, overview.bucket, overview.timezone, true),
  }));
}

const axisProps = { tick: AXIS_TICK, tickLine: false, axisLine: { stroke: GRID } } as const;

function BatchProgress({ overview, project }: { overview: Overview; project: string }) {
  const items = overview.batches.items;
  const charted = items.slice(0, CHARTED_BATCHES).map((b) => ({
    name: b.name,
    completed: b.counts.completed,
    pending: b.counts.pending,
    canceled: b.counts.canceled,
    error: b.counts.error,
    batch: b,
  }));
  const series = [
    { key: 'completed', label: 'Completed', color: COLORS.completed },
    { key: 'pending', label: 'Pending', color: COLORS.labeling },
    { key: 'canceled', label: 'Canceled', color: COLORS.canceled },
    { key: 'error', label: 'Error', color: COLORS.error },
  ] as const;
  const shown =
    overview.batches.total > charted.length
      ? `the ${charted.length} newest of ${formatCount(overview.batches.total)} batches`
      : `${charted.length === 1 ? 'the batch' : `each of the ${charted.length} batches`}`;
  return (
    <ChartCard
      id="overview-batches"
      title="Progress by batch"
      description={`Share of tasks by status for ${shown}, newest first.${overview.tasks.unbatched > 0 ? ` ${formatCount(overview.tasks.unbatched)} tasks are outside any batch.` : ''}`}
      empty={
        items.length === 0 ? (
          <p>
            No batches yet: all {formatCount(overview.tasks.total)} tasks are outside batches.{' '}
            <Link to="/console/projects/$name/batches" params={{ name: project }}>
              Create a batch
            </Link>{' '}
            to follow a delivery’s progress here.
          </p>
        ) : undefined
      }
      table={{
        columns: ['Batch', 'Status', 'Tasks', 'Completed', 'Pending', 'Canceled', 'Error', 'Completed share'],
        numeric: [2, 3, 4, 5, 6, 7],
        rows: items.map((b) => [
          b.name,
          b.status.replace('_', ' '),
          formatCount(b.total),
          formatCount(b.counts.completed),
          formatCount(b.counts.pending),
          formatCount(b.counts.canceled),
          formatCount(b.counts.error),
          formatPercent(b.completedShare),
        ]),
      }}
    >
      <ResponsiveContainer width="100%" height={Math.max(120, charted.length * 30 + 50)}>
        <BarChart
          data={charted}
          layout="vertical"
          stackOffset="expand"
          margin={{ top: 4, right: 24, bottom: 4, left: 8 }}
        >
          <CartesianGrid horizontal={false} stroke={GRID} />
          <XAxis type="number" tickFormatter={(v: number) => formatPercent(v)} {...axisProps} />
          <YAxis
            type="category"
            dataKey="name"
            width={170}
            interval={0}
            tickFormatter={(name: string) => shorten(name, 24)}
            {...axisProps}
          />
          <Tooltip
            cursor={{ fill: 'rgba(21, 94, 75, 0.06)' }}
            content={({ active, payload }) => {
              const datum = active
                ? (payload?.[0]?.payload as (typeof charted)[number] | undefined)
                : undefined;
              if (!datum) return null;
              const b = datum.batch;
              return (
                <TooltipBox
                  title={`${b.name} · ${b.status.replace('_', ' ')}`}
                  rows={[
                    ...series.map((s) => ({
                      color: s.color,
                      name: s.label,
                      value: formatCount(b.counts[s.key]),
                      note: formatShare(b.counts[s.key], b.total),
                    })),
                    { name: 'Tasks', value: formatCount(b.total) },
                  ]}
                />
              );
            }}
          />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="status"
              fill={s.color}
              barSize={18}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <Legend items={series.map((s) => ({ color: s.color, label: s.label }))} />
    </ChartCard>
  );
}

function Throughput({ overview }: { overview: Overview }) {
  const buckets = labels(overview);
  const data = overview.throughput.map((p, i) => ({ ...p, label: buckets[i]?.short ?? '' }));
  const series = [
    { key: 'tasksCompleted', label: 'Tasks completed', color: COLORS.completed },
    { key: 'answersSubmitted', label: 'Answers submitted', color: COLORS.answers },
    { key: 'reviewsDone', label: 'Reviews done', color: COLORS.reviews },
  ] as const;
  const period = overview.period;
  const idle = period.tasksCompleted + period.answersSubmitted + period.reviewsDone === 0;
  return (
    <ChartCard
      id="overview-throughput"
      title="Throughput"
      description={`Tasks completed, labeling answers and reviews submitted per day over the last ${overview.days} days.`}
      summary={
        <dl className="overview-summary">
          <div>
            <dt>Completed</dt>
            <dd>{formatCount(period.tasksCompleted)}</dd>
          </div>
          <div>
            <dt>Answers</dt>
            <dd>{formatCount(period.answersSubmitted)}</dd>
          </div>
          <div>
            <dt>Reviews</dt>
            <dd>{formatCount(period.reviewsDone)}</dd>
          </div>
        </dl>
      }
      empty={idle ? <p>No work was done in the last {overview.days} days.</p> : undefined}
      table={{
        columns: ['Day', 'Tasks completed', 'Answers submitted', 'Reviews done'],
        numeric: [1, 2, 3],
        rows: overview.throughput.map((p, i) => [
          buckets[i]?.long ?? p.start,
          formatCount(p.tasksCompleted),
          formatCount(p.answersSubmitted),
          formatCount(p.reviewsDone),
        ]),
      }}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <AreaChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke={GRID} />
          <XAxis dataKey="label" minTickGap={24} {...axisProps} />
          <YAxis
            allowDecimals={false}
            width={48}
            tickFormatter={(v: number) => formatCount(v)}
            {...axisProps}
          />
          <Tooltip
            content={({ active, payload }) => {
              const datum = active ? (payload?.[0]?.payload as (typeof data)[number] | undefined) : undefined;
              if (!datum) return null;
              const i = data.indexOf(datum);
              return (
                <TooltipBox
                  title={buckets[i]?.long ?? datum.label}
                  rows={series.map((s) => ({
                    color: s.color,
                    name: s.label,
                    value: formatCount(datum[s.key]),
                  }))}
                />
              );
            }}
          />
          {series.map((s) => (
            <Area
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              fill={s.color}
              fillOpacity={0.12}
              strokeWidth={2}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
      <Legend items={series.map((s) => ({ color: s.color, label: s.label }))} />
    </ChartCard>
  );
}

function AgreementTrend({ overview }: { overview: Overview }) {
  const buckets = labels(overview);
  const data = overview.agreement.map((p, i) => ({ ...p, label: buckets[i]?.short ?? '' }));
  const period = overview.period.agreement;
  return (
    <ChartCard
      id="overview-agreement"
      title="Agreement"
      description={
        overview.project.overlap === 1
          ? 'Mean agreement of the tasks completed each day. With one annotator per task it is always 100%; raise the overlap in Setup to measure it.'
          : 'Mean agreement between annotators on the tasks completed each day (0–100%).'
      }
      summary={
        <dl className="overview-summary">
          <div>
            <dt>Period</dt>
            <dd>{formatPercent(period.mean)}</dd>
          </div>
          <div>
            <dt>Tasks</dt>
            <dd>{formatCount(period.n)}</dd>
          </div>
        </dl>
      }
      empty={
        period.n === 0 ? (
          <p>No task was completed with a measured agreement in the last {overview.days} days.</p>
        ) : undefined
      }
      table={{
        columns: ['Day', 'Mean agreement', 'Tasks'],
        numeric: [1, 2],
        rows: overview.agreement.map((p, i) => [
          buckets[i]?.long ?? p.start,
          formatPercent(p.mean),
          formatCount(p.n),
        ]),
      }}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke={GRID} />
          <XAxis dataKey="label" minTickGap={24} {...axisProps} />
          <YAxis domain={[0, 1]} width={48} tickFormatter={(v: number) => formatPercent(v)} {...axisProps} />
          <Tooltip
            content={({ active, payload }) => {
              const datum = active ? (payload?.[0]?.payload as (typeof data)[number] | undefined) : undefined;
              if (!datum) return null;
              const i = data.indexOf(datum);
              return (
                <TooltipBox
                  title={buckets[i]?.long ?? datum.label}
                  rows={[
                    {
                      color: COLORS.agreement,
                      name: 'Mean agreement',
                      value: formatPercent(datum.mean),
                      note: `n = ${formatCount(datum.n)}`,
                    },
                  ]}
                />
              );
            }}
          />
          <Line
            type="linear"
            dataKey="mean"
            name="Mean agreement"
            stroke={COLORS.agreement}
            strokeWidth={2}
            dot={{ r: 2.5 }}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

function GoldTrend({
  overview,
  project,
  manager,
}: {
  overview: Overview;
  project: string;
  manager: boolean;
}) {
  const buckets = labels(overview);
  const workforces = overview.gold.workforces.map((w, i) => ({
    key: `w${i}`,
    label: w.workforce?.name ?? 'Unassigned',
    color: SERIES_PALETTE[i % SERIES_PALETTE.length] ?? COLORS.answers,
    source: w,
  }));
  const data = overview.gold.series.map((p, i) => {
    const row: Record<string, string | number | null> = {
      label: buckets[i]?.short ?? '',
      overall: p.mean,
      overall_n: p.n,
    };
    for (const w of workforces) {
      row[w.key] = w.source.series[i]?.mean ?? null;
      row[`${w.key}_n`] = w.source.series[i]?.n ?? 0;
    }
    return row;
  });
  const period = overview.period.gold;
  return (
    <ChartCard
      id="overview-gold"
      title="Gold accuracy"
      description="Mean score of hidden gold answers each day, overall (dashed) and per workforce."
      summary={
        <dl className="overview-summary">
          <div>
            <dt>Period</dt>
            <dd>{formatPercent(period.mean)}</dd>
          </div>
          <div>
            <dt>Answers</dt>
            <dd>{formatCount(period.n)}</dd>
          </div>
        </dl>
      }
      empty={
        period.n === 0 ? (
          <p>
            No hidden gold answers in the last {overview.days} days.{' '}
            {manager && (
              <>
                <Link to="/console/projects/$name/gold" params={{ name: project }}>
                  Add gold tasks
                </Link>{' '}
                to measure accuracy as people work.
              </>
            )}
          </p>
        ) : undefined
      }
      table={{
        columns: ['Day', 'Overall', ...workforces.map((w) => w.label)],
        numeric: [1, ...workforces.map((_, i) => i + 2)],
        rows: overview.gold.series.map((p, i) => [
          buckets[i]?.long ?? p.start,
          p.n > 0 ? `${formatPercent(p.mean)} (${formatCount(p.n)})` : '—',
          ...workforces.map((w) => {
            const point = w.source.series[i];
            return point && point.n > 0 ? `${formatPercent(point.mean)} (${formatCount(point.n)})` : '—';
          }),
        ]),
      }}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke={GRID} />
          <XAxis dataKey="label" minTickGap={24} {...axisProps} />
          <YAxis domain={[0, 1]} width={48} tickFormatter={(v: number) => formatPercent(v)} {...axisProps} />
          <Tooltip
            content={({ active, payload }) => {
              const datum = active ? (payload?.[0]?.payload as (typeof data)[number] | undefined) : undefined;
              if (!datum) return null;
              const i = data.indexOf(datum);
              const n = (key: string) => Number(datum[`${key}_n`] ?? 0);
              const mean = (key: string) => datum[key] as number | null;
              return (
                <TooltipBox
                  title={buckets[i]?.long ?? String(datum.label)}
                  rows={[
                    {
                      color: COLORS.gold,
                      name: 'Overall',
                      value: formatPercent(mean('overall')),
                      note: `n = ${formatCount(n('overall'))}`,
                    },
                    ...workforces
                      .filter((w) => n(w.key) > 0)
                      .map((w) => ({
                        color: w.color,
                        name: w.label,
                        value: formatPercent(mean(w.key)),
                        note: `n = ${formatCount(n(w.key))}`,
                      })),
                  ]}
                />
              );
            }}
          />
          <Line
            type="linear"
            dataKey="overall"
            name="Overall"
            stroke={COLORS.gold}
            strokeDasharray="5 4"
            strokeWidth={2}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
          {workforces.map((w) => (
            <Line
              key={w.key}
              type="linear"
              dataKey={w.key}
              name={w.label}
              stroke={w.color}
              strokeWidth={2}
              dot={{ r: 2.5 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <Legend
        items={[
          { color: COLORS.gold, label: 'Overall', dashed: true },
          ...workforces.map((w) => ({ color: w.color, label: w.label })),
        ]}
      />
    </ChartCard>
  );
}
