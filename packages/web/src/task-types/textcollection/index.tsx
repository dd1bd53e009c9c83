/**
 * `textcollection` in the workbench: a form of text, number, yes/no, date, choice and grouped fields, some
 * repeated or shown only on a condition, answered about the task's attachments.
 */
import {
  type TextcollectionParams,
  type TextcollectionResponse,
  textcollectionParamsSchema,
} from '@groundwork/domain';
import type { TaskTypeUi } from '../contract.ts';
import { emptyFormDraft, type FormDraft, formDraftFromAnswers } from './draft.ts';
import { TextcollectionEditor } from './form-editor.tsx';
import { TextcollectionViewer } from './form-viewer.tsx';
import { textcollectionToResponse } from './response.ts';

/** The text-collection task type's editor, viewer and draft logic. */
export const textcollectionUi: TaskTypeUi<TextcollectionParams, TextcollectionResponse, FormDraft> = {
  name: 'textcollection',
  parseParams: (params) => textcollectionParamsSchema.parse(params),
  Editor: TextcollectionEditor,
  Viewer: TextcollectionViewer,
  emptyDraft: (params) => emptyFormDraft(params.fields),
  draftFromResponse: (params, response) => formDraftFromAnswers(params.fields, response.annotations),
  toResponse: textcollectionToResponse,
  shortcuts: [
    { keys: 'Tab / Shift+Tab', does: 'Next / previous field' },
    { keys: '↑ ↓ ← →', does: 'Move between the options of a choice' },
    { keys: 'Space', does: 'Select or unselect the focused option' },
    { keys: '↑ / ↓', does: 'In a number field: one step up / down' },
    { keys: 'Alt+N', does: 'Add an answer to the repeated field you are in (or the first one)' },
    { keys: 'Alt+Shift+Backspace', does: 'Remove the repeated answer you are in' },
  ],
};
