/**
 * The project's "Personal data" card, under routing: whose annotators see personal data masked by
 * placeholders (nobody, vendor workforces, everyone, plus listed workforces), which kinds are masked, the
 * country of national phone numbers, a list of names to mask, and a live example masked in the browser by
 * the same domain functions the server uses.
 */
import { findPii, PII_KINDS, type PiiKind, redactText } from '@groundwork/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { ApiFailure, api, call } from '../../api/client.ts';
import { issuesUnder, messagesByPath } from '../shared/api-problems.ts';
import { SaveBar, type SaveState } from './controls.tsx';
import type { PolicySectionProps, WorkPolicy } from './policy-sections.tsx';
import { setupKeys, useWorkforces } from './queries.ts';
import './redaction.css';

type Redaction = WorkPolicy['redaction'];
type Audience = Redaction['applies_to'];

/** The card's inputs: the policy with the names as typed (one a line) and the country as typed. */
interface RedactionForm {
  appliesTo: Audience;
  workforces: string[];
  kinds: PiiKind[];
  country: string;
  names: string;
}

const AUDIENCES: { value: Audience; label: string; hint: string }[] = [
  { value: 'none', label: 'Nobody', hint: 'Every annotator sees the task as it was sent.' },
  {
    value: 'vendors',
    label: 'Vendor workforces',
    hint: 'Annotators of workforces of kind vendor (and those listed below) see placeholders.',
  },
  { value: 'all', label: 'Everyone', hint: 'Every annotator and reviewer sees placeholders.' },
];

const KIND_LABELS: Record<PiiKind, string> = {
  email: 'Email addresses',
  card: 'Payment card numbers',
  id: 'ID numbers (SSN, IBAN, …)',
  phone: 'Phone numbers',
  ip: 'IP addresses',
  name: 'Names from the list',
};

const EXAMPLE = 'Anna Lee (anna.lee@example.com) called from +1 415 555 0132 about card 4111 1111 1111 1111.';

function toForm(policy: Redaction): RedactionForm {
  return {
    appliesTo: policy.applies_to,
    workforces: [...policy.workforces],
    kinds: [...policy.kinds],
    country: policy.default_country ?? '',
    names: policy.names.join('\n'),
  };
}

