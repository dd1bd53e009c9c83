import { describe, expect, it } from 'vitest';
import { findPii } from './find-pii.ts';
import { projectRedactionSchema, readRedaction, redactionOptions, redactsFor } from './policy.ts';

const vendor = { id: 'wf_vendor', kind: 'vendor' as const };
const team = { id: 'wf_team', kind: 'internal' as const };

describe('project redaction policy', () => {
  it('masks for nobody by default, also for stored junk', () => {
    for (const stored of [undefined, null, {}, { applies_to: 'everyone' }]) {
      const policy = readRedaction(stored);
      expect([redactsFor(policy, vendor), redactsFor(policy, team), redactsFor(policy, null)]).toEqual([
        false,
        false,
        false,
      ]);
    }
  });

  it('masks for vendor workforces, listed workforces, or everyone', () => {
    const vendors = readRedaction({ applies_to: 'vendors', workforces: ['wf_team'] });
    expect([redactsFor(vendors, vendor), redactsFor(vendors, team), redactsFor(vendors, null)]).toEqual([
      true,
      true,
      false,
    ]);
    const listed = readRedaction({ workforces: ['wf_vendor'] });
    expect([redactsFor(listed, vendor), redactsFor(listed, team)]).toEqual([true, false]);
    const all = readRedaction({ applies_to: 'all' });
    expect([redactsFor(all, team), redactsFor(all, null)]).toEqual([true, true]);
  });

  it('names the field of a bad policy', () => {
    const result = projectRedactionSchema.safeParse({ default_country: 'XX', kinds: ['email', 'email'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'default_country',
      'kinds.1',
    ]);
  });

  it('turns into finder options', () => {
    const policy = readRedaction({ kinds: ['phone', 'name'], default_country: 'US', names: [' Anna Lee '] });
    const text = 'Anna Lee, (415) 555-0132, anna@example.com';
    expect(findPii(text, redactionOptions(policy)).map((m) => m.kind)).toEqual(['name', 'phone']);
    expect(redactionOptions(readRedaction({}))).toEqual({
      kinds: ['email', 'card', 'id', 'phone', 'ip', 'name'],
      defaultCountry: undefined,
      names: [],
    });
  });
});
