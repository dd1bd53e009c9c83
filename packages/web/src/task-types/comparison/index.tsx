/**
 * The `comparison` task type in the workbench: compare two or more attachments, answering with one of the
 * task's choices and/or free-text fields.
 */
import { type ComparisonParams, type ComparisonResponse, comparisonParamsSchema } from '@groundwork/domain';
import type { TaskTypeUi } from '../contract.ts';
import {
  type ComparisonDraft,
  comparisonDraftFromResponse,
  comparisonResponseFromDraft,
  emptyComparisonDraft,
} from './draft.ts';
import { ComparisonEditor } from './editor.tsx';
import { ComparisonViewer } from './viewer.tsx';

/** The comparison UI the workbench registers. */
export const comparisonUi: TaskTypeUi<ComparisonParams, ComparisonResponse, ComparisonDraft> = {
  name: 'comparison',
  parseParams: (params) => comparisonParamsSchema.parse(params),
  Editor: ComparisonEditor,
  Viewer: ComparisonViewer,
  emptyDraft: emptyComparisonDraft,
  draftFromResponse: comparisonDraftFromResponse,
  toResponse: comparisonResponseFromDraft,
  shortcuts: [
    { keys: '1–9', does: 'Choose the answer at that position' },
    { keys: 'Tab', does: 'Move to the next field' },
    { keys: 'Esc (in a field)', does: 'Leave the field so 1–9 choose answers again' },
  ],
};
