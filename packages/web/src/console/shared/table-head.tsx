/**
 * The header row of a console data table, from a list of columns: every header is a column header
 * (`scope="col"`), numeric columns are right-aligned like their cells (`num`), and a table with row
 * actions ends with an actions column that has no visible heading but is named for screen readers.
 */
import type { ReactNode } from 'react';

/** A column of a {@link TableHead}: its heading, or the heading with how it is laid out. */
export type TableColumn =
  | string
  | {
      /** The heading. */
      label: ReactNode;
      /** A React key, when the heading is not a string. */
      key?: string;
      /** Whether the column holds numbers (right-aligned, tabular figures). */
      numeric?: boolean;
      /** Extra class names of the header cell (a column width). */
      className?: string;
    };

/** Props of {@link TableHead}. */
export interface TableHeadProps {
  /** The columns, in order; `false` leaves a column out (one shown to managers only). */
  columns: ReadonlyArray<TableColumn | false>;
  /** Whether the table ends with an actions column (buttons on each row). */
  actions?: boolean;
}

/** A table's `<thead>`: one header row. */
export function TableHead({ columns, actions = false }: TableHeadProps) {
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          if (column === false) return null;
          if (typeof column === 'string') {
            return (
              <th key={column} scope="col">
                {column}
              </th>
            );
          }
          const className = [column.numeric ? 'num' : null, column.className ?? null]
            .filter(Boolean)
            .join(' ');
          return (
            <th key={column.key ?? String(column.label)} scope="col" className={className || undefined}>
              {column.label}
            </th>
          );
        })}
        {actions && (
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
