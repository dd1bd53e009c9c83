/**
 * Building blocks of the per-type consensus and score functions: votes, medoids, medians and similarities,
 * optionally weighted by each answer's weight (see {@link answerWeights}). All are deterministic; every tie
 * goes to the earliest answer (or the earliest value seen).
 */

/** Absolute slack when comparing sums of weights, so that floating-point rounding cannot break a tie. */
const WEIGHT_SLACK = 1e-9;

/**
 * The weights a consensus counts its answers with: one per answer, scaled so that the largest is 1, or
 * `undefined` when every answer simply counts once. That is the case when `weights` is absent, when all
 * weights are equal (so equal weights give exactly the unweighted result), and when they are unusable: a
 * negative or non-finite weight, or all zero. A weight of 0 makes an answer's vote count for nothing; it
 * still counts in the agreement, which describes the answers, not the annotators.
 *
 * @throws RangeError when `weights` is given but does not have one entry per answer.
 */
export function answerWeights(weights: readonly number[] | undefined, count: number): number[] | undefined {
  if (weights === undefined) return undefined;
  if (weights.length !== count) {
    throw new RangeError(`expected ${count} weights (one per answer), got ${weights.length}`);
  }
  let largest = 0;
  for (const weight of weights) {
    if (!(Number.isFinite(weight) && weight >= 0)) return undefined;
    largest = Math.max(largest, weight);
  }
  if (largest === 0 || weights.every((weight) => weight === weights[0])) return undefined;
  return weights.map((weight) => weight / largest);
}

/** The weight of answer `index`: 1 when there are no weights. */
export function weightOf(weights: readonly number[] | undefined, index: number): number {
  return weights?.[index] ?? 1;
}

/** Sum of the weights of the given answer indexes (their number when there are no weights). */
export function weightOfAll(weights: readonly number[] | undefined, indexes: Iterable<number>): number {
  let sum = 0;
  for (const index of indexes) sum += weightOf(weights, index);
  return sum;
}

/** `weights` restricted to the answers at `indexes` (undefined stays undefined). */
export function pickWeights(
  weights: readonly number[] | undefined,
  indexes: readonly number[],
): number[] | undefined {
  return weights === undefined ? undefined : indexes.map((index) => weightOf(weights, index));
}

/** Weights that count as absent: none given, or all zero (a vote among answers that all count for nothing). */
function countsEqually(weights: readonly number[] | undefined): boolean {
  return weights === undefined || weights.every((weight) => weight === 0);
}

/** Throws when there is nothing to agree on; every consensus function starts with it. */
export function requireAnswers<R>(answers: readonly R[]): asserts answers is readonly [R, ...R[]] {
  if (answers.length === 0) throw new Error('consensus needs at least one answer');
}

/** The most frequent key and how often it occurs; on a tie the key seen first wins. */
export interface Plurality {
  /** Index of the first item carrying the winning key (the first with a positive weight, when weighted). */
  index: number;
  /** How many items carry it (a plain count, even when the vote was weighted). */
  count: number;
}

/**
 * Plurality vote over `keys` (one key per item); ties go to the key that occurs first. `keys` must be
 * non-empty. With `weights` (one per item), each item votes with its weight, and the winner's `index` is its
 * first item with a positive weight; weights that are all zero count as absent.
 */
export function plurality(keys: readonly string[], weights?: readonly number[]): Plurality {
  const counted = countsEqually(weights) ? undefined : weights;
  const tally = new Map<string, { index: number; count: number; weight: number }>();
  keys.forEach((key, index) => {
    const weight = weightOf(counted, index);
    const entry = tally.get(key);
    if (!entry) {
      tally.set(key, { index, count: 1, weight });
      return;
    }
    if (entry.weight === 0 && weight > 0) entry.index = index;
    entry.count += 1;
    entry.weight += weight;
  });
  let best = { index: 0, count: 0, weight: Number.NEGATIVE_INFINITY };
  for (const entry of tally.values()) if (entry.weight > best.weight + WEIGHT_SLACK) best = entry;
  return { index: best.index, count: best.count };
}

/** Whether `count` of `total` is strictly more than half. */
export function isMajority(count: number, total: number): boolean {
  return count * 2 > total;
}

/**
 * Whether a summed weight `support` is strictly more than half of `total`, with a little slack so that an
 * exact half computed with rounding errors is not a majority. For whole counts it is {@link isMajority}.
 */
export function isWeightedMajority(support: number, total: number): boolean {
  return support * 2 > total + WEIGHT_SLACK;
}

/**
 * Index of the medoid: the item with the highest summed similarity to the others (earliest on a tie).
 * `items` must be non-empty.
 *
 * With `weights` (one per item) it is the weighted medoid, the item closest to the weighted crowd: the one
 * maximizing Σⱼ wⱼ·similarity(i, j) over all items j, itself included with similarity 1, among the items of
 * positive weight (an item that counts for nothing is never chosen). Counting itself is what lets one
 * reliable annotator outweigh several unreliable ones (without it, a lone heavy answer would score only the
 * light weights of the others). With equal weights this is the unweighted medoid; weights that are all zero
 * count as absent.
 */
