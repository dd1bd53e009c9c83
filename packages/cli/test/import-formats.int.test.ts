import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CocoAnnotation,
  cocoAnnotations,
  cocoCategories,
  cocoChunks,
  cocoImage,
  type ImageAnnotation,
  type ImageannotationParams,
  type ImageannotationResponse,
  vocXml,
  yoloClasses,
  yoloClassesText,
  yoloDetectionLines,
  yoloSegmentationLines,
} from '@groundwork/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDataDir } from './helpers.ts';
import { type ImportServer, importCli, pngBytes, startImportServer } from './import-server.ts';

let server: ImportServer;
const data = tempDataDir();

const GEOMETRIES = {
  box: { objects_to_annotate: ['car', 'person'], can_rotate: true },
  polygon: { objects_to_annotate: ['road'] },
  line: { objects_to_annotate: ['lane'] },
  point: { objects_to_annotate: ['head'] },
  ellipse: { objects_to_annotate: ['sign'] },
};
const PARAMS = {
  geometries: GEOMETRIES,
  annotation_attributes: { occluded: { type: 'category', choices: ['yes', 'no'], required: false } },
};
// The parsed params as the domain's writers take them (defaults filled in).
const parsedGeometries = {
  box: { ...GEOMETRIES.box, min_width: 0, min_height: 0, integer_pixels: false },
  polygon: { ...GEOMETRIES.polygon, min_vertices: 1, max_vertices: null },
  line: { ...GEOMETRIES.line, min_vertices: 1, max_vertices: null },
  point: GEOMETRIES.point,
  ellipse: GEOMETRIES.ellipse,
} as ImageannotationParams['geometries'];

interface TestImage {
  name: string;
  width: number;
  height: number;
  salt?: string;
  response: ImageannotationResponse;
}

const STREET: TestImage = {
  name: 'street.png',
  width: 200,
  height: 100,
  response: {
    annotations: [
      {
        type: 'box',
        label: 'car',
        uuid: 'car-1',
        left: 10,
        top: 20,
        width: 30,
        height: 40,
        attributes: { occluded: 'yes' },
      },
      {
        type: 'box',
        label: 'person',
        uuid: 'person-1',
        left: 100,
        top: 10,
        width: 20,
        height: 30,
        rotation: 0.5,
        vertices: [
          { x: 97, y: 14 },
          { x: 115, y: 5 },
          { x: 123, y: 36 },
          { x: 105, y: 45 },
        ],
      },
      {
        type: 'polygon',
        label: 'road',
        vertices: [
          { x: 0, y: 90 },
          { x: 100, y: 80 },
          { x: 200, y: 95 },
        ],
      },
      {
        type: 'line',
        label: 'lane',
        uuid: 'lane-1',
        vertices: [
          { x: 0, y: 50 },
          { x: 200, y: 60 },
        ],
      },
      { type: 'point', label: 'head', x: 50.5, y: 25.25 },
      {
        type: 'ellipse',
        label: 'sign',
        vertices: [
          { x: 150, y: 10 },
          { x: 160, y: 20 },
          { x: 150, y: 30 },
          { x: 140, y: 20 },
        ],
      },
    ],
  },
};
const ALLEY: TestImage = {
  name: 'alley.png',
  width: 64,
  height: 48,
  response: { annotations: [{ type: 'box', label: 'person', left: 1, top: 2, width: 3, height: 4 }] },
};
const EMPTY: TestImage = { name: 'empty.png', width: 50, height: 50, response: { annotations: [] } };
// The same bytes as STREET under another name: uploaded once.
const COPY: TestImage = { ...STREET, name: 'copy.png', response: { annotations: [] } };

beforeAll(async () => {
  server = await startImportServer();
  for (const name of [
    'coco',
    'coco-gold',
    'coco-broken',
    'coco-refused',
    'yolo',
    'yolo-export',
    'voc',
    'ls',
    'ls-gold',
  ]) {
    const created = await server.api('POST', '/projects', { name, type: 'imageannotation', params: PARAMS });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
  }
  await server.api('POST', '/projects', {
    name: 'words',
    type: 'categorization',
    params: { categories: ['a'] },
  });
});

afterAll(async () => {
  await server.close();
  data.remove();
});

