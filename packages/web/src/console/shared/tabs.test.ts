import { describe, expect, it } from 'vitest';
import { tabAfterKey, tabOfHash } from './tabs.tsx';

describe('tabs', () => {
  const ids = ['members', 'invitations', 'workforces'] as const satisfies readonly [string, ...string[]];
  it('reads the open tab from the fragment, the first for any other', () => {
    expect(tabOfHash(ids, '#invitations')).toBe('invitations');
    expect(tabOfHash(ids, 'workforces')).toBe('workforces');
    expect(tabOfHash(ids, '')).toBe('members');
    expect(tabOfHash(ids, '#nope')).toBe('members');
  });
  it('moves with the arrow keys, wrapping at the ends', () => {
    expect(tabAfterKey(ids, 'members', 'ArrowRight')).toBe('invitations');
    expect(tabAfterKey(ids, 'members', 'ArrowLeft')).toBe('workforces');
    expect(tabAfterKey(ids, 'workforces', 'ArrowRight')).toBe('members');
    expect(tabAfterKey(ids, 'members', 'Enter')).toBeNull();
    expect(tabAfterKey([], 'members', 'ArrowRight')).toBeNull();
  });
});
