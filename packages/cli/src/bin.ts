/** Entry point of the `groundwork` command. */
import { execWorkerWithFlags } from './worker-flags.ts';

// `groundwork worker` re-executes itself with the worker's heap settings before loading anything heavy.
execWorkerWithFlags();
const { runCli } = await import('./cli.ts');
process.exitCode = await runCli(process.argv);
