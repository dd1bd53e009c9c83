/**
 * Opaque keyset-pagination cursors: the (created_at, id) of the last row of a page, versioned and
 * base64url-encoded, so clients cannot depend on their content.
 */
import { invalid } from '../errors.ts';
import { isId } from './ids.ts';

const CURSOR_VERSION = 1;

/** The position after which the next page starts. */
export interface KeysetCursor {
  createdAt: Date;
  id: string;
}

/** The cursor of the page after `row`. */
export function encodeCursor(row: KeysetCursor): string {
  return Buffer.from(JSON.stringify([CURSOR_VERSION, row.createdAt.toISOString(), row.id])).toString(
    'base64url',
  );
}

/** Reads a cursor made by {@link encodeCursor}; a 400 naming `field` otherwise. */
export function decodeCursor(token: string, field: string): KeysetCursor {
  try {
    const [version, createdAt, id] = JSON.parse(
      Buffer.from(token, 'base64url').toString('utf8'),
    ) as unknown[];
    const date = new Date(String(createdAt));
    if (version === CURSOR_VERSION && typeof id === 'string' && isId(id) && !Number.isNaN(date.getTime())) {
      return { createdAt: date, id };
    }
  } catch {
    // fall through to the error below
  }
  throw invalid(`${field}: not a token returned by this API`, [{ path: field, message: 'invalid' }]);
}
