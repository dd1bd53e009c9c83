import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FormActions } from './form-actions.tsx';

const render = (props: Partial<Parameters<typeof FormActions>[0]>) =>
  renderToStaticMarkup(
    createElement(FormActions, {
      submitLabel: 'Create key',
      busyLabel: 'Creating…',
      busy: false,
      error: null,
      onCancel: () => {},
      ...props,
    }),
  );

describe('FormActions', () => {
  it('ends a form with its submit button, further buttons, then Cancel', () => {
    const markup = render({ children: createElement('button', { type: 'button' }, 'Edit as JSON') });
    expect(markup).toBe(
      '<div class="form-row"><button type="submit" class="button button--primary">Create key</button>' +
        '<button type="button">Edit as JSON</button><button type="button" class="button">Cancel</button></div>',
    );
  });
  it('says when the action runs, keeps it from running twice, and shows why it failed', () => {
    const markup = render({
      busy: true,
      error: new Error('The name is taken.'),
      errorPrefix: 'Could not create the key:',
    });
    expect(markup).toContain('disabled="">Creating…</button>');
    expect(markup).toContain('role="alert"');
    expect(markup).toContain('<strong>Could not create the key: </strong>The name is taken.');
  });
  it('disables the submit button while the form cannot be sent', () => {
    expect(render({ disabled: true })).toContain('disabled="">Create key</button>');
  });
});
