import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chooseLabelStudioItem,
  datasetUniqueId,
  imageListRows,
  isImageReference,
  labelStudioImageNames,
  labelStudioImageSource,
  matchYoloLabels,
  pathBaseName,
  pathExtension,
  pathStem,
  readCocoDataset,
  readLabelStudioDataset,
  readVocDataset,
  readYoloDataset,
  resolveImage,
  uprightImageSize,
  vocImageName,
  vocXmlFiles,
  yamlNames,
  yoloClassNames,
  yoloLabelFiles,
} from './import-layout.ts';
import type { LabelStudioItem } from './label-studio.ts';
import { vocXml } from './voc.ts';

describe('paths', () => {
  it('splits base names, extensions and stems like Node does', () => {
    expect(pathBaseName('a/b/c.jpg')).toBe('c.jpg');
    expect(pathBaseName('c.jpg')).toBe('c.jpg');
    expect(pathExtension('a/b.tar.gz')).toBe('.gz');
    expect(pathExtension('dir.x/file')).toBe('');
    expect(pathExtension('.hidden')).toBe('');
    expect(pathExtension('a.')).toBe('.');
    expect(pathStem('train/a.jpg')).toBe('train/a');
    expect(pathStem('dir.x/file')).toBe('dir.x/file');
  });
});

describe('images', () => {
  it('tells references', () => {
    expect(isImageReference('HTTPS://x/a.jpg')).toBe(true);
    expect(isImageReference('groundwork://files/0123')).toBe(true);
    expect(isImageReference('/data/upload/1/a.jpg')).toBe(false);
    expect(isImageReference('ftp://x/a.jpg')).toBe(false);
  });

  it('prefers a local file, then a reference, else says where it looked', () => {
    const find = (name: string) => (name === 'a.jpg' ? 'images/a.jpg' : undefined);
    expect(resolveImage('a.jpg', ['https://x/a.jpg'], find, ['images'])).toEqual({
      kind: 'file',
      path: 'images/a.jpg',
    });
    expect(resolveImage('b.jpg', ['', 'groundwork://files/abc'], find, ['images'])).toEqual({
      kind: 'reference',
      url: 'groundwork://files/abc',
    });
    expect(resolveImage('https://x/b.jpg', [], find, [])).toEqual({
      kind: 'reference',
      url: 'https://x/b.jpg',
    });
    expect(resolveImage('b.jpg', [], find, ['images', 'elsewhere'])).toEqual({
      kind: 'missing',
      name: 'b.jpg',
      looked: ['images', 'elsewhere'],
    });
  });

  it('never looks up an empty name or a URL as a file', () => {
    const asked: string[] = [];
    const find = (name: string) => {
      asked.push(name);
      return 'x';
    };
    expect(resolveImage('', [], find, []).kind).toBe('missing');
    expect(resolveImage('http://x/a.jpg', [], find, []).kind).toBe('reference');
    expect(asked).toEqual([]);
  });

  it('turns sizes upright for EXIF orientations 5 to 8 only', () => {
    expect(uprightImageSize({ width: 640, height: 480 })).toEqual({ width: 640, height: 480 });
    expect(uprightImageSize({ width: 640, height: 480, orientation: 1 })).toEqual({
      width: 640,
      height: 480,
    });
    expect(uprightImageSize({ width: 640, height: 480, orientation: 4 })).toEqual({
      width: 640,
      height: 480,
    });
    for (const orientation of [5, 6, 7, 8]) {
      expect(uprightImageSize({ width: 640, height: 480, orientation })).toEqual({ width: 480, height: 640 });
    }
    expect(uprightImageSize({ width: 640, height: 480, orientation: 9 })).toEqual({
      width: 640,
      height: 480,
    });
  });

  it('has no size for a missing, zero, negative or infinite side', () => {
    expect(uprightImageSize({ width: 640 })).toBeUndefined();
    expect(uprightImageSize({ width: 0, height: 10 })).toBeUndefined();
    expect(uprightImageSize({ width: -1, height: 10 })).toBeUndefined();
    expect(uprightImageSize({ width: Number.POSITIVE_INFINITY, height: 10 })).toBeUndefined();
    expect(uprightImageSize({ width: Number.NaN, height: 10, orientation: 6 })).toBeUndefined();
  });
});

