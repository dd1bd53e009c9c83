/**
 * Read-only comparison of answers to a form's fields: one row per field, one column per answer, rows where
 * the answers disagree marked, so a reviewer sees at a glance what to check.
 */
import type { FieldDescriptions } from '@groundwork/domain';
import type { ReactNode } from 'react';
import { fieldTitle } from './field-values.ts';
import './fields-form.css';

/** One column of a comparison: whose answer it is and its colour. */
export interface AnswerColumn {
  /** Stable key of the answer. */
  key: string;
  /** Whose it is, as shown. */
  title: string;
  /** The colour identifying the answer. */
  color: string;
}

/** The heading of an answer: a colour swatch and whose answer it is. */
export function AnswerTitle({ title, color }: { title: string; color: string }) {
  return (
    <span className="ff-answer-title">
      <span className="ff-answer-title__swatch" style={{ background: color }} aria-hidden="true" />
      {title}
    </span>
  );
}

/** Whether the answers differ (more than one distinct JSON form). */
export function answersDiffer(values: readonly unknown[]): boolean {
  return values.length > 1 && new Set(values.map((value) => JSON.stringify(value ?? null))).size > 1;
}

/** A marker for a row where the answers disagree. */
export function DiffersBadge() {
  return (
    <span className="ff-differs" title="The answers differ">
      differs
    </span>
  );
}

/** One answer to a text field: the text, `Not present` for an empty answer, `—` when missing. */
export function FieldValueText({ value }: { value: string | undefined }): ReactNode {
  if (value === undefined) return <span className="ff-missing">—</span>;
  if (value === '') return <span className="ff-missing">Not present</span>;
  return <span className="ff-value">{value}</span>;
}

/** One row of an {@link AnswersTable}: a field and what each answer gave for it. */
export interface AnswerRow {
  /** Stable key of the field. */
  key: string;
  /** The field as the person knows it. */
  title: string;
  /** Shown when pointing at the title. */
  description?: string | undefined;
  /** Whether the answers disagree on it (see {@link answersDiffer}). */
  differs: boolean;
  /** The value of the answer at `index` (in the order of the answers) as shown. */
  cell: (index: number) => ReactNode;
}

/** Props of {@link AnswersTable}. */
export interface AnswersTableProps {
  /** The answers, one column each. */
  answers: readonly AnswerColumn[];
  /** The fields, one row each. */
  rows: readonly AnswerRow[];
  /** Accessible caption of the table. */
  caption: string;
}

/** Field-by-answer table, the rows where the answers disagree marked. */
export function AnswersTable({ answers, rows, caption }: AnswersTableProps) {
  return (
    <div className="ff-compare-wrap">
      <table className="ff-compare">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            {answers.map((answer) => (
              <th scope="col" key={answer.key} style={{ borderTopColor: answer.color }}>
                <AnswerTitle title={answer.title} color={answer.color} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-differs={row.differs || undefined}>
              <th scope="row">
                <span className="ff-compare__field" title={row.description}>
                  {row.title}
                </span>
                {row.differs && <DiffersBadge />}
              </th>
              {answers.map((answer, index) => (
                <td key={answer.key} style={{ boxShadow: `inset 3px 0 0 ${answer.color}` }}>
                  {row.cell(index)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Props of {@link FieldAnswersTable}. */
export interface FieldAnswersTableProps {
  /** The fields, `{key: description}`. */
  fields: FieldDescriptions;
  /** The answers, each with its values keyed by field. */
  answers: (AnswerColumn & { values: Readonly<Record<string, string>> })[];
  /** Accessible caption of the table. */
  caption: string;
}

/** Field-by-answer table of `{key: description}` answers. */
export function FieldAnswersTable({ fields, answers, caption }: FieldAnswersTableProps) {
  const rows = Object.entries(fields).map(([key, description]) => {
    const values = answers.map((answer) => answer.values[key]);
    return {
      key,
      title: fieldTitle(key),
      description,
      differs: answersDiffer(values),
      cell: (index: number) => <FieldValueText value={values[index]} />,
    };
  });
  return <AnswersTable answers={answers} rows={rows} caption={caption} />;
}
