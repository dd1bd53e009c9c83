import { datasetUniqueId, vocXml } from '@groundwork/domain';
import { describe, expect, it } from 'vitest';
import {
  annotationFileCandidates,
  datasetPreview,
  datasetTaskLine,
  defaultAnnotationFile,
  keyed,
  pickedImageFinder,
  pickedPaths,
  planDatasetImport,
  problemPlace,
  readPickedDataset,
  reportProblems,
  takesLabeledDatasets,
  textsToRead,
} from './dataset-import.ts';

const PARAMS = {
  geometries: {
    box: { objects_to_annotate: ['cat', { choice: 'vehicle', subchoices: ['car', 'bus'] }] },
    polygon: { objects_to_annotate: ['road'] },
  },
};

const cocoJson = JSON.stringify({
  images: [
    { id: 1, file_name: 'chelsea.png', width: 451, height: 300 },
    { id: 2, file_name: 'coffee.png', width: 600, height: 400 },
    { id: 3, file_name: 'https://example.com/rocket.jpg', width: 640, height: 427 },
    { id: 4, file_name: 'nowhere.png', width: 10, height: 10 },
  ],
  categories: [
    { id: 1, name: 'cat' },
    { id: 2, name: 'tank' },
    { id: 3, name: 'car' },
  ],
  annotations: [
    { id: 1, image_id: 1, category_id: 1, bbox: [40, 30, 120, 90] },
    { id: 2, image_id: 2, category_id: 2, bbox: [1, 2, 3, 4] },
    { id: 3, image_id: 2, category_id: 3, bbox: [5, 6, 7, 8] },
    { id: 4, image_id: 3, category_id: 1, bbox: [0, 0, 10, 10] },
  ],
});

const cocoPaths = ['annotations/instances.json', 'images/chelsea.png', 'photos/coffee.png', 'notes.txt'];

function readCoco() {
  return readPickedDataset({
    format: 'coco',
    paths: cocoPaths,
    texts: new Map([['annotations/instances.json', cocoJson]]),
    sizes: new Map(),
    annotationFile: 'annotations/instances.json',
  });
}

describe('picked files', () => {
  it('drops the picked folder, and folders all files share down to the dataset layout', () => {
    const folder = (path: string) => ({
      name: path.slice(path.lastIndexOf('/') + 1),
      webkitRelativePath: path,
    });
    expect(pickedPaths([folder('street/classes.txt'), folder('street/labels/a.txt')])).toEqual([
      'classes.txt',
      'labels/a.txt',
    ]);
    expect(pickedPaths([folder('exports/street/images/a.jpg'), folder('exports/street/data.yaml')])).toEqual([
      'images/a.jpg',
      'data.yaml',
    ]);
    expect(pickedPaths([folder('street/images/a.jpg'), folder('street/images/b.jpg')])).toEqual([
      'images/a.jpg',
      'images/b.jpg',
    ]);
  });

  it('keeps the names of files picked one by one', () => {
    expect(pickedPaths([{ name: 'a.json' }, { name: 'b.png', webkitRelativePath: '' }])).toEqual([
      'a.json',
      'b.png',
    ]);
    expect(pickedPaths([])).toEqual([]);
  });

  it('offers the .json files for COCO and Label Studio, and picks the one that looks right', () => {
    const paths = ['b.json', 'a.JSON', 'x.xml'];
    expect(annotationFileCandidates('coco', paths)).toEqual(['a.JSON', 'b.json']);
    expect(annotationFileCandidates('yolo', paths)).toEqual([]);
    const heads = new Map([
      ['a.JSON', '[{"data": {}}]'],
      ['b.json', '\ufeff {"info": {}, "images": []'],
    ]);
    expect(defaultAnnotationFile('coco', ['a.JSON', 'b.json'], heads)).toBe('b.json');
    expect(defaultAnnotationFile('labelstudio', ['a.JSON', 'b.json'], heads)).toBe('a.JSON');
    expect(defaultAnnotationFile('coco', ['a.JSON'], new Map())).toBe('a.JSON');
    expect(defaultAnnotationFile('coco', [], heads)).toBeUndefined();
  });

  it('reads only the texts the format needs', () => {
    expect(textsToRead('coco', cocoPaths, 'annotations/instances.json')).toEqual([
      'annotations/instances.json',
    ]);
    expect(textsToRead('coco', cocoPaths, 'gone.json')).toEqual([]);
    expect(
      textsToRead(
        'yolo',
        ['data.yaml', 'classes.txt', 'labels/a.txt', 'images/a.jpg', 'images.csv', 'x.txt'],
        undefined,
      ),
    ).toEqual(['classes.txt', 'data.yaml', 'labels/a.txt', 'images.csv']);
    expect(textsToRead('voc', ['Annotations/a.xml', 'JPEGImages/a.jpg', 'b.xml'], undefined)).toEqual([
      'Annotations/a.xml',
    ]);
  });

  it('finds images under the folders first, then by base name anywhere when only one file has it', () => {
    const find = pickedImageFinder(
      ['a.jpg', 'images/a.jpg', 'x/b.jpg', 'y/c.jpg', 'z/c.jpg'],
      ['images', ''],
    );
    expect(find('a.jpg')).toBe('images/a.jpg');
    expect(find('./sub/a.jpg')).toBe('images/a.jpg');
    expect(find('b.jpg')).toBe('x/b.jpg');
    expect(find('c.jpg')).toBeUndefined();
    expect(find('d.jpg')).toBeUndefined();
  });
});

