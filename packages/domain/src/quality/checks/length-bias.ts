import { binomialTest } from './binomial-test.ts';
import { byId, checkCount, checkOpenUnit, formatPercent, formatPValue } from './figures.ts';

/** One pairwise-preference answer between two responses, by their lengths. */
export interface LengthChoice {
  /** Who answered. */
  worker: string;
  /** Length of the response the worker preferred (characters, tokens — any one unit, used throughout). */
  chosenLength: number;
  /** Length of the response they did not prefer. */
  otherLength: number;
  /** `true` when the answer was a tie ("both equally good"); ties are counted and left out of the test. */
  tie?: boolean;
}

/** Options of {@link lengthBias}. */
export interface LengthBiasOptions {
  /** Significance level of the two-sided binomial test against the crowd's rate; default 0.01. */
  alpha?: number;
  /** Fewest non-tie answers between responses of different lengths before a flag; default 20. */
  minAnswers?: number;
  /** How far above the crowd's rate the worker's rate must be to be flagged, in [0, 1]; default 0.15. */
  minEffect?: number;
}

/** One worker's length-bias figures. */
export interface LengthBiasResult {
  /** The worker. */
  worker: string;
  /** Non-tie answers between responses of different lengths: the trials of the test. */
  answers: number;
  /** How many of them preferred the longer response. */
  longerChosen: number;
  /** longerChosen / answers; `null` without answers. */
  share: number | null;
  /** The other workers' answers pooled: how many there are. */
  crowdAnswers: number;
  /** The other workers' pooled share of longer-response choices; `null` when they have no answers. */
  crowdShare: number | null;
  /**
   * Two-sided exact binomial p-value of `longerChosen` out of `answers` against `crowdShare`; `null` when
   * there is no crowd to compare with (1 when the worker has no answers).
   */
  pValue: number | null;
  /** Ties, left out. */
  ties: number;
  /** Answers between two responses of the same length, left out (they say nothing about length). */
  equalLength: number;
  /** Whether the worker prefers longer responses clearly more than the other workers do. */
  flagged: boolean;
  /** Why the worker was flagged, in plain English; `null` when not flagged. */
  reason: string | null;
}

/**
 * Length (verbosity) bias in pairwise preference of generated responses: whether an annotator prefers the
 * longer response more often than the other annotators of the same data do.
 *
 * Design. Unlike side, length is not randomised and is not independent of quality: longer answers are
 * often more complete, so an honest crowd may prefer the longer response 60–70% of the time. Testing
 * against 1/2 would flag careful annotators on such data. The reference is therefore the crowd: for each
 * worker, the pooled share of longer-response choices among all *other* workers' answers (leaving the
 * worker out, so that a biased worker does not drag the reference toward themselves, which matters in
 * small crowds). The worker's count is tested against that rate with the exact two-sided
 * {@link binomialTest}, and the worker is flagged when all three hold:
 * - at least `minAnswers` (default 20) usable answers;
 * - p < `alpha` (default 0.01; two-sided, so as strict as a one-sided test at alpha / 2);
 * - a share at least `minEffect` (default 0.15) above the crowd's — the crowd's rate is itself an
 *   estimate, and a tiny difference that is "significant" over thousands of answers is not worth a flag.
 * Only a rate *above* the crowd's is flagged: preferring shorter responses is not what this check is for.
 *
 * Pass the choices of one kind of data at a time (one project, one task type): pooling data where
 * length means different things would make the crowd's rate meaningless. Ties and answers between
 * responses of equal length are counted and left out.
 *
 * Workers come sorted by id; no input gives `[]`; a single worker has no crowd (`crowdShare: null`) and
 * is never flagged.
 *
 * @throws RangeError for a length that is negative or not finite, `alpha` outside (0, 1), `minEffect`
 *   outside [0, 1] or `minAnswers` that is not a non-negative integer.
 */
export function lengthBias(
  choices: readonly LengthChoice[],
  options: LengthBiasOptions = {},
): LengthBiasResult[] {
  const alpha = options.alpha ?? 0.01;
  const minAnswers = options.minAnswers ?? 20;
  const minEffect = options.minEffect ?? 0.15;
  checkOpenUnit('lengthBias alpha', alpha);
  checkCount('lengthBias minAnswers', minAnswers);
  if (!(minEffect >= 0 && minEffect <= 1))
    throw new RangeError(`lengthBias minEffect must be in [0, 1], got ${minEffect}`);

  const tallies = new Map<string, LengthBiasTally>();
  let totalAnswers = 0;
  let totalLonger = 0;
  choices.forEach(({ worker, chosenLength, otherLength, tie }, index) => {
    for (const length of [chosenLength, otherLength]) {
      if (!(Number.isFinite(length) && length >= 0))
        throw new RangeError(`lengthBias: choice ${index} has an invalid length ${length}`);
    }
    let tally = tallies.get(worker);
    if (!tally) {
      tally = { answers: 0, longerChosen: 0, ties: 0, equalLength: 0 };
      tallies.set(worker, tally);
    }
    if (tie === true) tally.ties += 1;
    else if (chosenLength === otherLength) tally.equalLength += 1;
    else {
      tally.answers += 1;
      totalAnswers += 1;
      if (chosenLength > otherLength) {
        tally.longerChosen += 1;
        totalLonger += 1;
      }
    }
  });

  return [...tallies.keys()].sort(byId).map((worker): LengthBiasResult => {
    const { answers, longerChosen, ties, equalLength } = tallies.get(worker) as LengthBiasTally;
    const share = answers > 0 ? longerChosen / answers : null;
    const crowdAnswers = totalAnswers - answers;
    const crowdShare = crowdAnswers > 0 ? (totalLonger - longerChosen) / crowdAnswers : null;
    const pValue = crowdShare === null ? null : binomialTest(longerChosen, answers, crowdShare);
    const flagged =
      answers >= minAnswers &&
      share !== null &&
      crowdShare !== null &&
      pValue !== null &&
      pValue < alpha &&
      share - crowdShare >= minEffect;
    const reason = flagged
      ? `preferred the longer response in ${longerChosen} of ${answers} answers ` +
        `(${formatPercent(share as number)}) where the other annotators did in ` +
        `${formatPercent(crowdShare as number)} of theirs (${formatPValue(pValue as number)})`
      : null;
    return {
      worker,
      answers,
      longerChosen,
      share,
      crowdAnswers,
      crowdShare,
      pValue,
      ties,
      equalLength,
      flagged,
      reason,
    };
  });
}

/** Running counts of one worker. */
interface LengthBiasTally {
  answers: number;
  longerChosen: number;
  ties: number;
  equalLength: number;
}
