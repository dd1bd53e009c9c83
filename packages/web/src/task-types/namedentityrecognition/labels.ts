/**
 * The entity-label tree as the editor's palette uses it: a colour per leaf label and the level of the tree
 * the number keys currently pick from (a label with children opens its children; only leaves label spans).
 */
import { type EntityLabel, entityLeafLabels } from '@groundwork/domain';

/** Colours of the leaf labels, in tree order; distinct enough side by side and readable under dark text. */
const PALETTE = [
  '#2f7dd1',
  '#d9822b',
  '#2e9e6a',
  '#c8463d',
  '#8a5cc7',
  '#b08d1a',
  '#d0509a',
  '#1d9aa6',
  '#6b7f1f',
  '#7a5a43',
  '#4a5fc1',
  '#a3476b',
];

/** The colour of every leaf label, by name: the palette in tree order, repeating past its end. */
export function labelColors(labels: readonly EntityLabel[]): Map<string, string> {
  return new Map(
    entityLeafLabels(labels).map((name, index) => [name, PALETTE[index % PALETTE.length] as string]),
  );
}

/** The labels the number keys pick from when the group at `path` (indexes from the root) is open. */
export function labelsAt(labels: readonly EntityLabel[], path: readonly number[]): readonly EntityLabel[] {
  let level = labels;
  for (const index of path) {
    const group = level[index];
    if (!group?.children) return labels;
    level = group.children;
  }
  return level;
}

/** What choosing item `index` of the open level does: label with a leaf, or open a group. */
export type LabelPick = { kind: 'leaf'; name: string } | { kind: 'group'; path: number[] } | { kind: 'none' };

/** The effect of picking item `index` (0-based) at the level `path`. */
export function pickLabel(labels: readonly EntityLabel[], path: readonly number[], index: number): LabelPick {
  const item = labelsAt(labels, path)[index];
  if (!item) return { kind: 'none' };
  if (item.children) return { kind: 'group', path: [...path, index] };
  return { kind: 'leaf', name: item.name };
}

/** Whether `labels` has any group, so the palette must explain how number keys open groups. */
export function hasGroups(labels: readonly EntityLabel[]): boolean {
  return labels.some((label) => label.children !== undefined);
}
