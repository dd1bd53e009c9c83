import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TableHead } from './table-head.tsx';

describe('TableHead', () => {
  it('writes one column header per column, numeric ones right-aligned, and a named actions column', () => {
    const markup = renderToStaticMarkup(
      createElement(TableHead, {
        columns: ['Name', { label: 'Tasks', numeric: true }, false, { label: 'Progress', className: 'wide' }],
        actions: true,
      }),
    );
    expect(markup).toBe(
      '<thead><tr><th scope="col">Name</th><th scope="col" class="num">Tasks</th>' +
        '<th scope="col" class="wide">Progress</th>' +
        '<th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>',
    );
  });
  it('has no actions column unless asked, and no class on plain columns', () => {
    const markup = renderToStaticMarkup(createElement(TableHead, { columns: [{ label: 'When' }] }));
    expect(markup).toBe('<thead><tr><th scope="col">When</th></tr></thead>');
  });
});