describe('imageListRows', () => {
  it('reads the columns by name, quoted cells, CRLF and a BOM, skipping blank lines and rows without image', () => {
    const text =
      '\ufeffimage,url,task_id,width,height\r\nimages/a.jpg,"https://x/a,b.jpg",t1,640,480\r\n\r\n,https://x/c.jpg,t2,1,1\r\nimages/d.png,,t3,0,abc\r\n';
    expect(imageListRows(text)).toEqual([
      { image: 'images/a.jpg', url: 'https://x/a,b.jpg', width: 640, height: 480 },
      { image: 'images/d.png', url: '', width: 0, height: 0 },
    ]);
  });

  it('reads columns in any order, a quoted line break and a doubled quote', () => {
    expect(imageListRows('height,image\n"10","a ""b"".jpg"\n20,"c\nd.jpg"')).toEqual([
      { image: 'a "b".jpg', url: '', width: 0, height: 10 },
      { image: 'c\nd.jpg', url: '', width: 0, height: 20 },
    ]);
  });

  it('is empty without a header or an image column', () => {
    expect(imageListRows('')).toEqual([]);
    expect(imageListRows('url,width\nhttps://x/a.jpg,1\n')).toEqual([]);
  });
});

describe('yamlNames', () => {
  it('reads a flow list, a block list and an id map', () => {
    expect(yamlNames('train: x\nnames: ["car", \'bus, red\', person]\n')).toEqual([
      'car',
      'bus, red',
      'person',
    ]);
    expect(yamlNames('names:\n  - car\n  - "bus"\nnc: 2\n')).toEqual(['car', 'bus']);
    expect(yamlNames('names:\n  1: bus\n  0: car\n')).toEqual(['car', 'bus']);
    expect(yamlNames('names: {0: car, 1: bus}  # two\n')).toEqual(['car', 'bus']);
    expect(yamlNames("names: ['it''s']")).toEqual(["it's"]);
  });

  it('is undefined without names, and fills ids left out with empty names', () => {
    expect(yamlNames('train: images\nnc: 2\n')).toBeUndefined();
    expect(yamlNames('names: {0: car, 2: bus}')).toEqual(['car', '', 'bus']);
    expect(yamlNames('names:\n')).toBeUndefined();
  });

  it('throws, saying where, on a text that is not YAML', () => {
    expect(() => yamlNames('names: [car, bus\n')).toThrow(/^not valid YAML: .*line 2/);
    expect(() => yoloClassNames((name) => (name === 'data.yaml' ? 'names: {0: car' : undefined))).toThrow(
      /^data\.yaml is not valid YAML/,
    );
  });
});

describe('yoloClassNames', () => {
  it('prefers classes.txt, then the first YAML file with names', () => {
    const files: Record<string, string> = {
      'classes.txt': 'car\nbus\n',
      'data.yaml': 'names: [x]',
      'data.yml': 'names: [y]',
    };
    expect(yoloClassNames((name) => files[name])).toEqual({ classes: ['car', 'bus'], file: 'classes.txt' });
    delete files['classes.txt'];
    files['data.yaml'] = 'nc: 1';
    expect(yoloClassNames((name) => files[name])).toEqual({ classes: ['y'], file: 'data.yml' });
    expect(yoloClassNames(() => undefined)).toBeUndefined();
  });
});

describe('yoloLabelFiles', () => {
  it('takes every .txt under labels/ by its stem there, except the list files', () => {
    const paths = [
      'labels/train/b.txt',
      'labels/a.txt',
      'labels/classes.txt',
      'labels/README.TXT',
      'labels/a.TXT',
      'images/a.jpg',
      'notes.txt',
    ];
    expect([...yoloLabelFiles(paths)]).toEqual([
      ['a', 'labels/a.txt'],
      ['train/b', 'labels/train/b.txt'],
    ]);
  });

  it('takes the top-level .txt files when there is no labels folder', () => {
    expect([...yoloLabelFiles(['b.txt', 'a.txt', 'classes.txt', 'sub/c.txt', 'a.jpg'])]).toEqual([
      ['a', 'a.txt'],
      ['b', 'b.txt'],
    ]);
    expect([...yoloLabelFiles(['a.txt'], { labelsFolder: true })]).toEqual([]);
  });
});