/** The names typed, one a line: trimmed, blank lines dropped, repeats (ignoring case) kept once. */
export function namesOf(text: string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const line of text.split('\n')) {
    const name = line.trim();
    if (name === '' || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

function toPolicy(form: RedactionForm): Redaction {
  const country = form.country.trim().toUpperCase();
  return {
    applies_to: form.appliesTo,
    workforces: form.workforces,
    kinds: PII_KINDS.filter((kind) => form.kinds.includes(kind)),
    default_country: country === '' ? null : country,
    names: namesOf(form.names),
  };
}

/** The example masked as an annotator would see it, or the reason it cannot be (a bad country). */
function maskExample(text: string, policy: Redaction): { text: string } | { error: string } {
  try {
    const matches = findPii(text, {
      kinds: policy.kinds,
      defaultCountry: policy.default_country ?? undefined,
      names: policy.names,
    });
    return { text: redactText(text, matches).text };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The "Personal data" card of the routing section. */
export function RedactionSection({ project, policy, canEdit, onDirty }: PolicySectionProps) {
  const queryClient = useQueryClient();
  const saved = useMemo(() => toForm(policy.redaction), [policy.redaction]);
  const [form, setForm] = useState<RedactionForm>(saved);
  const [state, setState] = useState<SaveState>({ kind: 'clean' });
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [example, setExample] = useState(EXAMPLE);
  const workforces = useWorkforces(canEdit || policy.redaction.workforces.length > 0);
  const dirty = JSON.stringify(form) !== JSON.stringify(saved);
  const id = useId();
  useEffect(() => {
    if (!dirty) setForm(saved);
  }, [saved, dirty]);
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const next = toPolicy(form);
  const countryError =
    next.default_country !== null && !/^[A-Z]{2}$/.test(next.default_country)
      ? 'Two letters, e.g. US or GB.'
      : serverErrors.default_country;
  const kindsError = next.kinds.length === 0 ? 'Choose at least one kind.' : serverErrors.kinds;
  const masked = countryError ? null : maskExample(example, next);
  const update = (change: Partial<RedactionForm>) => {
    setForm({ ...form, ...change });
    setServerErrors({});
    setState({ kind: 'dirty' });
  };
  const save = async () => {
    setState({ kind: 'saving' });
    try {
      const updated = await call(
        api.PUT('/api/projects/{name}/workflow', {
          params: { path: { name: project } },
          body: { redaction: next },
        }),
      );
      queryClient.setQueryData(setupKeys.policy(project), updated);
      setForm(toForm(updated.redaction));
      setState({ kind: 'saved', at: new Date() });
    } catch (error) {
      if (error instanceof ApiFailure)
        setServerErrors(messagesByPath(issuesUnder(error.details, 'redaction')));
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
  const toggle = <T,>(list: T[], item: T, on: boolean) =>
    on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
  const names = namesOf(form.names);
  const listed = (workforces.data ?? []).filter((w) => !w.archived || form.workforces.includes(w.id));

  return (
    <section className="card setup-redaction" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Personal data</h2>
      <p className="muted">
        Annotators who get masked text see placeholders such as <code>[EMAIL_1]</code> instead of personal
        data; their answers are mapped back to the original text, so you always receive the originals.
      </p>
      <fieldset className="setup-redaction__group" disabled={!canEdit}>
        <legend>Who sees masked text</legend>
        {AUDIENCES.map((audience) => (
          <label key={audience.value} className="setup-redaction__choice">
            <input
              type="radio"
              name={`${id}-audience`}
              value={audience.value}
              checked={form.appliesTo === audience.value}
              onChange={() => update({ appliesTo: audience.value })}
            />
            <span>
              <strong>{audience.label}</strong>
              <span className="field__hint">{audience.hint}</span>
            </span>
          </label>
        ))}
        {serverErrors.applies_to && <span className="field__error">{serverErrors.applies_to}</span>}
      </fieldset>
      <fieldset className="setup-redaction__group" disabled={!canEdit}>
        <legend>Also mask for these workforces</legend>
        {workforces.isPending && workforces.fetchStatus !== 'idle' ? (
          <p className="muted" role="status">
            Loading workforces…
          </p>
        ) : workforces.isError ? (
          <p className="error-text" role="alert">
            Workforces could not be loaded: {workforces.error.message}
          </p>
        ) : listed.length === 0 ? (
          <p className="muted">No workforces yet.</p>
        ) : (
          <div className="setup-redaction__grid">
            {listed.map((w) => (
              <label key={w.id} className="setup-redaction__check">
                <input
                  type="checkbox"
                  checked={form.appliesTo === 'all' || form.workforces.includes(w.id)}
                  disabled={form.appliesTo === 'all'}
                  onChange={(event) =>
                    update({ workforces: toggle(form.workforces, w.id, event.target.checked) })
                  }
                />
                {w.name}{' '}
                <span className="badge" data-tone={w.kind === 'vendor' ? 'wait' : 'info'}>
                  {w.kind}
                </span>
              </label>
            ))}
          </div>
        )}
        {Object.entries(serverErrors)
          .filter(([path]) => path.startsWith('workforces'))
          .map(([path, message]) => (
            <span key={path} className="field__error">
              {message}
            </span>
          ))}
      </fieldset>
      <fieldset className="setup-redaction__group" disabled={!canEdit}>
        <legend>What is masked</legend>
        <div className="setup-redaction__grid">
          {PII_KINDS.map((kind) => (
            <label key={kind} className="setup-redaction__check">
              <input
                type="checkbox"
                checked={form.kinds.includes(kind)}
                onChange={(event) => update({ kinds: toggle(form.kinds, kind, event.target.checked) })}
              />
              {KIND_LABELS[kind]}
            </label>
          ))}
        </div>
        {kindsError && <span className="field__error">{kindsError}</span>}
      </fieldset>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-country`}>Country of national phone numbers</label>
          <input
            id={`${id}-country`}
            value={form.country}
            maxLength={2}
            placeholder="US"
            disabled={!canEdit}
            aria-invalid={!!countryError}
            aria-describedby={`${id}-country-hint`}
            onChange={(event) => update({ country: event.target.value })}
          />
          <span className="field__hint" id={`${id}-country-hint`}>
            Two letters (US, GB, FR). Empty: only numbers written with their country code (+44 …) are found.
          </span>
          {countryError && <span className="field__error">{countryError}</span>}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-names`}>Names to mask</label>
        <textarea
          id={`${id}-names`}
          rows={5}
          value={form.names}
          disabled={!canEdit}
          placeholder={'Anna Lee\nAcme Corporation'}
          aria-describedby={`${id}-names-hint`}
          onChange={(event) => update({ names: event.target.value })}
        />
        <span className="field__hint" id={`${id}-names-hint`}>
          One a line, e.g. your customer list; matched as whole words, ignoring case.{' '}
          {names.length === 0
            ? 'No names.'
            : `${names.length.toLocaleString()} ${names.length === 1 ? 'name' : 'names'}.`}
        </span>
        {serverErrors.names && <span className="field__error">{serverErrors.names}</span>}
      </div>
      <div className="setup-redaction__example">
        <div className="field">
          <label htmlFor={`${id}-example`}>Try a sentence</label>
          <textarea
            id={`${id}-example`}
            rows={3}
            value={example}
            onChange={(event) => setExample(event.target.value)}
          />
        </div>
        <div className="field">
          <span id={`${id}-shown`}>What a masked annotator sees</span>
          <output className="setup-redaction__shown" aria-labelledby={`${id}-shown`}>
            {masked === null
              ? 'Fix the country to see the example.'
              : 'error' in masked
                ? masked.error
                : masked.text}
          </output>
        </div>
      </div>
      {canEdit && (
        <SaveBar
          state={dirty && state.kind === 'clean' ? { kind: 'dirty' } : state}
          label="Save personal data settings"
          blocked={countryError || kindsError ? 'Fix the fields marked above.' : null}
          onDiscard={() => {
            setForm(saved);
            setServerErrors({});
            setState({ kind: 'clean' });
          }}
          onSave={() => void save()}
        />
      )}
    </section>
  );
}
