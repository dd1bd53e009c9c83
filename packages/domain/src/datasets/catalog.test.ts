import { describe, expect, it } from 'vitest';
import { BUILT_IN_TASK_TYPES } from '../registry.ts';
import { DATASET_FORMATS, type DatasetFormatId, datasetFormat, datasetFormatsFor } from './catalog.ts';

const ids = (type: string) => datasetFormatsFor(type).map((format) => format.id);
const GENERIC = ['jsonl', 'scale_json', 'huggingface'];

describe('DATASET_FORMATS', () => {
  it('lists every format id once', () => {
    const all: DatasetFormatId[] = [
      'coco',
      'yolo_detection',
      'yolo_segmentation',
      'voc',
      'scale_json',
      'jsonl',
      'sft_chat',
      'dpo',
      'rankings',
      'huggingface',
    ];
    expect(DATASET_FORMATS.map((format) => format.id).sort()).toEqual([...all].sort());
  });

  it('names only built-in task types', () => {
    const names = new Set(BUILT_IN_TASK_TYPES.map((type) => type.name));
    for (const format of DATASET_FORMATS) {
      for (const type of format.types ?? []) expect(names.has(type), `${format.id}: ${type}`).toBe(true);
    }
  });

  it('pairs each extension with its content type', () => {
    const contentTypes: Record<string, string> = {
      json: 'application/json',
      jsonl: 'application/x-ndjson',
      zip: 'application/zip',
    };
    for (const format of DATASET_FORMATS) expect(format.contentType).toBe(contentTypes[format.extension]);
  });
});

describe('datasetFormatsFor', () => {
  it('offers the image formats for image annotation', () => {
    expect(ids('imageannotation')).toEqual([
      ...GENERIC,
      'coco',
      'yolo_detection',
      'yolo_segmentation',
      'voc',
    ]);
  });

  it('offers SFT chat for demonstrations and the preference formats for pairwise preferences and rankings', () => {
    expect(ids('demonstration')).toEqual([...GENERIC, 'sft_chat']);
    expect(ids('pairwisepreference')).toEqual([...GENERIC, 'dpo', 'rankings']);
    expect(ids('ranking')).toEqual([...GENERIC, 'dpo', 'rankings']);
  });

  it('offers the generic formats to every other or unknown type', () => {
    expect(ids('categorization')).toEqual(GENERIC);
    expect(ids('textcollection')).toEqual(GENERIC);
    expect(ids('nope')).toEqual(GENERIC);
  });
});

describe('datasetFormat', () => {
  it('finds a format by id', () => {
    expect(datasetFormat('voc')?.label).toBe('Pascal VOC');
    expect(datasetFormat('xml')).toBeUndefined();
  });
});
