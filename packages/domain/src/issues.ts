import type * as z from 'zod';

/** One problem found in a request body or an answer, addressed by the dotted path of the offending field. */
export interface FieldIssue {
  /** Dotted path from the validated value's root, e.g. `geometries.box.min_width` or `annotations.2.vertices`; `""` for the root. */
  path: string;
  /** What is wrong, phrased for an API user. */
  message: string;
}

/** Joins path segments with dots (`['annotations', 2, 'label']` → `annotations.2.label`); the empty path is `""`. */
export function joinPath(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}

/** Builds a {@link FieldIssue} from path segments. */
export function fieldIssue(path: readonly PropertyKey[], message: string): FieldIssue {
  return { path: joinPath(path), message };
}

/** Prefixes every issue's path with `prefix` segments (used when a nested validator reports relative paths). */
export function prefixIssues(prefix: readonly PropertyKey[], issues: readonly FieldIssue[]): FieldIssue[] {
  const head = joinPath(prefix);
  if (head === '') return [...issues];
  return issues.map((issue) => ({
    path: issue.path === '' ? head : `${head}.${issue.path}`,
    message: issue.message,
  }));
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  record: 'an object',
  map: 'an object',
  bigint: 'an integer',
  date: 'a date',
  null: 'null',
  undefined: 'nothing',
  literal: 'a specific value',
};

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

function formatValue(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

function plural(count: number | bigint, word: string): string {
  return `${count} ${word}${Number(count) === 1 ? '' : 's'}`;
}

function sizeUnit(origin: string): string | undefined {
  if (origin === 'string') return 'character';
  if (origin === 'array' || origin === 'set') return 'item';
  if (origin === 'object' || origin === 'record') return 'entry';
  return undefined;
}

/**
 * Error map that phrases zod's built-in issues for API users ("expected a number ≥ 0", "is required").
 * Pass it per parse (`schema.safeParse(input, { error: domainErrorMap })`); messages set on a schema
 * itself still win. {@link parseTaskParams} and {@link checkResponse} use it.
 */
export function domainErrorMap(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `expected ${typeName(issue.expected)}${issue.input === null ? ', got null' : ''}`;
    case 'too_small': {
      const unit = sizeUnit(issue.origin);
      if (unit) {
        if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty';
        if (issue.origin === 'array' && Number(issue.minimum) === 1) return 'expected at least 1 item';
        return `expected at least ${plural(issue.minimum, unit)}`;
      }
      return `expected a number ${issue.inclusive ? '≥' : '>'} ${issue.minimum}`;
    }
    case 'too_big': {
      const unit = sizeUnit(issue.origin);
      if (unit) return `expected at most ${plural(issue.maximum, unit)}`;
      return `expected a number ${issue.inclusive ? '≤' : '<'} ${issue.maximum}`;
    }
    case 'invalid_value':
      if (issue.values.length === 1) return `expected ${formatValue(issue.values[0])}`;
      return `expected one of ${issue.values.map(formatValue).join(', ')}`;
    case 'invalid_union':
      if (issue.note === 'No matching discriminator') {
        const { options, discriminator } = issue as { options?: unknown[]; discriminator?: string };
        const input = issue.input as Record<string, unknown> | undefined;
        const value =
          discriminator && typeof input === 'object' && input !== null ? input[discriminator] : undefined;
        const got = value === undefined ? 'is required' : `unknown value ${formatValue(value)}`;
        return options && options.length > 0
          ? `${got}; expected one of ${options.map(formatValue).join(', ')}`
          : got;
      }
      return 'does not match any allowed shape';
    case 'unrecognized_keys':
      return issue.keys.length === 1
        ? `unknown field "${issue.keys[0]}"`
        : `unknown fields ${issue.keys.join(', ')}`;
    case 'invalid_format':
      return `expected ${issue.format === 'regex' ? 'a matching string' : `a valid ${issue.format}`}`;
    case 'not_multiple_of':
      return `expected a multiple of ${issue.divisor}`;
    case 'invalid_key':
      return 'has an invalid key';
    default:
      return undefined;
  }
}

type ZodIssue = z.core.$ZodIssue;

function isRootTypeMismatch(issues: readonly ZodIssue[]): boolean {
  return issues.length === 1 && issues[0]?.code === 'invalid_type' && issues[0].path.length === 0;
}

/** Picks the most plausible branch of a failed union: the one that got past the type check and went deepest. */
function unionIssues(issue: z.core.$ZodIssueInvalidUnion, path: PropertyKey[]): FieldIssue[] {
  const branches = issue.errors.filter((branch) => branch.length > 0 && !isRootTypeMismatch(branch));
  if (branches.length === 0) {
    const expected = issue.errors
      .flatMap((branch) =>
        branch.map((entry) => (entry.code === 'invalid_type' ? typeName(entry.expected) : '')),
      )
      .filter((name, index, all) => name !== '' && all.indexOf(name) === index);
    if (expected.length > 0) return [fieldIssue(path, `expected ${expected.join(' or ')}`)];
    return [fieldIssue(path, issue.message)];
  }
  const depth = (branch: readonly ZodIssue[]) => Math.max(...branch.map((entry) => entry.path.length));
  const best = branches.reduce((a, b) => (depth(b) > depth(a) ? b : a));
  return convert(best, path);
}

function convert(issues: readonly ZodIssue[], prefix: PropertyKey[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push(fieldIssue([...path, key], 'unknown field'));
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      out.push(...unionIssues(issue, path));
    } else {
      out.push(fieldIssue(path, issue.message));
    }
  }
  return out;
}

/**
 * Flattens a zod error into {@link FieldIssue}s with dotted paths (root `""`). Unknown keys become one issue
 * per key at `<object path>.<key>`; failed unions report the branch that matched best.
 */
export function zodIssuesToFieldIssues(error: z.ZodError): FieldIssue[] {
  return convert(error.issues, []);
}

/** Renders issues as one line for an error body: `geometries.box.min_width: expected a number ≥ 0; …`. */
export function describeIssues(issues: readonly FieldIssue[]): string {
  return issues
    .map((issue) => (issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`))
    .join('; ');
}
