/**
 * The `namedentityrecognition` task type's user interface: mark spans of a text with entity labels.
 */
import {
  type NamedentityrecognitionParams,
  type NamedentityrecognitionResponse,
  namedentityrecognitionParamsSchema,
} from '@groundwork/domain';
import type { TaskTypeUi } from '../contract.ts';
import { emptyNerDraft, type NerDraft, nerDraftFromResponse, nerToResponse } from './draft.ts';
import { NerEditor } from './editor.tsx';
import { NerViewer } from './viewer.tsx';

/** The named-entity UI: editor, viewer and draft conversions (see `draft.ts` for offsets). */
export const namedentityrecognitionUi: TaskTypeUi<
  NamedentityrecognitionParams,
  NamedentityrecognitionResponse,
  NerDraft
> = {
  name: 'namedentityrecognition',
  parseParams: (params) => namedentityrecognitionParamsSchema.parse(params),
  Editor: NerEditor,
  Viewer: NerViewer,
  emptyDraft: () => emptyNerDraft(),
  draftFromResponse: (_params, response) => nerDraftFromResponse(response),
  toResponse: nerToResponse,
  shortcuts: [
    { keys: 'Drag / double-click', does: 'Select text to label' },
    { keys: 'Shift+← / Shift+→', does: 'Extend the selection by a character (with Ctrl or Alt: by a word)' },
    { keys: '← / →', does: 'Move the caret (with Ctrl or Alt: by a word)' },
    { keys: 'Home / End', does: 'Caret to the start / end of the text (with Shift: select to it)' },
    { keys: '1–9', does: 'Label the selection, relabel the selected span, or open a label group' },
    { keys: 'Backspace', does: 'Back out of an open label group' },
    {
      keys: 'Click span / [ / ]',
      does: 'Select a span (click again for the span around it) / previous / next',
    },
    { keys: 'Delete', does: 'Delete the selected span' },
    { keys: 'Esc', does: 'Close the label group, deselect the span, or clear the selection' },
    { keys: 'Ctrl+Z / Ctrl+Shift+Z', does: 'Undo / redo' },
  ],
};
