/**
 * Test helpers of `groundwork import`: a real app over in-memory PGlite behind a loopback HTTP server that
 * records every request and can cut a chosen one off, and an in-process run of the CLI.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { type App, buildApp, type Database, loadConfig, OrgService, openDatabase } from '@groundwork/server';
import { runCli } from '../src/index.ts';

/** A request the server received: method and path with query. */
export interface SeenRequest {
  method: string;
  url: string;
}

/** A running server for import tests. */
export interface ImportServer {
  url: string;
  /** A live key of the test organization. */
  key: string;
  app: App;
  requests: SeenRequest[];
  /**
   * Cuts off the `nth` (1-based) request from now whose path starts with `path`: the server handles it,
   * then the connection is dropped before the answer, as when a network or the CLI's machine fails.
   */
  dropAnswer(path: string, nth: number): void;
  /** Calls the first-party API as the test organization. */
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are arbitrary JSON that tests walk freely.
  api(method: 'GET' | 'POST', url: string, payload?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** Starts the app and its loopback server. */
export async function startImportServer(): Promise<ImportServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gw-import-test-'));
  const db: Database = await openDatabase({ kind: 'pglite', dataDir: null });
  await db.migrate();
  const app = await buildApp(loadConfig({ GROUNDWORK_DATA_DIR: dataDir, GROUNDWORK_LOG_LEVEL: 'silent' }), {
    db,
    logger: false,
  });
  await app.ready();
  const orgs = new OrgService({ db });
  const org = await orgs.createOrg({ slug: 'import-test' });
  const { key } = await orgs.createApiKey(org.id, { environment: 'live', name: 'live' });
  const requests: SeenRequest[] = [];
  let drop: { path: string; left: number } | undefined;
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '';
    requests.push({ method: req.method ?? '', url });
    if (drop && url.startsWith(drop.path) && --drop.left === 0) {
      drop = undefined;
      res.end = (() => {
        res.socket?.destroy();
        return res;
      }) as typeof res.end;
    }
    app.routing(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    key,
    app,
    requests,
    dropAnswer(path, nth) {
      drop = { path, left: nth };
    },
    async api(method, path, payload) {
      const response = await app.inject({
        method,
        url: `/api${path}`,
        headers: {
          authorization: `Bearer ${key}`,
          ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
      });
      return { status: response.statusCode, body: response.json() };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What an in-process CLI run printed and its exit code. */
export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return {
    stream: new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
    text: () => chunks.join(''),
  };
}

/** Runs `groundwork <args>` in this process against `server` (its URL and key come from the environment). */
export async function importCli(server: ImportServer, args: string[]): Promise<InProcessRun> {
  const stdout = collector();
  const stderr = collector();
  const code = await runCli(['node', 'groundwork', ...args], {
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: { GROUNDWORK_URL: server.url, GROUNDWORK_API_KEY: server.key },
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/**
 * A PNG file's bytes with the given size in its header (the pixels are not there: nothing in an import reads
 * them); `salt` makes files of one size differ.
 */
export function pngBytes(width: number, height: number, salt = ''): Buffer {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'ascii');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  header.writeUInt8(8, 24);
  header.writeUInt8(2, 25);
  return Buffer.concat([header, Buffer.from(salt)]);
}
