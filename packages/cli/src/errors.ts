/**
 * How the CLI fails: one clear message on stderr and an exit code — 1 when the command could not do its
 * work, 2 when it was called wrongly (usage errors).
 */

/** A failure the CLI reports as is, without a stack trace. */
export class CliError extends Error {
  readonly exitCode: number;
  /** Further lines printed under the message (e.g. the rejected lines of an import). */
  readonly details: string[];
  constructor(message: string, options: { exitCode?: number; details?: string[] } = {}) {
    super(message);
    this.exitCode = options.exitCode ?? 1;
    this.details = options.details ?? [];
  }
}

/** The command was called wrongly (missing or contradictory options): exit code 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, { exitCode: 2 });
  }
}

/** An error of the server's closed vocabulary (`ApiError`), recognised by shape across packages. */
interface ServiceErrorLike {
  code: string;
  status: number;
  message: string;
  details?: Array<{ path: string; message: string }>;
}

function isServiceError(error: unknown): error is ServiceErrorLike {
  if (!(error instanceof Error)) return false;
  const e = error as unknown as Record<string, unknown>;
  return typeof e.code === 'string' && typeof e.status === 'number';
}

function isConfigError(error: unknown): error is Error & { problems: string[] } {
  return error instanceof Error && Array.isArray((error as { problems?: unknown }).problems);
}

/** The text and exit code for any error a command raised. */
export function describeFailure(error: unknown): { lines: string[]; exitCode: number } {
  if (error instanceof CliError) {
    return {
      lines: [`error: ${error.message}`, ...error.details.map((d) => `  ${d}`)],
      exitCode: error.exitCode,
    };
  }
  if (isConfigError(error)) {
    return { lines: ['error: invalid configuration', ...error.problems.map((p) => `  ${p}`)], exitCode: 1 };
  }
  if (isServiceError(error)) {
    // The message already names the field; details would repeat it.
    return { lines: [`error: ${error.message}`], exitCode: 1 };
  }
  return { lines: [`error: ${oneLine(error)}`], exitCode: 1 };
}

/**
 * An unexpected error in one line: the first line of its message, followed by its cause's (a database
 * driver's "Failed query: <the whole SQL>" says little; the cause says what went wrong).
 */
function oneLine(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n', 1)[0]?.trim() ?? '';
  const cause = error instanceof Error ? error.cause : undefined;
  return cause === undefined ? message : `${message.replace(/:$/, '')}: ${oneLine(cause)}`;
}
