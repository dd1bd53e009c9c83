/**
 * The `pairwisepreference` task type's user interface (RLHF preference data): which of two model responses
 * to a prompt is better, how much, rated on the task's criteria and justified.
 */
import {
  type PairwisepreferenceParams,
  type PairwisepreferenceResponse,
  pairwisepreferenceParamsSchema,
} from '@groundwork/domain';
import type { TaskTypeUi } from '../contract.ts';
import {
  emptyPairwiseDraft,
  type PairwiseDraft,
  pairwiseDraftFromResponse,
  pairwiseToResponse,
} from './draft.ts';
import { PairwiseEditor } from './editor.tsx';
import { PairwiseViewer } from './viewer.tsx';

/** The pairwise-preference UI: editor, viewer and draft conversions (see `draft.ts` for positions). */
export const pairwisepreferenceUi: TaskTypeUi<
  PairwisepreferenceParams,
  PairwisepreferenceResponse,
  PairwiseDraft
> = {
  name: 'pairwisepreference',
  parseParams: (params) => pairwisepreferenceParamsSchema.parse(params),
  Editor: PairwiseEditor,
  Viewer: PairwiseViewer,
  emptyDraft: () => emptyPairwiseDraft(),
  draftFromResponse: (_params, response) => pairwiseDraftFromResponse(response),
  toResponse: pairwiseToResponse,
  shortcuts: [
    { keys: 'A / B', does: 'Prefer Response A / Response B' },
    { keys: 'T', does: 'Call it a tie (when the task allows one)' },
    { keys: '1–9', does: 'How much better: 1 slightly … the top overwhelmingly (type 1 0 for 10)' },
    { keys: 'Tab, then ← / →', does: 'Reach a criterion’s rating scale and change the rating' },
    { keys: 'Esc (in the justification)', does: 'Leave the field so the keys above work again' },
  ],
};
