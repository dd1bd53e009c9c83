/** `groundwork import`: streams an NDJSON file of tasks to a running server's bulk import. */
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { Command } from 'commander';
import { importTasks, RemoteApiError } from '../api-client.ts';
import { type CliIo, printResult } from '../context.ts';
import { CliError, UsageError } from '../errors.ts';
import { readSecret } from '../secrets.ts';

/** The `import` command. */
export function importCommand(io: CliIo): Command {
  return new Command('import')
    .description('create tasks from an NDJSON file (one task body per line; "-" reads standard input)')
    .argument('<file>', 'NDJSON file of task bodies')
    .requiredOption('--type <type>', 'task type of every line, e.g. imageannotation')
    .option('--project <name>', 'project of lines that name none')
    .option('--batch <name>', 'batch of lines that name none')
    .option('--url <url>', 'server URL [env GROUNDWORK_URL, default http://localhost:8080]')
    .option('--key <key>', 'API key [env GROUNDWORK_API_KEY or GROUNDWORK_API_KEY_FILE]')
    .action(
      async (
        file: string,
        opts: { type: string; project?: string; batch?: string; url?: string; key?: string },
      ) => {
        const url = opts.url ?? (io.env.GROUNDWORK_URL || 'http://localhost:8080');
        if (!/^https?:\/\//i.test(url))
          throw new UsageError(`--url: expected an http(s) URL, got ${JSON.stringify(url)}`);
        const key = opts.key ?? readSecret(io.env, 'GROUNDWORK_API_KEY');
        if (!key) throw new UsageError('no API key: pass --key or set GROUNDWORK_API_KEY');
        const body = openInput(file);
        try {
          const result = await importTasks(
            { url, key },
            {
              type: opts.type,
              ...(opts.project !== undefined ? { project: opts.project } : {}),
              ...(opts.batch !== undefined ? { batch: opts.batch } : {}),
              body,
            },
          );
          printResult(io, JSON.stringify(result));
        } catch (error) {
          if (!(error instanceof RemoteApiError)) throw error;
          const details = error.details.map((d) => `${d.path}: ${d.message}`);
          throw new CliError(headline(error.message, details), { details });
        }
      },
    );
}

function openInput(file: string): ReadableStream<Uint8Array> {
  if (file === '-') return Readable.toWeb(process.stdin) as ReadableStream<Uint8Array>;
  try {
    if (!statSync(file).isFile()) throw new CliError(`${file} is not a file`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  return Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
}

/**
 * The server's message without the quotes of the first bad lines it ends with, since every bad line is
 * listed under it, one per line.
 */
function headline(message: string, details: string[]): string {
  const cuts = details.map((d) => message.indexOf(d)).filter((i) => i > 0);
  return cuts.length === 0 ? message : message.slice(0, Math.min(...cuts)).trim();
}
