import { describe, expect, it } from 'vitest';
import { isId, newId } from './ids.ts';

describe('newId', () => {
  it('makes distinct 24-hex ids that start with the creation second', () => {
    const now = Date.UTC(2026, 0, 2, 3, 4, 5);
    const ids = Array.from({ length: 5000 }, () => newId(now));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(isId(id)).toBe(true);
      expect(Number.parseInt(id.slice(0, 8), 16)).toBe(now / 1000);
    }
  });
});
