/**
 * Quality benchmark: how well and how fast the categorical consensus methods of `@groundwork/domain`
 * recover the truth from a seeded synthetic crowd (experts, good and mediocre annotators, spammers, and
 * annotators who systematically confuse two classes), at 10,000 and 1,000,000 labels, against majority
 * vote in the same run and a plain reference transcription of Dawid-Skene (`reference-dawid-skene.ts`).
 *
 * All in this process, on one core (the methods are synchronous). Prints a table of accuracy and time per
 * method and size, and as its last line one JSON object: `ratio` = Dawid-Skene's accuracy ÷ majority
 * vote's at the largest size; the goals (Dawid-Skene on 1,000,000 labels in under 3 s, with accuracy at
 * least the reference's) are printed and included.
 */
import { parseArgs } from 'node:util';
import {
  accuracyAgainst,
  dawidSkene,
  glad,
  mace,
  majorityVote,
  oneCoinDawidSkene,
  wawa,
} from '@groundwork/domain';
import { generateCrowd } from './crowd.ts';
import { referenceDawidSkene } from './reference-dawid-skene.ts';

const GOAL_DS_SECONDS = 3;
const MAX_ITERATIONS = 100;
/** Labels per task: few enough that methods differ (with 10, every method is above 97%). */
const LABELS_PER_TASK = 5;

type Method = (answers: ReturnType<typeof generateCrowd>['answers']) => Record<string, string>;

/** The methods, majority vote first (the baseline). */
const METHODS: Array<{ name: string; run: Method; heavy?: boolean }> = [
  { name: 'majority vote', run: (answers) => majorityVote(answers).labels },
  { name: 'wawa', run: (answers) => wawa(answers).labels },
  {
    name: 'dawid-skene',
    run: (answers) => dawidSkene(answers, { maxIterations: MAX_ITERATIONS }).labels,
  },
  {
    name: 'one-coin dawid-skene',
    run: (answers) => oneCoinDawidSkene(answers, { maxIterations: MAX_ITERATIONS }).labels,
  },
  {
    name: 'glad',
    run: (answers) => glad(answers, { maxIterations: MAX_ITERATIONS }).labels,
    heavy: true,
  },
  {
    name: 'mace',
    run: (answers) => mace(answers, { maxIterations: MAX_ITERATIONS }).labels,
    heavy: true,
  },
];

interface Row {
  size: number;
  method: string;
  accuracy: number;
  ms: number;
}

function time<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
}

/** Entry point: `npm run bench -- quality [--quick] [--sizes 10000,1000000] [--seed N] [--heavy-max N]`. */
export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      seed: { type: 'string', default: '20261126' },
      'heavy-max': { type: 'string' },
    },
  });
  const sizes = (values.sizes ?? (values.quick ? '10000,100000' : '10000,1000000'))
    .split(',')
    .map((size) => Number(size));
  // GLAD and MACE are slower per iteration; past this many labels they are skipped unless raised.
  const heavyMax = Number(values['heavy-max'] ?? (values.quick ? 100_000 : 1_000_000));
  const seed = Number(values.seed);
  const rows: Row[] = [];
  let referenceAtLargest = 0;
  for (const size of sizes) {
    const labelsPerTask = LABELS_PER_TASK;
    const crowd = generateCrowd({
      tasks: Math.round(size / labelsPerTask),
      labelsPerTask,
      classes: 5,
      workers: Math.max(20, Math.round(size / 1000)),
      seed,
    });
    console.log(
      `\n${crowd.answers.length.toLocaleString()} labels: ${Object.keys(crowd.truth).length.toLocaleString()} tasks × ${labelsPerTask}, 5 classes`,
    );
    for (const method of METHODS) {
      if (method.heavy && size > heavyMax) {
        console.log(`  ${method.name.padEnd(22)} skipped (over --heavy-max ${heavyMax.toLocaleString()})`);
        continue;
      }
      const { value, ms } = time(() => method.run(crowd.answers));
      const row = { size, method: method.name, accuracy: accuracyAgainst(value, crowd.truth), ms };
      rows.push(row);
      console.log(
        `  ${method.name.padEnd(22)} accuracy ${(row.accuracy * 100).toFixed(2)}%  ${ms.toFixed(0).padStart(7)} ms`,
      );
    }
    // The library's tolerance is per answer (1e-6 by default); the reference's is on the total.
    const reference = time(() =>
      referenceDawidSkene(crowd.answers, crowd.classes, {
        maxIterations: MAX_ITERATIONS,
        tolerance: 1e-6 * crowd.answers.length,
      }),
    );
    const referenceAccuracy = accuracyAgainst(reference.value, crowd.truth);
    rows.push({ size, method: 'reference dawid-skene', accuracy: referenceAccuracy, ms: reference.ms });
    console.log(
      `  ${'reference dawid-skene'.padEnd(22)} accuracy ${(referenceAccuracy * 100).toFixed(2)}%  ${reference.ms.toFixed(0).padStart(7)} ms`,
    );
    if (size === sizes[sizes.length - 1]) referenceAtLargest = referenceAccuracy;
  }
  const largest = sizes[sizes.length - 1] as number;
  const largestTasks = Math.round(largest / LABELS_PER_TASK);
  const at = (method: string) => rows.find((row) => row.size === largest && row.method === method);
  const ds = at('dawid-skene');
  const mv = at('majority vote');
  const dsSeconds = (ds?.ms ?? Number.NaN) / 1000;
  const timeGoal = largest >= 1_000_000 ? dsSeconds < GOAL_DS_SECONDS : null;
  const accuracyGoal = (ds?.accuracy ?? 0) >= referenceAtLargest;
  console.log(
    `\ngoals: dawid-skene on ${largest.toLocaleString()} labels in ${dsSeconds.toFixed(2)} s${timeGoal === null ? ' (time goal is for 1,000,000)' : timeGoal ? ' (< 3 s met)' : ' (< 3 s NOT met)'}; accuracy ${((ds?.accuracy ?? 0) * 100).toFixed(3)}% vs reference ${(referenceAtLargest * 100).toFixed(3)}%: ${Math.round((ds?.accuracy ?? 0) * largestTasks)} vs ${Math.round(referenceAtLargest * largestTasks)} of ${largestTasks.toLocaleString()} tasks right (${accuracyGoal ? 'met' : 'NOT met'})`,
  );
  const figures: Record<string, unknown> = { benchmark: 'quality', seed, sizes };
  for (const row of rows) {
    const key = `${row.method.replaceAll(' ', '_').replaceAll('-', '_')}_${row.size}`;
    figures[`${key}_accuracy`] = Number(row.accuracy.toFixed(6));
    figures[`${key}_ms`] = Math.round(row.ms);
  }
  figures.goal_ds_time_met = timeGoal;
  figures.goal_ds_accuracy_met = accuracyGoal;
  figures.ratio = mv && ds ? Number((ds.accuracy / mv.accuracy).toFixed(4)) : null;
  console.log(JSON.stringify(figures));
}
