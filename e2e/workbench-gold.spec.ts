import { expect, test } from '@playwright/test';
import { saveScreenshot } from './screenshots.ts';
import {
  createProjectWithTasks,
  demoEmail,
  type SignedIn,
  signIn,
  signInPage,
  uniqueName,
} from './workbench-fixtures.ts';

/**
 * A categorization project with a training gate of one task that must score 1, its one training task
 * (the expected answer is `cat`) and one real task. With one training task and one pass required, a single
 * wrong answer fails the gate.
 */
async function gatedProject(manager: SignedIn, baseURL: string): Promise<string> {
  const name = uniqueName('e2e-gold');
  await createProjectWithTasks(
    manager,
    baseURL,
    {
      type: 'categorization',
      name,
      instruction: '## Which animal is it?\n\nPurring means **cat**; barking means **dog**.',
      params: { categories: ['cat', 'dog'], attachment_type: 'text' },
    },
    [{ attachment: 'Something in the garden barks at the mail carrier every morning.' }],
  );
  await manager.call('PUT', `/api/projects/${encodeURIComponent(name)}/workflow`, {
    quality: { training_required: 1, training_pass_score: 1 },
  });
  // The console's form of `POST /v1/training_tasks/categorization` (which takes an API key, and a
  // manager may not create one).
  await manager.call('POST', `/api/projects/${encodeURIComponent(name)}/gold`, {
    kind: 'training',
    params: { attachment: 'A small animal purrs on the warm windowsill.' },
    expectedResponse: { category: 'cat' },
  });
  return name;
}

test.describe('training and pauses in the workbench', () => {
  test('a failed training task shows the expected answer, then the pause; a manager reinstates', async ({
    page,
    baseURL,
  }, testInfo) => {
    const url = baseURL as string;
    const manager = await signIn(url, demoEmail('manager'));
    const project = await gatedProject(manager, url);

    // Home offers training first, with the progress.
    await signInPage(page, demoEmail('annotator'));
    const row = page.getByRole('row', { name: new RegExp(project) });
    await expect(row.getByTestId('home-training')).toHaveText('Training: 0 of 1 passed');
    await expect(row.getByRole('link', { name: `Start ${project}`, exact: true })).toHaveCount(0);
    await saveScreenshot(page, testInfo, 'workbench-gold-home-training');
    await row.getByRole('link', { name: `Start training in ${project}` }).click();

    // A training task says so.
    const loop = page.getByTestId('labeling-loop');
    await expect(loop).toHaveAttribute('data-state', 'ready');
    await expect(page.getByTestId('training-badge')).toHaveText('Training task — 0 of 1 passed so far');
    await expect(page.getByText('A small animal purrs on the warm windowsill.')).toBeVisible();
    await saveScreenshot(page, testInfo, 'workbench-gold-training-task');

    // A wrong answer: feedback with the score and the expected answer beside the person's own.
    await page.keyboard.press('2');
    await expect(page.getByRole('button', { name: '2 dog', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await page.keyboard.press('Control+Enter');
    const feedback = page.getByTestId('training-feedback');
    await expect(feedback.getByRole('heading', { level: 1 })).toHaveText('Not quite');
    await expect(feedback.getByTestId('training-score')).toHaveText('0%');
    await expect(feedback.getByTestId('training-progress')).toHaveText('Training not passed');
    await expect(feedback.getByTestId('training-failed')).toContainText('You are paused from this project.');
    await expect(
      feedback.getByTestId('training-failed').getByRole('link', { name: 'Back to home' }),
    ).toBeVisible();
    const grid = feedback.getByRole('table', { name: 'Categories chosen by each answer' });
    await expect(grid.getByRole('columnheader', { name: 'Your answer' })).toBeVisible();
    await expect(grid.getByRole('columnheader', { name: 'Expected answer' })).toBeVisible();
    // Columns: category, your answer, expected answer, votes.
    await expect(grid.getByRole('row', { name: /^cat/ }).getByRole('cell').nth(0)).toHaveText('not chosen');
    await expect(grid.getByRole('row', { name: /^cat/ }).getByRole('cell').nth(1)).toHaveText('chosen');
    await expect(grid.getByRole('row', { name: /^dog/ }).getByRole('cell').nth(0)).toHaveText('chosen');
    await expect(grid.getByRole('row', { name: /^dog/ }).getByRole('cell').nth(1)).toHaveText('not chosen');
    // The loop waits for the person: the feedback stays until they continue.
    await page.waitForTimeout(500);
    await expect(feedback).toBeVisible();
    await saveScreenshot(page, testInfo, 'workbench-gold-feedback');

    // Continue: the server refuses more work and says why, once, without retrying.
    await page.keyboard.press('Enter');
    await expect(loop).toHaveAttribute('data-state', 'paused');
    const paused = page.getByTestId('paused-from-project');
    await expect(paused.getByRole('heading', { name: 'Paused from this project' })).toBeVisible();
    await expect(paused).toContainText('Training not passed');
    await expect(paused).toContainText('Ask your manager to reinstate you.');
    await saveScreenshot(page, testInfo, 'workbench-gold-paused');

    // Home shows the pause on the project, without Start.
    await paused.getByRole('link', { name: 'Back to home' }).click();
    await expect(page).toHaveURL(/\/work$/);
    await expect(row).toHaveAttribute('data-paused', 'true');
    const notice = row.locator('xpath=following-sibling::tr[1]').getByTestId('home-paused');
    await expect(notice).toContainText('Paused from this project');
    await expect(notice).toContainText('Training not passed');
    await expect(notice).toContainText('Ask your manager to reinstate you.');
    await expect(row.getByRole('link', { name: new RegExp(`^Start .*${project}$`) })).toHaveCount(0);
    await saveScreenshot(page, testInfo, 'workbench-gold-home-paused');

    // A manager reinstates the person: the project is startable again, as real work.
    const annotator = await signIn(url, demoEmail('annotator'));
    await manager.call(
      'PUT',
      `/api/projects/${encodeURIComponent(project)}/standings/${annotator.userId}/pause`,
      {
        paused: false,
      },
    );
    await annotator.context.dispose();
    await page.reload();
    await expect(row).toHaveAttribute('data-paused', 'false');
    await expect(row.getByTestId('home-training')).toHaveCount(0);
    const start = row.getByRole('link', { name: `Start ${project}`, exact: true });
    await expect(start).toBeVisible();
    await start.click();
    await expect(loop).toHaveAttribute('data-state', 'ready');
    await expect(page.getByText('Something in the garden barks')).toBeVisible();
    await expect(page.getByTestId('training-badge')).toHaveCount(0);

    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(page).toHaveURL(/\/work$/);
    await manager.context.dispose();
  });
});
