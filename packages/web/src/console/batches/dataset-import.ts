/**
 * The pure side of importing a labeled dataset from the console (COCO, YOLO, Pascal VOC, Label Studio):
 * which picked files are which, the view of them the domain's readers take (the same readers as
 * `groundwork import`, so both find the same images, read the same answers and give each image's task the
 * same unique_id), the preview shown before anything is sent (images, annotations by label, labels the
 * project lacks, images not found, read problems, answers the project would refuse), and the plan the
 * import runs. No DOM and no requests: the panel reads the files, this module decides what they mean.
 */
import {
  checkResponse,
  type DatasetImageSource,
  type DatasetImportFormat,
  type DatasetRead,
  type DatasetReadProblem,
  datasetUniqueId,
  type ImageFinder,
  type ImageSize,
  imageannotationTaskType,
  imageListRows,
  leafLabels,
  mergeProjectParams,
  parseTaskParams,
  pathBaseName,
  pathExtension,
  readCocoDataset,
  readLabelStudioDataset,
  readVocDataset,
  readYoloDataset,
  vocXmlFiles,
  YOLO_CLASS_FILES,
  yoloClassNames,
  yoloLabelFiles,
} from '@groundwork/domain';
import { isImageFile } from './upload.ts';

/** What an imported image becomes: a task, a task with its annotations as pre-labels, or a gold task. */
export type DatasetTarget = 'tasks' | 'prelabels' | 'gold';

/** A dataset format as the panel offers it. */
export interface DatasetFormatOption {
  /** The format (also the first part of each task's unique_id). */
  id: DatasetImportFormat;
  /** Its name. */
  label: string;
  /** What to pick. */
  hint: string;
}

/** The formats, in the order the panel lists them. */
export const DATASET_FORMAT_OPTIONS: readonly DatasetFormatOption[] = [
  {
    id: 'coco',
    label: 'COCO JSON',
    hint: 'The annotation .json (images, annotations, categories) and the images it names.',
  },
  {
    id: 'yolo',
    label: 'YOLO folder',
    hint: 'The dataset folder: classes.txt or data.yaml, labels/ and images/.',
  },
  {
    id: 'voc',
    label: 'Pascal VOC',
    hint: 'The folder with Annotations/*.xml and JPEGImages/, or .xml files and their images.',
  },
  {
    id: 'labelstudio',
    label: 'Label Studio JSON',
    hint: 'A Label Studio JSON export and the images it shows.',
  },
];

/** A file the person picked, by its path in the dataset (`/`-separated, relative to the picked folder). */
export interface PickedFile {
  /** Its path in the dataset: `images/a.jpg` from a picked folder, `a.jpg` for a file picked alone. */
  path: string;
  /** Its MIME type as the browser knows it (`''` when unknown). */
  type: string;
  /** Its size in bytes. */
  size: number;
}

/** A path with `\` as `/` and no leading `./` or `/`. */
function cleanPath(path: string): string {
  return path.replaceAll('\\', '/').replace(/^(\.\/|\/)+/, '');
}

/** Folders of the datasets' own layouts: a pick is never cut below them. */
const LAYOUT_FOLDERS = new Set(['images', 'labels', 'annotations', 'jpegimages']);

/**
 * The paths of one pick in the dataset: files picked from a folder lose the picked folder's name
 * (`street/labels/a.txt` is `labels/a.txt`), and the folders all of them still share, down to the dataset's
 * own layout (a picked `exports` folder holding only `street/…`); files picked one by one are their names.
 */
export function pickedPaths(files: ReadonlyArray<{ name: string; webkitRelativePath?: string }>): string[] {
  let parts = files.map((file) =>
    cleanPath(file.webkitRelativePath && file.webkitRelativePath !== '' ? file.webkitRelativePath : file.name)
      .split('/')
      .filter((part) => part !== ''),
  );
  const fromFolder = files.some((file) => (file.webkitRelativePath ?? '') !== '');
  if (fromFolder) parts = parts.map((segments) => (segments.length > 1 ? segments.slice(1) : segments));
  const sharedFolder = () => {
    const first = parts[0]?.[0];
    if (first === undefined || LAYOUT_FOLDERS.has(first.toLowerCase())) return false;
    return parts.every((segments) => segments.length > 1 && segments[0] === first);
  };
  while (parts.length > 0 && sharedFolder()) parts = parts.map((segments) => segments.slice(1));
  return parts.map((segments) => segments.join('/'));
}

