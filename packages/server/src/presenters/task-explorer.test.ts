import { describe, expect, it } from 'vitest';
import { browserUrl, presentPreview } from './task-explorer.ts';

describe('presentPreview', () => {
  it('shows an image annotation task’s attachment as an image, whatever the params say', () => {
    expect(
      presentPreview({ type: 'imageannotation', previewContent: 'https://x.test/a.jpg', previewType: null }),
    ).toEqual({ kind: 'image', url: 'https://x.test/a.jpg', text: null });
  });

  it('loads stored files through the API and other URLs as they are', () => {
    const file = 'groundwork://files/0123456789abcdef01234567';
    expect(presentPreview({ type: 'categorization', previewContent: file, previewType: 'video' })).toEqual({
      kind: 'video',
      url: '/api/files/0123456789abcdef01234567/content',
      text: null,
    });
    expect(browserUrl('groundwork://files/short')).toBe('groundwork://files/short');
  });

  it('shows text, prompts and undeclared content as text', () => {
    expect(presentPreview({ type: 'categorization', previewContent: 'Hello', previewType: 'text' })).toEqual({
      kind: 'text',
      url: null,
      text: 'Hello',
    });
    expect(
      presentPreview({ type: 'ranking', previewContent: 'Which is better?', previewType: null }),
    ).toEqual({
      kind: 'text',
      url: null,
      text: 'Which is better?',
    });
    expect(
      presentPreview({ type: 'categorization', previewContent: 'x', previewType: 'hologram' }).kind,
    ).toBe('text');
  });

  it('has nothing to show for a task without content', () => {
    for (const content of [null, '']) {
      expect(presentPreview({ type: 'textcollection', previewContent: content, previewType: null })).toEqual({
        kind: 'none',
        url: null,
        text: null,
      });
    }
  });
});
