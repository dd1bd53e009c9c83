/**
 * The categorization editor: the attachment beside a keyboard-first category chooser (`1`–`9` choose at the
 * current level, toggling when several may be chosen; a group opens its sub-choices; Backspace goes back up).
 */

import type { CategorizationParams } from '@groundwork/domain';
import { AttachmentView } from '../../components/attachment-view/attachment-view.tsx';
import { LabelChoices } from '../../components/label-choices.tsx';
import type { TaskEditorProps } from '../contract.ts';
import { type CategorizationDraft, categoryOptions } from './draft.ts';
import './categorization.css';

/** Edits a {@link CategorizationDraft}: shows the attachment and lets the labeler choose categories. */
export function CategorizationEditor({
  params,
  draft,
  onChange,
  resolveUrl,
  active,
}: TaskEditorProps<CategorizationParams, CategorizationDraft>) {
  return (
    <div className="cat-layout">
      <AttachmentView
        type={params.attachment_type}
        content={params.attachment}
        resolveUrl={resolveUrl}
        title="Attachment"
      />
      <div className="cat-side">
        <LabelChoices
          name={params.allow_multiple ? 'Categories' : 'Category'}
          options={categoryOptions(params)}
          selected={draft.categories}
          multiple={params.allow_multiple}
          onChange={(categories) => onChange({ categories })}
          keyboard={active}
        />
      </div>
    </div>
  );
}
