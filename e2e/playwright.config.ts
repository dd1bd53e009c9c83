import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The system Chromium (Debian's `chromium` package); Playwright never downloads a browser here. */
const CHROMIUM = '/usr/bin/chromium';

/** Asks the kernel for a free loopback port. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * GROUNDWORK_E2E_BASE_URL points the suite at a server that is already running (a dev server, a staging
 * deployment); otherwise Playwright starts the real product on a free port. The config is evaluated again
 * in every worker, so the chosen port travels to them through the environment.
 */
const externalBaseUrl = process.env.GROUNDWORK_E2E_BASE_URL;
process.env.GROUNDWORK_E2E_PORT ??= String(externalBaseUrl ? 0 : await freePort());
const port = process.env.GROUNDWORK_E2E_PORT;
const baseURL = externalBaseUrl ?? `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: join(repoRoot, 'test-results'),
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: externalBaseUrl
    ? undefined
    : {
        command: `"${process.execPath}" e2e/serve.ts`,
        cwd: repoRoot,
        url: `${baseURL}/healthz`,
        env: { GROUNDWORK_PORT: port, GROUNDWORK_HOST: '127.0.0.1', GROUNDWORK_LOG_LEVEL: 'warn' },
        timeout: 120_000,
        reuseExistingServer: false,
        stdout: 'pipe',
        stderr: 'pipe',
        gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      },
});
