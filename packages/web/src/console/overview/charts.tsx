/**
 * The frame every overview chart shares: a card with a title, a sentence saying what the chart shows
 * (its accessible description), the chart or an empty state, and the numbers behind it as a table (a
 * disclosure, so screen readers and anyone who wants the figures get them); and the tooltip box every
 * chart shows on hover, with the exact numbers.
 */
import type { ReactNode } from 'react';
import { TableHead } from '../shared/table-head.tsx';

/** Colors of the series, consistent across charts (status, work, and a palette for workforces). */
export const COLORS = {
  completed: '#1f8a5b',
  labeling: '#8fb3d9',
  inReview: '#d49a1f',
  canceled: '#a1a9a5',
  error: '#c2412d',
  answers: '#3b6fb6',
  reviews: '#d49a1f',
  agreement: '#155e4b',
  gold: '#14201c',
} as const;

/** Colors of the workforce lines, in order (repeats past the tenth). */
export const SERIES_PALETTE = [
  '#3b6fb6',
  '#d49a1f',
  '#8e44ad',
  '#1f8a5b',
  '#c2412d',
  '#16a0a0',
  '#7a5c3e',
  '#d45fa0',
  '#5c6b73',
  '#9aa81f',
] as const;

/** A table of the numbers behind a chart. */
export interface ChartTable {
  columns: string[];
  rows: ReactNode[][];
  /** Columns holding numbers (right-aligned), by index. */
  numeric?: number[];
}

/** Props of {@link ChartCard}. */
export interface ChartCardProps {
  /** The id of the card's heading (the card is labelled by it). */
  id: string;
  title: string;
  /** What the chart shows, in a sentence: shown under the title and the chart's accessible description. */
  description: ReactNode;
  /** Figures at the right of the title (period totals). */
  summary?: ReactNode;
  /** Shown instead of the chart (and the table) when there is nothing to draw. */
  empty?: ReactNode;
  /** The numbers behind the chart (left out when a full table follows the chart anyway). */
  table?: ChartTable;
  /** Controls at the right of the title (a segmented control). */
  controls?: ReactNode;
  children: ReactNode;
}

/** A chart in a card with its title, description, and the numbers behind it. */
export function ChartCard({
  id,
  title,
  description,
  summary,
  empty,
  table,
  controls,
  children,
}: ChartCardProps) {
  return (
    <section className="card overview-chart" aria-labelledby={id}>
      <header className="overview-chart__header">
        <div>
          <h2 id={id}>{title}</h2>
          <p className="overview-chart__description" id={`${id}-description`}>
            {description}
          </p>
        </div>
        {summary && <div className="overview-chart__summary">{summary}</div>}
        {controls}
      </header>
      {empty ? (
        <div className="overview-chart__empty">{empty}</div>
      ) : (
        <>
          <figure
            className="overview-chart__plot"
            aria-labelledby={id}
            aria-describedby={`${id}-description`}
          >
            {children}
          </figure>
          {table && (
            <details className="overview-chart__numbers">
              <summary>Numbers behind this chart</summary>
              <div className="overview-chart__table">
                <table className="table overview-numbers">
                  <caption className="visually-hidden">{title}</caption>
                  <TableHead
                    columns={table.columns.map((column, i) => ({
                      label: column,
                      numeric: table.numeric?.includes(i) ?? false,
                    }))}
                  />
                  <tbody>
                    {table.rows.map((row, r) => (
                      // Rows are positional (one per bucket or entity, in order) and never reorder.
                      // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                      <tr key={r}>
                        {row.map((cell, i) =>
                          i === 0 ? (
                            <th key={table.columns[i]} scope="row">
                              {cell}
                            </th>
                          ) : (
                            <td
                              key={table.columns[i]}
                              className={table.numeric?.includes(i) ? 'num' : undefined}
                            >
                              {cell}
                            </td>
                          ),
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          )}
        </>
      )}
    </section>
  );
}

/** One line of a tooltip. */
export interface TooltipRow {
  color?: string;
  name: string;
  value: string;
  /** A note after the value, e.g. `n = 12` or an interval. */
  note?: string;
}

/** The box a chart shows on hover: a title (the bucket or entity) and its exact numbers. */
export function TooltipBox({ title, rows }: { title: string; rows: TooltipRow[] }) {
  return (
    <div className="overview-tooltip">
      <p className="overview-tooltip__title">{title}</p>
      <table>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <td>
                {row.color && <span className="overview-swatch" style={{ background: row.color }} />}
                {row.name}
              </td>
              <td className="overview-tooltip__value">{row.value}</td>
              <td className="overview-tooltip__note">{row.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A legend item. */
export interface LegendItem {
  color: string;
  label: string;
  /** Drawn dashed (e.g. the overall line among workforce lines). */
  dashed?: boolean;
}

/** A legend as HTML under a chart (readable, wraps, and no SVG text to guess). */
export function Legend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="overview-legend" aria-label="Legend">
      {items.map((item) => (
        <li key={item.label}>
          <span
            className={item.dashed ? 'overview-swatch overview-swatch--dashed' : 'overview-swatch'}
            style={item.dashed ? { borderColor: item.color } : { background: item.color }}
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/** Props of {@link Segmented}. */
export interface SegmentedProps<T extends string | number> {
  /** The group's accessible name. */
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange(value: T): void;
}

/** A row of toggle buttons, one pressed: the period, or what scorecards are by. */
export function Segmented<T extends string | number>({ label, options, value, onChange }: SegmentedProps<T>) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form's fieldset.
    <div className="overview-segmented" role="group" aria-label={label}>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={option.value === value}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
