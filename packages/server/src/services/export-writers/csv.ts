/** CSV lines (RFC 4180) for the file lists of zip exports. */

/** One CSV line, newline-terminated: fields with a comma, quote or line break are quoted, quotes doubled. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',')}\n`;
}
