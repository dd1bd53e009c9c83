/** Turns a text-collection draft into the answer, or into sentences naming each field to fix. */
import type { TextcollectionParams, TextcollectionResponse } from '@groundwork/domain';
import type { DraftCheck } from '../contract.ts';
import { checkFormDraft, type FormDraft, problemSentence } from './draft.ts';

/** The answer a draft makes, checked by the domain's rules, or one sentence per problem. */
export function textcollectionToResponse(
  params: TextcollectionParams,
  draft: FormDraft,
): DraftCheck<TextcollectionResponse> {
  const check = checkFormDraft(params, draft);
  if (check.ok) return { ok: true, response: check.response };
  return { ok: false, problems: check.problems.map(problemSentence) };
}
