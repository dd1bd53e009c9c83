/**
 * PostgreSQL text and jsonb cannot hold the NUL character (U+0000). Input that carries one is refused at
 * the boundary with a 400, instead of failing deep in the database.
 */

// A `\u0000` escape in JSON text that is not itself an escaped backslash followed by "u0000".
const JSON_NUL_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\u0000/i;

/** Whether JSON text decodes to a string holding NUL. */
export function jsonHasNul(text: string): boolean {
  return text.includes('\u0000') || JSON_NUL_ESCAPE.test(text);
}

/** Whether URL-encoded text (a path, a query, a form body) decodes to NUL. */
export function urlEncodedHasNul(text: string): boolean {
  return /%00/i.test(text) || text.includes('\u0000');
}

/** The message of the 400 for input holding NUL. */
export const NUL_MESSAGE = 'The request contains a NUL character (\\u0000), which cannot be stored.';
