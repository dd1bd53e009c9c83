import { binomialTest } from './binomial-test.ts';
import { byId, checkCount, checkOpenUnit, formatPercent, formatPValue } from './figures.ts';

/** One pairwise-preference answer, seen from the side the chosen option was shown on. */
export interface SideChoice {
  /** Who answered. */
  worker: string;
  /**
   * `true` when the worker chose the option shown first (left or top), `false` when they chose the
   * other one, `null` for a tie ("both equally good") or no choice.
   */
  shownFirstChosen: boolean | null;
}

/** Options of {@link sideBias}. */
export interface SideBiasOptions {
  /** Significance level of the two-sided binomial test against 1/2; default 0.01. */
  alpha?: number;
  /** Fewest non-tie answers before a worker can be flagged; default 20. */
  minAnswers?: number;
}

/** One worker's side-bias figures. */
export interface SideBiasResult {
  /** The worker. */
  worker: string;
  /** Non-tie answers: the trials of the test. */
  answers: number;
  /** How many of them picked the option shown first. */
  firstChosen: number;
  /** firstChosen / answers; `null` when the worker has no non-tie answer. */
  share: number | null;
  /** Two-sided exact binomial p-value of `firstChosen` out of `answers` against 1/2 (1 with no answers). */
  pValue: number;
  /** Ties and empty choices, left out of the test. */
  ties: number;
  /** Whether the worker picks one side more often than chance explains. */
  flagged: boolean;
  /** Why the worker was flagged, in plain English; `null` when not flagged. */
  reason: string | null;
}

/**
 * Side (position) bias in pairwise preference: whether an annotator picks the option shown first, or the
 * one shown second, more often than chance.
 *
 * The platform shows the two options of a comparison in a random order per assignment, so for an
 * annotator who reads the content the side of the chosen option is a fair coin, whatever the content is:
 * about half their choices land on the first option. One who keeps clicking the same side (to go fast, or
 * from a habit of the interface) drifts from 1/2 in either direction. Per worker, the share of non-tie
 * choices that went to the option shown first is tested against 1/2 with the exact two-sided
 * {@link binomialTest}; the worker is flagged when they gave at least `minAnswers` non-tie answers and
 * p < `alpha`. Ties carry no side and are only counted.
 *
 * Only meaningful when the order really was randomised per assignment; rankings turned into comparisons
 * (better item always first) say nothing about side.
 *
 * Workers come sorted by id; no input gives `[]`. A worker with only ties has `share: null`, p = 1.
 *
 * @throws RangeError when `alpha` is not in (0, 1) or `minAnswers` is not a non-negative integer.
 * @example
 * const first = { worker: 'w', shownFirstChosen: true };
 * const second = { worker: 'w', shownFirstChosen: false };
 * sideBias([...Array(19).fill(first), second]); // 19 of 20 on the first option: p ≈ 4e-5, flagged
 */
export function sideBias(choices: readonly SideChoice[], options: SideBiasOptions = {}): SideBiasResult[] {
  const alpha = options.alpha ?? 0.01;
  const minAnswers = options.minAnswers ?? 20;
  checkOpenUnit('sideBias alpha', alpha);
  checkCount('sideBias minAnswers', minAnswers);

  const tallies = new Map<string, { answers: number; firstChosen: number; ties: number }>();
  for (const { worker, shownFirstChosen } of choices) {
    let tally = tallies.get(worker);
    if (!tally) {
      tally = { answers: 0, firstChosen: 0, ties: 0 };
      tallies.set(worker, tally);
    }
    if (shownFirstChosen === null || shownFirstChosen === undefined) tally.ties += 1;
    else {
      tally.answers += 1;
      if (shownFirstChosen) tally.firstChosen += 1;
    }
  }

  return [...tallies.keys()].sort(byId).map((worker): SideBiasResult => {
    const { answers, firstChosen, ties } = tallies.get(worker) as {
      answers: number;
      firstChosen: number;
      ties: number;
    };
    const share = answers > 0 ? firstChosen / answers : null;
    const pValue = binomialTest(firstChosen, answers, 0.5);
    const flagged = answers >= minAnswers && pValue < alpha;
    const reason =
      flagged && share !== null
        ? `picked the option shown ${share > 0.5 ? 'first' : 'second'} in ` +
          `${share > 0.5 ? firstChosen : answers - firstChosen} of ${answers} answers ` +
          `(${formatPercent(share > 0.5 ? share : 1 - share)}, ${formatPValue(pValue)}); the order is ` +
          'random, so an annotator who reads the options picks each side about half the time'
        : null;
    return { worker, answers, firstChosen, share, pValue, ties, flagged, reason };
  });
}
