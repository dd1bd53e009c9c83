import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.tsx';

const html = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element);

describe('ApiError', () => {
  it('shows nothing without an error', () => {
    expect(html(createElement(ApiError, { error: null }))).toBe('');
    expect(html(createElement(ApiError, { error: undefined }))).toBe('');
  });
  it('shows the prefix, the message and the fields the message does not name, as an alert', () => {
    const error = Object.assign(new Error('name: is taken'), {
      details: [
        { path: 'name', message: 'is taken' },
        { path: 'priority', message: 'too high' },
      ],
    });
    const markup = html(createElement(ApiError, { error, prefix: 'Could not create the batch:' }));
    expect(markup).toContain('role="alert"');
    expect(markup).toContain('<strong>Could not create the batch: </strong>name: is taken');
    expect(markup).toContain('<code>priority</code> too high');
    expect(markup).not.toContain('<code>name</code>');
  });
});