describe('readPickedDataset', () => {
  it('reads COCO with the domain reader, finding images anywhere among the picked files', () => {
    const { read, fatal, sizesWanted } = readCoco();
    expect(fatal).toBeNull();
    expect(sizesWanted).toEqual([]);
    expect(read.items.map((item) => [item.key, item.image])).toEqual([
      ['chelsea.png', { kind: 'file', path: 'images/chelsea.png' }],
      ['coffee.png', { kind: 'file', path: 'photos/coffee.png' }],
      ['https://example.com/rocket.jpg', { kind: 'reference', url: 'https://example.com/rocket.jpg' }],
      ['nowhere.png', { kind: 'missing', name: 'nowhere.png', looked: ['the picked files'] }],
    ]);
  });

  it('says why nothing can be read: no JSON, bad JSON, no class names, no XML', () => {
    const base = { paths: [], texts: new Map<string, string>(), sizes: new Map() };
    expect(readPickedDataset({ ...base, format: 'coco' }).fatal).toBe('Pick the COCO .json file.');
    expect(
      readPickedDataset({
        ...base,
        format: 'labelstudio',
        texts: new Map([['a.json', '{']]),
        annotationFile: 'a.json',
      }).fatal,
    ).toMatch(/^a\.json is not valid JSON/);
    expect(readPickedDataset({ ...base, format: 'yolo' }).fatal).toMatch(/classes\.txt or data\.yaml/);
    expect(readPickedDataset({ ...base, format: 'voc' }).fatal).toMatch(/\.xml files/);
  });

  it('asks for the sizes of labelled YOLO images, then reads their boxes at those sizes', () => {
    const paths = [
      'classes.txt',
      'labels/train/a.txt',
      'images/train/a.png',
      'images/train/b.png',
      'extra.png',
    ];
    const texts = new Map([
      ['classes.txt', 'cat\ncar\n'],
      ['labels/train/a.txt', '1 0.5 0.5 0.5 0.5\n'],
    ]);
    const first = readPickedDataset({ format: 'yolo', paths, texts, sizes: new Map() });
    expect(first.sizesWanted).toEqual(['images/train/a.png']);
    const second = readPickedDataset({
      format: 'yolo',
      paths,
      texts,
      sizes: new Map([['images/train/a.png', { width: 200, height: 100 }]]),
    });
    expect(second.sizesWanted).toEqual([]);
    // Keys are paths under images/ (as the CLI's), other picked images by their path.
    expect(second.read.items).toEqual([
      { key: 'extra.png', image: { kind: 'file', path: 'extra.png' }, response: { annotations: [] } },
      {
        key: 'train/a.png',
        image: { kind: 'file', path: 'images/train/a.png' },
        // Class 1 centred, half of 200 × 100 px.
        response: { annotations: [{ type: 'box', label: 'car', left: 50, top: 25, width: 100, height: 50 }] },
      },
      {
        key: 'train/b.png',
        image: { kind: 'file', path: 'images/train/b.png' },
        response: { annotations: [] },
      },
    ]);
  });

  it('reads VOC from Annotations/ and JPEGImages/', () => {
    const xml = vocXml(
      { fileName: 'a.jpg', width: 10, height: 10 },
      { annotations: [{ type: 'box', label: 'cat', left: 1, top: 1, width: 2, height: 2 }] },
    );
    const picked = readPickedDataset({
      format: 'voc',
      paths: ['Annotations/a.xml', 'JPEGImages/a.jpg'],
      texts: new Map([['Annotations/a.xml', xml]]),
      sizes: new Map(),
    });
    expect(picked.read.items).toEqual([
      {
        key: 'a.jpg',
        image: { kind: 'file', path: 'JPEGImages/a.jpg' },
        response: { annotations: [{ type: 'box', label: 'cat', left: 1, top: 1, width: 2, height: 2 }] },
      },
    ]);
  });

  it('reads Label Studio, asking for the size of an image whose regions lack it', () => {
    const json = JSON.stringify([
      {
        id: 3,
        data: { image: '/data/upload/1/3f2a9c1b-a.png' },
        predictions: [
          {
            result: [
              {
                id: 'r',
                type: 'rectanglelabels',
                from_name: 'l',
                to_name: 'image',
                value: { x: 50, y: 50, width: 50, height: 50, rectanglelabels: ['cat'] },
              },
            ],
          },
        ],
      },
    ]);
    const input = {
      format: 'labelstudio' as const,
      paths: ['export.json', 'imgs/a.png'],
      texts: new Map([['export.json', json]]),
      annotationFile: 'export.json',
    };
    expect(readPickedDataset({ ...input, sizes: new Map() }).sizesWanted).toEqual(['imgs/a.png']);
    const read = readPickedDataset({
      ...input,
      sizes: new Map([['imgs/a.png', { width: 40, height: 20 }]]),
    }).read;
    expect(read.items[0]?.response.annotations).toEqual([
      { uuid: 'r', label: 'cat', type: 'box', left: 20, top: 10, width: 20, height: 10 },
    ]);
  });
});

