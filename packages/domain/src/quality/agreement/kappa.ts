/** A rater's label in {@link cohenKappa}: a category name or a number. */
export type KappaLabel = string | number;

/** Options of {@link cohenKappa}. */
export interface CohenKappaOptions {
  /**
   * Weighting of disagreements for ordered categories: none (default: every disagreement counts 1),
   * `linear` (|i − j|) or `quadratic` ((i − j)²), where i and j are the categories' positions.
   */
  weights?: 'linear' | 'quadratic';
  /**
   * The categories in order, for `weights`. A category's position is its index here. Without it the
   * labels must be numbers and serve as their own positions.
   */
  categories?: readonly KappaLabel[];
}

/**
 * Cohen's kappa (Cohen 1960) between two raters, and Cohen's weighted kappa (Cohen 1968) with `weights`:
 * κ = 1 − Σ w_ij p_ij / Σ w_ij p_i. p_.j, where p_ij is the share of items rated i by `a` and j by `b`
 * and w_ij the disagreement weight. Unweighted, this is (p_o − p_e)/(1 − p_e).
 *
 * Items where either rater gave `null` are dropped pairwise. κ is symmetric in the two raters.
 *
 * Degenerate data: when the chance disagreement Σ w_ij p_i. p_.j is 0 — no item is rated by both, or
 * both raters used one and the same category throughout — κ is 0/0; it is defined here as **1** (no
 * disagreement observed), the convention of `krippendorffAlpha`.
 *
 * @param a The first rater's label for each item.
 * @param b The second rater's label for the same items, in the same order.
 * @throws RangeError when `a` and `b` differ in length, a number is not finite, or `weights` is given
 *   with labels that are neither numbers nor listed in `categories`.
 * @example
 * cohenKappa(['y', 'y', 'n', 'n'], ['y', 'n', 'n', 'n']); // 0.5
 */
export function cohenKappa(
  a: readonly (KappaLabel | null)[],
  b: readonly (KappaLabel | null)[],
  options: CohenKappaOptions = {},
): number {
  if (a.length !== b.length) throw new RangeError('cohenKappa needs two ratings of the same items');
  const index = new Map<KappaLabel, number>();
  const pairsA: number[] = [];
  const pairsB: number[] = [];
  const code = (label: KappaLabel): number => {
    if (typeof label === 'number' && !Number.isFinite(label))
      throw new RangeError(`cohenKappa: ${label} is not a finite number`);
    let i = index.get(label);
    if (i === undefined) {
      i = index.size;
      index.set(label, i);
    }
    return i;
  };
  for (let item = 0; item < a.length; item += 1) {
    const x = a[item];
    const y = b[item];
    if (x === null || x === undefined || y === null || y === undefined) continue;
    pairsA.push(code(x));
    pairsB.push(code(y));
  }
  const k = index.size;
  const n = pairsA.length;
  if (n === 0) return 1;

  const joint = new Float64Array(k * k);
  const marginalA = new Float64Array(k);
  const marginalB = new Float64Array(k);
  for (let i = 0; i < n; i += 1) {
    const x = pairsA[i] as number;
    const y = pairsB[i] as number;
    joint[x * k + y] = (joint[x * k + y] as number) + 1;
    marginalA[x] = (marginalA[x] as number) + 1;
    marginalB[y] = (marginalB[y] as number) + 1;
  }
  const weight = disagreementWeights([...index.keys()], options);
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i += 1) {
    for (let j = 0; j < k; j += 1) {
      if (i === j) continue;
      const w = weight(i, j);
      observed += w * (joint[i * k + j] as number);
      expected += (w * ((marginalA[i] as number) * (marginalB[j] as number))) / n;
    }
  }
  return expected > 0 ? 1 - observed / expected : 1;
}

/** w(i, j) over the label indices of `labels` (i ≠ j). */
function disagreementWeights(
  labels: readonly KappaLabel[],
  options: CohenKappaOptions,
): (i: number, j: number) => number {
  if (options.weights === undefined) return () => 1;
  const positions = labels.map((label) => {
    if (options.categories) {
      const position = options.categories.indexOf(label);
      if (position < 0)
        throw new RangeError(`cohenKappa: ${JSON.stringify(label)} is not among the categories`);
      return position;
    }
    if (typeof label !== 'number')
      throw new RangeError('cohenKappa: weighted kappa needs numeric labels or `categories`');
    return label;
  });
  const power = options.weights === 'linear' ? 1 : 2;
  return (i, j) => Math.abs((positions[i] as number) - (positions[j] as number)) ** power;
}

/**
 * Fleiss' kappa (Fleiss 1971): agreement among many raters who each put subjects into categories, from
 * the table of how many raters put each subject into each category. κ = (P̄ − P̄_e)/(1 − P̄_e), with
 * P_i = Σ_j n_ij(n_ij − 1) / (n_i(n_i − 1)) the agreeing share of rater pairs on subject i, P̄ their mean,
 * p_j = Σ_i n_ij / Σ_i n_i and P̄_e = Σ_j p_j².
 *
 * Fleiss assumes the same number of raters n for every subject; the formulas above reduce to his when it
 * is, and let the number vary from subject to subject otherwise (subjects rated fewer than twice are left
 * out, as they hold no pair).
 *
 * Degenerate data: when P̄_e = 1 (every rating falls in one category) or no subject has two ratings, κ is
 * 0/0; it is defined here as **1** (no disagreement observed), the convention of `krippendorffAlpha`.
 *
 * @param counts `counts[subject][category]`: how many raters chose that category; rows of equal length,
 *   entries non-negative and finite.
 * @throws RangeError for rows of different lengths or a negative or non-finite count.
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number {
  const categories = counts[0]?.length ?? 0;
  const totals = new Float64Array(categories);
  let agreement = 0;
  let subjects = 0;
  let ratings = 0;
  for (const row of counts) {
    if (row.length !== categories) throw new RangeError('fleissKappa needs rows of the same length');
    let raters = 0;
    let pairs = 0;
    for (const count of row) {
      if (!(Number.isFinite(count) && count >= 0))
        throw new RangeError(`fleissKappa: invalid count ${count}`);
      raters += count;
      pairs += count * (count - 1);
    }
    if (raters < 2) continue;
    agreement += pairs / (raters * (raters - 1));
    subjects += 1;
    ratings += raters;
    row.forEach((count, j) => {
      totals[j] = (totals[j] as number) + count;
    });
  }
  if (subjects === 0) return 1;
  const observed = agreement / subjects;
  let chance = 0;
  for (const total of totals) chance += (total / ratings) ** 2;
  return chance < 1 ? (observed - chance) / (1 - chance) : 1;
}
