/**
 * The pairwise-preference draft and its conversion to and from the answer. Like the answer, the draft names
 * the task's own responses (`A` = `responses[0]`), whatever order they were shown in; it also remembers
 * that order, so problems can name the responses as the annotator saw them (`Response B`).
 */
import {
  checkResponse,
  type FieldIssue,
  type PairwisepreferenceParams,
  type PairwisepreferenceResponse,
  pairwisepreferenceTaskType,
} from '@groundwork/domain';
import type { DraftCheck } from '../contract.ts';
import { itemName, shownOrder } from '../display-order.ts';

/** A response of the pair by its place in the task: `A` is `responses[0]`, `B` is `responses[1]`. */
export type Slot = 'A' | 'B';

/** The two slots, in task order. */
export const SLOTS: readonly Slot[] = ['A', 'B'];

/** What the editor keeps while the annotator works. */
export interface PairwiseDraft {
  /** The preferred response (task slot), a tie, or null before choosing. */
  choice: Slot | 'tie' | null;
  /** Strength of the preference, 1..likert_scale, or null; kept but not answered when the choice is a tie. */
  strength: number | null;
  /** Ratings per criterion key and slot, as far as given. */
  ratings: Record<string, Partial<Record<Slot, number>>>;
  /** The written justification. */
  justification: string;
  /** The order the responses were shown in when last edited (position → task index), or null. */
  displayOrder: number[] | null;
}

/** The draft of a new assignment: nothing chosen. */
export function emptyPairwiseDraft(): PairwiseDraft {
  return { choice: null, strength: null, ratings: {}, justification: '', displayOrder: null };
}

/** The draft holding an answer. */
export function pairwiseDraftFromResponse(response: PairwisepreferenceResponse): PairwiseDraft {
  const ratings: PairwiseDraft['ratings'] = {};
  for (const [key, pair] of Object.entries(response.criteria_ratings ?? {})) ratings[key] = { ...pair };
  return {
    choice: response.choice,
    strength: response.strength ?? null,
    ratings,
    justification: response.justification ?? '',
    displayOrder: null,
  };
}

/** The slot's index in the task's `responses`. */
export function slotIndex(slot: Slot): number {
  return slot === 'A' ? 0 : 1;
}

/** The slot of the task's response at `index`. */
export function slotOf(index: number): Slot {
  return index === 0 ? 'A' : 'B';
}

function nameOf(draft: PairwiseDraft, slot: Slot): string {
  return itemName(2, draft.displayOrder, slotIndex(slot));
}

function scaleText(min: number, max: number): string {
  return `${min}–${max}`;
}

/** One issue of the domain check, phrased for the annotator. */
function describeIssue(params: PairwisepreferenceParams, draft: PairwiseDraft, issue: FieldIssue): string {
  const criterionMatch = /^criteria_ratings\.(.+?)(?:\.(A|B))?$/.exec(issue.path);
  if (issue.path === 'choice') return 'This task does not allow a tie: choose the better response.';
  if (issue.path === 'strength' && draft.choice !== null && draft.choice !== 'tie') {
    return `Choose how much better ${nameOf(draft, draft.choice)} is (${scaleText(1, params.likert_scale)}).`;
  }
  if (issue.path === 'justification') return 'Write a justification: this task requires one.';
  if (criterionMatch) {
    const key = criterionMatch[1] as string;
    const criterion = params.criteria?.find((entry) => entry.key === key);
    if (criterion) {
      const { min, max } = criterion.scale ?? { min: 1, max: 7 };
      const slot = criterionMatch[2] as Slot | undefined;
      const who = slot ? nameOf(draft, slot) : 'both responses';
      return `Rate ${who} on “${criterion.title}” (${scaleText(min, max)}).`;
    }
  }
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}

/**
 * The answer the draft makes, checked with the domain's rules. A missing choice is reported together with
 * the other problems (the rest of the draft is checked as if the choice were made), so the annotator sees
 * everything left to do at once.
 */
export function pairwiseToResponse(
  params: PairwisepreferenceParams,
  draft: PairwiseDraft,
): DraftCheck<PairwisepreferenceResponse> {
  const problems: string[] = [];
  const response: PairwisepreferenceResponse = { choice: draft.choice ?? 'tie' };
  if (draft.choice === null) {
    problems.push(`Choose the better response${params.allow_tie ? ', or call it a tie' : ''}.`);
  } else if (draft.choice !== 'tie') {
    if (draft.strength !== null) response.strength = draft.strength;
    const id = params.responses[slotIndex(draft.choice)]?.id;
    if (id !== undefined) response.selected_response_id = id;
  }
  const reported = new Set<string>();
  if (params.criteria) {
    const ratings: Record<string, { A: number; B: number }> = {};
    for (const criterion of params.criteria) {
      const given = draft.ratings[criterion.key] ?? {};
      const { A, B } = given;
      if (A !== undefined && B !== undefined) ratings[criterion.key] = { A, B };
      else if (A !== undefined || B !== undefined) {
        const missing = A === undefined ? 'A' : 'B';
        reported.add(`criteria_ratings.${criterion.key}`);
        problems.push(
          `Rate ${nameOf(draft, missing)} on “${criterion.title}” too${criterion.required ? '' : ' (or clear both: it is optional)'}.`,
        );
      }
    }
    response.criteria_ratings = ratings;
  }
  if (draft.justification.trim() !== '') response.justification = draft.justification;

  const checked = checkResponse(pairwisepreferenceTaskType, params, response);
  const issues = checked.ok
    ? []
    : checked.issues.filter(
        (issue) =>
          (draft.choice !== null || !['choice', 'strength', 'selected_response_id'].includes(issue.path)) &&
          ![...reported].some((path) => issue.path === path || issue.path.startsWith(`${path}.`)),
      );
  problems.push(...issues.map((issue) => describeIssue(params, draft, issue)));
  if (problems.length > 0 || !checked.ok) {
    return { ok: false, problems: problems.length > 0 ? problems : ['The answer is incomplete.'] };
  }
  return { ok: true, response: checked.response };
}

/** The slot of the response shown at `position` (0 = Response A) under `displayOrder`. */
export function slotAtPosition(displayOrder: readonly number[] | null, position: number): Slot {
  return slotOf(shownOrder(2, displayOrder)[position] ?? position);
}

/** The draft after choosing the response shown at `position`, or a tie. */
export function choosePosition(
  draft: PairwiseDraft,
  displayOrder: readonly number[] | null,
  position: number | 'tie',
): PairwiseDraft {
  const choice = position === 'tie' ? 'tie' : slotAtPosition(displayOrder, position);
  return { ...draft, choice, displayOrder: shownOrder(2, displayOrder) };
}

/** The draft after rating the response shown at `position` on criterion `key`. */
export function ratePosition(
  draft: PairwiseDraft,
  displayOrder: readonly number[] | null,
  key: string,
  position: number,
  value: number,
): PairwiseDraft {
  const slot = slotAtPosition(displayOrder, position);
  return {
    ...draft,
    ratings: { ...draft.ratings, [key]: { ...draft.ratings[key], [slot]: value } },
    displayOrder: shownOrder(2, displayOrder),
  };
}
