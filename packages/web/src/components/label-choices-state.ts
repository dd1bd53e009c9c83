/**
 * The model behind {@link LabelChoices}: walking a tree of label options (a group opens its sub-choices, only
 * leaves are answers) and the keyboard state machine that chooses labels. Pure, so the navigation rules are
 * tested without a DOM and every editor that picks labels behaves the same way.
 */
import { type LabelOption, leafLabels } from '@groundwork/domain';

/** The stored label of an option (for a group, the group's name). */
export function optionLabel(option: LabelOption): string {
  return typeof option === 'string' ? option : option.choice;
}

/** What the labeler sees for an option: its `display` text when it has one, else its label. */
export function optionDisplay(option: LabelOption): string {
  return typeof option === 'string' ? option : (option.display ?? option.choice);
}

/** The sub-choices of a group, or `undefined` for a leaf (an option with an empty `subchoices` is a leaf). */
export function optionChildren(option: LabelOption): readonly LabelOption[] | undefined {
  if (typeof option === 'string' || !option.subchoices || option.subchoices.length === 0) return undefined;
  return option.subchoices;
}

/**
 * The longest prefix of `path` that leads through groups: a path saved against other options (or a stale
 * draft) shrinks to the deepest level that still exists instead of pointing nowhere.
 */
export function validPath(options: readonly LabelOption[], path: readonly number[]): number[] {
  const valid: number[] = [];
  let level = options;
  for (const index of path) {
    const option = level[index];
    const children = option === undefined ? undefined : optionChildren(option);
    if (!children) break;
    valid.push(index);
    level = children;
  }
  return valid;
}

/** The options shown at `path` (indices of the opened groups, outermost first). */
export function levelAt(options: readonly LabelOption[], path: readonly number[]): readonly LabelOption[] {
  let level = options;
  for (const index of validPath(options, path)) {
    level = optionChildren(level[index] as LabelOption) ?? level;
  }
  return level;
}

/** The opened groups along `path`, outermost first (for the breadcrumb). */
export function groupsAlong(options: readonly LabelOption[], path: readonly number[]): LabelOption[] {
  const groups: LabelOption[] = [];
  let level = options;
  for (const index of validPath(options, path)) {
    const group = level[index] as LabelOption;
    groups.push(group);
    level = optionChildren(group) ?? level;
  }
  return groups;
}

/** A leaf label with where it sits in the tree. */
export interface LeafEntry {
  /** The stored label. */
  label: string;
  /** What the labeler sees for it. */
  display: string;
  /** Display names of the groups above it, outermost first. */
  trail: string[];
  /** Indices of the groups above it: the path that shows it. */
  path: number[];
}

/** Every leaf in tree order, with its trail of groups. */
export function leafEntries(options: readonly LabelOption[]): LeafEntry[] {
  const entries: LeafEntry[] = [];
  const visit = (level: readonly LabelOption[], trail: string[], path: number[]) => {
    level.forEach((option, index) => {
      const children = optionChildren(option);
      if (children) visit(children, [...trail, optionDisplay(option)], [...path, index]);
      else entries.push({ label: optionLabel(option), display: optionDisplay(option), trail, path });
    });
  };
  visit(options, [], []);
  return entries;
}

/** How many of `selected` are leaves under `option` (itself included when it is a leaf). */
export function selectedWithin(option: LabelOption, selected: readonly string[]): number {
  const chosen = new Set(selected);
  return leafLabels([option]).filter((label) => chosen.has(label)).length;
}

/**
 * Orders labels as the tree lists its leaves, so an answer does not depend on the order things were clicked.
 * Labels the tree does not know keep their relative order at the end (they are reported, not dropped).
 */
export function inTreeOrder(options: readonly LabelOption[], labels: readonly string[]): string[] {
  const rank = new Map(leafLabels(options).map((label, index) => [label, index]));
  return [...new Set(labels)].sort(
    (a, b) => (rank.get(a) ?? Number.POSITIVE_INFINITY) - (rank.get(b) ?? Number.POSITIVE_INFINITY),
  );
}

