import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectFormat } from './detect.ts';

const dir = mkdtempSync(join(tmpdir(), 'gw-detect-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function at(name: string, text?: string): string {
  const path = join(dir, name);
  if (text === undefined) mkdirSync(path, { recursive: true });
  else writeFileSync(path, text);
  return path;
}

describe('detectFormat', () => {
  it('goes by extension, and by content for .json', () => {
    expect(detectFormat(at('a.csv', 'x'))).toBe('csv');
    expect(detectFormat(at('a.NDJSON', '{}'))).toBe('jsonl');
    expect(detectFormat(at('a.xml', '<annotation/>'))).toBe('voc');
    expect(
      detectFormat(at('coco.json', '\ufeff {"info": {}, "images": [], "annotations": [], "categories": []}')),
    ).toBe('coco');
    expect(detectFormat(at('ls.json', ' [{"data": {}}]'))).toBe('labelstudio');
    expect(detectFormat(at('one-task.json', '{"data": {"image": "x"}}'))).toBe('labelstudio');
    expect(detectFormat('-')).toBe('jsonl');
  });

  it('tells YOLO and VOC directories apart', () => {
    at('yolo/labels');
    expect(detectFormat(join(dir, 'yolo'))).toBe('yolo');
    at('voc/Annotations');
    expect(detectFormat(join(dir, 'voc'))).toBe('voc');
    at('flat-voc');
    at('flat-voc/1.XML', '<annotation/>');
    expect(detectFormat(join(dir, 'flat-voc'))).toBe('voc');
  });

  it('is a usage error when it cannot tell, and for an archive', () => {
    expect(() => detectFormat(at('empty'))).toThrowError(/cannot tell the format of this directory/);
    expect(() => detectFormat(at('a.txt', 'x'))).toThrowError(/pass --format/);
    expect(() => detectFormat(at('a.zip', 'PK'))).toThrowError(/unpack the archive/);
    expect(() => detectFormat(at('bad.json', 'nope'))).toThrowError(/pass --format/);
  });
});
