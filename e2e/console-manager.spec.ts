/**
 * A manager's day in the customer console, in a real browser: create an image project, upload a CSV of
 * tasks into a batch (one bad row reported by its line and field), release it, watch the work complete,
 * open a task with its answers and timeline, export the project as COCO and read the downloaded file.
 * The annotator's work goes through the API the workbench uses (labeling itself has its own specs).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { leaseNext, signInConsole, submitAnswer } from './console-fixtures.ts';
import { saveScreenshot } from './screenshots.ts';
import { demoEmail, signIn, uniqueName, uploadImage } from './workbench-fixtures.ts';

/** A box as the image answer carries it. */
interface Box {
  type: 'box';
  label: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The three sample images of the good rows, with their real pixel sizes (read with `file`), the label
 * the annotator gives each and the box drawn, all inside the image.
 */
const ROWS = [
  {
    file: 'chelsea.png',
    extension: '.png',
    width: 451,
    height: 300,
    box: { type: 'box', label: 'cat', left: 40, top: 30, width: 120, height: 90 },
  },
  {
    file: 'coffee.png',
    extension: '.png',
    width: 600,
    height: 400,
    box: { type: 'box', label: 'cup', left: 100, top: 80, width: 200, height: 150 },
  },
  {
    file: 'rocket.jpg',
    extension: '.jpg',
    width: 640,
    height: 427,
    box: { type: 'box', label: 'rocket', left: 300, top: 60, width: 80, height: 200 },
  },
] as const satisfies ReadonlyArray<{
  file: string;
  extension: string;
  width: number;
  height: number;
  box: Box;
}>;

/** The COCO file's parts the spec reads. */
interface CocoFile {
  images: Array<{ id: number; file_name: string; width: number; height: number; groundwork_task_id: string }>;
  categories: Array<{ id: number; name: string; supercategory: string }>;
  annotations: Array<{
    id: number;
    image_id: number;
    category_id: number;
    bbox: [number, number, number, number];
    area: number;
    iscrowd: number;
  }>;
}

/** One tile of the overview's task figures, by its label. */
function overviewTile(page: Page, label: string): Locator {
  return page
    .getByRole('region', { name: 'Tasks', exact: true })
    .locator('.stat')
    .filter({ has: page.getByText(label, { exact: true }) });
}

/** Opens one of the project's pages through the console's navigation. */
async function openProjectPage(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Console' })
    .getByRole('link', { name: label, exact: true })
    .click();
}

test.describe('the customer console', () => {
  test('a manager creates a project, uploads a CSV, watches progress, opens a task and downloads a COCO export', async ({
    page,
    baseURL,
  }, testInfo) => {
    test.setTimeout(120_000);
    const url = baseURL as string;
    const project = uniqueName('e2e-console');
    const batch = `${project}-b1`;

    // 1. The manager signs in, lands on the projects list and creates an image project.
    await signInConsole(page, demoEmail('manager'));
    await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
    await page.getByRole('link', { name: 'New project' }).click();
    await expect(page).toHaveURL(/\/console\/projects\/new$/);
    await page.getByLabel('Project name').fill(project);
    await page.getByRole('radio', { name: /^Image annotation/ }).check();
    const boxLabels = page.getByRole('group', { name: 'Boxes labels' });
    const firstLabel = boxLabels.getByLabel('Boxes labels: name of label 1');
    await expect(firstLabel).toHaveValue('object');
    await firstLabel.fill('cat');
    await boxLabels.getByRole('button', { name: '+ Add label' }).click();
    await boxLabels.getByLabel('Boxes labels: name of label 2').fill('cup');
    await boxLabels.getByRole('button', { name: '+ Add label' }).click();
    await boxLabels.getByLabel('Boxes labels: name of label 3').fill('rocket');
    await expect(page.getByLabel('Annotators per task')).toHaveValue('1');
    await page.getByRole('radio', { name: /^No review/ }).check();
    await saveScreenshot(page, testInfo, 'console-create-project');
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect(page).toHaveURL(new RegExp(`/console/projects/${project}/setup`));
    await expect(
      page.getByRole('status').filter({ hasText: `Project ${project} is created.` }),
    ).toBeVisible();
    await saveScreenshot(page, testInfo, 'console-project-created');

    // 2. Three good rows and one without its image, as a CSV that names the images by their stored files.
    const admin = await signIn(url, demoEmail('admin'));
    const references: string[] = [];
    for (const row of ROWS) references.push(await uploadImage(admin, url, row.file));
    await admin.context.dispose();
    const csv = [
      'unique_id,attachment,metadata.source',
      `${project}-chelsea,${references[0]},shelter`,
      `${project}-coffee,${references[1]},kitchen`,
      `${project}-missing,,nowhere`,
      `${project}-rocket,${references[2]},launchpad`,
    ].join('\n');
    const csvPath = testInfo.outputPath('tasks.csv');
    writeFileSync(csvPath, `${csv}\n`);

    await openProjectPage(page, 'Batches');
    await expect(page.getByRole('heading', { level: 1, name: 'Batches' })).toBeVisible();
    await page.getByRole('button', { name: 'Create the first batch' }).click();
    const newBatch = page.getByRole('region', { name: 'New batch' });
    await newBatch.getByLabel('Name', { exact: true }).fill(batch);
    await expect(newBatch.getByLabel('Start in staging')).toBeChecked();
    await newBatch.getByRole('button', { name: 'Create batch' }).click();
    const batchRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: batch }) });
    await expect(batchRow.getByText('Staging', { exact: true })).toBeVisible();

