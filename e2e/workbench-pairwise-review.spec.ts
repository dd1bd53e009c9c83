import { expect, test } from '@playwright/test';
import { saveScreenshot } from './screenshots.ts';
import {
  createProjectWithTasks,
  demoEmail,
  projectTasks,
  signIn,
  signInPage,
  uniqueName,
  uploadImage,
} from './workbench-fixtures.ts';

test.describe('RLHF and review in the workbench', () => {
  test('a pairwise preference is answered in the order the server showed', async ({
    page,
    baseURL,
  }, testInfo) => {
    const admin = await signIn(baseURL as string, demoEmail('admin'));
    const name = uniqueName('e2e-pairwise');
    await createProjectWithTasks(
      admin,
      baseURL as string,
      {
        type: 'pairwisepreference',
        name,
        instruction: 'Prefer the reply that **answers** the question.',
        params: {
          criteria: [{ key: 'helpfulness', title: 'Helpfulness' }],
          likert_scale: 5,
          require_justification: true,
        },
      },
      [
        {
          prompt: 'What is six times seven?',
          responses: [
            { id: 'right', content: 'Six times seven is **42**.\n\n```python\nprint(6 * 7)\n```' },
            { id: 'evasive', content: 'Numbers are a matter of opinion.' },
          ],
        },
      ],
    );

    await signInPage(page, demoEmail('annotator'), `/work/label?project=${name}`);
    await expect(page.getByTestId('labeling-loop')).toHaveAttribute('data-state', 'ready');
    // Which letter shows the right answer depends on the order the server randomized for this lease.
    const cardA = page.getByRole('article', { name: 'Response A' });
    await expect(cardA).toBeVisible();
    const rightIsA = (await cardA.textContent())?.includes('42') ?? false;
    const right = rightIsA ? 'A' : 'B';
    const wrong = rightIsA ? 'B' : 'A';
    // Code in a response is highlighted.
    await expect(
      page.getByRole('article', { name: `Response ${right}` }).locator('pre code.hljs'),
    ).toBeVisible();

    await page.keyboard.press(right.toLowerCase());
    await page.keyboard.press('4');
    await page
      .getByRole('radiogroup', { name: `Helpfulness of Response ${right}` })
      .getByRole('radio', { name: '5', exact: true })
      .check();
    await page
      .getByRole('radiogroup', { name: `Helpfulness of Response ${wrong}` })
      .getByRole('radio', { name: '1', exact: true })
      .check();
    await page.locator('.genai-justification textarea').fill('It answers the question; the other does not.');
    await saveScreenshot(page, testInfo, 'workbench-pairwise');
    await page.keyboard.press('Control+Enter');

    await expect(page.getByTestId('toast')).toHaveText('Submitted. The task is complete.');
    await expect(page.getByTestId('labeling-loop')).toHaveAttribute('data-state', 'empty');

    const [task] = await projectTasks(admin, name);
    expect(task?.status).toBe('completed');
    expect(task?.response).toMatchObject({
      choice: 'A',
      selected_response_id: 'right',
      strength: 4,
      criteria_ratings: { helpfulness: { A: 5, B: 1 } },
      justification: 'It answers the question; the other does not.',
    });
    await admin.context.dispose();
  });

  test('a reviewer fixes an annotator’s box in the same editor', async ({ page, baseURL }, testInfo) => {
    const url = baseURL as string;
    const admin = await signIn(url, demoEmail('admin'));
    const image = await uploadImage(admin, url, 'rocket.jpg');
    const name = uniqueName('e2e-review');
    await createProjectWithTasks(
      admin,
      url,
      {
        type: 'imageannotation',
        name,
        params: { geometries: { box: { objects_to_annotate: ['rocket', 'cloud'] } } },
        workflow: { overlap: 1, review: { mode: 'all' } },
      },
      [{ attachment: image }],
    );

    // The annotator's answer, through the API the workbench uses.
    const annotator = await signIn(url, demoEmail('annotator'));
    const { lease } = await annotator.call<{ lease: { assignment: { id: string } } }>(
      'POST',
      '/api/work/next',
      {
        project: name,
      },
    );
    const submitted = await annotator.call<{ taskOutcome: string }>(
      'POST',
      `/api/work/assignments/${lease.assignment.id}/submit`,
      {
        response: {
          annotations: [{ type: 'box', label: 'rocket', left: 300, top: 60, width: 80, height: 200 }],
        },
      },
    );
    expect(submitted.taskOutcome).toBe('review');

    await signInPage(page, demoEmail('reviewer'), `/work/review?project=${name}`);
    await expect(page.getByTestId('labeling-loop')).toHaveAttribute('data-state', 'ready');
    await expect(page.getByText('1 answer')).toBeVisible();
    await expect(page.getByTestId('image-viewer')).toBeVisible();
    await saveScreenshot(page, testInfo, 'workbench-review');

    await page.keyboard.press('f');
    await expect(page.getByTestId('image-editor')).toHaveAttribute('data-ready', 'true');
    await page.getByTestId('annotation-item').first().getByRole('button').first().click();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await saveScreenshot(page, testInfo, 'workbench-review-fix');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('toast')).toHaveText('Fixed. The task is complete.');

    const [task] = await projectTasks(admin, name);
    expect(task?.status).toBe('completed');
    expect(task?.response).toMatchObject({
      annotations: [{ type: 'box', label: 'rocket', left: 320, top: 60, width: 80, height: 200 }],
    });
    await annotator.context.dispose();
    await admin.context.dispose();
  });
});
