/**
 * Runs one benchmark: `npm run bench -- <name> [flags]` loads `bench/<name>/index.ts` and calls its
 * `main` with the remaining flags. Every benchmark prints human-readable lines first and, as its last
 * line, one JSON object of its figures with a `ratio` to the baseline it measured in the same run.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runAllCleanups } from './lib/cleanup.ts';

/** What every `bench/<name>/index.ts` exports. */
export interface Benchmark {
  main(args: string[]): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(here, entry.name, 'index.ts')))
  .map((entry) => entry.name);

const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  process.stderr.write(`usage: npm run bench -- <name> [--quick]\navailable: ${available.join(', ')}\n`);
  process.exit(2);
}
const benchmark = (await import(pathToFileURL(join(here, name, 'index.ts')).href)) as Benchmark;
try {
  await benchmark.main(args);
} finally {
  await runAllCleanups();
}