describe('matchYoloLabels', () => {
  it('matches by path first, then by base name, and lists the labels no image reads', () => {
    const match = matchYoloLabels(
      ['train/a.jpg', 'val/b.jpg', 'c.jpg', 'd.jpg'],
      ['train/a', 'b', 'c', 'zz'],
    );
    expect(match).toEqual({ labels: ['train/a', 'b', 'c', undefined], conflicts: [], unused: ['zz'] });
  });

  it('gives a label file to one image only: exact before base name, then image order', () => {
    const match = matchYoloLabels(['a.jpg', 'a.png', 'train/a.jpg', 'x/b.jpg', 'y/b.jpg'], ['a', 'b']);
    expect(match.labels).toEqual(['a', undefined, undefined, 'b', undefined]);
    expect(match.conflicts).toEqual([
      { image: 1, stem: 'a', takenBy: 0 },
      { image: 2, stem: 'a', takenBy: 0 },
      { image: 4, stem: 'b', takenBy: 3 },
    ]);
    expect(match.unused).toEqual([]);
  });

  it('lets an exact match win over an earlier base-name match', () => {
    const match = matchYoloLabels(['train/a.jpg', 'a.jpg'], ['a']);
    expect(match.labels).toEqual([undefined, 'a']);
    expect(match.conflicts).toEqual([{ image: 0, stem: 'a', takenBy: 1 }]);
  });

  it('is empty for no images and no labels', () => {
    expect(matchYoloLabels([], [])).toEqual({ labels: [], conflicts: [], unused: [] });
  });

  it('never gives one label file to two images, and accounts for every label file', () => {
    const segment = fc.constantFrom('a', 'b', 'c', 'train', 'val');
    const name = fc
      .tuple(fc.array(segment, { maxLength: 2 }), segment, fc.constantFrom('.jpg', '.png'))
      .map(([dirs, base, ext]) => [...dirs, base].join('/') + ext);
    const stem = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/'));
    fc.assert(
      fc.property(
        fc.array(name, { maxLength: 12 }),
        fc.uniqueArray(stem, { maxLength: 8 }),
        (images, stems) => {
          const match = matchYoloLabels(images, stems);
          const given = match.labels.filter((label): label is string => label !== undefined);
          expect(new Set(given).size).toBe(given.length);
          match.labels.forEach((label, index) => {
            if (label === undefined) return;
            const own = pathStem(images[index] as string);
            expect([own, pathBaseName(own)]).toContain(label);
          });
          for (const conflict of match.conflicts) {
            expect(match.labels[conflict.image]).toBeUndefined();
            expect(match.labels[conflict.takenBy]).toBe(conflict.stem);
          }
          expect([...given, ...match.unused].sort()).toEqual([...stems].sort());
        },
      ),
    );
  });
});

