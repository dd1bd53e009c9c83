/**
 * A failed call as every console page shows it: the server's message (after an optional "Could not …:"
 * prefix) and, when the server named fields, each field with its problem — as an alert, so screen
 * readers announce it.
 */
import { summarizeFailure } from './api-problems.ts';
import './api-error.css';

/** Props of {@link ApiError}. */
export interface ApiErrorProps {
  /** What failed (an `ApiFailure` or anything thrown); nothing is shown for null or undefined. */
  error: unknown;
  /** Text before the message, saying what failed (`Could not create the batch:`). */
  prefix?: string;
}

/** A failure's message with its field details, as an alert; nothing when there is no error. */
export function ApiError({ error, prefix }: ApiErrorProps) {
  if (error === null || error === undefined) return null;
  const { message, listed, more } = summarizeFailure(error);
  return (
    <div className="error-text api-error" role="alert">
      <p className="api-error__message">
        {prefix && <strong>{prefix} </strong>}
        {message}
      </p>
      {listed.length > 0 && (
        <ul className="api-error__details">
          {listed.map((problem) => (
            <li key={`${problem.path}:${problem.message}`}>
              {problem.path && <code>{problem.path}</code>} {problem.message}
            </li>
          ))}
          {more > 0 && <li>…and {more} more.</li>}
        </ul>
      )}
    </div>
  );
}
