import { describe, expect, it } from 'vitest';
import { DRAFT_MAX_AGE_MS, type DraftStorage, DraftStore } from './drafts.ts';

function memoryStorage(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    key: (index) => [...map.keys()][index] ?? null,
    get length() {
      return map.size;
    },
  };
}

describe('DraftStore', () => {
  it('keeps a draft and its elapsed time across instances (a reload)', () => {
    const storage = memoryStorage();
    new DraftStore(storage).save('a1', { annotations: [{ label: 'car' }] }, 12_000, 1000);
    expect(new DraftStore(storage).load('a1')).toEqual({
      draft: { annotations: [{ label: 'car' }] },
      elapsedMs: 12_000,
      savedAt: 1000,
    });
  });

  it('forgets a removed draft and ignores corrupt entries', () => {
    const storage = memoryStorage();
    const drafts = new DraftStore(storage);
    drafts.save('a1', 'x', 0);
    drafts.remove('a1');
    expect(drafts.load('a1')).toBeNull();
    storage.setItem('groundwork.draft.a2', '{not json');
    expect(drafts.load('a2')).toBeNull();
  });

  it('prunes drafts older than a week, and only drafts', () => {
    const storage = memoryStorage();
    const drafts = new DraftStore(storage);
    const now = 10 * DRAFT_MAX_AGE_MS;
    drafts.save('old', 1, 0, now - DRAFT_MAX_AGE_MS - 1);
    drafts.save('new', 2, 0, now - 1000);
    storage.setItem('other-app', 'keep');
    drafts.prune(now);
    expect(drafts.load('old')).toBeNull();
    expect(drafts.load('new')?.draft).toBe(2);
    expect(storage.getItem('other-app')).toBe('keep');
  });

  it('forgets every draft, and nothing else, on sign-out', () => {
    const storage = memoryStorage();
    const drafts = new DraftStore(storage);
    drafts.save('a1', 1, 0);
    drafts.save('a2', 2, 0);
    storage.setItem('other-app', 'keep');
    drafts.clear();
    expect(drafts.load('a1')).toBeNull();
    expect(drafts.load('a2')).toBeNull();
    expect(storage.getItem('other-app')).toBe('keep');
  });

  it('reports a refused save (storage full) instead of throwing', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(new DraftStore(storage).save('a1', 1, 0)).toBe(false);
    expect(new DraftStore(null).save('a1', 1, 0)).toBe(false);
  });
});
