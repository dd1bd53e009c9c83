import { expect, type Page, test } from '@playwright/test';
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

const IMAGE_PARAMS = {
  geometries: {
    box: { objects_to_annotate: ['car', 'person'] },
    polygon: { objects_to_annotate: ['road'], min_vertices: 3 },
  },
};

/** A project of `count` image tasks on a sample image, open to every annotator, without review. */
async function imageProject(baseURL: string, count: number): Promise<string> {
  const admin = await signIn(baseURL, demoEmail('admin'));
  const image = await uploadImage(admin, baseURL, 'chelsea.png');
  const name = uniqueName('e2e-image');
  await createProjectWithTasks(
    admin,
    baseURL,
    {
      type: 'imageannotation',
      name,
      instruction: '## Label the scene\n\nBox every **car** and **person**; trace the road.',
      params: IMAGE_PARAMS,
    },
    Array.from({ length: count }, (_, index) => ({ attachment: image, unique_id: `${name}-${index}` })),
  );
  await admin.context.dispose();
  return name;
}

/** The loop shows a task whose image editor is ready; returns its assignment id. */
async function readyTask(page: Page): Promise<string> {
  const loop = page.getByTestId('labeling-loop');
  await expect(loop).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('image-editor')).toHaveAttribute('data-ready', 'true');
  return (await loop.getAttribute('data-assignment-id')) ?? '';
}

/** The centre of the editor's canvas, in page coordinates. */
async function canvasCentre(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('image-editor').locator('canvas').first().boundingBox();
  if (!box) throw new Error('the image editor has no canvas');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
}

