import { describe, expect, it } from 'vitest';
import { formattedFirst, IMAGE_ZOOMS, looksLikeMarkdown, opensInNewTab, zoomLabel } from './attachment.ts';

describe('looksLikeMarkdown', () => {
  it.each([
    '# Title\n\nBody',
    'Things to check:\n- one\n- two',
    '1. first\n2. second',
    'Run:\n```\nnpm test\n```',
    '> quoted reply',
    '| a | b |\n|---|---|',
    'See [the docs](https://example.com).',
    'This is **important** here.',
  ])('formats %j', (text) => {
    expect(looksLikeMarkdown(text)).toBe(true);
  });

  it.each([
    'Great product, arrived on time. Would buy again!',
    'Price: 3 * 4 = 12 and #hashtag',
    'Line one\nLine two\n\nA new paragraph.',
    'snake_case_name and 2*3',
  ])('keeps %j as written', (text) => {
    expect(looksLikeMarkdown(text)).toBe(false);
  });
});

describe('opensInNewTab', () => {
  const app = 'https://groundwork.example';

  it('offers pages on other origins', () => {
    expect(opensInNewTab('https://en.wikipedia.org/wiki/Cat', app)).toBe(true);
    expect(opensInNewTab('http://intranet.local/page', app)).toBe(true);
  });

  it('never offers files served by this server or non-web URLs', () => {
    expect(opensInNewTab('/api/leases/l1/files/f1', app)).toBe(false);
    expect(opensInNewTab('https://groundwork.example/api/files/f1', app)).toBe(false);
    expect(opensInNewTab('javascript:alert(1)', app)).toBe(false);
    expect(opensInNewTab('data:text/html,<b>x</b>', app)).toBe(false);
  });
});

describe('formattedFirst', () => {
  it('formats markdown-typed texts even when they read as plain prose', () => {
    expect(formattedFirst('Line one\nLine two', 'markdown')).toBe(true);
    expect(formattedFirst('Line one\nLine two', 'detect')).toBe(false);
  });

  it('formats detected markdown', () => {
    expect(formattedFirst('# Title', 'detect')).toBe(true);
  });
});

describe('image zoom', () => {
  it('starts at fit and climbs through the natural-size scales', () => {
    expect(IMAGE_ZOOMS[0]).toBe(0);
    expect([...IMAGE_ZOOMS].sort((a, b) => a - b)).toEqual([...IMAGE_ZOOMS]);
    expect(IMAGE_ZOOMS).toContain(1);
  });

  it('names the levels as the button shows them', () => {
    expect(zoomLabel(0)).toBe('Fit');
    expect(zoomLabel(0.75)).toBe('75%');
    expect(zoomLabel(1.5)).toBe('150%');
  });
});