/** The chooser's state: which group is open and which leaves are chosen. */
export interface LabelChoicesState {
  /** Indices of the opened groups, outermost first; empty at the top level. */
  readonly path: readonly number[];
  /** The chosen leaf labels, in tree order. */
  readonly selected: readonly string[];
}

/**
 * What can happen to the chooser. `press`: the option at `index` of the current level was pressed (key
 * `index + 1`, or a click): a group opens, a leaf is chosen (toggled when several may be).
 */
export type LabelChoicesAction =
  | { type: 'press'; index: number }
  /** Go up one level (Backspace). */
  | { type: 'back' }
  /** Go to the level at `depth` of the current path (a breadcrumb click; 0 is the top). */
  | { type: 'up-to'; depth: number }
  /** Choose a leaf by its label from anywhere (the filter); toggles when several may be chosen. */
  | { type: 'toggle'; label: string }
  /** Un-choose a label (a chip's remove button). */
  | { type: 'remove'; label: string };

/** What the reducer needs to know about the chooser. */
export interface LabelChoicesConfig {
  /** The label tree. */
  options: readonly LabelOption[];
  /** Whether several leaves may be chosen. */
  multiple: boolean;
}

function choose(config: LabelChoicesConfig, selected: readonly string[], label: string): string[] {
  if (!config.multiple) return [label];
  if (selected.includes(label)) return selected.filter((chosen) => chosen !== label);
  return inTreeOrder(config.options, [...selected, label]);
}

/**
 * The chooser's transitions. Returns `state` itself when nothing changes, so callers can skip re-renders and
 * draft writes. Choosing a leaf never closes the open group: a labeler choosing several leaves of one group
 * stays where they are, and Backspace goes back up.
 */
export function labelChoicesReducer(
  config: LabelChoicesConfig,
  state: LabelChoicesState,
  action: LabelChoicesAction,
): LabelChoicesState {
  const path = validPath(config.options, state.path);
  const pathChanged = path.length !== state.path.length;
  const same = pathChanged ? { ...state, path } : state;
  switch (action.type) {
    case 'press': {
      const option = levelAt(config.options, path)[action.index];
      if (option === undefined) return same;
      if (optionChildren(option)) return { ...state, path: [...path, action.index] };
      const label = optionLabel(option);
      if (!config.multiple && state.selected.length === 1 && state.selected[0] === label) return same;
      return { path, selected: choose(config, state.selected, label) };
    }
    case 'back':
      return path.length === 0 ? same : { ...state, path: path.slice(0, -1) };
    case 'up-to': {
      const depth = Math.max(0, Math.min(path.length, Math.trunc(action.depth)));
      return depth === path.length ? same : { ...state, path: path.slice(0, depth) };
    }
    case 'toggle': {
      if (!leafLabels(config.options).includes(action.label)) return same;
      if (!config.multiple && state.selected.length === 1 && state.selected[0] === action.label) return same;
      return { path, selected: choose(config, state.selected, action.label) };
    }
    case 'remove':
      return state.selected.includes(action.label)
        ? { path, selected: state.selected.filter((label) => label !== action.label) }
        : same;
  }
}

/**
 * The chooser action for a key press, or `null` when the chooser does not use the key: `1`–`9` press the
 * option at that position of the current level, Backspace goes up. Keys with Ctrl, Cmd or Alt are left to
 * the labeling loop.
 */
export function labelChoicesKeyAction(key: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): LabelChoicesAction | null {
  if (key.ctrlKey || key.metaKey || key.altKey) return null;
  if (/^[1-9]$/.test(key.key)) return { type: 'press', index: Number(key.key) - 1 };
  if (key.key === 'Backspace') return { type: 'back' };
  return null;
}

/** Leaves whose display text, label or group trail contains `query` (case-insensitive), in tree order. */
export function filterLeaves(options: readonly LabelOption[], query: string): LeafEntry[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  return leafEntries(options).filter((entry) =>
    [entry.display, entry.label, ...entry.trail].some((text) => text.toLowerCase().includes(needle)),
  );
}
