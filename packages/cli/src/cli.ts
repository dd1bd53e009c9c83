/** The command tree of `groundwork` and how it runs; commands load the server package only when run. */
import { Command, CommanderError } from 'commander';
import { auditCommand } from './commands/audit.ts';
import { demoCommand } from './commands/demo.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { keysCommand } from './commands/keys.ts';
import { migrateCommand } from './commands/migrate.ts';
import { apiKeyCommand, orgCommand, userCommand } from './commands/orgs.ts';
import { serveCommand } from './commands/serve.ts';
import { workerCommand } from './commands/worker.ts';
import type { CliIo } from './context.ts';
import { describeFailure } from './errors.ts';

/** Builds the command tree; `io` defaults to the process's streams and environment. */
export function buildCli(io: Partial<CliIo> = {}): Command {
  const resolved: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, ...io };
  const program = new Command('groundwork')
    .description('Groundwork: a self-hosted data-annotation platform with a Scale-compatible task API')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => resolved.stdout.write(text),
      writeErr: (text) => resolved.stderr.write(text),
    })
    .exitOverride();
  for (const command of [
    serveCommand(resolved),
    workerCommand(resolved),
    migrateCommand(resolved),
    orgCommand(resolved),
    userCommand(resolved),
    apiKeyCommand(resolved),
    demoCommand(resolved),
    importCommand(resolved),
    exportCommand(resolved),
    keysCommand(resolved),
    auditCommand(resolved),
  ]) {
    program.addCommand(command);
  }
  // Subcommands inherit the output settings and the exit override only when set on each of them.
  const configure = (command: Command) => {
    command
      .exitOverride()
      .configureOutput(program.configureOutput())
      .showHelpAfterError('(run with --help for usage)');
    command.commands.forEach(configure);
  };
  program.commands.forEach(configure);
  return program;
}

/**
 * Runs the CLI on `argv` (as in `process.argv`) and returns the exit code: 0, 1 when the command failed,
 * 2 when it was called wrongly. Errors are reported on stderr in one line (plus details where they help).
 */
export async function runCli(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  const stderr = io.stderr ?? process.stderr;
  try {
    await buildCli(io).parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message.
      return error.exitCode === 0 ? 0 : 2;
    }
    const { lines, exitCode } = describeFailure(error);
    stderr.write(`${lines.join('\n')}\n`);
    return exitCode;
  }
}
