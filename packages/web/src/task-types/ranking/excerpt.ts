/**
 * A response's first words as plain text, to recognise it in a compact list (the ranking, the review
 * table) without rendering its markdown.
 */

/** The first `length` characters (code points) of `content`, markdown syntax and code blocks removed. */
export function excerpt(content: string, length = 90): string {
  const plain = content
    .replace(/```[\s\S]*?(```|$)/g, ' ⟨code⟩ ')
    .replace(/[#>*_`~[\]|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...plain];
  return chars.length > length ? `${chars.slice(0, length - 1).join('')}…` : plain;
}
