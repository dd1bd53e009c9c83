/**
 * Child-process entry of the server under test: opens and migrates the configured database (PGlite in
 * `GROUNDWORK_DATA_DIR`, or PostgreSQL at `DATABASE_URL`), builds the app exactly as `groundwork serve`
 * does, listens on 127.0.0.1 at a free port and reports the port to the parent over IPC. SIGTERM closes
 * the server and the database and exits (which also writes a `--cpu-prof` profile).
 */
import { buildApp, databaseOptions, loadConfig, openDatabase } from '@groundwork/server';

const config = loadConfig({ ...process.env, GROUNDWORK_PORT: '0', GROUNDWORK_HOST: '127.0.0.1' });
const db = await openDatabase(databaseOptions(config));
await db.migrate();
const app = await buildApp(config, { db, logger: config.logLevel !== 'silent' });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;

let closing = false;
const close = async () => {
  if (closing) return;
  closing = true;
  await app.close();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', () => void close());
process.on('SIGINT', () => void close());
process.on('disconnect', () => void close());
process.send?.({ port });