function writeImages(dir: string, images: readonly TestImage[]): void {
  mkdirSync(dir, { recursive: true });
  for (const image of images) {
    writeFileSync(
      join(dir, image.name),
      pngBytes(image.width, image.height, image.salt ?? image.name.replace('copy', 'street')),
    );
  }
}

async function cocoFile(path: string, images: readonly TestImage[]): Promise<void> {
  const categories = cocoCategories({ geometries: parsedGeometries });
  const records = images.map((image, index) =>
    cocoImage({
      id: index + 1,
      fileName: image.name,
      width: image.width,
      height: image.height,
      taskId: `t${index}`,
      response: image.response,
    }),
  );
  const annotations: CocoAnnotation[] = [];
  images.forEach((image, index) => {
    annotations.push(
      ...cocoAnnotations(image.response, { imageId: index + 1, nextId: annotations.length + 1, categories }),
    );
  });
  const chunks: string[] = [];
  for await (const chunk of cocoChunks({ categories }, records, annotations)) chunks.push(chunk);
  writeFileSync(path, chunks.join(''));
}

// biome-ignore lint/suspicious/noExplicitAny: task bodies are arbitrary JSON that tests walk freely.
async function tasksOf(project: string): Promise<Map<string, any>> {
  const page = await server.api('GET', `/tasks?project=${project}&limit=100`);
  return new Map(page.body.items.map((t: { uniqueId: string }) => [t.uniqueId, t]));
}

const uploads = () => server.requests.filter((r) => r.method === 'POST' && r.url === '/api/files').length;

