/**
 * `datacollection` in the workbench: look at an attachment (usually a website) and fill in the fields the
 * task asks for, marking the ones the attachment does not show as not present.
 */
import {
  type DatacollectionParams,
  type DatacollectionResponse,
  datacollectionParamsSchema,
} from '@groundwork/domain';
import { useId, useRef } from 'react';
import { AttachmentView } from '../../components/attachment-view/attachment-view.tsx';
import { isAltKey, useEditorKeys, useInitialFocus } from '../../components/fields-form/editor-keys.ts';
import { FieldAnswersTable } from '../../components/fields-form/field-answers-table.tsx';
import { isAbsent, setAbsent } from '../../components/fields-form/field-values.ts';
import { FieldsForm, focusedFieldKey } from '../../components/fields-form/fields-form.tsx';
import type { TaskEditorProps, TaskTypeUi, TaskViewerProps } from '../contract.ts';
import {
  type DatacollectionDraft,
  datacollectionDraftFromResponse,
  datacollectionEmptyDraft,
  datacollectionToResponse,
} from './response.ts';

function DatacollectionEditor({
  params,
  draft,
  onChange,
  resolveUrl,
  active,
}: TaskEditorProps<DatacollectionParams, DatacollectionDraft>) {
  const idPrefix = useId().replace(/:/g, '');
  const root = useRef<HTMLDivElement>(null);
  useInitialFocus(root, active);
  useEditorKeys(root, active, (event) => {
    if (!isAltKey(event, 'KeyM')) return;
    const key = focusedFieldKey(root.current);
    if (key === undefined) return;
    event.preventDefault();
    onChange(setAbsent(draft, key, !isAbsent(draft, key)));
  });
  return (
    <div className="ff-split" ref={root}>
      <AttachmentView
        type={params.attachment_type}
        content={params.attachment}
        resolveUrl={resolveUrl}
        title="Attachment"
      />
      <section className="ff-pane ff-pane--form" aria-label="Fields to collect">
        <p className="ff-note">
          Fill in every field. If the attachment does not show one, mark it <em>Not present</em> (
          <kbd>Alt</kbd>+<kbd>M</kbd>).
        </p>
        <FieldsForm fields={params.fields} draft={draft} onChange={onChange} idPrefix={idPrefix} />
      </section>
    </div>
  );
}

function DatacollectionViewer({
  params,
  answers,
  resolveUrl,
}: TaskViewerProps<DatacollectionParams, DatacollectionResponse>) {
  return (
    <div className="ff-split">
      <AttachmentView
        type={params.attachment_type}
        content={params.attachment}
        resolveUrl={resolveUrl}
        title="Attachment"
      />
      <section className="ff-pane ff-pane--form" aria-label="Answers">
        <FieldAnswersTable
          fields={params.fields}
          caption="Collected fields"
          answers={answers.map((answer) => ({ ...answer, values: answer.response.fields }))}
        />
      </section>
    </div>
  );
}

/** The data-collection task type's editor, viewer and draft logic. */
export const datacollectionUi: TaskTypeUi<DatacollectionParams, DatacollectionResponse, DatacollectionDraft> =
  {
    name: 'datacollection',
    parseParams: (params) => datacollectionParamsSchema.parse(params),
    Editor: DatacollectionEditor,
    Viewer: DatacollectionViewer,
    emptyDraft: datacollectionEmptyDraft,
    draftFromResponse: datacollectionDraftFromResponse,
    toResponse: datacollectionToResponse,
    shortcuts: [
      { keys: 'Tab / Shift+Tab', does: 'Next / previous field' },
      { keys: 'Alt+M', does: 'Mark the field you are in as not present (again: unmark it)' },
    ],
  };