describe('readYoloDataset', () => {
  const labelTexts: Record<string, string> = {
    'labels/a.txt': '0 0.5 0.5 0.2 0.4\n7 0.5 0.5 0.1 0.1\n',
    'labels/b.txt': '1 0.5 0.5 1 1\n',
    'labels/stray.txt': '0 0.5 0.5 0.1 0.1\n',
  };
  const base = {
    classes: ['car', 'bus'],
    labels: new Map([
      ['a', 'labels/a.txt'],
      ['b', 'labels/b.txt'],
      ['stray', 'labels/stray.txt'],
    ]),
    readLabel: (file: string) => labelTexts[file] ?? '',
    listed: [],
    local: new Map([
      ['a.png', 'images/a.png'],
      ['b.png', 'images/b.png'],
      ['c.png', 'images/c.png'],
    ]),
    sizeOf: (path: string) => (path === 'images/a.png' ? { width: 100, height: 50 } : undefined),
    looked: ['images'],
    hints: { withoutFile: 'pick the images', lookedIn: 'images.csv and images/' },
  };

  it('reads each labelled image at its size and reports bad lines, unknown sizes and stray labels', () => {
    const read = readYoloDataset(base);
    expect(read.items).toEqual([
      {
        key: 'a.png',
        image: { kind: 'file', path: 'images/a.png' },
        // Class 0 at the centre, 20 % × 40 % of 100 × 50 px.
        response: { annotations: [{ type: 'box', label: 'car', left: 40, top: 15, width: 20, height: 20 }] },
      },
      { key: 'c.png', image: { kind: 'file', path: 'images/c.png' }, response: { annotations: [] } },
    ]);
    expect(read.problems).toEqual([
      {
        file: 'labels/a.txt',
        line: 2,
        item: 'a.png',
        path: '',
        message: 'class 7 is out of range (2 classes)',
      },
      {
        file: 'labels/b.txt',
        item: 'b.png',
        path: '',
        message:
          'the size of image b.png is unknown (its header is not PNG, JPEG, GIF, BMP or WebP), so its labels cannot be read',
      },
      {
        file: 'labels/stray.txt',
        path: '',
        message: 'no image stray.* was found (looked in images.csv and images/)',
      },
    ]);
  });

  it("takes images.csv's order, sizes and references, and reports a labelled image without size or file", () => {
    const read = readYoloDataset({
      ...base,
      labels: new Map([
        ['b', 'labels/b.txt'],
        ['d', 'labels/a.txt'],
      ]),
      listed: [
        { image: 'images/b.jpg', url: 'https://x/b.jpg', width: 10, height: 20 },
        { image: './images/d.jpg', url: '', width: 0, height: 0 },
        { image: 'images/e.jpg', url: 'groundwork://files/e', width: 0, height: 0 },
      ],
      local: new Map(),
    });
    expect(read.items).toEqual([
      {
        key: 'b.jpg',
        image: { kind: 'reference', url: 'https://x/b.jpg' },
        response: { annotations: [{ type: 'box', label: 'bus', left: 0, top: 0, width: 10, height: 20 }] },
      },
      {
        key: 'e.jpg',
        image: { kind: 'reference', url: 'groundwork://files/e' },
        response: { annotations: [] },
      },
    ]);
    expect(read.problems).toEqual([
      {
        file: 'labels/a.txt',
        item: 'd.jpg',
        path: '',
        message: 'the size of image d.jpg is unknown (pick the images), so its labels cannot be read',
      },
    ]);
  });

  it('leaves out an image whose label file another image reads, and finds a file by base name', () => {
    const read = readYoloDataset({
      ...base,
      labels: new Map([['a', 'labels/a.txt']]),
      local: new Map([
        ['a.png', 'images/a.png'],
        ['a.jpg', 'images/a.jpg'],
      ]),
      listed: [],
      sizeOf: () => ({ width: 100, height: 50 }),
    });
    // In path order a.jpg comes first and reads a.txt.
    expect(read.items.map((item) => item.key)).toEqual(['a.jpg']);
    expect(read.problems.at(-1)).toEqual({
      file: 'labels/a.txt',
      item: 'a.png',
      path: '',
      message:
        'left out: its label file is already read for image a.jpg (two images named alike; give each its own label file)',
    });
    const nested = readYoloDataset({
      ...base,
      labels: new Map(),
      listed: [{ image: 'images/train/a.png', url: '', width: 0, height: 0 }],
    });
    expect(nested.items[0]?.image).toEqual({ kind: 'file', path: 'images/a.png' });
  });

  it('reads an image with neither file nor URL as missing', () => {
    const read = readYoloDataset({
      ...base,
      labels: new Map(),
      local: new Map(),
      listed: [{ image: 'images/z.jpg', url: '', width: 0, height: 0 }],
    });
    expect(read.items).toEqual([
      {
        key: 'z.jpg',
        image: { kind: 'missing', name: 'z.jpg', looked: ['images'] },
        response: { annotations: [] },
      },
    ]);
  });
});

