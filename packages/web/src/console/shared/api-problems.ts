/**
 * What a failed call says, read apart from how it is shown: its message, and the field-level problems
 * the server lists in `details` (see `ApiFailure`), each named by its dotted path in the request (`email`,
 * `params.categories.1`, `workflow.review.mode`). Forms place those problems under the fields they
 * concern; {@link ApiError} lists the rest.
 *
 * The error is read by its shape rather than `instanceof ApiFailure`, so these stay pure (and testable
 * without the browser's API client).
 */

/** A problem the server or the domain reports about one field, by its dotted path in the request. */
export interface PathIssue {
  /** The field's dotted path (`email`, `params.categories.1`); empty for the request as a whole. */
  path: string;
  /** What is wrong with it, in the server's words. */
  message: string;
}

/** The message of anything thrown: an {@link ApiFailure}'s or an Error's, else a generic one. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message !== '') return error.message;
  return 'Something went wrong. Try again.';
}

/** The field-level problems of a failed call; none for anything that is not a failed call. */
export function apiProblems(error: unknown): PathIssue[] {
  if (typeof error !== 'object' || error === null || !('details' in error)) return [];
  const details = (error as { details: unknown }).details;
  if (!Array.isArray(details)) return [];
  return details.filter((d): d is PathIssue => typeof d?.path === 'string' && typeof d?.message === 'string');
}

/** The server's message about the field `path` of a failed call, or null. */
export function fieldProblem(error: unknown, path: string): string | null {
  return apiProblems(error).find((d) => d.path === path)?.message ?? null;
}

/** Most field problems a failure lists; the rest are counted ("…and 12 more."). */
export const MAX_LISTED_PROBLEMS = 20;

/** A failed call as {@link ApiError} shows it. */
export interface FailureSummary {
  /** The message. */
  message: string;
  /** The field problems to list: those the message does not already say, at most {@link MAX_LISTED_PROBLEMS}. */
  listed: PathIssue[];
  /** How many more problems there are beyond the listed ones. */
  more: number;
}

/** What to show of a failed call: its message, and the field problems it does not already say. */
export function summarizeFailure(error: unknown): FailureSummary {
  const message = errorMessage(error);
  const problems = apiProblems(error).filter((p) => !message.includes(p.message));
  return {
    message,
    listed: problems.slice(0, MAX_LISTED_PROBLEMS),
    more: Math.max(0, problems.length - MAX_LISTED_PROBLEMS),
  };
}

/**
 * The issues under `prefix` (`params`), with the prefix taken off their paths; with an empty prefix,
 * every issue unchanged. An issue exactly at the prefix gets the empty path.
 */
export function issuesUnder(issues: readonly PathIssue[], prefix: string): PathIssue[] {
  if (prefix === '') return [...issues];
  return issues.flatMap((issue) => {
    if (issue.path === prefix) return [{ path: '', message: issue.message }];
    if (issue.path.startsWith(`${prefix}.`))
      return [{ path: issue.path.slice(prefix.length + 1), message: issue.message }];
    return [];
  });
}

/** The first message of each path, for showing one problem per field. */
export function messagesByPath(issues: readonly PathIssue[]): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const issue of issues) messages[issue.path] ??= issue.message;
  return messages;
}

/** The issues at `key` or under it (`categories` → `categories`, `categories.1`). */
export function issuesAt(issues: readonly PathIssue[], key: string): PathIssue[] {
  return issues.filter((issue) => issue.path === key || issue.path.startsWith(`${key}.`));
}

/** An issue as a sentence: `categories.1: duplicate category "a"`, or just the message at the root. */
export function describeIssue(issue: PathIssue): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}
