import type { DatasetFormatId } from '@groundwork/domain';
import { describe, expect, it } from 'vitest';
import {
  asOfOf,
  dayBoundary,
  describeOptions,
  type ExportForm,
  exportDuration,
  exportFormProblems,
  exportProgress,
  exportRequest,
  isActive,
  parseTags,
  statusTone,
} from './export-logic.ts';

type ChosenForm = ExportForm & { format: DatasetFormatId };

const form = (overrides: Partial<ChosenForm> = {}): ChosenForm => ({
  format: 'coco',
  batch: '',
  status: 'completed',
  tags: '',
  createdFrom: '',
  createdTo: '',
  includeAnswers: false,
  ...overrides,
});

describe('parseTags', () => {
  it('splits on commas, semicolons and lines, trims, drops empties and repeats', () => {
    expect(parseTags(' street, night;street\n\n rain ')).toEqual(['street', 'night', 'rain']);
    expect(parseTags('')).toEqual([]);
    expect(parseTags(' , ;')).toEqual([]);
  });
});

describe('dayBoundary', () => {
  it('starts a day at local midnight and ends it at its last millisecond', () => {
    const start = new Date(dayBoundary('2024-03-05', false) ?? '');
    expect([
      start.getFullYear(),
      start.getMonth(),
      start.getDate(),
      start.getHours(),
      start.getMinutes(),
    ]).toEqual([2024, 2, 5, 0, 0]);
    const end = new Date(dayBoundary('2024-03-05', true) ?? '');
    expect([
      end.getDate(),
      end.getHours(),
      end.getMinutes(),
      end.getSeconds(),
      end.getMilliseconds(),
    ]).toEqual([5, 23, 59, 59, 999]);
    expect(end.getTime() - start.getTime()).toBeGreaterThanOrEqual(23 * 3600 * 1000 - 1);
  });

  it('refuses what is not a real day', () => {
    expect(dayBoundary('2024-02-30', false)).toBeNull();
    expect(dayBoundary('2024-13-01', false)).toBeNull();
    expect(dayBoundary('5 March', false)).toBeNull();
    expect(dayBoundary('', true)).toBeNull();
  });
});

describe('exportRequest', () => {
  it('sends only the format and status when nothing is filtered', () => {
    expect(exportRequest(form())).toEqual({ format: 'coco', status: 'completed' });
  });

  it('sends batch, tags and whole days', () => {
    const request = exportRequest(
      form({
        batch: 'spring',
        tags: 'a; b',
        createdFrom: '2024-01-01',
        createdTo: '2024-01-31',
        status: 'any',
      }),
    );
    expect(request).toMatchObject({ format: 'coco', status: 'any', batch: 'spring', tags: ['a', 'b'] });
    expect(new Date(request.createdAfter ?? '').getDate()).toBe(1);
    expect(new Date(request.createdBefore ?? '').getHours()).toBe(23);
    expect(request.options).toBeUndefined();
  });

  it('sends the answers option only for formats that carry answers', () => {
    expect(exportRequest(form({ format: 'jsonl', includeAnswers: true })).options).toEqual({
      includeAnswers: true,
    });
    expect(exportRequest(form({ format: 'scale_json' })).options).toEqual({ includeAnswers: false });
    expect(exportRequest(form({ format: 'dpo', includeAnswers: true })).options).toBeUndefined();
  });
});

describe('exportFormProblems', () => {
  it('names a missing format, bad dates and a reversed range', () => {
    expect(exportFormProblems(form())).toEqual({});
    expect(exportFormProblems({ ...form(), format: '' })).toEqual({ format: 'Choose a format.' });
    expect(exportFormProblems(form({ createdFrom: '2024-02-31' }))).toEqual({ createdFrom: 'Not a date.' });
    expect(exportFormProblems(form({ createdFrom: '2024-02-02', createdTo: '2024-02-01' }))).toEqual({
      createdTo: 'The end is before the start.',
    });
    expect(exportFormProblems(form({ createdFrom: '2024-02-01', createdTo: '2024-02-01' }))).toEqual({});
  });
});

describe('progress and status', () => {
  it('is the share done while running, full once completed, unknown without a total', () => {
    expect(exportProgress({ status: 'running', total: 200, done: 50 })).toBe(0.25);
    expect(exportProgress({ status: 'running', total: 10, done: 12 })).toBe(1);
    expect(exportProgress({ status: 'completed', total: null, done: 0 })).toBe(1);
    expect(exportProgress({ status: 'queued', total: null, done: 0 })).toBeNull();
    expect(exportProgress({ status: 'running', total: 0, done: 0 })).toBeNull();
    expect(exportProgress({ status: 'canceled', total: 0, done: 0 })).toBe(0);
  });

  it('polls only queued and running exports', () => {
    expect(isActive('queued')).toBe(true);
    expect(isActive('running')).toBe(true);
    expect(isActive('completed')).toBe(false);
    expect(isActive('failed')).toBe(false);
    expect(isActive('canceled')).toBe(false);
    expect(statusTone('failed')).toBe('bad');
    expect(statusTone('canceled')).toBeUndefined();
  });
});

describe('describeOptions', () => {
  it('says what was exported', () => {
    expect(
      describeOptions({
        asOf: '2024-05-01T10:00:00.000Z',
        batch: 'spring',
        status: 'completed',
        tags: ['a', 'b'],
        options: { includeAnswers: true },
      }),
    ).toBe('batch spring · completed tasks · tags a, b · with every answer');
    expect(describeOptions({ filters: { status: 'any' } })).toBe('tasks of every status');
    expect(describeOptions(null)).toBe('All completed tasks');
    expect(describeOptions({})).toBe('completed tasks');
  });

  it('shows a date range as days', () => {
    const after = new Date(2024, 0, 1).toISOString();
    const before = new Date(2024, 0, 31, 23, 59).toISOString();
    expect(describeOptions({ createdAfter: after, createdBefore: before })).toBe(
      'completed tasks · created 2024-01-01 → 2024-01-31',
    );
    expect(describeOptions({ createdAfter: after })).toBe('completed tasks · created from 2024-01-01');
  });

  it('finds the moment the data was frozen', () => {
    expect(asOfOf({ asOf: '2024-05-01T10:00:00.000Z' })).toBe('2024-05-01T10:00:00.000Z');
    expect(asOfOf({})).toBeNull();
    expect(asOfOf('x')).toBeNull();
  });
});

describe('exportDuration', () => {
  it('says how long it took', () => {
    expect(exportDuration({ startedAt: '2024-01-01T00:00:00Z', finishedAt: '2024-01-01T00:00:12.4Z' })).toBe(
      '12 s',
    );
    expect(exportDuration({ startedAt: '2024-01-01T00:00:00Z', finishedAt: '2024-01-01T00:03:05Z' })).toBe(
      '3 min 5 s',
    );
    expect(exportDuration({ startedAt: '2024-01-01T00:00:00Z', finishedAt: '2024-01-01T00:02:00Z' })).toBe(
      '2 min',
    );
    expect(
      exportDuration({ startedAt: '2024-01-01T00:00:00Z', finishedAt: '2024-01-01T00:00:00.400Z' }),
    ).toBe('under 1 s');
    expect(exportDuration({ startedAt: null, finishedAt: null })).toBeNull();
    expect(
      exportDuration({ startedAt: '2024-01-01T00:00:10Z', finishedAt: '2024-01-01T00:00:00Z' }),
    ).toBeNull();
  });
});