/** Whether a path names a file Groundwork reads as an image (by its extension; hidden files never are). */
export function isImagePath(path: string): boolean {
  return isImageFile({ name: pathBaseName(path), type: '' });
}

/**
 * The annotation files a COCO or Label Studio import may read: the picked `.json` files, in path order
 * (one of them is chosen). Empty for YOLO and VOC, whose annotation files are found by their layout.
 */
export function annotationFileCandidates(format: DatasetImportFormat, paths: readonly string[]): string[] {
  if (format !== 'coco' && format !== 'labelstudio') return [];
  return paths.filter((path) => pathExtension(path).toLowerCase() === '.json').sort();
}

/**
 * The JSON file a COCO or Label Studio import reads by default: the first candidate whose start looks like
 * the format (`[` for Label Studio, an object with `images` for COCO), else the first candidate.
 */
export function defaultAnnotationFile(
  format: DatasetImportFormat,
  candidates: readonly string[],
  heads: ReadonlyMap<string, string>,
): string | undefined {
  const looksRight = (path: string) => {
    const head = (heads.get(path) ?? '').replace(/^\ufeff/, '').trimStart();
    return format === 'labelstudio'
      ? head.startsWith('[')
      : head.startsWith('{') && /"images"\s*:/.test(head);
  };
  return candidates.find(looksRight) ?? candidates[0];
}

/** The texts the preview reads: the chosen JSON (COCO, LS); class lists, labels and images.csv (YOLO); XML (VOC). */
export function textsToRead(
  format: DatasetImportFormat,
  paths: readonly string[],
  annotationFile: string | undefined,
): string[] {
  const present = new Set(paths);
  switch (format) {
    case 'coco':
    case 'labelstudio':
      return annotationFile && present.has(annotationFile) ? [annotationFile] : [];
    case 'yolo':
      return [
        ...YOLO_CLASS_FILES.filter((name) => present.has(name)),
        ...yoloLabelFiles(paths).values(),
        ...(present.has('images.csv') ? ['images.csv'] : []),
      ];
    case 'voc':
      return [...vocXmlFiles(paths), ...(present.has('images.csv') ? ['images.csv'] : [])];
  }
}

/** The folder of a path, `''` at the top. */
function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** A path inside a folder (`''` is the top). */
function inFolder(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

/**
 * Finds a picked file by an image name as the CLI finds one on disk: the name as a path under each folder,
 * then its base name in each folder — and then, since people pick images from anywhere, the one picked file
 * with that base name (none when several have it).
 */
export function pickedImageFinder(paths: readonly string[], folders: readonly string[]): ImageFinder {
  const present = new Set(paths);
  const byBase = new Map<string, string | null>();
  for (const path of paths) {
    const base = pathBaseName(path);
    byBase.set(base, byBase.has(base) ? null : path);
  }
  return (raw) => {
    const name = cleanPath(raw);
    const base = pathBaseName(name);
    const candidates = [...folders.map((f) => inFolder(f, name)), ...folders.map((f) => inFolder(f, base))];
    return candidates.find((candidate) => present.has(candidate)) ?? byBase.get(base) ?? undefined;
  };
}

/** What the picked files say when read as a dataset. */
export interface PickedDatasetRead {
  /** The images and the problems, as the domain's reader gives them. */
  read: DatasetRead;
  /** Why nothing could be read at all (no JSON picked, not JSON, no class names, no XML), or null. */
  fatal: string | null;
  /** Local images whose size the reader asked for and `sizes` did not have (read them, then read again). */
  sizesWanted: string[];
}

/** The input of {@link readPickedDataset}. */
export interface PickedDatasetInput {
  /** The format. */
  format: DatasetImportFormat;
  /** Every picked path. */
  paths: readonly string[];
  /** The texts read so far (see {@link textsToRead}). */
  texts: ReadonlyMap<string, string>;
  /** The upright sizes of local images read so far. */
  sizes: ReadonlyMap<string, ImageSize | undefined>;
  /** The JSON file of a COCO or Label Studio import. */
  annotationFile?: string | undefined;
}

const LOOKED = ['the picked files'];

/** JSON text parsed, or the reason it is not JSON. */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\ufeff/, '')) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/**
 * Reads the picked files as a dataset with the domain's readers (the CLI's rules; see
 * `@groundwork/domain`'s import layout). Image sizes come from `sizes`; those asked for and missing are listed
 * in `sizesWanted`, so the caller reads them and calls again.
 */
