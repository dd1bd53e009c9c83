/**
 * Drafts: what an annotator has done on an assignment, kept in the browser (localStorage) on every change
 * so a reload, a crash or a lost connection loses nothing. A draft is dropped when its assignment is
 * submitted or skipped, and forgotten after a week.
 */

/** A stored draft. */
export interface StoredDraft {
  /** The type editor's draft (JSON). */
  draft: unknown;
  /** Time already spent on the assignment, in milliseconds. */
  elapsedMs: number;
  /** When it was saved (epoch ms). */
  savedAt: number;
}

/** The part of the Web Storage API drafts need (tests pass an in-memory one). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'groundwork.draft.';
/** How long a draft is kept without its assignment being finished. */
export const DRAFT_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/** Drafts of one browser, keyed by assignment id. */
export class DraftStore {
  readonly #storage: DraftStorage | null;

  constructor(storage: DraftStorage | null) {
    this.#storage = storage;
  }

  /** The draft of an assignment, or null. */
  load(assignmentId: string): StoredDraft | null {
    const raw = this.#read(PREFIX + assignmentId);
    if (!raw) return null;
    try {
      const value = JSON.parse(raw) as StoredDraft;
      if (typeof value !== 'object' || value === null || !('draft' in value)) return null;
      return {
        draft: value.draft,
        elapsedMs: Number(value.elapsedMs) || 0,
        savedAt: Number(value.savedAt) || 0,
      };
    } catch {
      return null;
    }
  }

  /** Saves a draft; false when the browser refused (storage full or disabled). */
  save(assignmentId: string, draft: unknown, elapsedMs: number, now = Date.now()): boolean {
    if (!this.#storage) return false;
    try {
      this.#storage.setItem(PREFIX + assignmentId, JSON.stringify({ draft, elapsedMs, savedAt: now }));
      return true;
    } catch {
      return false;
    }
  }

  /** Forgets an assignment's draft. */
  remove(assignmentId: string): void {
    try {
      this.#storage?.removeItem(PREFIX + assignmentId);
    } catch {
      // Storage disabled: nothing was stored.
    }
  }

  /** Forgets drafts older than {@link DRAFT_MAX_AGE_MS}. */
  prune(now = Date.now()): void {
    for (const key of this.#keys()) {
      const draft = this.load(key.slice(PREFIX.length));
      if (!draft || now - draft.savedAt > DRAFT_MAX_AGE_MS) this.#storage?.removeItem(key);
    }
  }

  /** Forgets every draft (on sign-out: the next person at this browser must not read them). */
  clear(): void {
    for (const key of this.#keys()) this.#storage?.removeItem(key);
  }

  #keys(): string[] {
    const keys: string[] = [];
    if (!this.#storage) return keys;
    try {
      for (let i = 0; i < this.#storage.length; i += 1) {
        const key = this.#storage.key(i);
        if (key?.startsWith(PREFIX)) keys.push(key);
      }
    } catch {
      // Storage disabled: nothing was stored.
    }
    return keys;
  }

  #read(key: string): string | null {
    try {
      return this.#storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }
}

/** The browser's drafts (null storage when localStorage is unavailable). */
export function browserDrafts(): DraftStore {
  try {
    return new DraftStore(window.localStorage);
  } catch {
    return new DraftStore(null);
  }
}
