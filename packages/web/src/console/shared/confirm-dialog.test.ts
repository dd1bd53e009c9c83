import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConfirmDialog } from './confirm-dialog.tsx';

const html = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element);

describe('ConfirmDialog', () => {
  const mutation = (isPending: boolean, error: unknown) => ({ isPending, error, reset: () => {} });
  const render = (m: ReturnType<typeof mutation>) =>
    html(
      createElement(ConfirmDialog, {
        title: 'Revoke the key “CI”?',
        confirmLabel: 'Revoke key',
        danger: true,
        mutation: m,
        onConfirm: () => {},
        onClose: () => {},
        // biome-ignore lint/correctness/noChildrenProp: no JSX in a .test.ts, and children are a required prop here.
        children: createElement('p', null, 'Scripts using it stop working.'),
      }),
    );
  it('asks the question with Cancel and the action, named by its title', () => {
    const markup = render(mutation(false, null));
    expect(markup).toMatch(
      /<dialog class="dialog" aria-labelledby="([^"]+)">.*<h2 id="\1">Revoke the key “CI”\?<\/h2>/,
    );
    expect(markup).toContain('>Cancel</button>');
    expect(markup).toContain('button--danger">Revoke key</button>');
    expect(markup).not.toContain('role="alert"');
  });
  it('says when the action runs and why it failed', () => {
    const markup = render(mutation(true, new Error('The key is already revoked.')));
    expect(markup).toContain('disabled="">Working…</button>');
    expect(markup).toContain('The key is already revoked.');
  });
});
