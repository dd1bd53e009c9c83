import { canonicalJson } from '../../shared/consensus.ts';

/** One worker's label for one task; `null` when the worker gave none. */
export interface PairwiseAnswer<L> {
  /** Who answered (any string id). */
  worker: string;
  /** Which task the label is for (any string id). */
  task: string;
  /** The label; `null` (or `undefined`) answers are ignored. */
  label: L | null;
}

/** How often two workers agree on the tasks both of them labelled. */
export interface PairAgreement {
  /** The two workers, in ascending code-unit order of their ids. */
  workers: [string, string];
  /** How many tasks both labelled. */
  common: number;
  /** On how many of those their labels were equal. */
  agreed: number;
  /** agreed / common, in [0, 1]. */
  agreement: number;
}

/** Options of {@link pairwiseAgreement}. */
export interface PairwiseAgreementOptions<L> {
  /**
   * When two labels count as the same. Default: `===`, and for two objects or arrays equal canonical JSON
   * (key order does not matter).
   */
  equals?: (a: L, b: L) => boolean;
}

/**
 * Raw percentage agreement per pair of workers, for per-pair tables and heat maps: for every two workers
 * who labelled at least one task in common, how many tasks they share and on how many they gave equal
 * labels. Unlike kappa it is not corrected for chance; it is the number a reviewer reads first.
 *
 * A worker's first labelled answer to a task is the one compared; repeats are ignored. Only pairs with a
 * common task are listed (a pair without one has no agreement to report), sorted by the first worker id,
 * then the second. Runs in O(answers + Σ_task k_t²) for k_t workers on task t.
 */
export function pairwiseAgreement<L>(
  answers: readonly PairwiseAnswer<L>[],
  options: PairwiseAgreementOptions<L> = {},
): PairAgreement[] {
  const equals = options.equals ?? defaultEquals;
  const workerIds = [...new Set(answers.map((answer) => answer.worker))].sort(compareIds);
  const workerIndex = new Map(workerIds.map((id, index) => [id, index]));
  const byTask = new Map<string, { worker: number; label: L }[]>();
  for (const answer of answers) {
    if (answer.label === null || answer.label === undefined) continue;
    const worker = workerIndex.get(answer.worker) as number;
    let list = byTask.get(answer.task);
    if (!list) {
      list = [];
      byTask.set(answer.task, list);
    }
    if (!list.some((entry) => entry.worker === worker)) list.push({ worker, label: answer.label });
  }

  const workerCount = workerIds.length;
  const tallies = new Map<number, { common: number; agreed: number }>();
  for (const list of byTask.values()) {
    for (let i = 0; i < list.length; i += 1) {
      for (let j = i + 1; j < list.length; j += 1) {
        const x = list[i] as { worker: number; label: L };
        const y = list[j] as { worker: number; label: L };
        const key = Math.min(x.worker, y.worker) * workerCount + Math.max(x.worker, y.worker);
        let tally = tallies.get(key);
        if (!tally) {
          tally = { common: 0, agreed: 0 };
          tallies.set(key, tally);
        }
        tally.common += 1;
        if (equals(x.label, y.label)) tally.agreed += 1;
      }
    }
  }
  return [...tallies.entries()]
    .sort(([a], [b]) => a - b)
    .map(([key, { common, agreed }]) => ({
      workers: [workerIds[Math.floor(key / workerCount)] as string, workerIds[key % workerCount] as string],
      common,
      agreed,
      agreement: agreed / common,
    }));
}

function defaultEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return (
    typeof a === 'object' &&
    typeof b === 'object' &&
    a !== null &&
    b !== null &&
    canonicalJson(a) === canonicalJson(b)
  );
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
