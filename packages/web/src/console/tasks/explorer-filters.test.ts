import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  apiQuery,
  describeTotal,
  type ExplorerFilters,
  endOfDay,
  filterProblem,
  NO_FILTERS,
  readFilters,
  roughly,
  STAGES,
  STATUSES,
  searchOf,
  startOfDay,
  tagList,
} from './explorer-filters.ts';

const filtersArbitrary: fc.Arbitrary<ExplorerFilters> = fc.record({
  status: fc.constantFrom('', ...STATUSES),
  stage: fc.constantFrom('', ...STAGES),
  batch: fc.string().map((s) => s.trim()),
  tags: fc.string().map((s) => s.trim()),
  agreementMin: fc.constantFrom('', '0', '25', '50.5', '100'),
  agreementMax: fc.constantFrom('', '10', '75', '100'),
  annotator: fc.constantFrom('', 'aaaaaaaaaaaaaaaaaaaaaaaa'),
  createdFrom: fc.constantFrom('', '2025-01-31'),
  createdTo: fc.constantFrom('', '2025-02-01'),
  completedFrom: fc.constantFrom('', '2024-12-31'),
  completedTo: fc.constantFrom('', '2025-03-01'),
  q: fc.string().map((s) => s.trim()),
  sort: fc.constantFrom('newest', 'oldest'),
});

describe('explorer filters in the URL', () => {
  it('come back as they were set', () => {
    fc.assert(
      fc.property(filtersArbitrary, (filters) => {
        expect(readFilters(searchOf(filters))).toEqual(filters);
      }),
    );
  });

  it('leave out what is not set, and nothing set is an empty search', () => {
    expect(searchOf(NO_FILTERS)).toEqual({});
    expect(searchOf({ ...NO_FILTERS, status: 'error', sort: 'oldest' })).toEqual({
      status: 'error',
      sort: 'oldest',
    });
    expect(activeFilterCount({ ...NO_FILTERS, status: 'error', q: 'x', sort: 'oldest' })).toBe(2);
  });

  it('drop values a hand-edited URL gets wrong instead of failing', () => {
    expect(
      readFilters({
        status: 'done',
        stage: 7,
        agreementMin: 150,
        agreementMax: 'lots',
        createdFrom: '2025-13-45',
        completedTo: 'yesterday',
        sort: 'sideways',
        q: 123,
        batch: { nested: true },
      }),
    ).toEqual({ ...NO_FILTERS, q: '123' });
    // The router reads `?agreementMin=50` as a number.
    expect(readFilters({ agreementMin: 50 }).agreementMin).toBe('50');
  });
});

describe('apiQuery', () => {
  it('asks for nothing but the order and page size when nothing is set', () => {
    expect(apiQuery(NO_FILTERS, 200)).toEqual({ sort: 'newest', limit: 200 });
  });

  it('turns percentages into fractions, tags into a list and days into whole local days', () => {
    const query = apiQuery(
      {
        ...NO_FILTERS,
        tags: ' red, blue ,,red ',
        agreementMin: '25',
        agreementMax: '50',
        createdFrom: '2025-01-31',
        createdTo: '2025-01-31',
        q: '  doc-1 ',
      },
      100,
    );
    expect(query).toMatchObject({
      tag: ['red', 'blue'],
      agreementAtLeast: 0.25,
      agreementBelow: 0.5,
      q: 'doc-1',
    });
    const from = new Date(query.createdAfter as string);
    const to = new Date(query.createdBefore as string);
    expect([from.getFullYear(), from.getMonth(), from.getDate(), from.getHours(), from.getMinutes()]).toEqual(
      [2025, 0, 31, 0, 0],
    );
    expect([to.getDate(), to.getHours(), to.getMinutes(), to.getSeconds(), to.getMilliseconds()]).toEqual([
      31, 23, 59, 59, 999,
    ]);
    expect(to.getTime() - from.getTime()).toBeGreaterThan(0);
    expect(new Date(endOfDay('2025-01-31')).getTime() + 1).toBe(new Date(startOfDay('2025-02-01')).getTime());
  });
});

describe('filterProblem', () => {
  it('catches ranges that end before they start, and nothing else', () => {
    expect(filterProblem(NO_FILTERS)).toBeNull();
    expect(filterProblem({ ...NO_FILTERS, agreementMin: '50', agreementMax: '50' })).toMatch(/agreement/);
    expect(filterProblem({ ...NO_FILTERS, agreementMin: '0', agreementMax: '0.5' })).toBeNull();
    expect(filterProblem({ ...NO_FILTERS, createdFrom: '2025-02-01', createdTo: '2025-01-31' })).toMatch(
      /creation/,
    );
    expect(filterProblem({ ...NO_FILTERS, createdFrom: '2025-02-01', createdTo: '2025-02-01' })).toBeNull();
    expect(filterProblem({ ...NO_FILTERS, completedFrom: '2025-02-01', completedTo: '2025-01-01' })).toMatch(
      /completion/,
    );
  });
});

describe('tagList', () => {
  it('has no empty or repeated tag', () => {
    expect(tagList('')).toEqual([]);
    expect(tagList(' , ,')).toEqual([]);
    expect(tagList('a,b,a, c')).toEqual(['a', 'b', 'c']);
  });
});

describe('describeTotal', () => {
  it('says exact counts as they are and rounds estimates to two significant digits', () => {
    expect(describeTotal(0, true, 0)).toBe('0 tasks');
    expect(describeTotal(1, true, 1)).toBe('1 task');
    expect(describeTotal(12_345, true, 100)).toBe('12,345 tasks');
    expect(describeTotal(1_000_838, false, 100)).toBe('about 1,000,000 tasks');
    expect(describeTotal(86_105, false, 100)).toBe('about 86,000 tasks');
    expect(describeTotal(null, false, 300)).toBe('300+ tasks');
  });

  it('rounds to two significant digits without losing the magnitude', () => {
    expect(roughly(0)).toBe(0);
    expect(roughly(99)).toBe(99);
    expect(roughly(155)).toBe(160);
    expect(roughly(10_001)).toBe(10_000);
  });
});
