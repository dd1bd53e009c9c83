/**
 * `groundwork worker`: runs the background jobs (webhook delivery...) without the HTTP server, until
 * SIGINT or SIGTERM, for deployments whose `groundwork serve` processes run with GROUNDWORK_WORKER=off.
 * Any number of workers may run at once against one PostgreSQL database.
 */
import { Command } from 'commander';
import { type CliIo, dataDirOption, loadServer, resolveConfig } from '../context.ts';

/** The `worker` command. */
export function workerCommand(io: CliIo): Command {
  return new Command('worker')
    .description('run the background jobs (webhook delivery...) until SIGINT or SIGTERM')
    .addOption(dataDirOption())
    .action(async (opts: { dataDir?: string }) => {
      const config = await resolveConfig(io, { dataDir: opts.dataDir });
      const {
        createDataKeys,
        createJobLog,
        createJobRunner,
        databaseOptions,
        masterKeyLoader,
        openDatabase,
        verifyMasterKey,
      } = await loadServer();
      const log = createJobLog(config.logLevel);
      const db = await openDatabase(databaseOptions(config));
      try {
        await db.migrate();
        // A wrong master key stops the worker before it reads or writes anything with it.
        const dataKeys = createDataKeys(
          config,
          masterKeyLoader(config, (message) => log.warn({}, message)),
        );
        await verifyMasterKey(db, dataKeys);
        const runner = createJobRunner({ db, config, log, dataKeys });
        await runner.start();
        log.info({}, 'groundwork worker is ready');
        const signal = await new Promise<NodeJS.Signals>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        // A second signal gives up waiting for running jobs (they are retried by another worker).
        process.once('SIGINT', () => process.exit(130));
        process.once('SIGTERM', () => process.exit(143));
        log.info({}, `${signal} received, finishing running jobs`);
        await runner.stop();
        log.info({}, 'groundwork worker stopped');
      } finally {
        await db.close();
      }
    });
}
