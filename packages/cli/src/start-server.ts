/** Runs the HTTP server over a migrated database until SIGINT or SIGTERM (`groundwork serve`, `npm start`). */
import {
  type App,
  buildApp,
  type Config,
  createJobRunner,
  type Database,
  databaseOptions,
  type JobRunner,
  openDatabase,
} from '@groundwork/server';
import { type DemoSummary, hasAnyOrganization, seedDemo } from './demo/seed.ts';

/** Options of {@link startServer}. */
export interface StartServerOptions {
  config: Config;
  /** Seed the demo organization when the database has no organization yet. */
  seedDemoIfEmpty?: boolean;
  /** Log requests (default true). */
  logger?: boolean;
}

/** A listening server. */
export interface RunningServer {
  app: App;
  db: Database;
  /** The base URL for a browser on this machine (`http://localhost:<port>` when bound to all interfaces). */
  url: string;
  /** What the demo seed created in this start, when it ran. */
  seeded: DemoSummary | null;
  /** The in-process job runner (GROUNDWORK_WORKER=embedded), or null when jobs run elsewhere. */
  jobs: JobRunner | null;
  /** Stops accepting requests, lets open ones finish, and closes the database. Safe to call twice. */
  close(): Promise<void>;
}

/** Opens and migrates the database, optionally seeds the demo, builds the app and listens. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config } = options;
  const db = await openDatabase(databaseOptions(config));
  let app: App | undefined;
  let jobs: JobRunner | null = null;
  try {
    await db.migrate();
    app = await buildApp(config, { db, logger: options.logger ?? true });
    const seeded =
      options.seedDemoIfEmpty && !(await hasAnyOrganization(db))
        ? await seedDemo(app.services, { dataDir: config.dataDir })
        : null;
    if (config.worker === 'embedded') {
      jobs = createJobRunner({ db, config, log: app.log, dataKeys: app.services.dataKeys });
      await jobs.start();
    }
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = ['0.0.0.0', '::', '127.0.0.1', '::1', 'localhost'].includes(config.host)
      ? 'localhost'
      : config.host;
    const listening = app;
    let closing: Promise<void> | undefined;
    return {
      app: listening,
      db,
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      seeded,
      jobs,
      close: () => {
        const runner = jobs;
        closing ??= listening
          .close()
          .then(() => runner?.stop())
          .finally(() => db.close());
        return closing;
      },
    };
  } catch (error) {
    await jobs?.stop().catch(() => {});
    await app?.close().catch(() => {});
    await db.close().catch(() => {});
    throw error;
  }
}

/**
 * Closes the server on the first SIGINT or SIGTERM and resolves once it is closed; a second signal
 * exits at once.
 */
export function closeOnSignal(server: RunningServer, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      log(`${signal} received, shutting down`);
      server.close().then(resolve, reject);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
