/**
 * The V8 heap settings `groundwork worker` runs with. A worker streams whole projects (exports, imports,
 * webhook batches) and is measured by `npm run bench -- export`: with Node's defaults V8 sizes the young
 * generation by the machine's memory (a 64 MB semi-space here), so loading the server alone leaves a
 * process of ~300 MB, mostly empty young-generation pages; these flags keep the worker small at the same
 * speed (bench/README.md has the figures).
 *
 * This module is loaded before anything else of the CLI (see `bin.ts`), so it imports nothing.
 */

/** The flags a worker runs with unless `GROUNDWORK_WORKER_NODE_FLAGS` says otherwise. */
export const WORKER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8', '--heap-growing-percent=50'];

/** The flags a worker should run with: `GROUNDWORK_WORKER_NODE_FLAGS` (space-separated; empty for none) or the defaults. */
export function workerNodeFlags(env: Readonly<Record<string, string | undefined>>): string[] {
  const configured = env.GROUNDWORK_WORKER_NODE_FLAGS;
  if (configured === undefined) return [...WORKER_NODE_FLAGS];
  return configured.split(/\s+/).filter((flag) => flag !== '');
}

/** The name of a Node flag (`--max-semi-space-size` of `--max-semi-space-size=8`). */
function flagName(flag: string): string {
  const at = flag.indexOf('=');
  return (at < 0 ? flag : flag.slice(0, at)).replaceAll('_', '-');
}

/**
 * The argument vector to re-execute this process with so that it runs with `flags`, or undefined when it
 * already does: each flag whose name is already given (on the command line or in `NODE_OPTIONS`, which
 * take precedence) is left out, and nothing is done when no flag is left.
 */
export function workerExecArgs(
  flags: readonly string[],
  process: { execPath: string; execArgv: readonly string[]; argv: readonly string[] },
  nodeOptions = '',
): string[] | undefined {
  const given = new Set(
    [...process.execArgv, ...nodeOptions.split(/\s+/)].filter((f) => f.startsWith('--')).map(flagName),
  );
  const missing = flags.filter((flag) => !given.has(flagName(flag)));
  if (missing.length === 0) return undefined;
  return [process.execPath, ...missing, ...process.execArgv, ...process.argv.slice(1)];
}

/**
 * Replaces this process (same pid, same environment, same standard streams) with one that has the
 * worker's flags, when `argv` runs `groundwork worker` and the flags are not there yet. Where the runtime
 * cannot replace a process (`process.execve` is missing, or on Windows) the worker runs with Node's
 * defaults.
 */
export function execWorkerWithFlags(): void {
  if (process.argv[2] !== 'worker' || process.platform === 'win32') return;
  const execve = (process as { execve?: (file: string, args: string[], env: NodeJS.ProcessEnv) => never })
    .execve;
  if (typeof execve !== 'function') return;
  const args = workerExecArgs(workerNodeFlags(process.env), process, process.env.NODE_OPTIONS);
  if (args) execve.call(process, process.execPath, args, process.env);
}