describe('Pascal VOC', () => {
  it('finds the XML files in Annotations/ or at the top', () => {
    expect(vocXmlFiles(['Annotations/b.xml', 'Annotations/a.XML', 'Annotations/sub/c.xml', 'x.xml'])).toEqual(
      ['Annotations/a.XML', 'Annotations/b.xml'],
    );
    expect(vocXmlFiles(['b.xml', 'a.xml', 'JPEGImages/a.jpg', 'sub/c.xml'])).toEqual(['a.xml', 'b.xml']);
    expect(vocXmlFiles(['a.xml'], { annotationsFolder: true })).toEqual([]);
  });

  it("names the image by <filename>, else by the XML file's name", () => {
    expect(vocImageName(' street.png ', 'Annotations/x.xml')).toBe('street.png');
    expect(vocImageName(undefined, 'Annotations/x.xml')).toBe('x.jpg');
    expect(vocImageName('  ', 'y.XML')).toBe('y.jpg');
  });

  it('reads each file, takes URLs from images.csv and reports bad objects and unreadable files', () => {
    const texts: Record<string, string> = {
      'Annotations/a.xml': vocXml(
        { fileName: 'a.png', width: 10, height: 10 },
        { annotations: [{ type: 'box', label: 'car', left: 1, top: 1, width: 2, height: 3 }] },
      ),
      'Annotations/b.xml': '<annotation><object><name>car</name></object></annotation>',
      'Annotations/c.xml': '<nope',
    };
    const read = readVocDataset({
      files: Object.keys(texts),
      readText: (file) => texts[file] ?? '',
      listed: [{ image: 'JPEGImages/b.jpg', url: 'https://x/b.jpg', width: 0, height: 0 }],
      find: (name) => (name === 'a.png' ? 'JPEGImages/a.png' : undefined),
      looked: ['JPEGImages'],
    });
    expect(read.items).toEqual([
      {
        key: 'a.png',
        image: { kind: 'file', path: 'JPEGImages/a.png' },
        response: { annotations: [{ type: 'box', label: 'car', left: 1, top: 1, width: 2, height: 3 }] },
      },
      { key: 'b.jpg', image: { kind: 'reference', url: 'https://x/b.jpg' }, response: { annotations: [] } },
    ]);
    expect(read.problems.map((p) => [p.file, p.item, p.path])).toEqual([
      ['Annotations/b.xml', 'b.jpg', 'object.0.bndbox'],
      ['Annotations/c.xml', 'c.jpg', ''],
    ]);
  });
});

describe('readCocoDataset', () => {
  it('keys images by file name, resolves them, and reports malformed entries', () => {
    const json = {
      images: [
        { id: 1, file_name: 'a.jpg', width: 100, height: 50, coco_url: 'https://x/a.jpg' },
        { id: 2, file_name: 'b.jpg', flickr_url: 'https://f/b.jpg' },
        { id: 3, file_name: 'c.jpg' },
        { file_name: 'no-id.jpg' },
      ],
      categories: [{ id: 1, name: 'car' }],
      annotations: [
        { id: 1, image_id: 1, category_id: 1, bbox: [1, 2, 3, 4] },
        { id: 2, image_id: 2, category_id: 1, bbox: 'oops' },
      ],
    };
    const read = readCocoDataset(json, {
      find: (name) => (name === 'a.jpg' ? 'photos/a.jpg' : undefined),
      looked: ['photos'],
    });
    expect(read.items).toEqual([
      {
        key: 'a.jpg',
        image: { kind: 'file', path: 'photos/a.jpg' },
        response: { annotations: [{ type: 'box', label: 'car', left: 1, top: 2, width: 3, height: 4 }] },
      },
      { key: 'b.jpg', image: { kind: 'reference', url: 'https://f/b.jpg' }, response: { annotations: [] } },
      {
        key: 'c.jpg',
        image: { kind: 'missing', name: 'c.jpg', looked: ['photos'] },
        response: { annotations: [] },
      },
    ]);
    expect(read.problems.map((p) => p.path)).toEqual(['images.3', 'annotations.1.bbox']);
  });

  it('reads a file that is not COCO as one problem and no images', () => {
    const read = readCocoDataset([1, 2], { find: () => undefined, looked: [] });
    expect(read.items).toEqual([]);
    expect(read.problems).toHaveLength(1);
  });
});

