import { describe, expect, it } from 'vitest';
import { excerpt } from './excerpt.ts';

describe('excerpt', () => {
  it('drops markdown syntax and code blocks, keeping the words', () => {
    expect(excerpt('# Title\n\nSome **bold** `code`\n```js\nlet x = 1;\n```\nafter')).toBe(
      'Title Some bold code ⟨code⟩ after',
    );
  });

  it('cuts long text at a code point, never inside an emoji', () => {
    const text = `${'a'.repeat(8)}😀😀😀`;
    expect(excerpt(text, 10)).toBe(`${'a'.repeat(8)}😀…`);
    expect(excerpt('short', 10)).toBe('short');
  });
});
