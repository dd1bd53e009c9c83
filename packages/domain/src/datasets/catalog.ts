/**
 * The dataset formats Groundwork exports, which task types each applies to, and the task record every format
 * is written from. The server offers {@link datasetFormatsFor} a project's type; the web console lists the
 * same entries, so a format appears in one place only.
 * @packageDocumentation
 */

/** Id of an export format, as stored on an export and sent by clients. */
export type DatasetFormatId =
  | 'coco'
  | 'yolo_detection'
  | 'yolo_segmentation'
  | 'voc'
  | 'scale_json'
  | 'jsonl'
  | 'sft_chat'
  | 'dpo'
  | 'rankings'
  | 'huggingface';

/** One export format: what it is called, what it holds, which tasks it applies to and how it downloads. */
export interface DatasetFormat {
  /** Stable id. */
  id: DatasetFormatId;
  /** Short name shown to people. */
  label: string;
  /** One sentence on what the file holds and who reads it. */
  description: string;
  /** Task types it applies to; null = every type. */
  types: readonly string[] | null;
  /** File name extension of the download: 'json' | 'jsonl' | 'zip'. */
  extension: string;
  /** MIME type of the download. */
  contentType: string;
}

const JSON_TYPE = 'application/json';
const JSONL_TYPE = 'application/x-ndjson';
const ZIP_TYPE = 'application/zip';

/**
 * Every export format, generic ones first. Image formats take imageannotation answers; the LLM formats take
 * the types whose answers they can express without guessing: SFT chat needs a human-written reply
 * (demonstration), DPO pairs need a strict preference (pairwise preference, ranking), ranking records a
 * full order (ranking, and pairwise preference as a ranking of two that keeps ties).
 */
export const DATASET_FORMATS: readonly DatasetFormat[] = [
  {
    id: 'jsonl',
    label: 'JSON Lines',
    description:
      'One task per line: params, response, metadata, status, timestamps and params version (optionally every annotator’s answer), readable back without loss.',
    types: null,
    extension: 'jsonl',
    contentType: JSONL_TYPE,
  },
  {
    id: 'scale_json',
    label: 'Scale JSON',
    description:
      'A JSON array of tasks with their responses in the Scale API shape, for code written against Scale.',
    types: null,
    extension: 'json',
    contentType: JSON_TYPE,
  },
  {
    id: 'huggingface',
    label: 'Hugging Face dataset',
    description:
      'A folder ready for datasets.load_dataset or the Hub: JSON Lines data files and a README.md dataset card with features, counts and the instructions.',
    types: null,
    extension: 'zip',
    contentType: ZIP_TYPE,
  },
  {
    id: 'coco',
    label: 'COCO',
    description:
      'COCO object-detection JSON: images, categories and annotations (boxes, polygons, keypoints); rotations, ellipses, cuboids and attributes ride in extra fields.',
    types: ['imageannotation'],
    extension: 'json',
    contentType: JSON_TYPE,
  },
  {
    id: 'yolo_detection',
    label: 'YOLO detection',
    description:
      'Ultralytics YOLO labels: one text file per image with normalized boxes, plus data.yaml and classes.txt.',
    types: ['imageannotation'],
    extension: 'zip',
    contentType: ZIP_TYPE,
  },
  {
    id: 'yolo_segmentation',
    label: 'YOLO segmentation',
    description:
      'Ultralytics YOLO segmentation labels: one text file per image with normalized polygons, plus data.yaml and classes.txt.',
    types: ['imageannotation'],
    extension: 'zip',
    contentType: ZIP_TYPE,
  },
  {
    id: 'voc',
    label: 'Pascal VOC',
    description: 'One Pascal VOC XML file per image with its labeled boxes.',
    types: ['imageannotation'],
    extension: 'zip',
    contentType: ZIP_TYPE,
  },
  {
    id: 'sft_chat',
    label: 'SFT chat',
    description:
      'Supervised fine-tuning conversations: {"messages": [...]} per written demonstration, the format of TRL SFTTrainer and OpenAI fine-tuning.',
    types: ['demonstration'],
    extension: 'jsonl',
    contentType: JSONL_TYPE,
  },
  {
    id: 'dpo',
    label: 'Preference pairs (DPO)',
    description:
      'prompt / chosen / rejected pairs in the conversational format of TRL and OpenRLHF: one per decided pairwise preference (ties left out), every ordered pair of a ranking.',
    types: ['pairwisepreference', 'ranking'],
    extension: 'jsonl',
    contentType: JSONL_TYPE,
  },
  {
    id: 'rankings',
    label: 'Rankings',
    description:
      'One record per task with its responses best first and their ranks (ties share a rank), for listwise reward models.',
    types: ['ranking', 'pairwisepreference'],
    extension: 'jsonl',
    contentType: JSONL_TYPE,
  },
];

/** The formats that apply to tasks of `type`, in catalog order; the generic ones for an unknown type. */
export function datasetFormatsFor(type: string): DatasetFormat[] {
  return DATASET_FORMATS.filter((format) => format.types === null || format.types.includes(type));
}

/** The catalog entry of a format id, or undefined for an id that is not one. */
export function datasetFormat(id: string): DatasetFormat | undefined {
  return DATASET_FORMATS.find((format) => format.id === id);
}

/** A task as every dataset format reads it (what the server streams out of the database). */
export interface DatasetTask {
  /** Task id. */
  id: string;
  /** Task type name, e.g. `imageannotation`. */
  type: string;
  /** The caller's unique id, or null. */
  uniqueId: string | null;
  /** Task status (`pending`, `completed`, `canceled`, `error`). */
  status: string;
  /** Name of the batch it belongs to, or null. */
  batch: string | null;
  /** The task's params as the server holds them. */
  params: Record<string, unknown>;
  /** The final answer; null until the task is completed. */
  response: unknown;
  /** The caller's metadata. */
  metadata: Record<string, unknown>;
  /** Tags. */
  tags: string[];
  /** Version of the project params the task was created under, or null. */
  paramsVersion: number | null;
  /** Creation time, ISO 8601. */
  createdAt: string;
  /** Completion time, ISO 8601, or null. */
  completedAt: string | null;
}
