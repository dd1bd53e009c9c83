/**
 * Keeps `packages/web/dist` in step with its sources: the server decides at boot whether it serves the
 * web app, so the build has to be current before `groundwork serve` starts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const webRoot = join(repoRoot, 'packages/web');
const builtIndex = join(webRoot, 'dist/index.html');

/** The inputs of `vite build`: a change to any of them makes the build stale. */
const WEB_INPUTS = ['index.html', 'package.json', 'vite.config.ts', 'tsconfig.json', 'src'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestMtime(join(path, entry))),
    stat.mtimeMs,
  );
}

/** Whether `packages/web/dist` is missing or older than any of its inputs. */
export function isWebBuildStale(): boolean {
  if (!existsSync(builtIndex)) return true;
  const builtAt = statSync(builtIndex).mtimeMs;
  return WEB_INPUTS.map((input) => join(webRoot, input)).some(
    (input) => existsSync(input) && newestMtime(input) > builtAt,
  );
}

/** Runs `npm run build -w @groundwork/web` when the build is stale; throws when the build fails. */
export function ensureWebBuild(): void {
  if (!isWebBuildStale()) return;
  console.log('[e2e] packages/web/dist is stale: building the web app');
  const result = spawnSync('npm', ['run', 'build', '-w', '@groundwork/web'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`npm run build -w @groundwork/web failed (exit ${result.status})`);
}

if (import.meta.main) ensureWebBuild();
