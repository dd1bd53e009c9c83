/**
 * Teardown that also runs on SIGINT/SIGTERM and on a crash (an uncaught exception or rejection): throwaway databases, data directories and child processes
 * are registered here when they are created and released when they are closed normally.
 */

type Cleanup = () => Promise<void> | void;

const pending = new Set<Cleanup>();
let signalsInstalled = false;

/** Registers `fn` to run if the process is interrupted; returns a function that unregisters it. */
export function onInterrupt(fn: Cleanup): () => void {
  installSignalHandlers();
  pending.add(fn);
  return () => {
    pending.delete(fn);
  };
}

/** Runs every registered cleanup, newest first, ignoring their errors. */
export async function runAllCleanups(): Promise<void> {
  const all = [...pending].reverse();
  pending.clear();
  for (const fn of all) {
    try {
      await fn();
    } catch {
      // Best effort: the next cleanup must still run.
    }
  }
}

function installSignalHandlers(): void {
  if (signalsInstalled) return;
  signalsInstalled = true;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: cleaning up\n`);
      // A second signal while cleaning up exits at once.
      process.once(signal, () => process.exit(code));
      void runAllCleanups().finally(() => process.exit(code));
    });
  }
  const crash = (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    void runAllCleanups().finally(() => process.exit(1));
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
}
