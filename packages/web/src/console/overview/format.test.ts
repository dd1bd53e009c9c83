import { describe, expect, it } from 'vitest';
import { bucketLabel, shorten, typeLabel } from './format.ts';

describe('bucketLabel', () => {
  it('names a day or an hour in the given time zone', () => {
    expect(bucketLabel('2025-03-10T04:00:00.000Z', 'day', 'America/New_York')).toBe('Mar 10');
    expect(bucketLabel('2025-03-10T04:00:00.000Z', 'day', 'UTC')).toBe('Mar 10');
    expect(bucketLabel('2025-03-10T03:00:00.000Z', 'day', 'America/New_York')).toBe('Mar 9');
    expect(bucketLabel('2025-03-10T14:00:00.000Z', 'hour', 'UTC')).toBe('Mar 10, 14:00');
    expect(bucketLabel('2025-03-10T00:00:00.000Z', 'day', 'UTC', true)).toBe('Mon, Mar 10');
  });
});

describe('typeLabel', () => {
  it('names known types for people and keeps unknown ones', () => {
    expect(typeLabel('pairwisepreference')).toBe('Pairwise preference');
    expect(typeLabel('custom')).toBe('custom');
  });
});

describe('shorten', () => {
  it('cuts long text to the limit with an ellipsis, and leaves short text alone', () => {
    expect(shorten('demo-review-sentiment-1', 10)).toBe('demo-revi…');
    expect(shorten('demo-review-sentiment-1', 10)).toHaveLength(10);
    expect(shorten('short', 10)).toBe('short');
    expect(shorten('exactly10!', 10)).toBe('exactly10!');
  });
});
