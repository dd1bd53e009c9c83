import { expect, test } from '@playwright/test';
import { saveScreenshot } from './screenshots.ts';
import { DEMO_PASSWORD, demoEmail, signInPage } from './workbench-fixtures.ts';

test.describe('sign-in and home', () => {
  test('a wrong password is refused with a clear message', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(demoEmail('annotator'));
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('That email and password do not match an account.');
    await expect(page).toHaveURL(/\/login/);
  });

  test('an annotator signs in from the landing page and sees their projects and figures', async ({
    page,
  }, testInfo) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Sign in', exact: true }).click();
    await page.getByLabel('Email').fill(demoEmail('annotator'));
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await saveScreenshot(page, testInfo, 'workbench-sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page).toHaveURL(/\/work$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Demo annotator');
    const rows = page.getByTestId('home-project');
    await expect(rows.first()).toBeVisible();
    await expect(page.getByRole('row', { name: /demo-photo-objects/ })).toContainText('imageannotation');
    await expect(page.getByRole('heading', { name: 'Your figures' })).toBeVisible();
    // Annotators do not review: no review column or buttons.
    await expect(page.getByRole('link', { name: 'Start reviewing' })).toHaveCount(0);
    await saveScreenshot(page, testInfo, 'workbench-home');

    // A signed-in visitor of / goes to their home; signing out ends the session.
    await page.goto('/');
    await expect(page).toHaveURL(/\/work$/);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/work');
    await expect(page).toHaveURL(/\/login\?next=/);
  });

  test('a page that needs a session sends a visitor to sign in and back', async ({ page }) => {
    // A project without review, so this test never takes another test's review.
    await signInPage(page, demoEmail('reviewer'), '/work/review?project=demo-review-sentiment');
    await expect(page.getByTestId('labeling-loop')).toHaveAttribute('data-state', 'empty');
    await expect(page.getByRole('heading', { name: 'All done for now' })).toBeVisible();
  });
});
