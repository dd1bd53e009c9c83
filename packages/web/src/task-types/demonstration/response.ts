/** Demonstration drafts: the written reply and its rationale, turned into the answer the server checks. */
import {
  type DemonstrationParams,
  type DemonstrationResponse,
  demonstrationTaskType,
} from '@groundwork/domain';
import { labelMessage } from '../../components/fields-form/field-values.ts';
import { checkAnswer } from '../check-answer.ts';
import type { DraftCheck } from '../contract.ts';

/** A demonstration draft. JSON, kept in the assignment's draft. */
export interface DemonstrationDraft {
  /** The reply being written (markdown). */
  completion: string;
  /** Why the reply is written this way; left out of the answer while blank. */
  rationale: string;
}

/** Nothing written yet. */
export function demonstrationEmptyDraft(): DemonstrationDraft {
  return { completion: '', rationale: '' };
}

/** The draft holding an answer. */
export function demonstrationDraftFromResponse(
  _params: DemonstrationParams,
  response: DemonstrationResponse,
): DemonstrationDraft {
  return { completion: response.completion, rationale: response.rationale ?? '' };
}

const LABELS: Record<string, string> = { completion: 'Reply', rationale: 'Rationale' };

/** The answer a draft makes, checked by the domain's rules, or one sentence per problem naming the box. */
export function demonstrationToResponse(
  params: DemonstrationParams,
  draft: DemonstrationDraft,
): DraftCheck<DemonstrationResponse> {
  const completion = typeof draft.completion === 'string' ? draft.completion : '';
  const rationale = typeof draft.rationale === 'string' ? draft.rationale : '';
  const response: DemonstrationResponse = { completion };
  if (rationale.trim() !== '') response.rationale = rationale;
  return checkAnswer(demonstrationTaskType, params, response, (issue) =>
    labelMessage(LABELS[issue.path] ?? 'The answer', issue.message),
  );
}
