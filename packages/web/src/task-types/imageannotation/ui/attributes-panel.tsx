/**
 * Attributes of the selected annotation (only those whose conditions hold for its label and its other
 * values), and the image's global attributes.
 */
import type { AttributeValue } from '@groundwork/domain';
import { applicableAttributes, globalAttributes } from '../attribute-rules.ts';
import { describeAnnotation, type ImageannotationDraft, KIND_NAMES } from '../draft.ts';
import type { Editor } from '../editor/editor.ts';
import { isKnownLabel } from '../labels.ts';
import { useEditorValue } from '../use-editor.ts';
import { AttributeField, type LinkTarget } from './attribute-field.tsx';
import { Icon } from './icons.tsx';

/** Props of {@link SelectionPanel}. */
export interface SelectionPanelProps {
  /** The editor. */
  editor: Editor;
  /** The draft as last reported (for link targets and names). */
  draft: ImageannotationDraft;
}

/** What is selected and its attributes. */
export function SelectionPanel({ editor, draft }: SelectionPanelProps) {
  const selectedIds = useEditorValue(editor, (state) => state.selectedIds);
  const record = useEditorValue(editor, (state, e) =>
    state.selectedIds.length === 1 ? (e.getRecord(state.selectedIds[0] as string) ?? null) : null,
  );
  const definitions = editor.params.annotation_attributes;
  if (selectedIds.length === 0) {
    return (
      <section className="img-panel" aria-labelledby="img-selection-title">
        <h3 className="img-panel__title" id="img-selection-title">
          Selection
        </h3>
        <p className="img-muted">Nothing selected. Click an annotation, or press Tab.</p>
      </section>
    );
  }
  if (!record) {
    return (
      <section className="img-panel" aria-labelledby="img-selection-title">
        <h3 className="img-panel__title" id="img-selection-title">
          Selection
        </h3>
        <p className="img-muted">
          {selectedIds.length} annotations selected. Number keys relabel them all; select one to see its
          attributes.
        </p>
      </section>
    );
  }
  const index = draft.annotations.findIndex((candidate) => candidate.id === record.id);
  const annotation = record.annotation;
  const name = describeAnnotation(editor.params, annotation, index < 0 ? draft.annotations.length : index);
  const fields = applicableAttributes(definitions, annotation);
  const editable = editor.canEditAttributes(record);
  const linkTargets: LinkTarget[] = draft.annotations.flatMap((other, i) =>
    other.id !== record.id && other.annotation.uuid
      ? [
          {
            uuid: other.annotation.uuid,
            label: other.annotation.label,
            name: describeAnnotation(editor.params, other.annotation, i),
          },
        ]
      : [],
  );
  const unknown = !isKnownLabel(editor.params, annotation.type, annotation.label);
  const notes: string[] = [];
  if (record.baseLocked) notes.push('Locked pre-label: it cannot be changed or deleted.');
  else if (record.locked) notes.push('Locked: unlock it (Shift+L) to change it.');
  else if (record.base) {
    if (!editor.params.can_edit_base_annotations) notes.push('Pre-label: its shape cannot change.');
    if (!editor.params.can_edit_base_annotation_labels) notes.push('Pre-label: its label cannot change.');
    if (!editor.params.can_delete_base_annotations) notes.push('Pre-label: it cannot be deleted.');
  }
  return (
    <section className="img-panel" aria-labelledby="img-selection-title">
      <h3 className="img-panel__title" id="img-selection-title">
        {name}
      </h3>
      {unknown && (
        <p className="img-warning" role="alert">
          <Icon name="warning" /> Unknown label “{annotation.label}” — this task offers no such{' '}
          {KIND_NAMES[annotation.type].toLowerCase()} label. Relabel it with the picker.
        </p>
      )}
      {notes.map((note) => (
        <p key={note} className="img-muted">
          {note}
        </p>
      ))}
      {fields.length === 0 ? (
        <p className="img-muted">No attributes for this label.</p>
      ) : (
        <div className="img-fields">
          {fields.map(([attributeName, definition]) => (
            <AttributeField
              key={attributeName}
              name={attributeName}
              definition={definition}
              value={annotation.attributes?.[attributeName]}
              disabled={!editable}
              boxSize={
                annotation.type === 'box' ? { width: annotation.width, height: annotation.height } : undefined
              }
              linkTargets={linkTargets}
              onChange={(value: AttributeValue | undefined) =>
                editor.setAttribute(record.id, attributeName, value)
              }
            />
          ))}
        </div>
      )}
    </section>
  );
}

/** Props of {@link GlobalAttributesPanel}. */
export interface GlobalAttributesPanelProps {
  /** The editor. */
  editor: Editor;
}

/** The image's own attributes (`global: true`), if the task has any. */
export function GlobalAttributesPanel({ editor }: GlobalAttributesPanelProps) {
  const values = useEditorValue(editor, (state) => state.draft.global_attributes);
  const fields = globalAttributes(editor.params.annotation_attributes);
  if (fields.length === 0) return null;
  return (
    <section className="img-panel" aria-labelledby="img-global-title">
      <h3 className="img-panel__title" id="img-global-title">
        Image attributes
      </h3>
      <div className="img-fields">
        {fields.map(([name, definition]) => (
          <AttributeField
            key={name}
            name={name}
            definition={definition}
            value={values?.[name]}
            disabled={editor.readOnly}
            onChange={(value) => editor.setGlobalAttribute(name, value)}
          />
        ))}
      </div>
    </section>
  );
}