describe('datasetPreview', () => {
  it('counts images and annotations by label, and flags the labels the project lacks', () => {
    const preview = datasetPreview(readCoco().read, PARAMS, 'prelabels');
    expect(preview).toMatchObject({
      images: 4,
      annotations: 4,
      unknownAnnotations: 1,
      missing: ['nowhere.png'],
      references: 1,
      uploads: 2,
      duplicates: [],
      // Four images: one not found, one (coffee.png, with tank) refused.
      importable: 2,
    });
    expect(datasetPreview(readCoco().read, PARAMS, 'tasks').importable).toBe(3);
    expect(preview.labels).toEqual([
      { type: 'box', label: 'cat', count: 2, known: true },
      { type: 'box', label: 'car', count: 1, known: true },
      { type: 'box', label: 'tank', count: 1, known: false },
    ]);
    expect(preview.unknownLabels).toEqual([{ type: 'box', label: 'tank', count: 1, known: false }]);
  });

  it('lists the images the project would refuse, named as the server names the field', () => {
    const read = readCoco().read;
    expect(datasetPreview(read, PARAMS, 'prelabels').refused).toEqual([
      {
        key: 'coffee.png',
        path: 'base_annotations.annotations.0.label',
        message: expect.stringContaining('tank'),
        count: 1,
        issues: [{ path: 'base_annotations.annotations.0.label', message: expect.stringContaining('tank') }],
      },
    ]);
    expect(datasetPreview(read, PARAMS, 'gold').refused).toEqual([
      {
        key: 'coffee.png',
        path: 'annotations.0.label',
        message: expect.stringContaining('tank'),
        count: 1,
        issues: [{ path: 'annotations.0.label', message: expect.stringContaining('tank') }],
      },
    ]);
    expect(datasetPreview(read, PARAMS, 'tasks').refused).toEqual([]);
  });

  it('flags a geometry the project does not enable, and names that repeat', () => {
    const read = {
      items: [
        {
          key: 'a.png',
          image: { kind: 'file' as const, path: 'a.png' },
          response: { annotations: [{ type: 'point' as const, label: 'cat', x: 1, y: 1 }] },
        },
        { key: 'a.png', image: { kind: 'file' as const, path: 'a.png' }, response: { annotations: [] } },
      ],
      problems: [],
    };
    const preview = datasetPreview(read, PARAMS, 'prelabels');
    expect(preview.unknownLabels).toEqual([{ type: 'point', label: 'cat', count: 1, known: false }]);
    expect(preview.duplicates).toEqual(['a.png']);
    expect(preview.uploads).toBe(1);
    expect(preview.refused[0]?.path).toBe('base_annotations.annotations.0.type');
  });

  it('is all zeros for an empty dataset, and knows no label when the params cannot be read', () => {
    expect(datasetPreview({ items: [], problems: [] }, PARAMS, 'gold')).toEqual({
      images: 0,
      annotations: 0,
      labels: [],
      unknownLabels: [],
      unknownAnnotations: 0,
      missing: [],
      references: 0,
      uploads: 0,
      duplicates: [],
      refused: [],
      importable: 0,
    });
    const preview = datasetPreview(readCoco().read, { geometries: 'nonsense' }, 'tasks');
    expect(preview.labels.every((entry) => !entry.known)).toBe(true);
  });
});

