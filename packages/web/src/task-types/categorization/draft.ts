/**
 * A categorization draft and its conversion to and from the answer the server takes. The draft is just the
 * chosen categories; the answer's shape (one string or an array, with `category_id` when the task maps ids)
 * follows from the params, so it is built here once, checked by the domain's own rules, and explained in
 * words a labeler can act on when it cannot be submitted.
 */
import {
  type CategorizationParams,
  type CategorizationResponse,
  categorizationTaskType,
  type FieldIssue,
  type LabelOption,
} from '@groundwork/domain';
import { inTreeOrder } from '../../components/label-choices-state.ts';
import { checkAnswer } from '../check-answer.ts';
import type { DraftCheck } from '../contract.ts';

/** What a labeler has chosen so far. JSON, kept in localStorage by the labeling loop. */
export interface CategorizationDraft {
  /** The chosen categories (stored labels, not display text), in the task's order. */
  categories: string[];
}

/** The task's categories as label options for the chooser. */
export function categoryOptions(params: CategorizationParams): LabelOption[] {
  return params.categories;
}

/** The draft of a new assignment: nothing chosen. */
export function emptyCategorizationDraft(): CategorizationDraft {
  return { categories: [] };
}

/** The draft holding an answer, so a reviewer fixing the merged answer starts from it. */
export function categorizationDraftFromResponse(
  params: CategorizationParams,
  response: CategorizationResponse,
): CategorizationDraft {
  const chosen = Array.isArray(response.category) ? response.category : [response.category];
  return { categories: inTreeOrder(categoryOptions(params), chosen) };
}

function idsByCategory(params: CategorizationParams): Map<string, string> | undefined {
  if (params.category_ids === undefined) return undefined;
  return new Map(Object.entries(params.category_ids).map(([id, category]) => [category, id]));
}

/** A domain issue about the answer as a sentence naming the part of the answer it concerns. */
function describeIssue(issue: FieldIssue): string {
  const [field] = issue.path.split('.');
  const subject =
    field === 'category' ? 'Category' : field === 'category_id' ? 'Category id' : `Answer ${issue.path}`;
  return `${subject}: ${issue.message}.`;
}

/**
 * The answer a draft makes, or what stops it being submitted: nothing chosen, a category the task does not
 * have, several where one is expected, a category without an id in the task's `category_ids`. Whatever passes
 * those is checked by the domain's `checkResponse`, the same rules the server applies.
 */
export function categorizationResponseFromDraft(
  params: CategorizationParams,
  draft: CategorizationDraft,
): DraftCheck<CategorizationResponse> {
  const chosen = inTreeOrder(categoryOptions(params), draft.categories);
  if (chosen.length === 0) {
    return {
      ok: false,
      problems: [params.allow_multiple ? 'Choose at least one category.' : 'Choose a category.'],
    };
  }
  const problems: string[] = [];
  const known = new Set(params.categories);
  for (const category of chosen) {
    if (!known.has(category)) {
      problems.push(`“${category}” is not one of this task's categories; remove it.`);
    }
  }
  if (!params.allow_multiple && chosen.length > 1) {
    problems.push(`Choose only one category; ${chosen.length} are chosen.`);
  }
  const ids = idsByCategory(params);
  if (ids) {
    for (const category of chosen) {
      if (known.has(category) && !ids.has(category)) {
        problems.push(
          `“${category}” has no id in this task's category ids, so it cannot be submitted; tell the task's owner.`,
        );
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const categoryIds = ids ? chosen.map((category) => ids.get(category) as string) : undefined;
  const response: CategorizationResponse = params.allow_multiple
    ? { category: chosen, ...(categoryIds && { category_id: categoryIds }) }
    : { category: chosen[0] as string, ...(categoryIds && { category_id: categoryIds[0] as string }) };
  return checkAnswer(categorizationTaskType, params, response, describeIssue);
}