    const upload = page.getByRole('region', { name: 'Upload tasks' });
    await expect(upload.getByLabel('Into batch')).toHaveValue(batch);
    await expect(upload.getByRole('tab', { name: 'CSV file' })).toHaveAttribute('aria-selected', 'true');
    await upload.getByLabel('CSV file').setInputFiles(csvPath);
    await upload.getByRole('button', { name: 'Upload', exact: true }).click();
    const report = page.getByRole('region', { name: 'Upload report' });
    await expect(report.getByRole('status')).toHaveText('Done with problems 3 created · 1 failed');
    const problems = report.getByRole('table', { name: 'Problems by row' });
    await expect(problems.getByRole('row')).toHaveCount(2);
    const badRow = problems.getByRole('row').nth(1);
    // The header is line 1: the row without an image is line 4.
    await expect(badRow.getByRole('rowheader')).toHaveText('Line 4');
    await expect(badRow.getByRole('cell').nth(0)).toHaveText('attachment');
    await expect(badRow.getByRole('cell').nth(1)).toHaveText('is required');
    await expect(batchRow).toContainText('0 completed · 3 pending');
    await saveScreenshot(page, testInfo, 'console-csv-report');

    await batchRow.getByRole('button', { name: 'Finalize' }).click();
    await expect(batchRow.getByText('In progress', { exact: true })).toBeVisible();
    await expect(batchRow.getByRole('button', { name: 'Finalize' })).toHaveCount(0);

    // 3 and 4. The overview before any work, then as the annotator's answers come in.
    await openProjectPage(page, 'Overview');
    await expect(overviewTile(page, 'Tasks').locator('.stat__value')).toHaveText('3');
    await expect(overviewTile(page, 'Completed').locator('.stat__value')).toHaveText('0');
    await expect(overviewTile(page, 'Pending').locator('.stat__value')).toHaveText('3');

    const annotator = await signIn(url, demoEmail('annotator'));
    const submitted = new Map<string, Box>();
    const answerNext = async () => {
      const lease = await leaseNext(annotator, project);
      expect(lease, 'a task to lease').not.toBeNull();
      const index = references.indexOf(String(lease?.params.attachment));
      const row = ROWS[index];
      if (!lease || !row) throw new Error(`leased a task of an unknown image: ${lease?.params.attachment}`);
      expect(await submitAnswer(annotator, lease.assignmentId, { annotations: [row.box] })).toBe('completed');
      submitted.set(lease.taskId, row.box);
    };

