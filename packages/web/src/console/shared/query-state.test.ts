import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EmptyState, LoadMore, QueryState } from './query-state.tsx';

const html = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element);

/** A query in one of its states. */
const query = <T>(state: { isPending?: boolean; isError?: boolean; error?: unknown; data?: T }) => ({
  isPending: false,
  isError: false,
  error: null,
  data: undefined,
  ...state,
});
describe('QueryState', () => {
  const render = (q: ReturnType<typeof query<string[]>>) =>
    html(
      createElement(QueryState<string[]>, {
        query: q,
        loading: 'Loading keys…',
        errorPrefix: 'Could not load the keys:',
        isEmpty: (data) => data.length === 0,
        empty: createElement(EmptyState, { title: 'No keys yet.' }),
        // biome-ignore lint/correctness/noChildrenProp: no JSX in a .test.ts, and children are a required prop here.
        children: (data) => data.join(', '),
      }),
    );

  it('says it is loading, then shows the failure, the empty state or the data', () => {
    expect(render(query({ isPending: true }))).toBe('<p class="muted">Loading keys…</p>');
    expect(render(query({ isError: true, error: new Error('boom') }))).toContain(
      '<strong>Could not load the keys: </strong>boom',
    );
    expect(render(query({ data: [] }))).toBe('<div class="empty"><p><strong>No keys yet.</strong></p></div>');
    expect(render(query({ data: ['CI', 'Prod'] }))).toBe('CI, Prod');
  });
  it('shows the failure of a refresh even when older data is there', () => {
    expect(render(query({ isError: true, error: new Error('gone'), data: ['CI'] }))).toContain('gone');
  });
});

describe('LoadMore', () => {
  const paged = (hasNextPage: boolean, isFetchingNextPage: boolean) => ({
    hasNextPage,
    isFetchingNextPage,
    fetchNextPage: () => Promise.resolve(),
  });
  it('is a button while there are more pages, saying when it loads', () => {
    expect(html(createElement(LoadMore, { query: paged(false, false) }))).toBe('');
    expect(html(createElement(LoadMore, { query: paged(true, false) }))).toContain('>Show more</button>');
    expect(html(createElement(LoadMore, { query: paged(true, true), label: 'Load older' }))).toContain(
      'disabled="">Loading…</button>',
    );
  });
});
