/**
 * The text-collection viewer: one row per field of the form, one column per answer, choices shown by their
 * labels and field sets as nested lists, with the rows where answers disagree marked for the reviewer.
 */
import type { FormField, TextcollectionParams, TextcollectionResponse } from '@groundwork/domain';
import type { ReactNode } from 'react';
import { AnswersTable, answersDiffer } from '../../components/fields-form/field-answers-table.tsx';
import type { TaskViewerProps } from '../contract.ts';
import { isRepeated } from './draft.ts';
import { AttachmentPane, FormHeader } from './form-editor.tsx';
import './textcollection.css';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function Missing() {
  return <span className="ff-missing">—</span>;
}

function SingleValue({ field, value }: { field: FormField; value: unknown }): ReactNode {
  if (value === undefined || value === null) return <Missing />;
  switch (field.type) {
    case 'category': {
      const values = Array.isArray(value) ? value : [value];
      return (
        <span className="tc-chips">
          {values.map((choice) => (
            <span key={String(choice)} className="tc-chip">
              {field.choices.find((option) => option.value === choice)?.label ?? String(choice)}
            </span>
          ))}
        </span>
      );
    }
    case 'boolean':
      return (
        <span className="ff-value">{value === true ? 'Yes' : value === false ? 'No' : String(value)}</span>
      );
    case 'number':
      return (
        <span className="ff-value">
          {String(value)}
          {field.unit ? ` ${field.unit}` : ''}
        </span>
      );
    case 'field_set':
      if (!isRecord(value)) return <span className="ff-value">{JSON.stringify(value)}</span>;
      return (
        <dl className="tc-set-value">
          {field.fields
            .filter((child) => child.field_id in value)
            .map((child) => (
              <div key={child.field_id}>
                <dt>{child.title}</dt>
                <dd>
                  <FieldValue field={child} value={value[child.field_id]} />
                </dd>
              </div>
            ))}
        </dl>
      );
    default:
      return <span className="ff-value">{typeof value === 'string' ? value : JSON.stringify(value)}</span>;
  }
}

/** One field's answer as the person gave it; a repeated field's answers as a numbered list. */
export function FieldValue({ field, value }: { field: FormField; value: unknown }): ReactNode {
  if (value === undefined) return <Missing />;
  if (isRepeated(field) && Array.isArray(value)) {
    return (
      <ol className="tc-value-list">
        {value.map((entry, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: answers are positional.
          <li key={index}>
            <SingleValue field={field} value={entry} />
          </li>
        ))}
      </ol>
    );
  }
  return <SingleValue field={field} value={value} />;
}

/** Answers to a text-collection form, compared field by field. */
export function TextcollectionViewer({
  params,
  answers,
  resolveUrl,
}: TaskViewerProps<TextcollectionParams, TextcollectionResponse>) {
  const rows = params.fields.filter(
    (field) => !field.condition || answers.some((answer) => field.field_id in answer.response.annotations),
  );
  return (
    <div className="tc-viewer" data-has-attachments={params.attachments.length > 0 || undefined}>
      {params.attachments.length > 0 && (
        <AttachmentPane attachments={params.attachments} resolveUrl={resolveUrl} />
      )}
      <div className="tc-form">
        <FormHeader params={params} />
        <AnswersTable
          caption="Answers to the form"
          answers={answers}
          rows={rows.map((field) => {
            const values = answers.map((answer) => answer.response.annotations[field.field_id]);
            return {
              key: field.field_id,
              title: field.title,
              differs: answersDiffer(values),
              cell: (index: number) => <FieldValue field={field} value={values[index]} />,
            };
          })}
        />
      </div>
    </div>
  );
}
