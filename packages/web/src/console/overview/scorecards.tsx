/**
 * Scorecards of a project's workforces and annotators over the overview's period: a bar chart of each
 * one's mean hidden-gold score with its 95 % interval (in the tooltip, and as an error bar), and a table
 * with every figure — gold, agreement with the final result, review acceptance, throughput, median time,
 * quality flags and pauses. Scorecards are for managers (the API says so); others see why they are not shown.
 */
import type { ResponseOf } from '@groundwork/sdk';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ErrorBar, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, call } from '../../api/client.ts';
import { ApiError } from '../shared/api-error.tsx';
import { formatCount, formatDuration, formatPercent } from '../shared/format.ts';
import { TableHead } from '../shared/table-head.tsx';
import { ChartCard, COLORS, Segmented, TooltipBox } from './charts.tsx';
import { shorten } from './format.ts';

type ScorecardReport = ResponseOf<'getProjectScorecards'>;
type AnnotatorCard = NonNullable<ScorecardReport['annotators']>[number];
type WorkforceCard = NonNullable<ScorecardReport['workforces']>[number];
type Check = AnnotatorCard['flags'][number];

/** What the checks are called on a scorecard. */
const CHECK_LABELS: Record<Check['check'], string> = {
  fast_answers: 'Fast answers',
  side_bias: 'Side bias',
  length_bias: 'Length bias',
  transitivity: 'Circular preferences',
};

/** One row of the scorecards, annotator or workforce alike. */
interface CardRow {
  key: string;
  name: string;
  /** A second line under the name (an annotator's workforce). */
  detail: string | null;
  card: AnnotatorCard | WorkforceCard;
  /** What to say about pauses. */
  paused: { label: string; tone: 'bad' | 'wait' | null; title?: string };
}

function annotatorRows(cards: AnnotatorCard[], project: string): CardRow[] {
  return cards.map((card) => {
    const standing = card.standings.find((s) => s.project === project);
    const pause = standing?.paused ?? null;
    return {
      key: card.userId,
      name: card.name || card.email || card.userId,
      detail: card.workforce?.name ?? 'Unassigned',
      card,
      paused: pause
        ? { label: `Paused (${pause.by})`, tone: 'bad', title: pause.reason }
        : { label: 'No', tone: null },
    };
  });
}

function workforceRows(cards: WorkforceCard[]): CardRow[] {
  return cards.map((card) => ({
    key: card.workforce?.id ?? 'none',
    name: card.workforce?.name ?? 'Unassigned',
    detail: `${formatCount(card.annotators)} ${card.annotators === 1 ? 'person' : 'people'}`,
    card,
    paused:
      card.pausedAnnotators > 0
        ? { label: `${formatCount(card.pausedAnnotators)} of ${formatCount(card.annotators)}`, tone: 'wait' }
        : { label: 'None', tone: null },
  }));
}

/** The interval of a gold mean, written out (`72.0%–91.5%`). */
function intervalText(interval: { low: number; high: number } | null): string {
  return interval ? `${formatPercent(interval.low)}–${formatPercent(interval.high)}` : '—';
}

/** Props of {@link Scorecards}. */
export interface ScorecardsProps {
  project: string;
  /** The period: the last this many days. */
  days: number;
  /** Whether the caller may read scorecards (managers and up). */
  allowed: boolean;
}

