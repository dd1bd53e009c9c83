import { byId, checkCount } from './figures.ts';

/** One pairwise judgement, with the context its items belong to. */
export interface PreferenceJudgement {
  /** Who judged. */
  worker: string;
  /**
   * What the items are being compared for — the prompt whose responses are compared, or the task. Items
   * of different contexts are never chained into a triad. Absent or `null`: one shared context.
   */
  context?: string | null;
  /** The item shown on the left (first). */
  left: string;
  /** The item shown on the right (second). */
  right: string;
  /** `left` or `right` (the preferred item's id); `null` or `'tie'` for a tie. */
  winner: string | null;
}

/** Options of {@link transitivityViolations}. */
export interface TransitivityOptions {
  /** Share of cyclic triads at or above which a worker is flagged; default 0.1. */
  rateThreshold?: number;
  /** Fewest triads (without ties) a worker must have for a flag; default 5. */
  minTriads?: number;
}

/** One worker's consistency figures. */
export interface TransitivityResult {
  /** The worker. */
  worker: string;
  /** How many judgements of the worker were read (self-comparisons skipped). */
  comparisons: number;
  /** Triads checked: sets of three items of one context whose three pairs the worker all decided. */
  triads: number;
  /** Of those, how many are cyclic (A over B, B over C, C over A). */
  cycles: number;
  /** cycles / triads; `null` when no triad could be checked. */
  rate: number | null;
  /** Triads whose three pairs were all judged but at least one as a tie; they cannot be cyclic. */
  tiedTriads: number;
  /** Whether the worker contradicts themselves too often. */
  flagged: boolean;
  /** Why the worker was flagged, in plain English; `null` when not flagged. */
  reason: string | null;
}

/**
 * Intransitive (circular) preferences per annotator: A preferred to B, B to C, and yet C to A. A careful
 * annotator comparing responses to one prompt rarely contradicts themselves like this; one who answers
 * at random does so in a quarter of the triads (a random tournament on three items is cyclic with
 * probability 1/4), so the share of cyclic triads is a direct measure of self-consistency (Kendall &
 * Babington Smith's coefficient of consistence counts the same circular triads).
 *
 * Per worker and per context, the worker's judgements form a directed preference graph: one edge per
 * pair of items, pointing from the item they preferred. When they judged a pair more than once, the
 * side that won more often gives the edge, and a draw counts as a tie. Every triad of items whose three
 * pairs were all judged is examined; those with a tie are counted in `tiedTriads` and left out of the
 * rate (a tie cannot close a strict cycle, and counting them would let a worker who answers "tie" often
 * look more consistent), the others are cyclic or not. The worker is flagged when they have at least
 * `minTriads` triads, at least one cycle, and a cycle rate ≥ `rateThreshold`.
 *
 * Rankings are transitive by construction (a ranking is an order), so they cannot be checked this way:
 * only pairwise judgements are. Turning rankings into comparisons (`rankingToComparisons`) yields no
 * cycle by design.
 *
 * Cost O(Σ d²) per worker and context for item degrees d — cheap for the handful of responses per
 * prompt that preference tasks compare. Workers come sorted by id; no input gives `[]`.
 *
 * @throws RangeError when a winner is neither of its judgement's items, a tie, nor `null`, or when an
 *   option is out of range.
 */
