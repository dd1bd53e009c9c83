/**
 * The comparison editor: the attachments side by side, named A, B, … by position, and below them the task's
 * question (`1`–`9` choose an answer) and free-text fields.
 */
import type { ComparisonParams } from '@groundwork/domain';
import { useId } from 'react';
import { AttachmentView } from '../../components/attachment-view/attachment-view.tsx';
import { LabelChoices } from '../../components/label-choices.tsx';
import type { TaskEditorProps } from '../contract.ts';
import { positionLetter, shownOrder } from '../display-order.ts';
import { type ComparisonDraft, fieldKeys, fieldText } from './draft.ts';
import './comparison.css';

/** Edits a {@link ComparisonDraft}: shows the attachments and asks the task's choices and fields. */
export function ComparisonEditor({
  params,
  draft,
  onChange,
  resolveUrl,
  displayOrder,
  active,
}: TaskEditorProps<ComparisonParams, ComparisonDraft>) {
  const baseId = useId();
  const keys = fieldKeys(params);
  return (
    <div className="cmp-editor">
      <ComparisonAttachments params={params} resolveUrl={resolveUrl} displayOrder={displayOrder} />
      <div className="cmp-questions" data-both={Boolean(params.choices && params.fields)}>
        {params.choices && (
          <div className="cmp-panel">
            <LabelChoices
              name="Answer"
              options={params.choices}
              selected={draft.choice === null ? [] : [draft.choice]}
              multiple={false}
              onChange={(chosen) => onChange({ ...draft, choice: chosen[0] ?? null })}
              keyboard={active}
            />
          </div>
        )}
        {keys.length > 0 && (
          <div className="cmp-panel cmp-fields">
            {keys.map((key, index) => {
              const id = `${baseId}-field-${index}`;
              const description = params.fields?.[key]?.trim();
              return (
                <div key={key} className="cmp-field">
                  <label htmlFor={id}>{description || key}</label>
                  <textarea
                    id={id}
                    value={fieldText(draft, key)}
                    rows={3}
                    onChange={(event) =>
                      onChange({ ...draft, fields: { ...draft.fields, [key]: event.target.value } })
                    }
                    onKeyDown={(event) => {
                      if (event.key === 'Escape' && active) {
                        event.preventDefault();
                        event.currentTarget.blur();
                      }
                    }}
                  />
                </div>
              );
            })}
            {params.choices && (
              <p className="cmp-hint">
                <kbd>Esc</kbd> leaves a field, so <kbd>1</kbd>–<kbd>9</kbd> choose answers again.
              </p>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

/** The attachments side by side, each named by its position's letter. */
export function ComparisonAttachments({
  params,
  resolveUrl,
  displayOrder,
}: Pick<TaskEditorProps<ComparisonParams, unknown>, 'params' | 'resolveUrl' | 'displayOrder'>) {
  const shown = shownOrder(params.attachments.length, displayOrder);
  return (
    <div className="cmp-attachments" data-count={Math.min(shown.length, 4)}>
      {shown.map((index, position) => (
        <AttachmentView
          key={index}
          type={params.attachment_type}
          content={params.attachments[index] as string}
          resolveUrl={resolveUrl}
          title={positionLetter(position)}
          compact
        />
      ))}
    </div>
  );
}
