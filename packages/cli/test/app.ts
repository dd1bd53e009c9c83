/** Test helpers that open a CLI-made data directory in-process, through the server package. */
import {
  type App,
  buildApp,
  type Database,
  databaseOptions,
  loadConfig,
  openDatabase,
} from '@groundwork/server';

/**
 * Opens the data directory's database in this process and builds the app over it. PGlite allows one
 * process per directory: call this only while no CLI child is running, and close it before the next.
 */
export async function openApp(
  dataDir: string,
): Promise<{ app: App; db: Database; close: () => Promise<void> }> {
  const config = loadConfig({ GROUNDWORK_DATA_DIR: dataDir, GROUNDWORK_LOG_LEVEL: 'silent' });
  const db = await openDatabase(databaseOptions(config));
  await db.migrate();
  const app = await buildApp(config, { db, logger: false });
  await app.ready();
  return {
    app,
    db,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

/** HTTP Basic credentials with an API key as the user name, as Scale's clients send them. */
export function basicAuth(key: string): string {
  return `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
}
