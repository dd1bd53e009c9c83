/**
 * A secret or a link to hand on (a new API key, an invitation link, the webhook secrets): shown in a
 * read-only box that selects itself on focus, with a Copy button, and optionally hidden until asked.
 */
import { useEffect, useId, useState } from 'react';
import './secret-field.css';

/**
 * Copies text to the clipboard: the Clipboard API where the page may use it (HTTPS or localhost), else a
 * hidden text box's selection and the old copy command (plain-HTTP installs). Resolves whether it worked.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied: fall back to the selection below.
  }
  const box = document.createElement('textarea');
  box.value = text;
  box.setAttribute('readonly', '');
  box.style.position = 'fixed';
  box.style.opacity = '0';
  document.body.append(box);
  box.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    box.remove();
  }
}

/** Props of {@link SecretField}. */
export interface SecretFieldProps {
  /** The field's label, e.g. "Secret key". */
  label: string;
  /** The value to show and copy. */
  value: string;
  /** Hidden behind dots until "Show" is pressed. */
  masked?: boolean;
  /** A line under the box. */
  hint?: string;
}

/** A labelled read-only box with Copy (and Show/Hide when masked). */
export function SecretField({ label, value, masked = false, hint }: SecretFieldProps) {
  const id = useId();
  const [shown, setShown] = useState(!masked);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  useEffect(() => {
    if (copied === null) return;
    const timer = window.setTimeout(() => setCopied(null), 2500);
    return () => window.clearTimeout(timer);
  }, [copied]);
  return (
    <div className="field secret-field">
      <label htmlFor={id}>{label}</label>
      <div className="secret-field__row">
        <input
          id={id}
          className="secret-field__value"
          type={shown ? 'text' : 'password'}
          readOnly
          value={value}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
        />
        {masked && (
          <button
            type="button"
            className="button button--small"
            aria-pressed={shown}
            aria-label={`${shown ? 'Hide' : 'Show'} ${label.toLowerCase()}`}
            onClick={() => setShown((s) => !s)}
          >
            {shown ? 'Hide' : 'Show'}
          </button>
        )}
        <button
          type="button"
          className="button button--small"
          aria-label={`Copy ${label.toLowerCase()}`}
          onClick={async () => setCopied((await copyText(value)) ? 'yes' : 'no')}
        >
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
      </div>
      <span className="field__hint" aria-live="polite">
        {copied === 'no' ? 'Could not copy: select the text and press Ctrl+C.' : hint}
      </span>
    </div>
  );
}
