/**
 * The `categorization` task type in the workbench: choose one or several categories for an attachment.
 */
import {
  type CategorizationParams,
  type CategorizationResponse,
  categorizationParamsSchema,
} from '@groundwork/domain';
import type { TaskTypeUi } from '../contract.ts';
import {
  type CategorizationDraft,
  categorizationDraftFromResponse,
  categorizationResponseFromDraft,
  emptyCategorizationDraft,
} from './draft.ts';
import { CategorizationEditor } from './editor.tsx';
import { CategorizationViewer } from './viewer.tsx';

/** The categorization UI the workbench registers. */
export const categorizationUi: TaskTypeUi<CategorizationParams, CategorizationResponse, CategorizationDraft> =
  {
    name: 'categorization',
    parseParams: (params) => categorizationParamsSchema.parse(params),
    Editor: CategorizationEditor,
    Viewer: CategorizationViewer,
    emptyDraft: () => emptyCategorizationDraft(),
    draftFromResponse: categorizationDraftFromResponse,
    toResponse: categorizationResponseFromDraft,
    shortcuts: [
      { keys: '1–9', does: 'Choose the category at that position (toggle it when several may be chosen)' },
      { keys: '1–9 on a group', does: 'Open the group to choose among its sub-categories' },
      { keys: 'Backspace', does: 'Go back up one level of groups' },
      { keys: '/', does: 'Filter the categories by name (lists of 10 or more)' },
      { keys: '↑ ↓ then Enter (in the filter)', does: 'Choose a filtered category' },
      { keys: 'Esc (in the filter)', does: 'Clear the filter; again to leave it' },
    ],
  };