describe('Label Studio', () => {
  it('names an image by its URL, with and without the upload prefix', () => {
    expect(labelStudioImageNames('/data/upload/1/3f2a9c1b-street%20view.png?x=1#y')).toEqual([
      '3f2a9c1b-street view.png',
      'street view.png',
    ]);
    expect(labelStudioImageNames('https://x/a%zz.jpg')).toEqual(['a%zz.jpg']);
  });

  it('finds the local image, else takes the URL, else has none', () => {
    const find = (name: string) => (name === 'a.png' ? 'imgs/a.png' : undefined);
    expect(labelStudioImageSource('/data/upload/1/3f2a9c1b-a.png', find)).toEqual({
      kind: 'file',
      path: 'imgs/a.png',
    });
    expect(labelStudioImageSource('https://x/b.png', find)).toEqual({
      kind: 'reference',
      url: 'https://x/b.png',
    });
    expect(labelStudioImageSource('/data/b.png', find)).toEqual({
      kind: 'missing',
      name: '/data/b.png',
      looked: [],
    });
    expect(labelStudioImageSource(undefined, find)).toEqual({
      kind: 'missing',
      name: '(no image in data)',
      looked: [],
    });
  });

  const item = (source: 'annotation' | 'prediction', sourceId: string, groundTruth = false) =>
    ({ source, sourceId, groundTruth }) as LabelStudioItem;

  it('chooses the ground truth, else the first annotation, else the first prediction', () => {
    expect(chooseLabelStudioItem([item('annotation', '1'), item('annotation', '2', true)])?.sourceId).toBe(
      '2',
    );
    expect(chooseLabelStudioItem([item('prediction', 'p'), item('annotation', '1')])?.sourceId).toBe('1');
    expect(chooseLabelStudioItem([item('prediction', 'p'), item('prediction', 'q')])?.sourceId).toBe('p');
    expect(chooseLabelStudioItem([])).toBeUndefined();
  });

  it('reads one item per task, sizing regions from the local image when the file has no size', () => {
    const region = { id: 'r1', type: 'rectanglelabels', from_name: 'l', to_name: 'image' };
    const json = [
      {
        id: 7,
        data: { image: '/data/upload/1/3f2a9c1b-a.png' },
        annotations: [
          {
            id: 1,
            result: [{ ...region, value: { x: 10, y: 20, width: 30, height: 40, rectanglelabels: ['car'] } }],
          },
        ],
      },
      { id: 8, data: { image: 'https://x/b.png' } },
    ];
    const read = readLabelStudioDataset(json, {
      find: (name) => (name === 'a.png' ? 'a.png' : undefined),
      sizeOf: (path) => (path === 'a.png' ? { width: 200, height: 100 } : undefined),
    });
    expect(read.items).toEqual([
      {
        key: '7',
        image: { kind: 'file', path: 'a.png' },
        // 10 %, 20 %, 30 % × 40 % of 200 × 100 px.
        response: {
          annotations: [{ uuid: 'r1', label: 'car', type: 'box', left: 20, top: 20, width: 60, height: 40 }],
        },
      },
      { key: '8', image: { kind: 'reference', url: 'https://x/b.png' }, response: { annotations: [] } },
    ]);
    expect(read.problems).toEqual([]);
  });
});

describe('datasetUniqueId', () => {
  it('is <format>:<project>/<key> up to 256 characters', () => {
    expect(datasetUniqueId('coco', 'street', '000123.jpg')).toBe('coco:street/000123.jpg');
    const key = 'k'.repeat(256 - 'yolo:p/'.length);
    expect(datasetUniqueId('yolo', 'p', key)).toBe(`yolo:p/${key}`);
  });

  it('is the SHA-256 of project and key beyond 256 characters', () => {
    // sha256("p/" + 300 × "k"), computed with Python's hashlib.
    expect(datasetUniqueId('voc', 'p', 'k'.repeat(300))).toBe(
      'voc:sha256:c6408342b81949d9aa04d4c64356c7d65e43318e54bc7dc3348038bf06713d49',
    );
  });

  it('is never longer than 256 characters', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('coco', 'yolo', 'voc', 'labelstudio'),
        fc.string(),
        fc.string({ maxLength: 400 }),
        (format, project, key) => {
          expect(datasetUniqueId(format, project, key).length).toBeLessThanOrEqual(256);
        },
      ),
    );
  });
});
