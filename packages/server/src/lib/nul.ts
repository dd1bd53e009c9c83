/**
 * PostgreSQL text and jsonb cannot hold the NUL character (U+0000), and jsonb refuses unpaired UTF-16
 * surrogates (`\ud800` alone). Input carrying either is refused at the boundary with a 400, instead of
 * failing deep in the database.
 */

// A `\u0000` escape in JSON text that is not itself an escaped backslash followed by "u0000".
const JSON_NUL_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\u0000/i;
// Any escape of a surrogate code unit; whether it is paired is decided by decoding.
const JSON_SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

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

/** The message of the 400 for input holding an unpaired surrogate. */
export const SURROGATE_MESSAGE =
  'The request contains an unpaired UTF-16 surrogate (e.g. a lone \\ud800), which is not valid Unicode.';

/**
 * Why JSON text cannot be stored (a message for a 400), or null when it can. Cheap for ordinary input:
 * the decoding walk runs only when the text escapes a surrogate. Unparseable text is left to the parser.
 */
export function unstorableJson(text: string): string | null {
  if (jsonHasNul(text)) return NUL_MESSAGE;
  if (JSON_SURROGATE_ESCAPE.test(text) && !decodesWellFormed(text)) return SURROGATE_MESSAGE;
  return null;
}

function decodesWellFormed(text: string): boolean {
  let wellFormed = true;
  try {
    JSON.parse(text, (key, value: unknown) => {
      if (!key.isWellFormed() || (typeof value === 'string' && !value.isWellFormed())) wellFormed = false;
      return value;
    });
  } catch {
    return true;
  }
  return wellFormed;
}
