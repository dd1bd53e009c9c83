/**
 * Read-only comparison of answers to `{key: description}` fields: one row per field, one column per answer,
 * rows where the answers disagree marked, so a reviewer sees at a glance what to check.
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
  return (
    <div className="ff-compare-wrap">
      <table className="ff-compare">
        <caption className="ff-visually-hidden">{caption}</caption>
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
          {Object.entries(fields).map(([key, description]) => {
            const differ = answersDiffer(answers.map((answer) => answer.values[key]));
            return (
              <tr key={key} data-differs={differ || undefined}>
                <th scope="row">
                  <span className="ff-compare__field" title={description}>
                    {fieldTitle(key)}
                  </span>
                  {differ && <DiffersBadge />}
                </th>
                {answers.map((answer) => (
                  <td key={answer.key} style={{ boxShadow: `inset 3px 0 0 ${answer.color}` }}>
                    <FieldValueText value={answer.values[key]} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