/** Expects `actual` to equal `expected` with every number within `tolerance`. */
function expectClose(actual: unknown, expected: unknown, tolerance: number, path = ''): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(Math.abs((actual as number) - expected), `${path}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
      tolerance,
    );
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual) && actual.length, path).toBe(expected.length);
    expected.forEach((item, i) => {
      expectClose((actual as unknown[])[i], item, tolerance, `${path}.${i}`);
    });
  } else if (typeof expected === 'object' && expected !== null) {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) {
      expectClose((actual as Record<string, unknown>)[key], value, tolerance, `${path}.${key}`);
    }
  } else expect(actual, path).toEqual(expected);
}

describe('COCO', () => {
  it('imports as pre-labels: base_annotations equal the exported annotations, each image uploaded once', async () => {
    const dir = join(data.dir, 'coco');
    writeImages(join(dir, 'images'), [STREET, ALLEY, EMPTY, COPY]);
    await cocoFile(join(dir, 'street.json'), [STREET, ALLEY, EMPTY, COPY]);
    const before = uploads();
    const run = await importCli(server, ['import', join(dir, 'street.json'), '--project', 'coco']);
    expect(run.stderr).toContain('imported 4/4 images');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('(pre-labeled tasks): created 4, skipped 0, failed 0');
    expect(uploads() - before).toBe(3);
    const tasks = await tasksOf('coco');
    for (const image of [STREET, ALLEY, EMPTY, COPY]) {
      const task = tasks.get(`coco:coco/${image.name}`);
      expect(task?.params.base_annotations.annotations).toEqual(image.response.annotations);
      expect(task?.params.attachment).toMatch(/^groundwork:\/\/files\//);
    }
    expect(tasks.get('coco:coco/copy.png')?.params.attachment).toBe(
      tasks.get('coco:coco/street.png')?.params.attachment,
    );

    const again = await importCli(server, ['import', join(dir, 'street.json'), '--project', 'coco']);
    expect(again.stdout).toContain('created 0, skipped 4, failed 0');
    expect(uploads() - before).toBe(3);
  });

  it('imports as gold: gold tasks with the annotations as expected answers', async () => {
    const dir = join(data.dir, 'coco-gold');
    writeImages(dir, [STREET, ALLEY]);
    await cocoFile(join(dir, 'gold.json'), [STREET, ALLEY]);
    const run = await importCli(server, [
      'import',
      join(dir, 'gold.json'),
      '--project',
      'coco-gold',
      '--as',
      'gold',
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('(gold tasks): created 2, skipped 0, failed 0');
    const gold = (await server.api('GET', '/projects/coco-gold/gold')).body.gold as Array<{
      kind: string;
      expectedResponse: unknown;
    }>;
    expect(gold.map((g) => g.kind)).toEqual(['evaluation', 'evaluation']);
    expect(gold.map((g) => g.expectedResponse)).toEqual(
      expect.arrayContaining([STREET.response, ALLEY.response]),
    );
    const again = await importCli(server, [
      'import',
      join(dir, 'gold.json'),
      '--project',
      'coco-gold',
      '--as',
      'gold',
    ]);
    expect(again.stdout).toContain('created 0, skipped 2, failed 0');
  });

  it('reports a broken annotation by its path and imports the rest', async () => {
    const dir = join(data.dir, 'coco-broken');
    writeImages(dir, [STREET, ALLEY]);
    await cocoFile(join(dir, 'broken.json'), [STREET, ALLEY]);
    const json = JSON.parse(readFileSync(join(dir, 'broken.json'), 'utf8'));
    json.annotations[6].bbox = 'oops';
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(json));
    const run = await importCli(server, ['import', join(dir, 'broken.json'), '--project', 'coco-broken']);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      expect.stringContaining('created 2, skipped 0, failed 1'),
      expect.stringMatching(/^ {2}annotations\.6\.bbox: /),
    ]);
    const tasks = await tasksOf('coco-broken');
    expect(tasks.get('coco:coco-broken/alley.png')?.params.base_annotations.annotations).toEqual([]);
    expect(tasks.get('coco:coco-broken/street.png')?.params.base_annotations.annotations).toEqual(
      STREET.response.annotations,
    );
  });

  it('reports an annotation the project refuses on its image, and a missing image', async () => {
    const dir = join(data.dir, 'coco-refused');
    writeImages(dir, [ALLEY]);
    const stranger: TestImage = { ...EMPTY, name: 'nowhere.png' };
    await cocoFile(join(dir, 'refused.json'), [ALLEY, stranger]);
    const json = JSON.parse(readFileSync(join(dir, 'refused.json'), 'utf8'));
    json.categories.push({ id: 99, name: 'tank', supercategory: 'tank' });
    json.annotations[0].category_id = 99;
    writeFileSync(join(dir, 'refused.json'), JSON.stringify(json));
    const run = await importCli(server, ['import', join(dir, 'refused.json'), '--project', 'coco-refused']);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toContain('created 0, skipped 0, failed 2');
    expect(lines[1]).toMatch(/^ {2}image alley\.png: base_annotations\.annotations\.0\.label: /);
    expect(lines[2]).toMatch(/^ {2}image nowhere\.png: not found \(looked for nowhere\.png in /);
  });
});

describe('YOLO', () => {
  const yoloImages: TestImage[] = [
    {
      name: 'y1.png',
      width: 640,
      height: 480,
      response: {
        annotations: [
          { type: 'box', label: 'car', left: 12.5, top: 40, width: 100, height: 60.25 },
          { type: 'box', label: 'person', left: 300, top: 200, width: 33, height: 90 },
          {
            type: 'polygon',
            label: 'road',
            vertices: [
              { x: 0, y: 480 },
              { x: 320, y: 300 },
              { x: 640, y: 480 },
            ],
          },
        ],
      },
    },
    { name: 'y2.png', width: 100, height: 100, response: { annotations: [] } },
  ];
  const classes = yoloClasses({ geometries: parsedGeometries } as ImageannotationParams);

  function labelText(image: TestImage): string {
    const context = { width: image.width, height: image.height, classes };
    const boxes = { annotations: image.response.annotations.filter((a) => a.type === 'box') };
    const polygons = { annotations: image.response.annotations.filter((a) => a.type === 'polygon') };
    return [...yoloDetectionLines(boxes, context), ...yoloSegmentationLines(polygons, context)].join('\n');
  }

  it('imports images/ and labels/ as pre-labels within YOLO precision (1e-6 of the image size)', async () => {
    const dir = join(data.dir, 'yolo');
    writeImages(join(dir, 'images'), yoloImages);
    mkdirSync(join(dir, 'labels'));
    writeFileSync(join(dir, 'classes.txt'), yoloClassesText(classes));
    writeFileSync(
      join(dir, 'labels', 'y1.txt'),
      `${labelText(yoloImages[0] as TestImage)}\n9 0.5 0.5 0.1 0.1\n`,
    );
    const run = await importCli(server, ['import', dir, '--project', 'yolo']);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      expect.stringContaining('created 2, skipped 0, failed 1'),
      '  labels/y1.txt line 4: class 9 is out of range (3 classes)',
    ]);
    const tasks = await tasksOf('yolo');
    expectClose(
      tasks.get('yolo:yolo/y1.png')?.params.base_annotations.annotations,
      yoloImages[0]?.response.annotations,
      640e-6,
    );
    expect(tasks.get('yolo:yolo/y2.png')?.params.base_annotations.annotations).toEqual([]);
  });

  it("imports Groundwork's YOLO export (images.csv with the images' references, no image files)", async () => {
    const dir = join(data.dir, 'yolo-export');
    mkdirSync(join(dir, 'labels'), { recursive: true });
    const image = yoloImages[0] as TestImage;
    const reference = (await tasksOf('yolo')).get('yolo:yolo/y1.png')?.params.attachment as string;
    writeFileSync(join(dir, 'classes.txt'), yoloClassesText(classes));
    writeFileSync(join(dir, 'data.yaml'), 'names: ["ignored"]\n');
    writeFileSync(join(dir, 'labels', 'task-1.txt'), labelText(image));
    writeFileSync(
      join(dir, 'images.csv'),
      `image,url,task_id,width,height\nimages/task-1.png,${reference},task-1,640,480\nimages/task-2.jpg,https://example.com/2.jpg,task-2,0,0\n`,
    );
    const before = uploads();
    const run = await importCli(server, ['import', dir, '--project', 'yolo-export', '--format', 'yolo']);
    expect(run.code, run.stdout).toBe(0);
    expect(uploads()).toBe(before);
    const tasks = await tasksOf('yolo-export');
    expect(tasks.get('yolo:yolo-export/task-1.png')?.params.attachment).toBe(reference);
    expectClose(
      tasks.get('yolo:yolo-export/task-1.png')?.params.base_annotations.annotations,
      image.response.annotations,
      640e-6,
    );
    expect(tasks.get('yolo:yolo-export/task-2.jpg')?.params).toMatchObject({
      attachment: 'https://example.com/2.jpg',
      base_annotations: { annotations: [] },
    });
  });
});

