/**
 * The matching engine shared by box, polygon and point fusion: shapes of several annotators grouped into
 * objects, at most one shape per annotator per object, by optimal assignment against growing clusters.
 */

import { optimalAssignment } from '../agreement/assignment.ts';

/** Options every fusion takes. */
export interface FusionOptions {
  /**
   * Keep an object when at least this many annotators drew it (default: a strict majority of the
   * annotators, `⌊n/2⌋ + 1`; 1 for a single annotator). Above the number of annotators nothing is kept.
   */
  minVotes?: number;
  /** Weight per worker in the averages (default 1; a worker not listed weighs 1). Must be finite, ≥ 0. */
  weights?: Readonly<Record<string, number>>;
}

/** One annotator's shapes. */
export interface ShapesAnswer<S> {
  /** Who drew them. */
  worker: string;
  /** What they drew. */
  shapes: readonly S[];
}

/** A shape placed in a cluster, with its weight (worker weight × confidence). */
export interface Member<S> {
  worker: string;
  shape: S;
  weight: number;
}

/** How a fusion compares and summarizes its kind of shape. */
export interface ClusterRules<S> {
  /** A total order on shapes (label first), to process each annotator's shapes in a canonical order. */
  compare: (a: S, b: S) => number;
  /**
   * How well `shape` fits a cluster, in (0, 1], or -1 when it does not; `representative` is what
   * `represent` made of the members (the first member's shape when there is no `represent`).
   */
  fit: (representative: S, shape: S, members: readonly Member<S>[]) => number;
  /** The shape that stands for the members, to match the next annotator against (optional). */
  represent?: (members: readonly Member<S>[]) => S;
  /** The shape's confidence (1 when it has none). */
  confidence: (shape: S) => number;
}

/** Clusters found by {@link growClusters}, with the number of annotators and the vote threshold. */
export interface Clusters<S> {
  clusters: Member<S>[][];
  annotators: number;
  minVotes: number;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function requireWeight(value: number, what: string): number {
  if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`${what} must be a finite number ≥ 0`);
  return value;
}

/**
 * Groups the answers' shapes into objects. Annotators are taken in code-unit order of their ids (answers of
 * the same worker merged into one), each one's shapes in the order of `rules.compare`, so the result does not
 * depend on the order of the input. Each annotator's shapes of a label are matched to the existing clusters
 * of that label by optimal assignment (Hungarian) on how well they fit each cluster as it stands (`rules.fit`);
 * the assignment maximizes the summed fit of the pairs that fit (so an exact match is never broken up to
 * make two borderline ones).
 * A shape that fits no cluster starts one. A cluster never holds two shapes of one annotator.
 */
export function growClusters<S extends { label: string }>(
  answers: readonly ShapesAnswer<S>[],
  options: FusionOptions,
  rules: ClusterRules<S>,
): Clusters<S> {
  const byWorker = new Map<string, S[]>();
  for (const { worker, shapes } of answers) {
    const list = byWorker.get(worker) ?? [];
    list.push(...shapes);
    byWorker.set(worker, list);
  }
  const workers = [...byWorker.keys()].sort(byCodeUnit);
  const annotators = workers.length;
  const minVotes = options.minVotes ?? Math.floor(annotators / 2) + 1;
  if (!(Number.isInteger(minVotes) && minVotes >= 1)) throw new RangeError('minVotes must be an integer ≥ 1');

  const clusters: Member<S>[][] = [];
  const representatives: S[] = [];
  for (const worker of workers) {
    const workerWeight = requireWeight(options.weights?.[worker] ?? 1, `the weight of worker "${worker}"`);
    const shapes = [...(byWorker.get(worker) as S[])].sort(rules.compare);
    const labels = [...new Set(shapes.map((shape) => shape.label))];
    const touched = new Set<number>();
    for (const label of labels) {
      const rows = shapes.filter((shape) => shape.label === label);
      const columns: number[] = [];
      clusters.forEach((_, c) => {
        if ((representatives[c] as S).label === label) columns.push(c);
      });
      // A pair that does not fit costs what leaving both unmatched would (fit 0), so the assignment maximizes
      // the summed fit of the fitting pairs; non-fitting pairs it happens to use are dropped below.
      const fits = rows.map((shape) =>
        columns.map((c) => rules.fit(representatives[c] as S, shape, clusters[c] as Member<S>[])),
      );
      const { rowToColumn } = optimalAssignment(fits.map((row) => row.map((fit) => -Math.max(0, fit))));
      rows.forEach((shape, r) => {
        const weight = workerWeight * requireWeight(rules.confidence(shape), 'a confidence');
        const member = { worker, shape, weight };
        const column = rowToColumn[r] as number;
        if (column >= 0 && ((fits[r] as number[])[column] as number) >= 0) {
          const c = columns[column] as number;
          (clusters[c] as Member<S>[]).push(member);
          touched.add(c);
        } else {
          clusters.push([member]);
          representatives.push(shape);
        }
      });
    }
    if (rules.represent) {
      for (const c of touched) representatives[c] = rules.represent(clusters[c] as Member<S>[]);
    }
  }
  return { clusters, annotators, minVotes };
}

/**
 * Weighted mean of `value` over the members, computed as offsets from the first member's value so that
 * equal values average to exactly themselves. When every weight is 0 the members count equally.
 */
export function weightedMean<S>(members: readonly Member<S>[], value: (shape: S) => number): number {
  const first = value((members[0] as Member<S>).shape);
  let total = 0;
  for (const member of members) total += member.weight;
  let offset = 0;
  for (const member of members) {
    const weight = total > 0 ? member.weight / total : 1 / members.length;
    offset += weight * (value(member.shape) - first);
  }
  return first + offset;
}

/** Mean of `similarity` over all pairs of members' shapes; `single` when there is one member. */
export function meanPairwise<S>(
  members: readonly Member<S>[],
  similarity: (a: S, b: S) => number,
  single: number,
): number {
  if (members.length < 2) return single;
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < members.length; i += 1) {
    for (let j = i + 1; j < members.length; j += 1) {
      sum += similarity((members[i] as Member<S>).shape, (members[j] as Member<S>).shape);
      pairs += 1;
    }
  }
  return sum / pairs;
}

/** What every fused shape reports about its cluster. */
export interface FusionSupport {
  /** The label shared by the cluster. */
  label: string;
  /**
   * The members' summed confidence (1 each when not given) over the number of annotators, as in Weighted
   * Boxes Fusion: 1 when every annotator drew it with full confidence.
   */
  confidence: number;
  /** How many annotators drew the object. */
  votes: number;
  /** Those annotators' ids, in code-unit order. */
  support: string[];
}

/** The {@link FusionSupport} of a cluster. */
export function supportOf<S>(
  members: readonly Member<S>[],
  annotators: number,
  label: string,
  confidence: (shape: S) => number,
): FusionSupport {
  let confidenceSum = 0;
  for (const member of members) confidenceSum += confidence(member.shape);
  return {
    label,
    confidence: confidenceSum / annotators,
    votes: members.length,
    support: members.map((member) => member.worker),
  };
}

/** Whether every number given is finite (shapes with NaN or infinite coordinates are left out of fusion). */
export function allFinite(...values: readonly number[]): boolean {
  return values.every(Number.isFinite);
}