describe('the import plan', () => {
  it("gives each image the CLI's unique_id and writes the CLI's task line", () => {
    const plan = planDatasetImport(readCoco().read, 'coco', 'street');
    expect(plan.map((image) => image.uniqueId)).toEqual([
      'coco:street/chelsea.png',
      'coco:street/coffee.png',
      'coco:street/https://example.com/rocket.jpg',
      'coco:street/nowhere.png',
    ]);
    const long = 'k'.repeat(300);
    expect(
      planDatasetImport(
        {
          items: [
            {
              key: long,
              image: { kind: 'reference', url: 'https://x/a.jpg' },
              response: { annotations: [] },
            },
          ],
          problems: [],
        },
        'yolo',
        'p',
      )[0]?.uniqueId,
    ).toBe(datasetUniqueId('yolo', 'p', long));
    const first = plan[0];
    if (!first) throw new Error('no plan');
    expect(JSON.parse(datasetTaskLine(first, 'groundwork://files/abc', 'prelabels'))).toEqual({
      attachment: 'groundwork://files/abc',
      attachment_type: 'image',
      unique_id: 'coco:street/chelsea.png',
      base_annotations: {
        annotations: [{ type: 'box', label: 'cat', left: 40, top: 30, width: 120, height: 90 }],
      },
    });
    expect(JSON.parse(datasetTaskLine(first, 'groundwork://files/abc', 'tasks'))).toEqual({
      attachment: 'groundwork://files/abc',
      attachment_type: 'image',
      unique_id: 'coco:street/chelsea.png',
    });
  });

  it('names where each problem is, and numbers the places for the report', () => {
    expect(problemPlace({ file: 'labels/a.txt', line: 4, item: 'a.jpg' })).toBe('labels/a.txt line 4');
    expect(problemPlace({ item: 'a.jpg' })).toBe('image a.jpg');
    expect(problemPlace({})).toBe('Dataset');
    expect(
      reportProblems([
        { place: 'image a.jpg', path: 'x', message: 'one' },
        { place: 'Dataset', path: '', message: 'two' },
        { place: 'image a.jpg', path: 'y', message: 'three' },
      ]),
    ).toEqual({
      places: ['image a.jpg', 'Dataset'],
      problems: [
        { line: 1, path: 'x', message: 'one' },
        { line: 2, path: '', message: 'two' },
        { line: 1, path: 'y', message: 'three' },
      ],
    });
  });

  it('keys repeated names by occurrence, and takes datasets into image annotation projects only', () => {
    expect(keyed(['a', 'b', 'a'], (x) => x).map((entry) => entry.key)).toEqual(['a', 'b', 'a#2']);
    expect(takesLabeledDatasets('imageannotation')).toBe(true);
    expect(takesLabeledDatasets('categorization')).toBe(false);
  });
});
