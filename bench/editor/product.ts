/**
 * The real product for the editor benchmark: a private build of the web app, then
 * `groundwork serve --seed-demo-if-empty` on a free loopback port with its embedded database (PGlite) in a
 * temporary data directory, stopped and removed afterwards (also on SIGINT/SIGTERM). Plus the few API
 * calls that set the benchmark's data up as the demo admin.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onInterrupt } from '../lib/cleanup.ts';
import { freePort } from '../lib/postgres.ts';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The password of every demo user. */
export const DEMO_PASSWORD = 'groundwork-demo';

/** A demo user's email. */
export function demoEmail(role: 'admin' | 'annotator'): string {
  return `${role}@demo.groundwork.dev`;
}

/**
 * Builds the web app from its current sources into a fresh temporary directory (removed by the returned
 * function, also on SIGINT/SIGTERM). A private build, so that another rebuild of `packages/web/dist` while
 * the benchmark runs cannot swap the files under the server. The build's output goes to stderr.
 */
export function buildWebApp(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'groundwork-bench-web-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const release = onInterrupt(remove);
  const result = spawnSync(
    'npm',
    ['run', 'build', '-w', '@groundwork/web', '--', '--outDir', dir, '--emptyOutDir'],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 2, 2],
    },
  );
  if (result.status !== 0) {
    remove();
    release();
    throw new Error(
      `the web build failed (exit ${result.status}); --web-dir DIR runs against an existing build`,
    );
  }
  return {
    dir,
    remove: () => {
      remove();
      release();
    },
  };
}

/** A running product server. */
export interface Product {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Stops the server (SIGTERM, then SIGKILL after 20 s) and deletes its data directory. */
  stop(): Promise<void>;
}

/** Starts `groundwork serve --seed-demo-if-empty` serving the web app in `webDir`; resolves once `/healthz` answers. */
export async function startProduct(webDir: string): Promise<Product> {
  const dataDir = mkdtempSync(join(tmpdir(), 'groundwork-bench-editor-'));
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    ...process.env,
    GROUNDWORK_DATA_DIR: dataDir,
    GROUNDWORK_PORT: String(port),
    GROUNDWORK_HOST: '127.0.0.1',
    GROUNDWORK_LOG_LEVEL: 'warn',
    GROUNDWORK_WEB_DIR: webDir,
  };
  // The embedded database: what is measured here is the browser, not the database.
  delete env.DATABASE_URL;
  const stderr: Buffer[] = [];
  const child: ChildProcess = spawn(
    process.execPath,
    ['packages/cli/src/bin.ts', 'serve', '--seed-demo-if-empty'],
    { cwd: REPO_ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= new Promise<void>((resolve) => {
      const done = () => {
        rmSync(dataDir, { recursive: true, force: true });
        resolve();
      };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.once('exit', () => {
        clearTimeout(timer);
        done();
      });
      child.kill('SIGTERM');
    });
    return stopping;
  };
  const release = onInterrupt(stop);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      release();
      await stop();
      throw new Error(`the server exited (${child.exitCode}) before it answered:\n${Buffer.concat(stderr)}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      release();
      await stop();
      throw new Error(`the server did not answer /healthz within 120 s:\n${Buffer.concat(stderr)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    stop: async () => {
      await stop();
      release();
    },
  };
}

/** A signed-in API session (cookie and CSRF token), as the web app holds one. */
export interface Session {
  /** Sends a request with the session; JSON bodies are serialized, others sent as they are. */
  call(method: string, path: string, body?: unknown, contentType?: string): Promise<unknown>;
}

/** Signs in through `POST /api/auth/login`. */
export async function signIn(baseUrl: string, email: string): Promise<Session> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`sign-in of ${email}: ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  return {
    async call(method, path, body, contentType) {
      const headers: Record<string, string> = { cookie, origin: baseUrl, 'x-csrf-token': csrfToken };
      let payload: string | FormData | undefined;
      if (body instanceof FormData) payload = body;
      else if (typeof body === 'string') {
        payload = body;
        headers['content-type'] = contentType ?? 'text/plain';
      } else if (body !== undefined) {
        payload = JSON.stringify(body);
        headers['content-type'] = 'application/json';
      }
      const response = await fetch(`${baseUrl}${path}`, { method, headers, body: payload ?? null });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 500)}`);
      return text ? JSON.parse(text) : undefined;
    },
  };
}

/** Uploads an image (`POST /api/files`); returns its `groundwork://files/<id>` reference. */
export async function uploadImage(
  session: Session,
  name: string,
  bytes: Uint8Array,
  type: string,
): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  const { attachmentUrl } = (await session.call('POST', '/api/files', form)) as { attachmentUrl: string };
  return attachmentUrl;
}

/** Creates an imageannotation project and imports its tasks as NDJSON. */
export async function createProject(
  session: Session,
  name: string,
  tasks: Array<Record<string, unknown>>,
): Promise<number> {
  await session.call('POST', '/api/projects', { type: 'imageannotation', name });
  const ndjson = tasks.map((task) => JSON.stringify(task)).join('\n');
  const result = (await session.call(
    'POST',
    `/api/tasks/import?type=imageannotation&project=${encodeURIComponent(name)}`,
    ndjson,
    'application/x-ndjson',
  )) as { created?: number };
  return result.created ?? 0;
}