export function readPickedDataset(input: PickedDatasetInput): PickedDatasetRead {
  const { format, paths, texts, sizes } = input;
  const wanted = new Set<string>();
  const sizeOf = (path: string) => {
    if (!sizes.has(path)) wanted.add(path);
    return sizes.get(path);
  };
  const empty: DatasetRead = { items: [], problems: [] };
  const done = (read: DatasetRead, fatal: string | null = null): PickedDatasetRead => ({
    read,
    fatal,
    sizesWanted: [...wanted].sort(),
  });
  switch (format) {
    case 'coco':
    case 'labelstudio': {
      const file = input.annotationFile;
      const text = file === undefined ? undefined : texts.get(file);
      if (file === undefined || text === undefined) {
        return done(empty, `Pick the ${format === 'coco' ? 'COCO' : 'Label Studio'} .json file.`);
      }
      const json = parseJson(text);
      if (!json.ok) return done(empty, `${file} is not valid JSON (${json.message}).`);
      const folder = folderOf(file);
      if (format === 'coco') {
        const find = pickedImageFinder(paths, [folder, inFolder(folder, 'images')]);
        return done(readCocoDataset(json.value, { find, looked: LOOKED }));
      }
      return done(readLabelStudioDataset(json.value, { find: pickedImageFinder(paths, [folder]), sizeOf }));
    }
    case 'yolo': {
      let names: ReturnType<typeof yoloClassNames>;
      try {
        names = yoloClassNames((name) => texts.get(name));
      } catch (error) {
        return done(empty, `${(error as Error).message}.`);
      }
      if (!names) return done(empty, 'A YOLO dataset needs classes.txt or data.yaml with the class names.');
      const local = new Map<string, string>();
      const images = paths.filter(isImagePath);
      for (const path of images) if (!path.startsWith('images/')) local.set(path, path);
      for (const path of images)
        if (path.startsWith('images/')) local.set(path.slice('images/'.length), path);
      return done(
        readYoloDataset({
          classes: names.classes,
          labels: yoloLabelFiles(paths),
          readLabel: (file) => texts.get(file) ?? '',
          listed: imageListRows(texts.get('images.csv') ?? ''),
          local,
          sizeOf,
          looked: LOOKED,
          hints: { withoutFile: 'pick the images too', lookedIn: 'images.csv and the picked images' },
        }),
      );
    }
    case 'voc': {
      const files = vocXmlFiles(paths);
      if (files.length === 0) return done(empty, 'Pick the VOC .xml files (Annotations/*.xml).');
      return done(
        readVocDataset({
          files,
          readText: (file) => texts.get(file) ?? '',
          listed: imageListRows(texts.get('images.csv') ?? ''),
          find: pickedImageFinder(paths, ['JPEGImages', '']),
          looked: LOOKED,
        }),
      );
    }
  }
}

/** How often a label of one geometry occurs, and whether the project has it. */
export interface LabelCount {
  /** The geometry (`box`, `polygon`…). */
  type: string;
  /** The label. */
  label: string;
  /** Annotations with it. */
  count: number;
  /** Whether the project's params have this label for this geometry. */
  known: boolean;
}

/** An image whose answer the project would refuse, with the first reason. */
export interface RefusedImage {
  /** The image (item key). */
  key: string;
  /** The field, as the server names it (`base_annotations.annotations.2.label`). */
  path: string;
  /** Why. */
  message: string;
  /** How many problems it has in all. */
  count: number;
  /** All of them. */
  issues: Array<{ path: string; message: string }>;
}