/** Scorecards per workforce and per annotator. */
export function Scorecards({ project, days, allowed }: ScorecardsProps) {
  const [by, setBy] = useState<'workforce' | 'annotator'>('workforce');
  const query = useQuery({
    queryKey: ['project-scorecards', project, by, days],
    enabled: allowed,
    queryFn: () =>
      call(
        api.GET('/api/projects/{name}/scorecards', {
          params: {
            path: { name: project },
            query: { by, since: new Date(Date.now() - days * 86_400_000).toISOString() },
          },
        }),
      ),
  });
  const picker = (
    <Segmented<'workforce' | 'annotator'>
      label="Scorecards by"
      options={[
        { value: 'workforce', label: 'Workforces' },
        { value: 'annotator', label: 'Annotators' },
      ]}
      value={by}
      onChange={setBy}
    />
  );

  if (!allowed) {
    return (
      <section className="card" aria-labelledby="scorecards-title">
        <h2 id="scorecards-title">Scorecards</h2>
        <p className="muted">
          Scorecards per workforce and per annotator are visible to managers, admins and owners.
        </p>
      </section>
    );
  }
  const report = query.data;
  const rows: CardRow[] = report
    ? by === 'workforce'
      ? workforceRows(report.workforces ?? [])
      : annotatorRows(report.annotators ?? [], project)
    : [];
  const plotted = rows.filter((row) => row.card.gold.meanScore !== null);
  const chartData = plotted.map((row) => {
    const mean = row.card.gold.meanScore ?? 0;
    const interval = row.card.gold.interval;
    return {
      name: row.name,
      mean,
      error: interval ? [Math.max(0, mean - interval.low), Math.max(0, interval.high - mean)] : [0, 0],
      row,
    };
  });
  const who = by === 'workforce' ? 'workforce' : 'annotator';

  return (
    <>
      <ChartCard
        id="scorecards-title"
        title="Scorecards"
        description={`Mean hidden-gold score per ${who} over the last ${days} days; the whisker is its 95 % interval. The table has every figure.`}
        controls={picker}
        empty={
          query.isPending ? (
            <p className="muted">Loading scorecards…</p>
          ) : query.isError ? (
            <ApiError error={query.error} prefix="Could not load the scorecards:" />
          ) : rows.length === 0 ? (
            <p>
              <strong>No work in the last {days} days.</strong> Scorecards appear once people answer tasks or
              hidden gold.
            </p>
          ) : undefined
        }
      >
        {plotted.length === 0 ? (
          <p className="overview-chart__note">
            No hidden-gold answers in the period, so there is no gold score to chart; the table below has the
            other figures.
          </p>
        ) : (
          <ResponsiveContainer width="100%" height={Math.max(140, chartData.length * 34 + 50)}>
            <BarChart data={chartData} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
              <CartesianGrid horizontal={false} stroke="#e7eae8" />
              <XAxis
                type="number"
                domain={[0, 1]}
                tickFormatter={(v: number) => formatPercent(v)}
                tick={{ fontSize: 12 }}
              />
              <YAxis
                type="category"
                dataKey="name"
                width={170}
                tick={{ fontSize: 12 }}
                interval={0}
                tickFormatter={(name: string) => shorten(name, 24)}
              />
              <Tooltip
                cursor={{ fill: 'rgba(21, 94, 75, 0.06)' }}
                content={({ active, payload }) => {
                  const datum = active
                    ? (payload?.[0]?.payload as (typeof chartData)[number] | undefined)
                    : undefined;
                  if (!datum) return null;
                  const c = datum.row.card;
                  return (
                    <TooltipBox
                      title={datum.name}
                      rows={[
                        {
                          color: COLORS.agreement,
                          name: 'Gold score',
                          value: formatPercent(c.gold.meanScore),
                          note: `n = ${formatCount(c.gold.answers)}`,
                        },
                        { name: '95 % interval', value: intervalText(c.gold.interval) },
                        {
                          name: 'Agreement',
                          value: formatPercent(c.agreementWithConsensus.meanScore),
                          note: `n = ${formatCount(c.agreementWithConsensus.answers)}`,
                        },
                        {
                          name: 'Review acceptance',
                          value: formatPercent(c.reviewAcceptance.rate),
                          note: `of ${formatCount(c.reviewAcceptance.reviewed)}`,
                        },
                      ]}
                    />
                  );
                }}
              />
              <Bar
                dataKey="mean"
                name="Gold score"
                fill={COLORS.agreement}
                barSize={16}
                isAnimationActive={false}
              >
                <ErrorBar dataKey="error" direction="x" width={6} stroke={COLORS.gold} strokeWidth={1.5} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        )}
      </ChartCard>
      {rows.length > 0 && <ScorecardTable rows={rows} by={by} report={report} />}
    </>
  );
}

function ScorecardTable({
  rows,
  by,
  report,
}: {
  rows: CardRow[];
  by: 'workforce' | 'annotator';
  report: ScorecardReport | undefined;
}) {
  return (
    <section className="card" aria-labelledby="scorecard-figures">
      <h2 id="scorecard-figures">{by === 'workforce' ? 'Every workforce' : 'Every annotator'}</h2>
      {report?.truncated && (
        <p className="muted">
          More than {formatCount(report.answerLimit)} answers in the period: the figures cover the newest
          ones.
        </p>
      )}
      <div className="overview-table-scroll">
        <table className="table overview-scorecards">
          <TableHead
            columns={[
              by === 'workforce' ? 'Workforce' : 'Annotator',
              { label: 'Gold n', numeric: true },
              { label: 'Gold mean', numeric: true },
              { label: '95 % interval', numeric: true },
              { label: 'Agreement', numeric: true },
              { label: 'Review acceptance', numeric: true },
              { label: 'Answers', numeric: true },
              { label: 'Per day', numeric: true },
              { label: 'Median time', numeric: true },
              'Flags',
              by === 'workforce' ? 'Paused people' : 'Paused',
            ]}
          />
          <tbody>
            {rows.map(({ key, name, detail, card, paused }) => (
              <tr key={key}>
                <th scope="row">
                  <span className="overview-scorecards__name">{name}</span>
                  {detail && <span className="overview-scorecards__detail">{detail}</span>}
                </th>
                <td className="num">{formatCount(card.gold.answers)}</td>
                <td className="num">{formatPercent(card.gold.meanScore)}</td>
                <td className="num">{intervalText(card.gold.interval)}</td>
                <td
                  className="num"
                  title={`${formatCount(card.agreementWithConsensus.answers)} answers compared`}
                >
                  {formatPercent(card.agreementWithConsensus.meanScore)}
                </td>
                <td
                  className="num"
                  title={`${formatCount(card.reviewAcceptance.accepted)} accepted, ${formatCount(card.reviewAcceptance.fixed)} fixed, ${formatCount(card.reviewAcceptance.rejected)} rejected`}
                >
                  {formatPercent(card.reviewAcceptance.rate)}
                  {card.reviewAcceptance.reviewed > 0 && (
                    <span className="overview-scorecards__detail">
                      of {formatCount(card.reviewAcceptance.reviewed)}
                    </span>
                  )}
                </td>
                <td className="num">{formatCount(card.throughput.answers)}</td>
                <td className="num">{card.throughput.perDay.toFixed(1)}</td>
                <td className="num">{formatDuration(card.throughput.medianTimeMs)}</td>
                <td>
                  {card.flags.length === 0 ? (
                    <span className="muted">None</span>
                  ) : (
                    <span className="overview-flags">
                      {card.flags.map((flag) => (
                        <span
                          key={`${flag.project}-${flag.check}`}
                          className="badge"
                          data-tone="bad"
                          title={flag.reason ?? undefined}
                        >
                          {CHECK_LABELS[flag.check]}
                        </span>
                      ))}
                    </span>
                  )}
                </td>
                <td>
                  {paused.tone ? (
                    <span className="badge" data-tone={paused.tone} title={paused.title}>
                      {paused.label}
                    </span>
                  ) : (
                    <span className="muted">{paused.label}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