export function medoidIndex<T>(
  items: readonly T[],
  similarity: (a: T, b: T) => number,
  weights?: readonly number[],
): number {
  const counted = countsEqually(weights) ? undefined : weights;
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  items.forEach((item, index) => {
    if (counted !== undefined && weightOf(counted, index) === 0) return;
    let score = counted === undefined ? 0 : weightOf(counted, index);
    items.forEach((other, otherIndex) => {
      if (otherIndex === index) return;
      score +=
        counted === undefined
          ? similarity(item, other)
          : weightOf(counted, otherIndex) * similarity(item, other);
    });
    if (score > bestScore + 1e-12) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

/** Mean of `similarity` over all unordered pairs; 1 for a single item (nothing disagrees). */
export function meanPairwiseSimilarity<T>(items: readonly T[], similarity: (a: T, b: T) => number): number {
  if (items.length < 2) return 1;
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < items.length; i += 1) {
    for (let j = i + 1; j < items.length; j += 1) {
      sum += similarity(items[i] as T, items[j] as T);
      pairs += 1;
    }
  }
  return clampUnit(sum / pairs);
}

/** Clamps to [0, 1], absorbing floating-point drift. */
export function clampUnit(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/**
 * The lower median: the middle value, or the smaller of the two middle values for an even count. It is
 * always one of `values`, so integer ratings stay integers and in range. `values` must be non-empty.
 *
 * With `weights` (one per value) it is the weighted lower median: the smallest value such that the values
 * up to it carry at least half of the total weight. With equal weights this is the lower median; weights
 * that are all zero count as absent.
 */
export function lowerMedian(values: readonly number[], weights?: readonly number[]): number {
  if (countsEqually(weights)) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)] as number;
  }
  const order = values.map((value, index) => ({ value, weight: weightOf(weights, index) }));
  order.sort((a, b) => a.value - b.value);
  const half = weightOfAll(weights, values.keys()) / 2;
  let cumulative = 0;
  for (const { value, weight } of order) {
    cumulative += weight;
    if (cumulative >= half - WEIGHT_SLACK) return value;
  }
  return (order[order.length - 1] as { value: number }).value;
}

/**
 * Similarity of two numbers in [0, 1]: 1 when equal, falling linearly with their difference to 0 at a
 * difference of `range` (the width of the allowed interval, when known) or, without a usable range, at a
 * difference as large as the larger magnitude (10 vs 20 scores 0.5, 100 vs 101 scores 0.99). Non-finite
 * numbers are similar only when equal.
 */
export function numberSimilarity(a: number, b: number, range?: number): number {
  if (a === b) return 1;
  if (!(Number.isFinite(a) && Number.isFinite(b))) return 0;
  const scale =
    range !== undefined && Number.isFinite(range) && range > 0 ? range : Math.max(Math.abs(a), Math.abs(b));
  return clampUnit(1 - Math.abs(a - b) / scale);
}

/** Lower-cased, Unicode-normalised word tokens of a text. */
export function textTokens(text: string): Set<string> {
  return new Set(
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  );
}

/**
 * Similarity of two free texts in [0, 1]: Jaccard index of their word tokens. Texts without any word
 * (blank, punctuation only) are similar only when equal after trimming.
 */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const left = textTokens(a);
  const right = textTokens(b);
  if (left.size === 0 && right.size === 0) return a.trim() === b.trim() ? 1 : 0;
  return setJaccard(left, right);
}

/** Jaccard index |a ∩ b| / |a ∪ b|; 1 when both are empty. */
export function setJaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  for (const item of a) if (b.has(item)) common += 1;
  return common / (a.size + b.size - common);
}

/** F1 score (Dice coefficient) 2|a ∩ b| / (|a| + |b|); 1 when both are empty. */
export function setF1<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  for (const item of a) if (b.has(item)) common += 1;
  return (2 * common) / (a.size + b.size);
}

/** JSON with object keys sorted and `undefined` members dropped: equal values give equal strings. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, entry]) => entry !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Similarity of two JSON values in [0, 1]: 1 when equal; texts by {@link textSimilarity}; arrays by the
 * Jaccard index of their elements; objects by the mean similarity over the union of their keys (a key
 * missing on one side scores 0); anything else 0.
 */
export function jsonSimilarity(a: unknown, b: unknown): number {
  if (canonicalJson(a) === canonicalJson(b)) return 1;
  if (typeof a === 'string' && typeof b === 'string') return textSimilarity(a, b);
  if (Array.isArray(a) && Array.isArray(b)) {
    return setJaccard(new Set(a.map(canonicalJson)), new Set(b.map(canonicalJson)));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    let sum = 0;
    for (const key of keys) {
      sum += Object.hasOwn(a, key) && Object.hasOwn(b, key) ? jsonSimilarity(a[key], b[key]) : 0;
    }
    return keys.size === 0 ? 1 : sum / keys.size;
  }
  return 0;
}

/**
 * Consensus of free-text field answers (`{key: text}`): for each key of `keys`, the medoid of the answers'
 * texts (so a value given by most labelers wins, and otherwise the most central one), weighted by `weights`
 * (one per answer) when given. Every answer must have every key.
 */
export function fieldAnswersConsensus(
  keys: readonly string[],
  answers: readonly Readonly<Record<string, string>>[],
  weights?: readonly number[],
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const key of keys) {
    const values = answers.map((answer) => answer[key] ?? '');
    result[key] = values[medoidIndex(values, textSimilarity, weights)] ?? '';
  }
  return result;
}

/** Mean {@link textSimilarity} of two field answers over `keys`; 1 when there are no keys. */
export function fieldAnswersSimilarity(
  keys: readonly string[],
  a: Readonly<Record<string, string>>,
  b: Readonly<Record<string, string>>,
): number {
  if (keys.length === 0) return 1;
  let sum = 0;
  for (const key of keys) sum += textSimilarity(a[key] ?? '', b[key] ?? '');
  return sum / keys.length;
}