/** What the preview shows before anything is sent. */
export interface DatasetPreview {
  /** Images read. */
  images: number;
  /** Annotations read, in all. */
  annotations: number;
  /** Annotations by geometry and label, most frequent first. */
  labels: LabelCount[];
  /** The labels the project's params lack (a subset of `labels`). */
  unknownLabels: LabelCount[];
  /** Annotations with a label the project lacks. */
  unknownAnnotations: number;
  /** Names of images neither picked nor a URL, in dataset order. */
  missing: string[];
  /** Images used by their URL (no upload). */
  references: number;
  /** Distinct picked files to upload. */
  uploads: number;
  /** Images named like an earlier one: they would get its unique_id, so only the first is imported. */
  duplicates: string[];
  /** Images the project would refuse (pre-labels or gold), with the first reason each. */
  refused: RefusedImage[];
  /** Images that can be imported: found (picked or a URL) and not refused. */
  importable: number;
}

/** A placeholder attachment: the checks only need one to be there. */
const PLACEHOLDER_ATTACHMENT = 'https://example.invalid/image.jpg';

/** The labels of each geometry the project's params enable; null when its params cannot be read. */
function projectLabels(projectParams: Record<string, unknown>): Map<string, Set<string>> | null {
  const parsed = parseTaskParams(
    imageannotationTaskType,
    mergeProjectParams(projectParams, { attachment: PLACEHOLDER_ATTACHMENT }),
  );
  if (!parsed.ok) return null;
  const labels = new Map<string, Set<string>>();
  for (const [kind, geometry] of Object.entries(parsed.params.geometries)) {
    if (geometry) labels.set(kind, new Set(leafLabels(geometry.objects_to_annotate)));
  }
  return labels;
}

/** The problems the server would find with an image's pre-labels or gold answer, as it names them. */
function refusal(
  projectParams: Record<string, unknown>,
  target: DatasetTarget,
  response: DatasetRead['items'][number]['response'],
): Array<{ path: string; message: string }> {
  if (target === 'tasks') return [];
  if (target === 'prelabels') {
    const parsed = parseTaskParams(
      imageannotationTaskType,
      mergeProjectParams(projectParams, {
        attachment: PLACEHOLDER_ATTACHMENT,
        base_annotations: { annotations: response.annotations },
      }),
    );
    return parsed.ok ? [] : parsed.issues;
  }
  const params = parseTaskParams(
    imageannotationTaskType,
    mergeProjectParams(projectParams, { attachment: PLACEHOLDER_ATTACHMENT }),
  );
  if (!params.ok) return params.issues;
  const checked = checkResponse(imageannotationTaskType, params.params, response);
  return checked.ok ? [] : checked.issues.map((issue) => ({ path: issue.path, message: issue.message }));
}

/**
 * The preview of a read dataset for a project: counts, labels (and those the project lacks — such shapes
 * fail validation), missing images, and the images whose pre-labels or gold answer the project would
 * refuse, checked with the same domain rules the server applies.
 */
export function datasetPreview(
  read: DatasetRead,
  projectParams: Record<string, unknown>,
  target: DatasetTarget,
): DatasetPreview {
  const known = projectLabels(projectParams);
  const counts = new Map<string, LabelCount>();
  let annotations = 0;
  const missing: string[] = [];
  const uploads = new Set<string>();
  let references = 0;
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const refused: RefusedImage[] = [];
  for (const item of read.items) {
    for (const annotation of item.response.annotations) {
      annotations++;
      const id = `${annotation.type}\u0000${annotation.label}`;
      let entry = counts.get(id);
      if (!entry) {
        entry = {
          type: annotation.type,
          label: annotation.label,
          count: 0,
          known: known?.get(annotation.type)?.has(annotation.label) ?? false,
        };
        counts.set(id, entry);
      }
      entry.count++;
    }
    if (item.image.kind === 'missing') missing.push(item.image.name);
    else if (item.image.kind === 'file') uploads.add(item.image.path);
    else references++;
    if (seen.has(item.key)) duplicates.push(item.key);
    seen.add(item.key);
    if (item.image.kind !== 'missing') {
      const issues = refusal(projectParams, target, item.response);
      const first = issues[0];
      if (first) {
        refused.push({
          key: item.key,
          path: first.path,
          message: first.message,
          count: issues.length,
          issues: issues.map((issue) => ({ path: issue.path, message: issue.message })),
        });
      }
    }
  }
  const labels = [...counts.values()].sort(
    (a, b) => b.count - a.count || a.type.localeCompare(b.type) || a.label.localeCompare(b.label),
  );
  const unknownLabels = labels.filter((entry) => !entry.known);
  return {
    images: read.items.length,
    annotations,
    labels,
    unknownLabels,
    unknownAnnotations: unknownLabels.reduce((sum, entry) => sum + entry.count, 0),
    missing,
    references,
    uploads: uploads.size,
    duplicates,
    refused,
    importable: read.items.length - missing.length - refused.length,
  };
}

