import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, TestInfo } from '@playwright/test';

const screenshotDir = join(dirname(fileURLToPath(import.meta.url)), '../test-results/screenshots');

/**
 * Saves a full-page screenshot as `test-results/screenshots/<name>.png`, a stable place for people and CI
 * artifacts to find it, and attaches it to the test's report.
 */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
