/**
 * Account security in the browser: a manager turns on two-factor sign-in on the account page (scanning is
 * replaced by reading the secret shown and computing the code, as an authenticator app would), signs out,
 * signs in again with the password and a code, and ends another session of theirs. The manager is a new
 * member invited for this test, so the demo users other specs sign in as keep one-step sign-in.
 */
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { saveScreenshot } from './screenshots.ts';
import { DEMO_PASSWORD, demoEmail, signIn, uniqueName } from './workbench-fixtures.ts';

/** The code an authenticator app shows for `secret`, `steps` 30-second steps from now. */
function codeOf(secret: string, steps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

test('a manager turns on two-factor sign-in, signs in with a code, and ends another session', async ({
  page,
  baseURL,
}, testInfo) => {
  if (!baseURL) throw new Error('no baseURL');
  // A new manager, invited by the demo admin and signed up through the invitation link.
  const admin = await signIn(baseURL, demoEmail('admin'));
  const email = `${uniqueName('totp')}@example.test`;
  const invitation = await admin.call<{ token: string }>('POST', '/api/invitations', {
    email,
    role: 'manager',
  });
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const accepted = await anonymous.post('/api/invitations/accept', {
    headers: { origin: baseURL },
    data: { token: invitation.token, name: 'Tess Totp', password: DEMO_PASSWORD },
  });
  expect(accepted.status(), await accepted.text()).toBe(200);
  // Another browser of the same person, to be ended from the account page.
  const otherBrowser = await signIn(baseURL, email);

  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/console$/);

  await page.getByRole('link', { name: 'Account security' }).click();
  await expect(page.getByRole('heading', { name: 'Account security' })).toBeVisible();
  const sessions = page.getByRole('table');
  // A header row, this browser, the other browser and the session the invitation link started.
  await expect(sessions.getByRole('row')).toHaveCount(4);
  await expect(sessions.getByText('This browser')).toBeVisible();

  // End one other session, then all the others: their cookies stop working at once.
  await sessions
    .getByRole('button', { name: /^End the session of/ })
    .first()
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'End session' }).click();
  await expect(sessions.getByRole('row')).toHaveCount(3);
  await page.getByRole('button', { name: 'End all other sessions' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'End 1 session' }).click();
  await expect(sessions.getByRole('row')).toHaveCount(2);
  await expect(page.getByText('No other browser is signed in to your account.')).toBeVisible();
  for (const context of [otherBrowser.context, anonymous]) {
    const refused = await context.get('/api/auth/session');
    expect(refused.status()).toBe(401);
    expect(((await refused.json()) as { message: string }).message).toContain('This session was ended');
  }

  // Enrol: read the secret shown, compute the code, confirm.
  // The password is asked again before a second factor is added.
  await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  await expect(page.getByText('Enter your password.')).toBeVisible();
  await page.getByLabel('Your password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  const secret = (await page.getByLabel('Secret', { exact: true }).inputValue()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel('6-digit code').fill(codeOf(secret));
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  const codes = page.getByRole('list', { name: 'Recovery codes' });
  await expect(codes.getByRole('listitem')).toHaveCount(10);
  await expect(page.getByText('On', { exact: true })).toBeVisible();
  await saveScreenshot(page, testInfo, 'account-security');
  await page.getByRole('button', { name: 'I have saved the codes' }).click();
  await expect(page.getByText('Recovery codes left')).toBeVisible();

  // Sign out, then in again: the password step asks for a code.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Two-factor sign-in' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Use a recovery code' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'login-second-factor');
  // The code of the next step: the one used to confirm cannot be used again.
  await page.getByLabel('6-digit code').fill(codeOf(secret, 1));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/console$/);
  await anonymous.dispose();
});
