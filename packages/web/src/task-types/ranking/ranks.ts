/**
 * Rankings as the ranking editor edits them: groups of response ids, best group first, where a group of
 * several ids is a tie. Every operation returns a new ranking holding the same ids, with no empty group, so
 * the editor cannot lose or duplicate a response whatever the annotator does.
 */

/** Response ids best first; each inner list shares one rank. */
export type Ranking = string[][];

/** Every response alone in its rank, in the given order (the order they were shown in). */
export function rankingOf(ids: readonly string[]): Ranking {
  return ids.map((id) => [id]);
}

/** The ids in ranking order, ties flattened in place. */
export function flatten(ranking: Ranking): string[] {
  return ranking.flat();
}

/** The index of the group holding `id`, or -1. */
export function groupIndexOf(ranking: Ranking, id: string): number {
  return ranking.findIndex((group) => group.includes(id));
}

/** The 1-based rank of `id` (tied ids share one), or 0 when it is not ranked. */
export function rankOf(ranking: Ranking, id: string): number {
  return groupIndexOf(ranking, id) + 1;
}

function without(ranking: Ranking, id: string): Ranking {
  return ranking.map((group) => group.filter((other) => other !== id)).filter((group) => group.length > 0);
}

/**
 * Moves `id` one step up (-1) or down (+1). A tied id first leaves its tie, taking its own rank just above
 * or below it; an id alone swaps places with the neighbouring rank. Nothing changes at either end.
 */
export function moveStep(ranking: Ranking, id: string, direction: -1 | 1): Ranking {
  const index = groupIndexOf(ranking, id);
  const group = ranking[index];
  if (!group) return ranking;
  if (group.length > 1) {
    const rest = without(ranking, id);
    const at = direction < 0 ? index : index + 1;
    return [...rest.slice(0, at), [id], ...rest.slice(at)];
  }
  const target = index + direction;
  if (target < 0 || target >= ranking.length) return ranking;
  const next = [...ranking];
  [next[index], next[target]] = [next[target] as string[], group];
  return next;
}

/** Moves `id` to rank `rank` (1-based, clamped), alone there; the other ranks keep their order. */
export function moveToRank(ranking: Ranking, id: string, rank: number): Ranking {
  if (groupIndexOf(ranking, id) < 0) return ranking;
  const rest = without(ranking, id);
  const at = Math.max(0, Math.min(rest.length, rank - 1));
  return [...rest.slice(0, at), [id], ...rest.slice(at)];
}

/**
 * Moves `id` so that it ends at `index` of the flattened ranking (as a sortable list drops it). Dropped
 * between two ids that share a rank, it joins their tie; elsewhere it takes a rank of its own.
 */
export function moveToPosition(ranking: Ranking, id: string, index: number): Ranking {
  if (groupIndexOf(ranking, id) < 0) return ranking;
  const rest = without(ranking, id);
  const flat = flatten(rest);
  const at = Math.max(0, Math.min(flat.length, index));
  const before = flat[at - 1];
  const after = flat[at];
  const beforeGroup = before === undefined ? -1 : groupIndexOf(rest, before);
  const afterGroup = after === undefined ? -1 : groupIndexOf(rest, after);
  if (beforeGroup >= 0 && beforeGroup === afterGroup) {
    return rest.map((group, groupIndex) => {
      if (groupIndex !== beforeGroup) return group;
      const split = group.indexOf(before as string) + 1;
      return [...group.slice(0, split), id, ...group.slice(split)];
    });
  }
  const groupAt = beforeGroup + 1;
  return [...rest.slice(0, groupAt), [id], ...rest.slice(groupAt)];
}

/**
 * Ties `id` with the rank above it, or, when it already shares a rank, unties it (it takes its own rank
 * just below the tie). The best-ranked id alone has nothing to tie with.
 */
export function toggleTie(ranking: Ranking, id: string): Ranking {
  const index = groupIndexOf(ranking, id);
  const group = ranking[index];
  if (!group) return ranking;
  if (group.length > 1) return moveStep(ranking, id, 1);
  if (index === 0) return ranking;
  return ranking
    .map((other, otherIndex) => (otherIndex === index - 1 ? [...other, id] : other))
    .filter((_, otherIndex) => otherIndex !== index);
}

/** Whether `ranking` holds exactly `ids`, each once, in non-empty groups. */
export function isRankingOf(ranking: Ranking, ids: readonly string[]): boolean {
  const flat = flatten(ranking);
  return (
    ranking.every((group) => group.length > 0) &&
    flat.length === ids.length &&
    new Set(flat).size === flat.length &&
    flat.every((id) => ids.includes(id))
  );
}
