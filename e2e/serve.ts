/**
 * The server the e2e suite runs against: brings the web build up to date, then runs the real product,
 * `groundwork serve --seed-demo-if-empty`, on a throwaway data directory that is removed when it stops.
 * Playwright starts it (see `webServer` in playwright.config.ts) with GROUNDWORK_PORT set.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWebBuild } from './web-build.ts';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

ensureWebBuild();

const dataDir = mkdtempSync(join(tmpdir(), 'groundwork-e2e-'));
const server = spawn(process.execPath, ['packages/cli/src/bin.ts', 'serve', '--seed-demo-if-empty'], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: { ...process.env, GROUNDWORK_DATA_DIR: dataDir },
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.kill(signal));
}

server.on('exit', (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
