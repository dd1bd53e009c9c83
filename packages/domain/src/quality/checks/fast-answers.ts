import { byId, checkCount, formatPercent, median } from './figures.ts';

/** How long one answer took. */
export interface TimedAnswer {
  /** Who answered. */
  worker: string;
  /** The task answered; informative only (the check reads times, not tasks). */
  task?: string;
  /** Time spent on the answer, in milliseconds (from the task being shown to the answer being submitted). */
  timeMs: number;
}

/** Options of {@link fastAnswers}. */
export interface FastAnswersOptions {
  /**
   * An absolute lower bound in ms: an answer faster than this is implausible whatever the others did
   * (the time to read the shortest prompt, say); default 0, i.e. only the relative bound applies.
   */
  floorMs?: number;
  /** The relative bound: an answer faster than this fraction of the median time of all answers; default 0.25. */
  fraction?: number;
  /** Share of fast answers above which a worker is flagged, in [0, 1]; default 0.2. */
  maxShare?: number;
  /** Fewest answers a worker must have for a flag; default 10. */
  minAnswers?: number;
}

/** One worker's speed figures. */
export interface FastAnswersResult {
  /** The worker. */
  worker: string;
  /** How many answers they gave. */
  answers: number;
  /** How many of them were implausibly fast (below `thresholdMs`). */
  fast: number;
  /** fast / answers (answers ≥ 1 for every listed worker). */
  share: number;
  /** The worker's median time, in ms. */
  medianMs: number;
  /** The bound used for everyone: max(floorMs, fraction × median of all answers), in ms. */
  thresholdMs: number;
  /** Whether too many of the worker's answers were too fast to have been read. */
  flagged: boolean;
  /** Why the worker was flagged, in plain English; `null` when not flagged. */
  reason: string | null;
}

/**
 * Implausibly fast answers per annotator — the signature of clicking through without reading (or of a
 * script). An answer is too fast when it took less than max(`floorMs`, `fraction` × the median time of
 * ALL answers given); the median of everyone, not of the worker, so that a worker who is always fast
 * cannot set their own bar. A worker is flagged when more than `maxShare` of their answers are too fast
 * and they gave at least `minAnswers`. A share rather than a count, because anyone can have a few quick
 * answers on easy tasks.
 *
 * Pass the answers of one kind of task at a time: medians of tasks that take seconds and tasks that take
 * minutes do not mix.
 *
 * Degenerate input: no answers gives `[]`. When every time is 0 the median and the relative bound are 0
 * and nothing is "below" it, so nobody is flagged unless `floorMs` is set — zero times usually mean the
 * client did not measure; set `floorMs` if they mean something. Workers come sorted by id.
 *
 * @throws RangeError for a time that is negative or not finite, or an option out of range.
 */
export function fastAnswers(
  answers: readonly TimedAnswer[],
  options: FastAnswersOptions = {},
): FastAnswersResult[] {
  const floorMs = options.floorMs ?? 0;
  const fraction = options.fraction ?? 0.25;
  const maxShare = options.maxShare ?? 0.2;
  const minAnswers = options.minAnswers ?? 10;
  if (!(Number.isFinite(floorMs) && floorMs >= 0))
    throw new RangeError(`fastAnswers floorMs must be a non-negative number, got ${floorMs}`);
  if (!(fraction >= 0 && fraction <= 1))
    throw new RangeError(`fastAnswers fraction must be in [0, 1], got ${fraction}`);
  if (!(maxShare >= 0 && maxShare <= 1))
    throw new RangeError(`fastAnswers maxShare must be in [0, 1], got ${maxShare}`);
  checkCount('fastAnswers minAnswers', minAnswers);

  const times = new Map<string, number[]>();
  const all: number[] = [];
  answers.forEach(({ worker, timeMs }, index) => {
    if (!(Number.isFinite(timeMs) && timeMs >= 0))
      throw new RangeError(`fastAnswers: answer ${index} has an invalid time ${timeMs}`);
    let list = times.get(worker);
    if (!list) {
      list = [];
      times.set(worker, list);
    }
    list.push(timeMs);
    all.push(timeMs);
  });
  const crowdMedian = median(all);
  const relative = fraction * crowdMedian;
  const thresholdMs = Math.max(floorMs, relative);
  const bound =
    floorMs > relative
      ? 'the floor set for this task'
      : `${formatPercent(fraction)} of the median answer time, ${Math.round(crowdMedian)} ms`;

  return [...times.keys()].sort(byId).map((worker): FastAnswersResult => {
    const list = times.get(worker) as number[];
    let fast = 0;
    for (const time of list) if (time < thresholdMs) fast += 1;
    const share = fast / list.length;
    const medianMs = median(list);
    const flagged = list.length >= minAnswers && share > maxShare;
    const reason = flagged
      ? `${fast} of ${list.length} answers (${formatPercent(share)}) took under ${Math.round(thresholdMs)} ms ` +
        `(${bound}); the worker's median is ${Math.round(medianMs)} ms`
      : null;
    return { worker, answers: list.length, fast, share, medianMs, thresholdMs, flagged, reason };
  });
}