export function transitivityViolations(
  comparisons: readonly PreferenceJudgement[],
  options: TransitivityOptions = {},
): TransitivityResult[] {
  const rateThreshold = options.rateThreshold ?? 0.1;
  const minTriads = options.minTriads ?? 5;
  if (!(rateThreshold >= 0 && rateThreshold <= 1))
    throw new RangeError(`transitivityViolations rateThreshold must be in [0, 1], got ${rateThreshold}`);
  checkCount('transitivityViolations minTriads', minTriads);

  // worker → context → pair key → net wins of the pair's first item (code-unit order).
  const graphs = new Map<
    string,
    { comparisons: number; contexts: Map<string | null, Map<string, PairTally>> }
  >();
  comparisons.forEach(({ worker, context, left, right, winner }, index) => {
    const tie =
      winner === null || winner === undefined || (winner === 'tie' && left !== 'tie' && right !== 'tie');
    if (!tie && winner !== left && winner !== right)
      throw new RangeError(`judgement ${index}: winner "${winner}" is neither "${left}" nor "${right}"`);
    if (left === right) return;
    let graph = graphs.get(worker);
    if (!graph) {
      graph = { comparisons: 0, contexts: new Map() };
      graphs.set(worker, graph);
    }
    graph.comparisons += 1;
    const contextKey = context ?? null;
    let pairs = graph.contexts.get(contextKey);
    if (!pairs) {
      pairs = new Map();
      graph.contexts.set(contextKey, pairs);
    }
    const [first, second] = left < right ? [left, right] : [right, left];
    const key = JSON.stringify([first, second]);
    let tally = pairs.get(key);
    if (!tally) {
      tally = { first, second, net: 0 };
      pairs.set(key, tally);
    }
    if (!tie) tally.net += winner === first ? 1 : -1;
  });

  return [...graphs.keys()].sort(byId).map((worker): TransitivityResult => {
    const graph = graphs.get(worker) as {
      comparisons: number;
      contexts: Map<string | null, Map<string, PairTally>>;
    };
    let triads = 0;
    let cycles = 0;
    let tiedTriads = 0;
    for (const pairs of graph.contexts.values()) {
      const counts = countTriads(pairs.values());
      triads += counts.triads;
      cycles += counts.cycles;
      tiedTriads += counts.tiedTriads;
    }
    const rate = triads > 0 ? cycles / triads : null;
    const flagged = cycles > 0 && triads >= minTriads && rate !== null && rate >= rateThreshold;
    const reason = flagged
      ? `${cycles} of ${triads} triads of their choices are circular (A over B, B over C, yet C over A); ` +
        'a consistent annotator has almost none, one answering at random about a quarter'
      : null;
    return { worker, comparisons: graph.comparisons, triads, cycles, rate, tiedTriads, flagged, reason };
  });
}

/** Net verdict of one worker on one pair: + when `first` won more often, − when `second` did, 0 a tie. */
interface PairTally {
  first: string;
  second: string;
  net: number;
}

/** Triads of one preference graph: all with three judged pairs, split into strict (cyclic or not) and tied. */
function countTriads(pairs: Iterable<PairTally>): { triads: number; cycles: number; tiedTriads: number } {
  // beats[i].get(j): +1 when item i is preferred to item j, −1 when j is preferred to i, 0 for a tie.
  const index = new Map<string, number>();
  const beats: Map<number, number>[] = [];
  const indexOf = (item: string): number => {
    let i = index.get(item);
    if (i === undefined) {
      i = beats.length;
      index.set(item, i);
      beats.push(new Map());
    }
    return i;
  };
  for (const { first, second, net } of pairs) {
    const a = indexOf(first);
    const b = indexOf(second);
    const sign = Math.sign(net);
    beats[a]?.set(b, sign);
    beats[b]?.set(a, -sign);
  }
  let triads = 0;
  let cycles = 0;
  let tiedTriads = 0;
  beats.forEach((row, i) => {
    const higher = [...row.keys()].filter((j) => j > i);
    for (let x = 0; x < higher.length; x += 1) {
      const j = higher[x] as number;
      const rowJ = beats[j] as Map<number, number>;
      for (let y = x + 1; y < higher.length; y += 1) {
        const k = higher[y] as number;
        const jk = rowJ.get(k);
        if (jk === undefined) continue;
        const ij = row.get(j) as number;
        const ki = -(row.get(k) as number);
        if (ij === 0 || jk === 0 || ki === 0) tiedTriads += 1;
        else {
          triads += 1;
          if (ij === jk && jk === ki) cycles += 1;
        }
      }
    }
  });
  return { triads, cycles, tiedTriads };
}
