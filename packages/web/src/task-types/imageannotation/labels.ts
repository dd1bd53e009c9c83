/**
 * Labels of the geometries: the nested `objects_to_annotate` trees the picker walks (number keys pick at the
 * current level, a group opens its sub-choices), display names, and one colour per label.
 */
import {
  type GeometryKind,
  type ImageannotationParams,
  type LabelOption,
  leafLabels,
} from '@groundwork/domain';

/** One entry of a label list at some level of the tree. */
export interface LabelEntry {
  /** The stored label (a leaf) or the group's name. */
  choice: string;
  /** What the labeler sees. */
  display: string;
  /** Whether it opens sub-choices instead of being a label. */
  group: boolean;
}

/** The label options of a geometry kind (empty when the kind is not enabled). */
export function labelOptions(params: ImageannotationParams, kind: GeometryKind): readonly LabelOption[] {
  return params.geometries[kind]?.objects_to_annotate ?? [];
}

function entryOf(option: LabelOption): LabelEntry {
  if (typeof option === 'string') return { choice: option, display: option, group: false };
  return {
    choice: option.choice,
    display: option.display ?? option.choice,
    group: (option.subchoices?.length ?? 0) > 0,
  };
}

/** The options shown at `path` (a list of group names from the root); the root when the path is stale. */
export function optionsAt(options: readonly LabelOption[], path: readonly string[]): LabelEntry[] {
  let level: readonly LabelOption[] = options;
  for (const name of path) {
    const group = level.find(
      (option) => typeof option !== 'string' && option.choice === name && option.subchoices,
    );
    if (!group || typeof group === 'string' || !group.subchoices) return options.map(entryOf);
    level = group.subchoices;
  }
  return level.map(entryOf);
}

/** Shown names of the groups along `path` (for the picker's breadcrumb). */
export function pathDisplay(options: readonly LabelOption[], path: readonly string[]): string[] {
  const shown: string[] = [];
  let level: readonly LabelOption[] = options;
  for (const name of path) {
    const group = level.find((option) => typeof option !== 'string' && option.choice === name);
    if (!group || typeof group === 'string') break;
    shown.push(group.display ?? group.choice);
    level = group.subchoices ?? [];
  }
  return shown;
}

function findDisplay(options: readonly LabelOption[], label: string): string | undefined {
  for (const option of options) {
    if (typeof option === 'string') {
      if (option === label) return option;
    } else if (option.subchoices && option.subchoices.length > 0) {
      const found = findDisplay(option.subchoices, label);
      if (found !== undefined) return found;
    } else if (option.choice === label) return option.display ?? option.choice;
  }
  return undefined;
}

/** What the labeler sees for a leaf label (`display` when given), or the label itself when unknown. */
export function labelDisplay(options: readonly LabelOption[], label: string): string {
  return findDisplay(options, label) ?? label;
}

/** Whether `label` is a leaf label of `kind` (what an answer may carry). */
export function isKnownLabel(params: ImageannotationParams, kind: GeometryKind, label: string): boolean {
  return leafLabels(labelOptions(params, kind)).includes(label);
}

/** Colours that stay distinct on photos and for the common colour-vision deficiencies. */
export const LABEL_PALETTE = [
  '#f43f5e',
  '#3b82f6',
  '#22c55e',
  '#f59e0b',
  '#a855f7',
  '#06b6d4',
  '#ec4899',
  '#84cc16',
  '#f97316',
  '#6366f1',
  '#14b8a6',
  '#eab308',
] as const;

/** Colour of labels that are not in the params (shown with a warning). */
export const UNKNOWN_LABEL_COLOR = '#9ca3af';

/**
 * Maps every label to a colour: labels in the order they appear across the enabled geometries get the
 * palette in turn, so the same label has the same colour on every geometry and in every task of a project.
 */
export function labelColors(params: ImageannotationParams): (label: string) => string {
  const colors = new Map<string, string>();
  for (const kind of ['box', 'polygon', 'line', 'point', 'ellipse', 'cuboid'] as const) {
    for (const label of leafLabels(labelOptions(params, kind))) {
      if (!colors.has(label)) colors.set(label, LABEL_PALETTE[colors.size % LABEL_PALETTE.length] as string);
    }
  }
  return (label) => colors.get(label) ?? UNKNOWN_LABEL_COLOR;
}
