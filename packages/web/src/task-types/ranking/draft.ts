/**
 * The ranking draft and its conversion to and from the answer. The draft ranks the task's responses by id,
 * as the answer does, whatever order they were shown in; it also remembers that order, so problems name the
 * responses as the annotator saw them (`Response C`). A new draft has no ranking: the order shown is the
 * server's random one, and submitting it untouched would record position, not preference.
 */
import {
  checkResponse,
  type FieldIssue,
  type RankingParams,
  type RankingResponse,
  rankingTaskType,
} from '@groundwork/domain';
import type { DraftCheck } from '../contract.ts';
import { itemName, shownOrder } from '../display-order.ts';
import { flatten, type Ranking, rankingOf } from './ranks.ts';

/** What the editor keeps while the annotator works. */
export interface RankingDraft {
  /** Response ids best first, ties grouped; null until the annotator orders them or accepts the order shown. */
  ranking: Ranking | null;
  /** Ratings per criterion key, then per response id, as far as given. */
  ratings: Record<string, Record<string, number>>;
  /** The written justification. */
  justification: string;
  /** The order the responses were shown in when last edited (position → task index), or null. */
  displayOrder: number[] | null;
}

/** The draft of a new assignment: nothing ranked or rated. */
export function emptyRankingDraft(): RankingDraft {
  return { ranking: null, ratings: {}, justification: '', displayOrder: null };
}

/** The draft holding an answer. */
export function rankingDraftFromResponse(response: RankingResponse): RankingDraft {
  const ratings: RankingDraft['ratings'] = {};
  for (const [key, byId] of Object.entries(response.criteria_ratings ?? {})) ratings[key] = { ...byId };
  return {
    ranking: response.ranking.map((entry) => (typeof entry === 'string' ? [entry] : [...entry])),
    ratings,
    justification: response.justification ?? '',
    displayOrder: null,
  };
}

/** The response ids in the order they are shown (`displayOrder`, else the task's order). */
export function shownIds(params: RankingParams, displayOrder: readonly number[] | null): string[] {
  return shownOrder(params.responses.length, displayOrder).map(
    (index) => params.responses[index]?.id as string,
  );
}

/** The ranking the editor shows: the draft's, or, before the annotator ranks, the order shown. */
export function currentRanking(
  params: RankingParams,
  draft: RankingDraft,
  displayOrder: readonly number[] | null,
): Ranking {
  return draft.ranking ?? rankingOf(shownIds(params, displayOrder));
}

/** How the annotator sees the response with `id` (`Response C`). */
export function nameOfId(params: RankingParams, displayOrder: readonly number[] | null, id: string): string {
  const index = params.responses.findIndex((candidate) => candidate.id === id);
  return index < 0 ? `“${id}”` : itemName(params.responses.length, displayOrder, index);
}

/** `Response A, Response B and Response D`, in the order shown. */
function listNames(names: readonly string[]): string {
  const sorted = [...names].sort((a, b) => a.length - b.length || a.localeCompare(b));
  if (sorted.length <= 1) return sorted.join('');
  return `${sorted.slice(0, -1).join(', ')} and ${sorted.at(-1)}`;
}

/** The issues of the domain check, phrased for the annotator (ratings grouped per criterion). */
function describeIssues(params: RankingParams, draft: RankingDraft, issues: readonly FieldIssue[]): string[] {
  const name = (id: string) => nameOfId(params, draft.displayOrder, id);
  const problems: string[] = [];
  const unrated = new Map<string, string[]>();
  for (const issue of issues) {
    const rating = /^criteria_ratings\.([^.]+)(?:\.(.+))?$/.exec(issue.path);
    const tie = /^ranking\.(\d+)$/.exec(issue.path);
    if (issue.path === 'ranking' && draft.ranking) {
      const ranked = new Set(flatten(draft.ranking));
      const missing = params.responses
        .filter((candidate) => !ranked.has(candidate.id))
        .map((candidate) => name(candidate.id));
      problems.push(
        `Rank every response; ${listNames(missing)} ${missing.length === 1 ? 'is' : 'are'} missing.`,
      );
    } else if (tie && issue.message.startsWith('ties are not allowed')) {
      const group = draft.ranking?.[Number(tie[1])] ?? [];
      problems.push(
        `${listNames(group.map(name))} share rank ${Number(tie[1]) + 1}, but this task does not allow ties.`,
      );
    } else if (issue.path.startsWith('ranking.')) {
      problems.push('The ranking names a response this task does not have: reorder the responses.');
    } else if (issue.path === 'justification') {
      problems.push('Write a justification: this task requires one.');
    } else if (rating && params.criteria?.some((criterion) => criterion.key === rating[1])) {
      const key = rating[1] as string;
      const list = unrated.get(key) ?? [];
      list.push(rating[2] === undefined ? 'every response' : name(rating[2]));
      unrated.set(key, list);
    } else {
      problems.push(issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`);
    }
  }
  for (const criterion of params.criteria ?? []) {
    const who = unrated.get(criterion.key);
    if (!who) continue;
    const { min, max } = criterion.scale ?? { min: 1, max: 7 };
    problems.push(`Rate ${listNames(who)} on “${criterion.title}” (${min}–${max}).`);
  }
  return problems;
}

/**
 * The answer the draft makes, checked with the domain's rules. A draft not yet ranked is reported together
 * with its other problems (the rest is checked as if it were ranked), so the annotator sees all at once.
 */
export function rankingToResponse(params: RankingParams, draft: RankingDraft): DraftCheck<RankingResponse> {
  const problems: string[] = [];
  const ranking = draft.ranking ?? rankingOf(params.responses.map((candidate) => candidate.id));
  if (draft.ranking === null) {
    problems.push(
      'Rank the responses, best first: drag them, or focus one and press Alt+↑/↓ (or confirm the order shown).',
    );
  }
  const response: RankingResponse = {
    ranking: ranking.map((group) => (group.length === 1 ? (group[0] as string) : [...group])),
  };
  if (params.criteria) {
    const ratings: Record<string, Record<string, number>> = {};
    for (const criterion of params.criteria) {
      const given = draft.ratings[criterion.key];
      if (given && Object.keys(given).length > 0) ratings[criterion.key] = { ...given };
    }
    response.criteria_ratings = ratings;
  }
  if (draft.justification.trim() !== '') response.justification = draft.justification;
  const checked = checkResponse(rankingTaskType, params, response);
  if (!checked.ok) problems.push(...describeIssues(params, draft, checked.issues));
  if (problems.length > 0 || !checked.ok) {
    return { ok: false, problems: problems.length > 0 ? problems : ['The answer is incomplete.'] };
  }
  return { ok: true, response: checked.response };
}
