import { expect, test } from '@playwright/test';
import { saveScreenshot } from './screenshots.ts';

test.describe('home page', () => {
  test('shows the product name and the live server status', async ({ page }, testInfo) => {
    await page.goto('/');

    await expect(page).toHaveTitle('Groundwork — annotation platform');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Groundwork');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('annotation platform');
    await expect(page.getByTestId('server-status')).toHaveText('Online');
    await expect(page.getByRole('heading', { name: 'API quick start' })).toBeVisible();

    await saveScreenshot(page, testInfo, 'home');
  });

  test('every link on the page leads somewhere', async ({ page, request }) => {
    await page.goto('/');
    const hrefs = await page
      .locator('a[href]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);

    for (const href of new Set(hrefs)) {
      if (href.startsWith('#')) {
        await expect(page.locator(href), `anchor ${href}`).toHaveCount(1);
      } else {
        const response = await request.get(href);
        expect(response.status(), `GET ${href}`).toBe(200);
      }
    }
  });

  test('the API reference link opens the API docs', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Open the API reference' }).click();
    await expect(page).toHaveURL(/\/api\/docs/);
    await expect(page.locator('.swagger-ui .info .title')).toContainText('Groundwork API');
  });

  test('an address that leads nowhere says so and leads back', async ({ page }) => {
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to the start page' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Groundwork');
  });
});
