/**
 * Single sign-on in the browser, without an identity provider (the sign-in through a real provider is
 * covered by packages/server/test/sso-oidc.int.test.ts): an admin finds the SSO page in the console's
 * navigation with the redirect URI to register, and a provider the server may not reach is refused with
 * the reason under the issuer field; the sign-in page's SSO part tells an unknown organization apart and
 * explains a failed sign-in the server sent back. Nothing is saved, so other specs keep password sign-in.
 */
import { expect, test } from '@playwright/test';
import { signInConsole } from './console-fixtures.ts';
import { saveScreenshot } from './screenshots.ts';
import { demoEmail } from './workbench-fixtures.ts';

test('an admin sees the redirect URI and gets the reason a provider is refused', async ({
  page,
}, testInfo) => {
  await signInConsole(page, demoEmail('admin'));
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'SSO' }).click();
  await expect(page.getByRole('heading', { name: 'Single sign-on', level: 1 })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Redirect URI' })).toHaveValue(
    /\/api\/auth\/sso\/callback$/,
  );

  await page.getByLabel('Issuer URL').fill('https://10.255.255.1');
  await page.getByLabel('Client id').fill('groundwork');
  await page.getByLabel('Client secret').fill('a client secret');
  await page.getByRole('button', { name: /^Save/ }).click();
  await expect(page.getByRole('alert')).toContainText('issuer');
  await expect(page.getByLabel('Issuer URL')).toHaveAttribute('aria-invalid', 'true');
  await saveScreenshot(page, testInfo, 'sso-settings-refused');
});

test('the sign-in page asks the organization and explains a failed SSO sign-in', async ({
  page,
}, testInfo) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Use single sign-on (SSO)' }).click();
  await page.getByLabel('Organization').fill('no-such-organization');
  await page.getByRole('button', { name: 'Continue with SSO' }).click();
  await expect(page.getByRole('alert')).toContainText('not set up for “no-such-organization”');
  // The password form is untouched: its button is still the only "Sign in".
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled();

  await page.goto('/login?sso_error=domain_not_allowed&org=demo');
  await expect(page.getByRole('alert')).toHaveText(
    'Your email address’s domain may not sign in to this organization.',
  );
  await expect(page.getByLabel('Organization')).toHaveValue('demo');
  await saveScreenshot(page, testInfo, 'sso-sign-in-failed');
});
