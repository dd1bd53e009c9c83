/**
 * The `ranking` task type's user interface: order model responses to a prompt from best to worst, rate
 * them on the task's criteria and justify the order.
 */
import { type RankingParams, type RankingResponse, rankingParamsSchema } from '@groundwork/domain';
import type { TaskTypeUi } from '../contract.ts';
import {
  emptyRankingDraft,
  type RankingDraft,
  rankingDraftFromResponse,
  rankingToResponse,
} from './draft.ts';
import { RankingEditor } from './editor.tsx';
import { RankingViewer } from './viewer.tsx';

/** The ranking UI: editor, viewer and draft conversions (see `draft.ts` for ids and display order). */
export const rankingUi: TaskTypeUi<RankingParams, RankingResponse, RankingDraft> = {
  name: 'ranking',
  parseParams: (params) => rankingParamsSchema.parse(params),
  Editor: RankingEditor,
  Viewer: RankingViewer,
  emptyDraft: () => emptyRankingDraft(),
  draftFromResponse: (_params, response) => rankingDraftFromResponse(response),
  toResponse: rankingToResponse,
  shortcuts: [
    { keys: 'Drag ⠿', does: 'Move a response in the ranking' },
    { keys: '↑ / ↓', does: 'Focus the response above / below in the ranking' },
    { keys: 'Alt+↑ / Alt+↓ or K / J', does: 'Move the focused response up / down' },
    { keys: '1–9', does: 'Send the focused response to that rank (type 1 2 for 12)' },
    { keys: '=', does: 'Tie the focused response with the one above, or untie it (when ties are allowed)' },
    { keys: 'Enter', does: 'Keep the order shown as your ranking (before you have moved anything)' },
    { keys: 'Tab, then ← / → or a digit', does: 'Reach a criterion’s rating scale and rate' },
    { keys: 'Esc (in the justification)', does: 'Leave the field so the keys above work again' },
  ],
};