/** One image the import sends, with its task's unique_id. */
export interface PlannedImage {
  /** The image's key (its name in reports). */
  key: string;
  /** The `unique_id` of its task: `<format>:<project>/<key>`, as `groundwork import` gives it. */
  uniqueId: string;
  /** The image. */
  image: DatasetImageSource;
  /** Its answer (pre-labels or gold). */
  response: DatasetRead['items'][number]['response'];
}

/** The images of a read dataset as the import sends them (the same unique_ids as the CLI's). */
export function planDatasetImport(
  read: DatasetRead,
  format: DatasetImportFormat,
  project: string,
): PlannedImage[] {
  return read.items.map((item) => ({
    key: item.key,
    uniqueId: datasetUniqueId(format, project, item.key),
    image: item.image,
    response: item.response,
  }));
}

/**
 * The NDJSON line that creates an image's task, exactly as `groundwork import` writes it: the attachment,
 * `attachment_type: image`, the unique_id and, for pre-labels, the annotations as `base_annotations`.
 */
export function datasetTaskLine(image: PlannedImage, attachment: string, target: DatasetTarget): string {
  return JSON.stringify({
    attachment,
    attachment_type: 'image',
    unique_id: image.uniqueId,
    ...(target === 'prelabels' ? { base_annotations: { annotations: image.response.annotations } } : {}),
  });
}

/** Where a read problem is, as one label: `labels/a.txt line 4`, `image a.jpg`, or `Dataset`. */
export function problemPlace(problem: Pick<DatasetReadProblem, 'file' | 'line' | 'item'>): string {
  const where = [
    problem.file,
    problem.line !== undefined ? `line ${problem.line}` : undefined,
    problem.item !== undefined && problem.file === undefined ? `image ${problem.item}` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return where || 'Dataset';
}

/** A problem of the import, by the place it concerns (an image, a file and line, or the dataset). */
export interface PlacedProblem {
  /** The image or file it concerns ({@link problemPlace}). */
  place: string;
  /** The field (`base_annotations.annotations.0.label`), or `''`. */
  path: string;
  /** What is wrong. */
  message: string;
}

/**
 * Problems in the shape of the upload report (`line` = the 1-based index of its place in `places`, so the
 * report's rows are named by image or file), places in first-seen order.
 */
export function reportProblems(problems: readonly PlacedProblem[]): {
  places: string[];
  problems: Array<{ line: number; path: string; message: string }>;
} {
  const index = new Map<string, number>();
  const out = problems.map((problem) => {
    let line = index.get(problem.place);
    if (line === undefined) {
      line = index.size + 1;
      index.set(problem.place, line);
    }
    return { line, path: problem.path, message: problem.message };
  });
  return { places: [...index.keys()], problems: out };
}

/**
 * Whether a project of this task type can import labeled datasets: types whose tasks take one image and
 * whose answers are image annotations (pre-labels in `base_annotations`, gold as an annotation answer) —
 * `imageannotation` among the registered types.
 */
export function takesLabeledDatasets(type: string): boolean {
  return type === 'imageannotation';
}

/**
 * Items with stable React keys made from their content (`keyOf`), a repeated key numbered by its
 * occurrence (`a.jpg`, `a.jpg#2`), so lists of names that may repeat need no array index.
 */
export function keyed<T>(items: readonly T[], keyOf: (item: T) => string): Array<{ key: string; item: T }> {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = keyOf(item);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { key: n === 1 ? base : `${base}#${n}`, item };
  });
}
