/**
 * A manager imports a labeled COCO dataset from the console's Batches page, in a real browser: picks the
 * annotation file and its images, reads the preview (counts, and a warning for the one annotation whose
 * label the project lacks), imports the images as pre-labeled tasks, reads the report, imports again and
 * sees everything already there skipped; the tasks carry the dataset's boxes as base_annotations.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { signInConsole } from './console-fixtures.ts';
import { saveScreenshot } from './screenshots.ts';
import { demoEmail, type SignedIn, signIn, uniqueName } from './workbench-fixtures.ts';

/** The sample images (read-only; copied into the test's own folder). */
const IMAGES = '/work/shared/data/images';

/** A task as `GET /api/tasks` lists it (the parts the spec reads). */
interface ListedTask {
  uniqueId: string | null;
  batch: string | null;
  params: { attachment: string; base_annotations?: { annotations: unknown[] } };
}

/** Boxes of the dataset, in COCO's [x, y, width, height], with the pixel sizes of the real images. */
const DATASET = {
  images: [
    { id: 1, file_name: 'chelsea.png', width: 451, height: 300 },
    { id: 2, file_name: 'coffee.png', width: 600, height: 400 },
    { id: 3, file_name: 'rocket.jpg', width: 640, height: 427 },
  ],
  categories: [
    { id: 1, name: 'cat', supercategory: 'animal' },
    { id: 2, name: 'cup', supercategory: 'object' },
    { id: 3, name: 'rocket', supercategory: 'object' },
    { id: 4, name: 'tank', supercategory: 'object' },
  ],
  annotations: [
    { id: 1, image_id: 1, category_id: 1, bbox: [40, 30, 120, 90], area: 10800, iscrowd: 0 },
    { id: 2, image_id: 2, category_id: 2, bbox: [100, 80, 200, 150], area: 30000, iscrowd: 0 },
    { id: 3, image_id: 3, category_id: 3, bbox: [300, 60, 80, 200], area: 16000, iscrowd: 0 },
    // The project has no "tank": the rocket image's pre-labels fail validation.
    { id: 4, image_id: 3, category_id: 4, bbox: [10, 300, 60, 40], area: 2400, iscrowd: 0 },
  ],
};

async function projectTasks(admin: SignedIn, project: string): Promise<ListedTask[]> {
  const { items } = await admin.call<{ items: ListedTask[] }>(
    'GET',
    `/api/tasks?project=${encodeURIComponent(project)}&limit=100`,
  );
  return items;
}

test.describe('importing a labeled dataset', () => {
  test('a manager previews a COCO dataset, imports it as pre-labels, and a second import skips it all', async ({
    page,
    baseURL,
  }, testInfo) => {
    test.setTimeout(90_000);
    const url = baseURL as string;
    const project = uniqueName('e2e-dataset');
    const batch = `${project}-b1`;
    const admin = await signIn(url, demoEmail('admin'));
    await admin.call('POST', '/api/projects', {
      name: project,
      type: 'imageannotation',
      params: { geometries: { box: { objects_to_annotate: ['cat', 'cup', 'rocket'] } } },
    });
    await admin.call('POST', '/api/batches', { project, name: batch, staging: true });

    const dir = testInfo.outputPath('coco');
    mkdirSync(dir, { recursive: true });
    for (const image of DATASET.images)
      copyFileSync(join(IMAGES, image.file_name), join(dir, image.file_name));
    writeFileSync(join(dir, 'instances.json'), JSON.stringify(DATASET));
    const picked = ['instances.json', ...DATASET.images.map((image) => image.file_name)].map((name) =>
      join(dir, name),
    );

    await signInConsole(page, demoEmail('manager'));
    await page.goto(`/console/projects/${project}/batches`);
    const panel = page.getByRole('region', { name: 'Import a labeled dataset' });
    await expect(panel.getByRole('radio', { name: 'COCO JSON' })).toBeChecked();
    await expect(panel.getByRole('radio', { name: 'Tasks with pre-labels' })).toBeChecked();
    await expect(panel.getByLabel('Into batch')).toHaveValue(batch);
    await expect(panel.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();

    // The preview, read in the browser before anything is sent.
    await panel.getByLabel('Dataset files').setInputFiles(picked);
    const preview = panel.getByRole('region', { name: 'Dataset preview' });
    await expect(preview.locator('.stat').filter({ hasText: 'Images' }).locator('.stat__value')).toHaveText(
      '3',
    );
    await expect(
      preview.locator('.stat').filter({ hasText: 'Annotations' }).locator('.stat__value'),
    ).toHaveText('4');
    await expect(preview.getByRole('status')).toHaveText(
      '2 of 3 images can be imported · 1 would be refused.',
    );
    await expect(preview.getByRole('alert')).toContainText(
      '1 annotation uses labels this project does not have: tank (box).',
    );
    const labels = preview.getByRole('table', { name: 'Annotations by label' });
    await expect(
      labels.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'tank' }) }),
    ).toContainText('Not in the project');
    await expect(
      labels.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'cat' }) }),
    ).toContainText('Yes');
    const refused = preview.getByRole('table', { name: 'Images the project would refuse' });
    await expect(refused.getByRole('row').nth(1)).toContainText('rocket.jpg');
    await expect(refused.getByRole('row').nth(1)).toContainText('base_annotations.annotations.1.label');
    await saveScreenshot(page, testInfo, 'console-dataset-preview');

    // The import, and its report by image.
    await panel.getByRole('button', { name: 'Import', exact: true }).click();
    const report = panel.getByRole('region', { name: 'Upload report' });
    await expect(report.getByRole('status')).toHaveText('Done with problems 2 created · 1 failed', {
      timeout: 30_000,
    });
    const problems = report.getByRole('table', { name: 'Problems by row' });
    await expect(problems.getByRole('row')).toHaveCount(2);
    await expect(problems.getByRole('row').nth(1).getByRole('rowheader')).toHaveText('image rocket.jpg');
    await expect(problems.getByRole('row').nth(1).getByRole('cell').nth(0)).toHaveText(
      'base_annotations.annotations.1.label',
    );
    await expect(panel).toContainText('2 images uploaded.');
    const batchRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: batch }) });
    await expect(batchRow).toContainText('0 completed · 2 pending');
    await saveScreenshot(page, testInfo, 'console-dataset-report');

    // The same import again: what is there is skipped, nothing is uploaded again.
    await panel.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(report.getByRole('status')).toHaveText(
      'Done with problems 0 created · 2 skipped (already there) · 1 failed',
      { timeout: 30_000 },
    );
    await expect(panel).not.toContainText('images uploaded.');

    // The tasks carry the dataset's boxes as pre-labels, with the CLI's unique_ids.
    const tasks = await projectTasks(admin, project);
    expect(tasks).toHaveLength(2);
    const byId = new Map(tasks.map((task) => [task.uniqueId, task]));
    const chelsea = byId.get(`coco:${project}/chelsea.png`);
    expect(chelsea?.batch).toBe(batch);
    expect(chelsea?.params.attachment).toMatch(/^groundwork:\/\/files\/[0-9a-f]{24}$/);
    expect(chelsea?.params.base_annotations?.annotations).toEqual([
      { type: 'box', label: 'cat', left: 40, top: 30, width: 120, height: 90 },
    ]);
    expect(byId.get(`coco:${project}/coffee.png`)?.params.base_annotations?.annotations).toEqual([
      { type: 'box', label: 'cup', left: 100, top: 80, width: 200, height: 150 },
    ]);
    expect(byId.has(`coco:${project}/rocket.jpg`)).toBe(false);
    await admin.context.dispose();
  });
});