describe('Pascal VOC', () => {
  it('imports Annotations/*.xml as pre-labels exactly, and reports a bad object by file and path', async () => {
    const dir = join(data.dir, 'voc');
    const images: TestImage[] = [
      {
        name: 'v1.png',
        width: 300,
        height: 200,
        response: {
          annotations: [
            {
              type: 'box',
              label: 'car',
              uuid: 'v-car',
              left: 0,
              top: 0,
              width: 50,
              height: 20,
              attributes: { occluded: 'no' },
            },
            { type: 'box', label: 'person', left: 120, top: 40, width: 30, height: 80 },
          ],
        },
      },
      { name: 'v2.png', width: 10, height: 10, response: { annotations: [] } },
    ];
    writeImages(join(dir, 'JPEGImages'), images);
    mkdirSync(join(dir, 'Annotations'));
    for (const image of images) {
      writeFileSync(
        join(dir, 'Annotations', image.name.replace('.png', '.xml')),
        vocXml({ fileName: image.name, width: image.width, height: image.height }, image.response),
      );
    }
    const broken = vocXml(
      { fileName: 'v3.png', width: 10, height: 10 },
      {
        annotations: [{ type: 'box', label: 'car', left: 1, top: 1, width: 2, height: 2 }],
      },
    ).replace('<xmin>2</xmin>', '<xmin>two</xmin>');
    writeFileSync(join(dir, 'Annotations', 'v3.xml'), broken);
    writeImages(join(dir, 'JPEGImages'), [
      { name: 'v3.png', width: 10, height: 10, response: { annotations: [] } },
    ]);
    const run = await importCli(server, ['import', dir, '--project', 'voc']);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      expect.stringContaining('created 3, skipped 0, failed 1'),
      '  Annotations/v3.xml: object.0.bndbox.xmin: "two" is not a number',
    ]);
    const tasks = await tasksOf('voc');
    for (const image of images) {
      expect(tasks.get(`voc:voc/${image.name}`)?.params.base_annotations.annotations).toEqual(
        image.response.annotations,
      );
    }
  });
});

