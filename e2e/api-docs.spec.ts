import { expect, test } from '@playwright/test';
import { saveScreenshot } from './screenshots.ts';

test.describe('API docs', () => {
  test('renders the OpenAPI document with its operations', async ({ page }, testInfo) => {
    await page.goto('/api/docs');

    await expect(page.locator('.swagger-ui .info .title')).toContainText('Groundwork API');
    await expect(page.locator('.swagger-ui .info')).toContainText('Scale-compatible task API');
    await expect(page.getByRole('button', { name: 'Authorize' })).toBeVisible();
    await expect(page.locator('.swagger-ui .opblock').first()).toBeVisible();
    await expect(page.locator('.swagger-ui .errors-wrapper')).toHaveCount(0);

    await saveScreenshot(page, testInfo, 'api-docs');
  });

  test('serves the OpenAPI document it renders', async ({ request }) => {
    const response = await request.get('/api/openapi.json');
    expect(response.status()).toBe(200);
    const document = (await response.json()) as { openapi?: string; info?: { title?: string } };
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(document.info?.title).toBe('Groundwork API');
  });
});
