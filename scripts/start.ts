/**
 * `npm start`: builds the web app when its sources are newer than its build, then runs the server with
 * the demo organization seeded into an empty database, and prints where to go and how to sign in.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  closeOnSignal,
  DEMO_CREDENTIALS_FILE,
  type DemoCredentials,
  describeFailure,
  type RunningServer,
  readDemoCredentials,
  startServer,
} from '@groundwork/cli';
import { loadConfig } from '@groundwork/server';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WEB = join(ROOT, 'packages/web');

/** The newest modification time of any file under `dir` (0 when there is none). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds `packages/web` when `dist/index.html` is missing or older than the newest source file. */
function buildWebIfStale(): void {
  const pkg = JSON.parse(readFileSync(join(WEB, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  if (!pkg.scripts?.build) {
    console.error('note: @groundwork/web has no build script yet; serving the API only.');
    return;
  }
  const built = join(WEB, 'dist/index.html');
  const sources = join(WEB, 'src');
  if (existsSync(built) && (!existsSync(sources) || statSync(built).mtimeMs >= newestMtime(sources))) return;
  console.error('building the web app (npm run build -w @groundwork/web)…');
  const result = spawnSync('npm', ['run', 'build', '-w', '@groundwork/web'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(
      `the web app failed to build (exit code ${result.status ?? result.signal}); see the output above`,
    );
  }
}

/** The start banner: where the server is and, when the demo was seeded here, how to sign in. */
function banner(server: RunningServer, credentials: DemoCredentials | null, credentialsPath: string): string {
  const lines = ['', `  Groundwork is running at ${server.url}`, ''];
  if (credentials) {
    const fresh = server.seeded !== null;
    lines.push(
      fresh
        ? '  A demo organization was created.'
        : `  Demo organization "${credentials.org}" (from ${credentialsPath}):`,
      '',
      `  Sign in to the workbench at ${server.url}/login — one demo user per role, password ${credentials.password}:`,
      ...credentials.users.map((u) => `    ${u.role.padEnd(10)} ${u.email}`),
      '  (annotator labels, reviewer reviews what the annotator submitted)',
      '',
      `  API key (live)  ${credentials.apiKeys.live}`,
      `  API key (test)  ${credentials.apiKeys.test}`,
      '',
      '  Try the Scale-compatible API:',
      `    curl -u ${credentials.apiKeys.live}: ${server.url}/v1/projects`,
      `    curl -u ${credentials.apiKeys.live}: '${server.url}/v1/tasks?project=demo-photo-objects'`,
    );
  } else {
    lines.push(
      '  Create an organization and an API key with:',
      '    SLUG=$(npx groundwork org create acme)',
      '    KEY=$(npx groundwork api-key create --org "$SLUG")',
      `    curl -u "$KEY:" ${server.url}/v1/projects`,
    );
  }
  lines.push('', `  API documentation: ${server.url}/api/docs`, '  Stop with Ctrl+C.', '');
  return lines.join('\n');
}

try {
  buildWebIfStale();
  const config = loadConfig();
  const server = await startServer({ config, seedDemoIfEmpty: true });
  const credentialsPath = join(config.dataDir, DEMO_CREDENTIALS_FILE);
  console.log(banner(server, readDemoCredentials(config.dataDir), credentialsPath));
  await closeOnSignal(server, (line) => server.app.log.info(line));
} catch (error) {
  const { lines, exitCode } = describeFailure(error);
  console.error(lines.join('\n'));
  process.exitCode = exitCode;
}