describe('Label Studio', () => {
  const region = (id: string, type: string, value: Record<string, unknown>) => ({
    id,
    type,
    from_name: 'label',
    to_name: 'image',
    original_width: 200,
    original_height: 100,
    value,
  });
  const exported = [
    {
      id: 7,
      data: { image: '/data/upload/1/3f2a9c1b-ls1.png' },
      annotations: [
        {
          id: 1,
          result: [
            region('r1', 'rectanglelabels', {
              x: 10,
              y: 20,
              width: 30,
              height: 40,
              rectanglelabels: ['car'],
            }),
          ],
        },
        {
          id: 2,
          ground_truth: true,
          result: [
            region('r2', 'rectanglelabels', {
              x: 10,
              y: 20,
              width: 30,
              height: 40,
              rotation: 0,
              rectanglelabels: ['car'],
            }),
            region('p1', 'polygonlabels', {
              points: [
                [0, 90],
                [50, 80],
                [100, 95],
              ],
              polygonlabels: ['road'],
            }),
            region('k1', 'keypointlabels', { x: 25, y: 25, width: 1, keypointlabels: ['head'] }),
          ],
        },
      ],
      predictions: [],
    },
    {
      id: 8,
      data: { image: 'https://example.com/ls2.png' },
      predictions: [
        {
          result: [
            region('r9', 'rectanglelabels', {
              x: 50,
              y: 50,
              width: 10,
              height: 10,
              rectanglelabels: ['person'],
            }),
          ],
        },
      ],
    },
  ];
  const expected7: ImageAnnotation[] = [
    { type: 'box', label: 'car', uuid: 'r2', left: 20, top: 20, width: 60, height: 40 },
    {
      type: 'polygon',
      label: 'road',
      uuid: 'p1',
      vertices: [
        { x: 0, y: 90 },
        { x: 100, y: 80 },
        { x: 200, y: 95 },
      ],
    },
    { type: 'point', label: 'head', uuid: 'k1', x: 50, y: 25 },
  ];
  const expected8: ImageAnnotation[] = [
    { type: 'box', label: 'person', uuid: 'r9', left: 100, top: 50, width: 20, height: 10 },
  ];

  it('imports the ground-truth annotation (else the prediction) of each task as pre-labels', async () => {
    const dir = join(data.dir, 'ls');
    writeImages(join(dir, 'images'), [
      { name: 'ls1.png', width: 200, height: 100, response: { annotations: [] } },
    ]);
    writeFileSync(join(dir, 'export.json'), JSON.stringify(exported));
    const run = await importCli(server, [
      'import',
      join(dir, 'export.json'),
      '--project',
      'ls',
      '--images',
      join(dir, 'images'),
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const tasks = await tasksOf('ls');
    expectClose(tasks.get('labelstudio:ls/7')?.params.base_annotations.annotations, expected7, 1e-9);
    expect(tasks.get('labelstudio:ls/7')?.params.attachment).toMatch(/^groundwork:\/\/files\//);
    expectClose(tasks.get('labelstudio:ls/8')?.params.base_annotations.annotations, expected8, 1e-9);
    expect(tasks.get('labelstudio:ls/8')?.params.attachment).toBe('https://example.com/ls2.png');
  });

  it('imports as gold with the chosen answers as expected responses', async () => {
    const dir = join(data.dir, 'ls');
    const run = await importCli(server, [
      'import',
      join(dir, 'export.json'),
      '--project',
      'ls-gold',
      '--as',
      'gold',
      '--gold-kind',
      'training',
      '--images',
      join(dir, 'images'),
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const gold = (await server.api('GET', '/projects/ls-gold/gold')).body.gold as Array<{
      kind: string;
      params: { attachment: string };
      expectedResponse: ImageannotationResponse;
    }>;
    expect(gold.map((g) => g.kind)).toEqual(['training', 'training']);
    const byUrl = new Map(gold.map((g) => [g.params.attachment, g.expectedResponse]));
    expectClose(byUrl.get('https://example.com/ls2.png'), { annotations: expected8 }, 1e-9);
  });

  it('refuses pre-labels for a project that is not imageannotation', async () => {
    const run = await importCli(server, [
      'import',
      join(data.dir, 'ls', 'export.json'),
      '--project',
      'words',
    ]);
    expect(run).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('needs an imageannotation project'),
    });
  });
});
