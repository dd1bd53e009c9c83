/** `groundwork serve`: runs the HTTP server until SIGINT or SIGTERM. */
import { Command, InvalidArgumentError } from 'commander';
import { type CliIo, dataDirOption, resolveConfig } from '../context.ts';

function parsePort(value: string): string {
  if (!/^\d+$/.test(value) || Number(value) > 65535)
    throw new InvalidArgumentError('expected a port number 0–65535');
  return value;
}

/** The `serve` command. */
export function serveCommand(io: CliIo): Command {
  return new Command('serve')
    .description('run the Groundwork server')
    .option('--port <port>', 'TCP port [env GROUNDWORK_PORT, default 8080]', parsePort)
    .option('--host <host>', 'interface to bind [env GROUNDWORK_HOST, default 0.0.0.0]')
    .addOption(dataDirOption())
    .option('--seed-demo-if-empty', 'create the demo organization when the database has no organization yet')
    .action(async (opts: { port?: string; host?: string; dataDir?: string; seedDemoIfEmpty?: boolean }) => {
      const config = await resolveConfig(io, { port: opts.port, host: opts.host, dataDir: opts.dataDir });
      const { closeOnSignal, startServer } = await import('../start-server.ts');
      const server = await startServer({ config, seedDemoIfEmpty: opts.seedDemoIfEmpty ?? false });
      if (server.seeded) {
        server.app.log.info(
          { org: server.seeded.credentials.org, credentials: `${config.dataDir}/demo-credentials.json` },
          'seeded the demo organization',
        );
      }
      server.app.log.info({ url: server.url }, 'groundwork is ready');
      await closeOnSignal(server, (line) => server.app.log.info(line));
    });
}
