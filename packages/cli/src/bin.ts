/** Entry point of the `groundwork` command. */
import { runCli } from './index.ts';

process.exitCode = await runCli(process.argv);
