/**
 * The form of `{key: description}` fields that data collection and transcription share: one text box per
 * field, titled by its key, described by its description, with a "Not present" mark for fields the
 * attachment does not show.
 */
import type { FieldDescriptions } from '@groundwork/domain';
import {
  type FieldValuesDraft,
  fieldTitle,
  fieldValue,
  isAbsent,
  setAbsent,
  setValue,
  shownDescription,
} from './field-values.ts';
import './fields-form.css';

/** Props of {@link FieldsForm}. */
export interface FieldsFormProps {
  /** The fields, `{key: description}`. */
  fields: FieldDescriptions;
  /** What has been typed so far. */
  draft: FieldValuesDraft;
  /** Called with the new draft after every edit. */
  onChange: (draft: FieldValuesDraft) => void;
  /** Prefix of element ids, unique on the page (from `useId`). */
  idPrefix: string;
}

/** The DOM id of a field's text box. */
export function fieldInputId(idPrefix: string, key: string): string {
  return `${idPrefix}-field-${key}`;
}

/**
 * The field key the focus is in (the element carrying `data-field-key` around the focused element), so a
 * shortcut can act on "this field".
 */
export function focusedFieldKey(root: HTMLElement | null): string | undefined {
  const focused = document.activeElement;
  if (!root || !focused || !root.contains(focused)) return undefined;
  return focused.closest<HTMLElement>('[data-field-key]')?.dataset.fieldKey;
}

/**
 * One text box per field; every field must be typed or marked not present. A field marked not present
 * stays focusable (Alt+M unmarks it) and typing into it unmarks it.
 */
export function FieldsForm({ fields, draft, onChange, idPrefix }: FieldsFormProps) {
  return (
    <div className="ff-fields">
      {Object.entries(fields).map(([key, description]) => {
        const id = fieldInputId(idPrefix, key);
        const descriptionId = `${id}-description`;
        const absent = isAbsent(draft, key);
        const shown = shownDescription(key, description);
        return (
          <div key={key} className="ff-field" data-field-key={key} data-absent={absent || undefined}>
            <div className="ff-field__head">
              <label htmlFor={id} className="ff-field__title" title={`Field key: ${key}`}>
                {fieldTitle(key)}
              </label>
              <label className="ff-absent">
                {/* Out of the Tab order so Tab goes field to field; Alt+M toggles it from the keyboard. */}
                <input
                  type="checkbox"
                  tabIndex={-1}
                  checked={absent}
                  onChange={(event) => onChange(setAbsent(draft, key, event.currentTarget.checked))}
                />
                Not present
              </label>
            </div>
            {shown && (
              <p className="ff-field__description" id={descriptionId}>
                {shown}
              </p>
            )}
            <textarea
              id={id}
              className="ff-input ff-input--grow"
              rows={1}
              value={absent ? '' : fieldValue(draft, key)}
              placeholder={absent ? 'Not present in the attachment; type to answer after all' : undefined}
              aria-describedby={shown ? descriptionId : undefined}
              onChange={(event) =>
                onChange(setAbsent(setValue(draft, key, event.currentTarget.value), key, false))
              }
            />
          </div>
        );
      })}
    </div>
  );
}
