/**
 * Building blocks of the per-type consensus functions: votes, medoids, medians and similarities. All are
 * deterministic; every tie goes to the earliest answer (or the earliest value seen).
 */

/** Throws when there is nothing to agree on; every consensus function starts with it. */
export function requireAnswers<R>(answers: readonly R[]): asserts answers is readonly [R, ...R[]] {
  if (answers.length === 0) throw new Error('consensus needs at least one answer');
}

/** The most frequent key and how often it occurs; on a tie the key seen first wins. */
export interface Plurality {
  /** Index of the first item carrying the winning key. */
  index: number;
  /** How many items carry it. */
  count: number;
}

/** Plurality vote over `keys` (one key per item); ties go to the key that occurs first. `keys` must be non-empty. */
export function plurality(keys: readonly string[]): Plurality {
  const tally = new Map<string, Plurality>();
  keys.forEach((key, index) => {
    const entry = tally.get(key);
    if (entry) entry.count += 1;
    else tally.set(key, { index, count: 1 });
  });
  let best: Plurality = { index: 0, count: 0 };
  for (const entry of tally.values()) if (entry.count > best.count) best = entry;
  return best;
}

/** Whether `count` of `total` is strictly more than half. */
export function isMajority(count: number, total: number): boolean {
  return count * 2 > total;
}

/**
 * Index of the medoid: the item with the highest summed similarity to the others (earliest on a tie).
 * `items` must be non-empty.
 */
export function medoidIndex<T>(items: readonly T[], similarity: (a: T, b: T) => number): number {
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  items.forEach((item, index) => {
    let score = 0;
    items.forEach((other, otherIndex) => {
      if (otherIndex !== index) score += similarity(item, other);
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
 */
export function lowerMedian(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
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
 * texts (so a value given by most labelers wins, and otherwise the most central one). Every answer must
 * have every key.
 */
export function fieldAnswersConsensus(
  keys: readonly string[],
  answers: readonly Readonly<Record<string, string>>[],
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const key of keys) {
    const values = answers.map((answer) => answer[key] ?? '');
    result[key] = values[medoidIndex(values, textSimilarity)] ?? '';
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
