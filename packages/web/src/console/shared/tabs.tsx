/**
 * Tabs of a page whose open tab lives in the address's fragment (`/console/people#invitations`), so it
 * survives a reload and can be linked to: the hook that keeps it, and the tab strip with its panel, wired
 * for screen readers (tab → panel) and the keyboard (← and → move between tabs).
 */
import { type KeyboardEvent, type ReactNode, useEffect, useState } from 'react';

/** The tab a fragment names (`#secrets` → `secrets`); the first tab for any other fragment. */
export function tabOfHash<T extends string>(ids: readonly [T, ...T[]], hash: string): T {
  const id = hash.replace(/^#/, '');
  return ids.find((candidate) => candidate === id) ?? ids[0];
}

/** The tab an arrow key moves to from `current`, wrapping at the ends; null for any other key (or no tabs). */
export function tabAfterKey<T extends string>(ids: readonly T[], current: T, key: string): T | null {
  const step = key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : 0;
  if (step === 0 || ids.length === 0) return null;
  const index = Math.max(0, ids.indexOf(current));
  return ids[(index + step + ids.length) % ids.length] ?? null;
}

/**
 * The open tab, kept in the address's fragment: the first tab has none (`/console/people`), the others
 * their id (`#invitations`). Follows the fragment when it changes (a link, Back); opening a tab replaces
 * the history entry rather than adding one.
 */
export function useHashTab<T extends string>(ids: readonly [T, ...T[]]): [T, (next: T) => void] {
  // `ids` is a constant of the page's module, so the listener below is added once.
  const [tab, setTab] = useState<T>(() => tabOfHash(ids, window.location.hash));
  useEffect(() => {
    const onHash = () => setTab(tabOfHash(ids, window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [ids]);
  const open = (next: T) => {
    setTab(next);
    const url = new URL(window.location.href);
    url.hash = next === ids[0] ? '' : next;
    window.history.replaceState(window.history.state, '', url);
  };
  return [tab, open];
}

/** One tab of a {@link TabList}. */
export interface TabItem<T extends string> {
  /** Its id (also its fragment). */
  id: T;
  /** What the tab says (its accessible name). */
  label: ReactNode;
}

/** Props of {@link TabList}. */
export interface TabListProps<T extends string> {
  /** The strip's accessible name ("People"). */
  label: string;
  /** Prefix of the tabs' and panels' element ids (`people` → `people-tab-members`, `people-panel-members`). */
  idPrefix: string;
  /** The tabs, in order. */
  tabs: readonly TabItem<T>[];
  /** The open tab. */
  selected: T;
  /** Opens a tab. */
  onSelect: (id: T) => void;
}

/** A tab strip: only the open tab is in the Tab order; ← and → open and focus the neighbours. */
export function TabList<T extends string>({ label, idPrefix, tabs, selected, onSelect }: TabListProps<T>) {
  const onKeyDown = (event: KeyboardEvent) => {
    const next = tabAfterKey(
      tabs.map((t) => t.id),
      selected,
      event.key,
    );
    if (next === null) return;
    event.preventDefault();
    onSelect(next);
    document.getElementById(`${idPrefix}-tab-${next}`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((t) => (
        <button
          key={t.id}
          id={`${idPrefix}-tab-${t.id}`}
          type="button"
          role="tab"
          aria-selected={selected === t.id}
          aria-controls={`${idPrefix}-panel-${t.id}`}
          tabIndex={selected === t.id ? 0 : -1}
          onClick={() => onSelect(t.id)}
          onKeyDown={onKeyDown}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

/** Props of {@link TabPanel}. */
export interface TabPanelProps {
  /** The same prefix as the {@link TabList}'s. */
  idPrefix: string;
  /** The open tab's id. */
  tab: string;
  children: ReactNode;
}

/** The open tab's content, named by its tab. */
export function TabPanel({ idPrefix, tab, children }: TabPanelProps) {
  return (
    <div id={`${idPrefix}-panel-${tab}`} role="tabpanel" aria-labelledby={`${idPrefix}-tab-${tab}`}>
      {children}
    </div>
  );
}
