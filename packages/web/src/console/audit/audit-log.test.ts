import { describe, expect, it } from 'vitest';
import {
  type AuditFilters,
  actionLabel,
  activeFilterCount,
  apiQuery,
  describeActor,
  describeUserAgent,
  exportHref,
  filterProblems,
  NO_FILTERS,
  readFilters,
  searchOf,
  shortId,
  startOfNextDay,
  targetTypeLabel,
  verificationSummary,
} from './audit-log.ts';

const KEY = '0123456789abcdef01234567';

describe('filters in the address', () => {
  it('reads back what it wrote, leaving out what is unset', () => {
    const filters: AuditFilters = { ...NO_FILTERS, actor: KEY, action: 'task.', from: '2025-03-01' };
    expect(searchOf(filters)).toEqual({ actor: KEY, action: 'task.', from: '2025-03-01' });
    expect(readFilters(searchOf(filters))).toEqual(filters);
    expect(activeFilterCount(filters)).toBe(3);
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(readFilters({ from: '2025-13-45', to: 'yesterday', actor: { x: 1 }, targetId: 42 })).toEqual({
      ...NO_FILTERS,
      targetId: '42',
    });
  });
});

describe('filterProblems', () => {
  it('names the filters the API would refuse', () => {
    expect(filterProblems(NO_FILTERS)).toEqual({});
    expect(filterProblems({ ...NO_FILTERS, actor: 'bob' })).toHaveProperty('actor');
    expect(filterProblems({ ...NO_FILTERS, targetId: 'x' })).toHaveProperty('targetType');
    expect(filterProblems({ ...NO_FILTERS, from: '2025-03-02', to: '2025-03-01' })).toHaveProperty('to');
    expect(filterProblems({ ...NO_FILTERS, from: '2025-03-01', to: '2025-03-01' })).toEqual({});
  });
});

describe('apiQuery and exportHref', () => {
  it('turns days into a half-open range covering the last day', () => {
    const query = apiQuery({ ...NO_FILTERS, from: '2025-03-01', to: '2025-03-01' });
    expect(new Date(query.from as string).getTime()).toBe(new Date('2025-03-01T00:00:00').getTime());
    expect(new Date(query.to as string).getTime()).toBe(new Date('2025-03-02T00:00:00').getTime());
  });

  it('rolls over the end of a month', () => {
    expect(new Date(startOfNextDay('2025-02-28')).getTime()).toBe(new Date('2025-03-01T00:00:00').getTime());
  });

  it('sends only the filters given, and links the export with them', () => {
    expect(apiQuery(NO_FILTERS)).toEqual({});
    expect(exportHref(NO_FILTERS)).toBe('/api/audit-events/export');
    expect(exportHref({ ...NO_FILTERS, action: 'task.view', targetType: 'task', targetId: 'a b' })).toBe(
      '/api/audit-events/export?action=task.view&targetType=task&targetId=a+b',
    );
  });
});

describe('wording', () => {
  it('says who acted for people, keys, former members and the system', () => {
    expect(describeActor({ type: 'user', id: KEY, name: 'Ann Lee', email: 'ann@example.com' })).toEqual({
      primary: 'Ann Lee',
      secondary: 'ann@example.com',
    });
    expect(describeActor({ type: 'api_key', id: KEY, name: 'ci', email: null })).toEqual({
      primary: 'ci',
      secondary: 'API key · …01234567',
    });
    expect(describeActor({ type: 'user', id: KEY, name: null, email: null })).toEqual({
      primary: 'Former member',
      secondary: '…01234567',
    });
    expect(describeActor({ type: 'system', id: null, name: null, email: null }).primary).toBe('System');
  });

  it('names actions and objects, falling back to the raw names', () => {
    expect(actionLabel('task.view')).toBe('Viewed a task');
    expect(actionLabel('something.new')).toBe('something.new');
    expect(targetTypeLabel('dataset_export')).toBe('Export');
    expect(targetTypeLabel('new_thing')).toBe('new thing');
  });

  it('shortens ids but not short ones', () => {
    expect(shortId(KEY)).toBe('…01234567');
    expect(shortId('42')).toBe('42');
    expect(shortId(null)).toBe('—');
  });

  it('summarizes user agents', () => {
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
      ),
    ).toBe('Chrome on macOS');
    expect(
      describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0'),
    ).toBe('Firefox on Windows');
    expect(
      describeUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari on iOS');
    expect(describeUserAgent('curl/8.5.0')).toBe('curl');
    expect(describeUserAgent(null)).toBeNull();
    expect(describeUserAgent('')).toBeNull();
  });

  it('sums up a verification', () => {
    const base = { verified: 3, total: 3, lastVerifiedId: 9, lastVerifiedHash: 'h', message: 'OK' };
    expect(verificationSummary({ ...base, intact: true, broken: null })).toBe(
      'All 3 events verified: every hash and every link checks out.',
    );
    expect(verificationSummary({ ...base, total: 1, intact: true, broken: null })).toBe(
      'The event verified: every hash and every link checks out.',
    );
    expect(verificationSummary({ ...base, total: 0, intact: true, broken: null })).toBe(
      'Nothing recorded yet: there is no event to verify.',
    );
    expect(
      verificationSummary({
        ...base,
        intact: false,
        broken: {
          eventId: 7,
          createdAt: '2025-01-31T12:00:00.000Z',
          action: 'member.update',
          kind: 'hash_mismatch',
          reason: 'its content does not match its hash: the event was edited',
        },
      }),
    ).toBe(
      'First broken link at event 7 (member.update): its content does not match its hash: the event was edited.',
    );
  });
});
