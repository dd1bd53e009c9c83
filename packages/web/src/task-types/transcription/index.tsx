/**
 * `transcription` in the workbench: copy the fields of a document (and its repeated items, such as invoice
 * lines) into text boxes, with the document beside them.
 */
import {
  type TranscriptionParams,
  type TranscriptionResponse,
  transcriptionParamsSchema,
} from '@groundwork/domain';
import { useId, useRef } from 'react';
import { AttachmentView } from '../../components/attachment-view/attachment-view.tsx';
import {
  firstField,
  focusSoon,
  isAltKey,
  isRemoveEntryKey,
  useEditorKeys,
  useInitialFocus,
} from '../../components/fields-form/editor-keys.ts';
import {
  AnswerTitle,
  answersDiffer,
  DiffersBadge,
  FieldAnswersTable,
  FieldValueText,
} from '../../components/fields-form/field-answers-table.tsx';
import { fieldTitle, isAbsent, setAbsent } from '../../components/fields-form/field-values.ts';
import { FieldsForm, focusedFieldKey } from '../../components/fields-form/fields-form.tsx';
import type { TaskEditorProps, TaskTypeUi, TaskViewerProps } from '../contract.ts';
import { ItemsTable, itemRowId } from './items-table.tsx';
import {
  emptyItem,
  fieldsOf,
  type TranscriptionDraft,
  transcriptionDraftFromResponse,
  transcriptionEmptyDraft,
  transcriptionToResponse,
} from './response.ts';
import './transcription.css';

function TranscriptionEditor({
  params,
  draft,
  onChange,
  resolveUrl,
  active,
}: TaskEditorProps<TranscriptionParams, TranscriptionDraft>) {
  const idPrefix = useId().replace(/:/g, '');
  const root = useRef<HTMLDivElement>(null);
  const items = Array.isArray(draft.items) ? draft.items : [];
  const focusItem = (index: number) =>
    focusSoon(() => firstField(document.getElementById(itemRowId(idPrefix, index))));
  const addItem = () => {
    onChange({ ...draft, items: [...items, emptyItem(params)] });
    focusItem(items.length);
  };
  const removeItem = (index: number) => {
    onChange({ ...draft, items: items.filter((_, at) => at !== index) });
    if (items.length > 1) focusItem(Math.max(0, index - 1));
  };
  useInitialFocus(root, active);
  useEditorKeys(root, active, (event) => {
    const focused = document.activeElement;
    if (isAltKey(event, 'KeyM')) {
      const key = focusedFieldKey(root.current);
      if (key === undefined) return;
      event.preventDefault();
      const fields = fieldsOf(params, draft);
      onChange({ ...draft, fields: setAbsent(fields, key, !isAbsent(fields, key)) });
    } else if (isAltKey(event, 'KeyN') && params.repeatable_fields) {
      event.preventDefault();
      addItem();
    } else if (isRemoveEntryKey(event) && focused && root.current?.contains(focused)) {
      const row = focused.closest<HTMLElement>('[data-item-index]');
      if (!row) return;
      event.preventDefault();
      removeItem(Number(row.dataset.itemIndex));
    }
  });
  return (
    <div className="ff-split" ref={root}>
      <AttachmentView
        type={params.attachment_type}
        content={params.attachment}
        resolveUrl={resolveUrl}
        title="Document"
      />
      <section className="ff-pane ff-pane--form" aria-label="Transcription">
        <p className="ff-note">
          Copy each field as the document shows it. If a field is not in the document, mark it{' '}
          <em>Not present</em> (<kbd>Alt</kbd>+<kbd>M</kbd>).
        </p>
        <FieldsForm
          fields={params.fields}
          draft={fieldsOf(params, draft)}
          onChange={(fields) => onChange({ ...draft, fields })}
          idPrefix={idPrefix}
        />
        {params.repeatable_fields && (
          <ItemsTable
            params={params}
            draft={draft}
            onChange={onChange}
            idPrefix={idPrefix}
            onAdd={addItem}
            onRemove={removeItem}
          />
        )}
      </section>
    </div>
  );
}

function TranscriptionViewer({
  params,
  answers,
  resolveUrl,
}: TaskViewerProps<TranscriptionParams, TranscriptionResponse>) {
  const columns = Object.keys(params.repeatable_fields ?? {});
  const itemsDiffer = answersDiffer(answers.map((answer) => answer.response.repeatable_fields ?? []));
  return (
    <div className="ff-split">
      <AttachmentView
        type={params.attachment_type}
        content={params.attachment}
        resolveUrl={resolveUrl}
        title="Document"
      />
      <section className="ff-pane ff-pane--form" aria-label="Answers">
        <FieldAnswersTable
          fields={params.fields}
          caption="Transcribed fields"
          answers={answers.map((answer) => ({ ...answer, values: answer.response.fields }))}
        />
        {params.repeatable_fields && (
          <div className="tr-viewer-items">
            <h3 className="ff-section-title">Items {itemsDiffer && <DiffersBadge />}</h3>
            {answers.map((answer) => {
              const rows = answer.response.repeatable_fields ?? [];
              return (
                <div
                  key={answer.key}
                  className="tr-viewer-items__answer"
                  style={{ borderLeftColor: answer.color }}
                >
                  <div className="tr-viewer-items__title">
                    <AnswerTitle title={answer.title} color={answer.color} />
                    <span className="ff-note">
                      {rows.length} item{rows.length === 1 ? '' : 's'}
                    </span>
                  </div>
                  {rows.length > 0 && (
                    <div className="tr-items__scroll">
                      <table className="tr-table tr-table--read">
                        <thead>
                          <tr>
                            <th scope="col" className="tr-table__index">
                              #
                            </th>
                            {columns.map((key) => (
                              <th scope="col" key={key}>
                                {fieldTitle(key)}
                              </th>
                            ))}
                          </tr>
                        </thead>
                        <tbody>
                          {rows.map((row, index) => (
                            // biome-ignore lint/suspicious/noArrayIndexKey: items are positional.
                            <tr key={index}>
                              <td className="tr-table__index">{index + 1}</td>
                              {columns.map((key) => (
                                <td
                                  key={key}
                                  data-differs={
                                    answersDiffer(
                                      answers.map(
                                        (other) => other.response.repeatable_fields?.[index]?.[key],
                                      ),
                                    ) || undefined
                                  }
                                >
                                  <FieldValueText value={row[key] === '' ? undefined : row[key]} />
                                </td>
                              ))}
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        )}
      </section>
    </div>
  );
}

/** The transcription task type's editor, viewer and draft logic. */
export const transcriptionUi: TaskTypeUi<TranscriptionParams, TranscriptionResponse, TranscriptionDraft> = {
  name: 'transcription',
  parseParams: (params) => transcriptionParamsSchema.parse(params),
  Editor: TranscriptionEditor,
  Viewer: TranscriptionViewer,
  emptyDraft: transcriptionEmptyDraft,
  draftFromResponse: transcriptionDraftFromResponse,
  toResponse: transcriptionToResponse,
  shortcuts: [
    { keys: 'Tab / Shift+Tab', does: 'Next / previous field or cell' },
    { keys: 'Alt+M', does: 'Mark the field you are in as not present (again: unmark it)' },
    { keys: 'Alt+N', does: 'Add an item and go to its first cell' },
    { keys: 'Alt+Shift+Backspace', does: 'Remove the item you are in' },
  ],
};
