/**
 * What changed between two versions of a project's params, for the version history: every added, removed
 * or changed value with its dotted path. Objects are compared key by key, arrays position by position, so
 * the list reads like "geometries.box.min_width: 4 → 8".
 */

/** One difference between two JSON values. */
export interface ParamChange {
  /** Dotted path of the value (`""` for the whole value). */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  /** The old value (undefined when added). */
  before: unknown;
  /** The new value (undefined when removed). */
  after: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}

/** Every difference from `before` to `after`, in key order of `before` then new keys of `after`. */
export function diffParams(before: unknown, after: unknown, path = ''): ParamChange[] {
  if (isObject(before) && isObject(after)) {
    const changes: ParamChange[] = [];
    for (const key of Object.keys(before)) {
      if (!(key in after) || after[key] === undefined) {
        if (before[key] !== undefined) {
          changes.push({ path: join(path, key), kind: 'removed', before: before[key], after: undefined });
        }
      } else changes.push(...diffParams(before[key], after[key], join(path, key)));
    }
    for (const key of Object.keys(after)) {
      if ((!(key in before) || before[key] === undefined) && after[key] !== undefined) {
        changes.push({ path: join(path, key), kind: 'added', before: undefined, after: after[key] });
      }
    }
    return changes;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: ParamChange[] = [];
    const length = Math.max(before.length, after.length);
    for (let index = 0; index < length; index += 1) {
      if (index >= after.length) {
        changes.push({ path: join(path, index), kind: 'removed', before: before[index], after: undefined });
      } else if (index >= before.length) {
        changes.push({ path: join(path, index), kind: 'added', before: undefined, after: after[index] });
      } else changes.push(...diffParams(before[index], after[index], join(path, index)));
    }
    return changes;
  }
  return Object.is(before, after) ? [] : [{ path, kind: 'changed', before, after }];
}

/** A value as the history shows it: short JSON, cut at `max` characters. */
export function showValue(value: unknown, max = 80): string {
  const text = value === undefined ? '—' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