test.describe('labeling images in the workbench', () => {
  test('an annotator draws boxes and a polygon, submits, and gets the next task', async ({
    page,
    baseURL,
  }, testInfo) => {
    const project = await imageProject(baseURL as string, 2);
    await signInPage(page, demoEmail('annotator'), `/work/label?project=${project}`);
    const first = await readyTask(page);
    await expect(page.getByRole('complementary', { name: 'Instructions' })).toContainText('Box every car');

    const c = await canvasCentre(page);
    await page.keyboard.press('b');
    await page.keyboard.press('1');
    await drag(page, { x: c.x - 150, y: c.y - 90 }, { x: c.x - 60, y: c.y - 10 });
    await page.keyboard.press('Escape');
    await page.keyboard.press('2');
    await drag(page, { x: c.x - 40, y: c.y - 100 }, { x: c.x + 10, y: c.y - 20 });
    await page.keyboard.press('Escape');

    await page.keyboard.press('p');
    await page.keyboard.press('1');
    for (const [dx, dy] of [
      [30, 20],
      [140, 30],
      [150, 110],
      [40, 120],
    ] as const) {
      await page.mouse.click(c.x + dx, c.y + dy);
    }
    await page.keyboard.press('Enter');

    const items = page.getByTestId('annotation-item');
    await expect(items).toHaveCount(3);
    await expect(items.nth(0)).toContainText('car');
    await expect(items.nth(1)).toContainText('person');
    await expect(items.nth(2)).toContainText('road');
    await saveScreenshot(page, testInfo, 'workbench-image-labeled');

    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('toast')).toHaveText('Submitted. The task is complete.');
    const second = await readyTask(page);
    expect(second).not.toBe(first);
    await expect(page.getByTestId('annotation-item')).toHaveCount(0);

    const admin = await signIn(baseURL as string, demoEmail('admin'));
    const completed = (await projectTasks(admin, project)).filter((task) => task.status === 'completed');
    expect(completed).toHaveLength(1);
    const response = completed[0]?.response as { annotations: Array<Record<string, unknown>> };
    const byType = (type: string) => response.annotations.filter((a) => a.type === type);
    expect(byType('box').map((a) => a.label)).toEqual(['car', 'person']);
    for (const box of byType('box')) {
      expect(box.width as number).toBeGreaterThan(10);
      expect(box.height as number).toBeGreaterThan(10);
    }
    expect(byType('polygon')).toHaveLength(1);
    expect(byType('polygon')[0]).toMatchObject({ label: 'road' });
    expect(byType('polygon')[0]?.vertices).toHaveLength(4);
    await admin.context.dispose();
  });

  test('work in progress survives a reload, and the shortcuts overlay lists the tools', async ({
    page,
    baseURL,
  }) => {
    const project = await imageProject(baseURL as string, 1);
    await signInPage(page, demoEmail('annotator'), `/work/label?project=${project}`);
    const assignment = await readyTask(page);

    const c = await canvasCentre(page);
    await page.keyboard.press('b');
    await page.keyboard.press('1');
    await drag(page, { x: c.x - 80, y: c.y - 60 }, { x: c.x + 20, y: c.y + 30 });
    await expect(page.getByTestId('annotation-item')).toHaveCount(1);
    // The draft is saved shortly after the change.
    await page.waitForTimeout(600);

    await page.reload();
    expect(await readyTask(page)).toBe(assignment);
    await expect(page.getByTestId('annotation-item')).toHaveCount(1);
    await expect(page.getByTestId('annotation-item')).toContainText('car');

    await page.keyboard.press('?');
    const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(overlay).toContainText('Submit the answer');
    await expect(overlay).toContainText('Box tool');
    await page.keyboard.press('Escape');
    await expect(overlay).toHaveCount(0);
  });

  test('an empty answer is refused with what to fix, and a skip asks why', async ({ page, baseURL }) => {
    const admin = await signIn(baseURL as string, demoEmail('admin'));
    const image = await uploadImage(admin, baseURL as string, 'coffee.png');
    const name = uniqueName('e2e-skip');
    await createProjectWithTasks(
      admin,
      baseURL as string,
      {
        type: 'imageannotation',
        name,
        params: { geometries: { box: { objects_to_annotate: ['cup'], min_width: 40, min_height: 40 } } },
      },
      [{ attachment: image }, { attachment: image }],
    );
    await signInPage(page, demoEmail('annotator'), `/work/label?project=${name}`);
    const first = await readyTask(page);

    const c = await canvasCentre(page);
    await page.keyboard.press('b');
    await page.keyboard.press('1');
    await drag(page, { x: c.x, y: c.y }, { x: c.x + 20, y: c.y + 20 });
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('problems')).toContainText('minimum');
    await expect(page.getByTestId('labeling-loop')).toHaveAttribute('data-assignment-id', first);

    await page.keyboard.press('Control+Shift+S');
    const dialog = page.getByRole('dialog', { name: 'Skip this task' });
    await dialog.getByRole('radio', { name: /Other/ }).check();
    await dialog.getByLabel('Other reason').fill('The cup is cut off at the edge');
    await dialog.getByRole('button', { name: /Skip task/ }).click();
    await expect(page.getByTestId('toast')).toHaveText('Skipped.');
    expect(await readyTask(page)).not.toBe(first);

    const tasks = await projectTasks(admin, name);
    expect(tasks.every((task) => task.status === 'pending')).toBe(true);
    await admin.context.dispose();
  });

  test('a lost network keeps the answer and submits it once back online', async ({
    page,
    context,
    baseURL,
  }) => {
    const project = await imageProject(baseURL as string, 1);
    await signInPage(page, demoEmail('annotator'), `/work/label?project=${project}`);
    const assignment = await readyTask(page);
    const c = await canvasCentre(page);
    await page.keyboard.press('b');
    await page.keyboard.press('2');
    await drag(page, { x: c.x - 60, y: c.y - 60 }, { x: c.x + 30, y: c.y + 40 });

    await context.setOffline(true);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'cannot be reached' })).toContainText(
      'Your answer is kept in this browser',
    );
    await expect(page.getByTestId('labeling-loop')).toHaveAttribute('data-assignment-id', assignment);
    await expect(page.getByTestId('annotation-item')).toHaveCount(1);

    await context.setOffline(false);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('toast')).toHaveText('Submitted. The task is complete.');
    const admin = await signIn(baseURL as string, demoEmail('admin'));
    const [task] = await projectTasks(admin, project);
    expect(task?.status).toBe('completed');
    await admin.context.dispose();
  });

  test('an image that does not load says so and what to do', async ({ page, baseURL }) => {
    const admin = await signIn(baseURL as string, demoEmail('admin'));
    const name = uniqueName('e2e-broken');
    await createProjectWithTasks(
      admin,
      baseURL as string,
      { type: 'imageannotation', name, params: IMAGE_PARAMS },
      [{ attachment: `${baseURL}/no-such-image-here.png` }],
    );
    await admin.context.dispose();
    await signInPage(page, demoEmail('annotator'), `/work/label?project=${name}`);
    await expect(page.getByTestId('labeling-loop')).toHaveAttribute('data-state', 'ready');
    const message = page.getByText('The image could not be loaded.');
    await expect(message).toBeVisible();
    await expect(page.getByTestId('image-editor')).toContainText('no-such-image-here.png');
    await expect(page.getByTestId('image-editor')).toContainText('skip this task');
  });

  test('a task taken back while it is being worked on says so and moves on', async ({
    page,
    baseURL,
  }, testInfo) => {
    const url = baseURL as string;
    const project = await imageProject(url, 2);
    await signInPage(page, demoEmail('annotator'), `/work/label?project=${project}`);
    const first = await readyTask(page);
    const taskId = (await page.evaluate(async (id) => {
      const response = await fetch(`/api/work/assignments/${id}`);
      return ((await response.json()) as { task: { id: string } }).task.id;
    }, first)) as string;

    // A customer cancels the task through the Scale API: its lease is revoked.
    const admin = await signIn(url, demoEmail('admin'));
    const { key } = await admin.call<{ key: string }>('POST', '/api/api-keys', {
      name: uniqueName('e2e-cancel'),
      environment: 'live',
    });
    const cancel = await admin.context.post(`/v1/task/${taskId}/cancel`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(cancel.status(), await cancel.text()).toBe(200);
    await admin.context.dispose();

    const c = await canvasCentre(page);
    await page.keyboard.press('b');
    await page.keyboard.press('1');
    await drag(page, { x: c.x - 60, y: c.y - 60 }, { x: c.x + 30, y: c.y + 40 });
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('labeling-loop')).toHaveAttribute('data-state', 'lost');
    await expect(page.getByTestId('lease-lost')).toContainText('This task is no longer yours.');
    await saveScreenshot(page, testInfo, 'workbench-lease-lost');
    await page.getByTestId('lease-lost').getByRole('button', { name: 'Next task' }).click();
    expect(await readyTask(page)).not.toBe(first);
  });
});