    await answerNext();
    await page.reload();
    await expect(overviewTile(page, 'Completed').locator('.stat__value')).toHaveText('1');
    await expect(overviewTile(page, 'Completed')).toContainText('33.3% of all');
    await expect(overviewTile(page, 'Pending').locator('.stat__value')).toHaveText('2');
    await saveScreenshot(page, testInfo, 'console-overview-one-done');

    await answerNext();
    await answerNext();
    expect(await leaseNext(annotator, project)).toBeNull();
    await annotator.context.dispose();
    await page.reload();
    await expect(overviewTile(page, 'Completed').locator('.stat__value')).toHaveText('3');
    await expect(overviewTile(page, 'Completed')).toContainText('100% of all');
    await expect(overviewTile(page, 'Pending').locator('.stat__value')).toHaveText('0');
    const batchNumbers = page.getByRole('region', { name: 'Progress by batch' });
    await batchNumbers.getByText('Numbers behind this chart').click();
    const batchFigures = batchNumbers
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: batch, exact: true }) })
      .getByRole('cell');
    // Status, tasks, completed, pending, canceled, error, completed share.
    await expect(batchFigures.nth(0)).toHaveText('completed');
    await expect(batchFigures.nth(1)).toHaveText('3');
    await expect(batchFigures.nth(2)).toHaveText('3');
    await expect(batchFigures.nth(3)).toHaveText('0');
    await expect(batchFigures.nth(6)).toHaveText('100%');
    await saveScreenshot(page, testInfo, 'console-overview-done');

    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Projects' }).click();
    const projectRow = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: project, exact: true }) });
    await expect(projectRow.getByRole('img')).toHaveAccessibleName('100% completed: Completed 3');
    await expect(projectRow.getByRole('cell').nth(2)).toHaveText('3');
    await saveScreenshot(page, testInfo, 'console-projects-progress');

    // 5. The explorer lists the three tasks; the chelsea task shows the answer, the final response, the timeline.
    await projectRow.getByRole('link', { name: project, exact: true }).click();
    await openProjectPage(page, 'Tasks');
    await expect(page.getByTestId('task-total')).toHaveText('3 tasks');
    const taskLinks = page.getByTestId('task-list').getByRole('link', { name: /^Task / });
    await expect(taskLinks).toHaveCount(3);
    for (const name of ['chelsea', 'coffee', 'rocket']) {
      await expect(page.getByRole('link', { name: `Task ${project}-${name}` })).toBeVisible();
    }
    await expect(page.getByRole('link', { name: `Task ${project}-missing` })).toHaveCount(0);
    await saveScreenshot(page, testInfo, 'console-task-explorer');

    await page.getByRole('link', { name: `Task ${project}-chelsea` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Task ${project}-chelsea completed`);
    const viewer = page.getByTestId('image-viewer');
    await expect(viewer).toHaveAttribute('data-ready', 'true');
    await expect(viewer.getByRole('group', { name: 'Answers shown' })).toContainText('Demo annotator');
    await expect(viewer.getByRole('checkbox', { name: /Demo annotator/ })).toBeChecked();
    await expect(viewer.getByRole('checkbox', { name: /Final/ })).toBeChecked();
    const workers = page.getByRole('region', { name: 'Who worked on it' });
    // The header, the one person's row, and the full-width row under it holding their answer.
    await expect(workers.getByRole('row')).toHaveCount(3);
    await expect(workers.getByRole('row').nth(1)).toContainText('Demo annotator');
    await expect(workers.getByRole('row').nth(1)).toContainText('submitted');
    await expect(workers.getByRole('row').nth(2)).toContainText('Answer');
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect(timeline.getByRole('listitem')).toHaveCount(4);
    await expect(timeline.getByRole('listitem').nth(0)).toContainText('Task created');
    await expect(timeline.getByRole('listitem').nth(1)).toContainText('Demo annotator took labeling slot 1');
    await expect(timeline.getByRole('listitem').nth(2)).toContainText('Demo annotator answered (round 1)');
    await expect(timeline.getByRole('listitem').nth(3)).toContainText('Task completed');
    await saveScreenshot(page, testInfo, 'console-task-detail');

    await workers.getByText('Answer', { exact: true }).click();
    const answer = workers.locator('pre');
    await expect(answer).toContainText('"label": "cat"');
    await expect(answer).toContainText('"left": 40');
    const details = page.getByRole('region', { name: 'Task details' });
    await details.getByText('Final response (JSON)').click();
    const finalResponse = details
      .locator('details')
      .filter({ hasText: 'Final response (JSON)' })
      .locator('pre');
    await expect(finalResponse).toContainText('"label": "cat"');
    await expect(finalResponse).toContainText('"width": 120');
    await details.getByText('Metadata', { exact: true }).click();
    await expect(details.locator('details').filter({ hasText: 'Metadata' }).locator('pre')).toContainText(
      '"source": "shelter"',
    );
    await saveScreenshot(page, testInfo, 'console-task-detail-answers');

    // 6. A COCO export, watched until it is ready, then downloaded and read.
    await openProjectPage(page, 'Exports');
    await expect(page.getByText('No exports yet.')).toBeVisible();
    await page.getByRole('radio', { name: /^COCO/ }).check();
    await expect(page.getByLabel('Status', { exact: true })).toHaveValue('completed');
    await page.getByRole('button', { name: 'Start export' }).click();
    const exportRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^COCO/ }) });
    await expect(exportRow).toHaveCount(1);
    await expect(exportRow.getByRole('progressbar', { name: 'Export COCO progress' })).toBeVisible();
    await expect(exportRow.getByText('Ready', { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(exportRow).toContainText('3 of 3 tasks');
    await expect(exportRow.getByRole('progressbar', { name: 'Export COCO progress' })).toHaveAttribute(
      'value',
      '1',
    );
    await saveScreenshot(page, testInfo, 'console-export-ready');

    const downloading = page.waitForEvent('download');
    await exportRow.getByRole('link', { name: 'Download' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${project}-coco-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const coco = JSON.parse(readFileSync(await download.path(), 'utf8')) as CocoFile;

    expect(coco.categories.map((c) => c.name)).toEqual(['cat', 'cup', 'rocket']);
    expect(coco.images).toHaveLength(3);
    expect(coco.annotations).toHaveLength(3);
    const categoryName = new Map(coco.categories.map((c) => [c.id, c.name]));
    for (const image of coco.images) {
      const box = submitted.get(image.groundwork_task_id);
      const row = ROWS.find((r) => r.box === box);
      if (!box || !row)
        throw new Error(`the export has an image of an unknown task ${image.groundwork_task_id}`);
      expect({ width: image.width, height: image.height }).toEqual({ width: row.width, height: row.height });
      expect(image.file_name).toBe(`${image.groundwork_task_id}${row.extension}`);
      const annotations = coco.annotations.filter((a) => a.image_id === image.id);
      expect(annotations).toHaveLength(1);
      const [annotation] = annotations;
      expect(categoryName.get(annotation?.category_id ?? -1)).toBe(box.label);
      expect(annotation?.bbox).toEqual([box.left, box.top, box.width, box.height]);
      expect(annotation?.area).toBe(box.width * box.height);
      expect(annotation?.iscrowd).toBe(0);
    }
    // Hand-checked: the chelsea box is at (40, 30), 120 × 90, the cat category; the rocket box 80 × 200.
    const catId = coco.categories.find((c) => c.name === 'cat')?.id;
    expect(coco.annotations.find((a) => a.category_id === catId)?.bbox).toEqual([40, 30, 120, 90]);
    expect(coco.annotations.map((a) => a.area).sort((a, b) => a - b)).toEqual([10_800, 16_000, 30_000]);
  });
});
