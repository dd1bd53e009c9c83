/** Entry point of the `groundwork` command. */
import { runCli } from './cli.ts';

process.exitCode = await runCli(process.argv);
