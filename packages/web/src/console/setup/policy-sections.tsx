/**
 * The project's work policy in three sections, each saved on its own: the workflow (how many annotators
 * per task, the review stage, how long a lease lasts, the queue priority), the quality policy (hidden gold,
 * pausing, the training gate, weighted consensus) and the routing (which workforces, with what share, and
 * which skills people need).
 */
import type { ResponseOf } from '@groundwork/sdk';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { ApiFailure, api, call } from '../../api/client.ts';
import { issuesUnder, messagesByPath } from '../shared/api-problems.ts';
import { SaveBar, type SaveState } from './controls.tsx';
import {
  DEFAULT_PAUSE_PERCENT,
  type FormErrors,
  formatSeconds,
  formToQuality,
  formToRouting,
  formToWorkflow,
  type QualityForm,
  qualityToForm,
  REVIEW_MODES,
  type RoutingForm,
  readNumber,
  routingToForm,
  shareFractions,
  type WorkflowForm,
  workflowToForm,
} from './policy-form.ts';
import { setupKeys, useOrgSkills, useWorkforces } from './queries.ts';

/** A project's work policy as the API returns it. */
export type WorkPolicy = ResponseOf<'getProjectWorkflow'>;

/** Props every policy section takes. */
export interface PolicySectionProps {
  project: string;
  policy: WorkPolicy;
  canEdit: boolean;
  onDirty: (dirty: boolean) => void;
}

type PolicyChange =
  | { workflow?: WorkPolicy['workflow']; priority?: number }
  | { quality: WorkPolicy['quality'] }
  | {
      routing: WorkPolicy['routing'];
    };

/**
 * A policy form's state: the inputs, whether they differ from what is saved, and saving them (the server's
 * problems land under their fields). While nothing is changed, the form follows the saved policy.
 */
function usePolicyForm<F>(props: PolicySectionProps, toForm: (policy: WorkPolicy) => F, prefix: string) {
  const { project, policy, onDirty } = props;
  const queryClient = useQueryClient();
  const saved = useMemo(() => toForm(policy), [policy, toForm]);
  const [form, setForm] = useState<F>(saved);
  const [state, setState] = useState<SaveState>({ kind: 'clean' });
  const [serverErrors, setServerErrors] = useState<FormErrors>({});
  const dirty = JSON.stringify(form) !== JSON.stringify(saved);
  useEffect(() => {
    if (!dirty) setForm(saved);
  }, [saved, dirty]);
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const update = (next: F) => {
    setForm(next);
    setServerErrors({});
    setState({ kind: 'dirty' });
  };
  const save = async (body: PolicyChange) => {
    setState({ kind: 'saving' });
    try {
      const updated = await call(
        api.PUT('/api/projects/{name}/workflow', { params: { path: { name: project } }, body }),
      );
      queryClient.setQueryData(setupKeys.policy(project), updated);
      await queryClient.invalidateQueries({ queryKey: setupKeys.project(project) });
      setForm(toForm(updated));
      setState({ kind: 'saved', at: new Date() });
    } catch (error) {
      if (error instanceof ApiFailure) {
        setServerErrors(messagesByPath(prefix === '' ? error.details : issuesUnder(error.details, prefix)));
      }
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
  const discard = () => {
    setForm(saved);
    setServerErrors({});
    setState({ kind: 'clean' });
  };
  return {
    form,
    update,
    save,
    discard,
    state: dirty && state.kind === 'clean' ? ({ kind: 'dirty' } as const) : state,
    serverErrors,
  };
}

function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="field setup-policy-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy: hint ? `${id}-hint` : undefined, invalid: !!error })}
      {hint && (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && <span className="field__error">{error}</span>}
    </div>
  );
}

const workflowFormOf = (policy: WorkPolicy) => workflowToForm(policy.workflow, policy.priority);

/** Overlap, review stage, lease duration and queue priority. */
export function WorkflowSection(props: PolicySectionProps) {
  const { form, update, save, discard, state, serverErrors } = usePolicyForm<WorkflowForm>(
    props,
    workflowFormOf,
    '',
  );
  const checked = formToWorkflow(form);
  const errors: FormErrors = {
    ...(checked.ok ? {} : checked.errors),
    ...Object.fromEntries(
      Object.entries(serverErrors).map(([path, message]) => [path.replace(/^workflow\./, ''), message]),
    ),
  };
  const set = (change: Partial<WorkflowForm>) => update({ ...form, ...change });
  const lease = readNumber(form.leaseSeconds);
  return (
    <section className="card" aria-labelledby="setup-workflow">
      <h2 id="setup-workflow">Workflow</h2>
      <p className="field__hint">
        How a task becomes work. A new overlap applies to tasks handed out afterwards; a new priority
        re-orders the queue at once.
      </p>
      <fieldset className="setup-fieldset form" disabled={!props.canEdit}>
        <div className="form-row setup-row-top">
          <Field
            label="Annotators per task (overlap)"
            hint="Each task is labeled by this many different people; their answers are merged by consensus."
            error={errors.overlap}
          >
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                type="number"
                min={1}
                max={10}
                step={1}
                value={form.overlap}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(e) => set({ overlap: e.target.value })}
              />
            )}
          </Field>
          <Field
            label="Lease duration (seconds)"
            hint={`How long someone may hold a task without activity before it goes back to the queue (30 s to 24 h)${lease !== undefined ? `: ${formatSeconds(lease)}` : ''}.`}
            error={errors.lease_seconds}
          >
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                type="number"
                min={30}
                max={86_400}
                step={1}
                value={form.leaseSeconds}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(e) => set({ leaseSeconds: e.target.value })}
              />
            )}
          </Field>
          <Field
            label="Queue priority"
            hint="-100 to 100; projects with a higher priority are served first."
            error={errors.priority}
          >
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                type="number"
                min={-100}
                max={100}
                step={1}
                value={form.priority}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(e) => set({ priority: e.target.value })}
              />
            )}
          </Field>
        </div>
        <fieldset className="setup-radios">
          <legend>Review</legend>
          {REVIEW_MODES.map((mode) => (
            <label key={mode.mode} className="setup-radio">
              <input
                type="radio"
                name="review-mode"
                value={mode.mode}
                checked={form.reviewMode === mode.mode}
                onChange={() => set({ reviewMode: mode.mode })}
              />
              <span>
                <strong>{mode.title}</strong>
                <span className="field__hint">{mode.hint}</span>
              </span>
            </label>
          ))}
          {errors['review.mode'] && <span className="field__error">{errors['review.mode']}</span>}
        </fieldset>
        {form.reviewMode === 'sample' && (
          <Field label="Share of tasks reviewed (%)" error={errors['review.sample_rate']}>
            {({ id, invalid }) => (
              <input
                id={id}
                type="number"
                min={0}
                max={100}
                step="any"
                value={form.samplePercent}
                aria-invalid={invalid}
                onChange={(e) => set({ samplePercent: e.target.value })}
              />
            )}
          </Field>
        )}
        {form.reviewMode === 'below_agreement' && (
          <Field
            label="Review when agreement is below (%)"
            hint="Agreement is how much the annotators' answers of a task agree, from 0 to 100%."
            error={errors['review.agreement_threshold']}
          >
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                type="number"
                min={0}
                max={100}
                step="any"
                value={form.agreementPercent}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(e) => set({ agreementPercent: e.target.value })}
              />
            )}
          </Field>
        )}
      </fieldset>
      {props.canEdit && (
        <SaveBar
          state={state}
          label="Save workflow"
          blocked={checked.ok ? null : 'Fix the fields marked above.'}
          onDiscard={discard}
          onSave={() =>
            checked.ok && void save({ workflow: checked.value.workflow, priority: checked.value.priority })
          }
        />
      )}
    </section>
  );
}

const qualityFormOf = (policy: WorkPolicy) => qualityToForm(policy.quality);

/** Hidden gold, the pause rule, the training gate and weighted consensus. */
export function QualitySection(props: PolicySectionProps) {
  const { form, update, save, discard, state, serverErrors } = usePolicyForm<QualityForm>(
    props,
    qualityFormOf,
    'quality',
  );
  const checked = formToQuality(form);
  const errors: FormErrors = { ...(checked.ok ? {} : checked.errors), ...serverErrors };
  const set = (change: Partial<QualityForm>) => update({ ...form, ...change });
  const number = (
    key: keyof QualityForm,
    label: string,
    hint: string,
    path: string,
    extra: { min?: number; max?: number; step?: string } = {},
  ) => (
    <Field label={label} hint={hint} error={errors[path]}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type="number"
          min={extra.min}
          max={extra.max}
          step={extra.step ?? 'any'}
          value={form[key] as string}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(e) => set({ [key]: e.target.value } as Partial<QualityForm>)}
        />
      )}
    </Field>
  );
  return (
    <section className="card" aria-labelledby="setup-quality">
      <h2 id="setup-quality">Quality</h2>
      <p className="field__hint">
        Gold tasks (with known answers, managed on the Gold page) are mixed into people's work unannounced;
        their scores pause people who fall behind and weigh everyone's answers in consensus.
      </p>
      <fieldset className="setup-fieldset form" disabled={!props.canEdit}>
        <div className="form-row setup-row-top">
          {number(
            'goldPercent',
            'Gold rate (%)',
            'Share of handed-out tasks that are hidden gold, 0 to 50%.',
            'gold_rate',
            { min: 0, max: 50 },
          )}
        </div>
        <label className="setup-check">
          <input
            type="checkbox"
            checked={form.pauseEnabled}
            onChange={(e) =>
              set({
                pauseEnabled: e.target.checked,
                thresholdPercent:
                  e.target.checked && form.thresholdPercent === ''
                    ? DEFAULT_PAUSE_PERCENT
                    : form.thresholdPercent,
              })
            }
          />
          Pause people whose gold score falls too low
        </label>
        {form.pauseEnabled && (
          <div className="form-row setup-row-top setup-indent">
            {number(
              'thresholdPercent',
              'Pause below (%)',
              'Mean gold score under which a person is paused from this project.',
              'gold_threshold',
              { min: 0, max: 100 },
            )}
            {number('goldWindow', 'Over their last', 'gold answers (the window averaged).', 'gold_window', {
              min: 1,
              max: 1000,
              step: '1',
            })}
            {number(
              'goldMinAnswers',
              'After at least',
              'gold answers (nobody is judged on fewer).',
              'gold_min_answers',
              { min: 1, max: 1000, step: '1' },
            )}
          </div>
        )}
        <div className="form-row setup-row-top">
          {number(
            'trainingRequired',
            'Training tasks to pass first',
            '0: no training gate. With fewer training tasks than this, all of them.',
            'training_required',
            { min: 0, max: 100, step: '1' },
          )}
          {number(
            'passPercent',
            'Training pass score (%)',
            'Score a training answer needs to count as passed.',
            'training_pass_score',
            { min: 0, max: 100 },
          )}
        </div>
        <label className="setup-check">
          <input
            type="checkbox"
            checked={form.weighted}
            onChange={(e) => set({ weighted: e.target.checked })}
          />
          Weigh answers in consensus by each person's measured reliability (gold accuracy, else agreement)
        </label>
        {errors.form && <p className="field__error">{errors.form}</p>}
      </fieldset>
      {props.canEdit && (
        <SaveBar
          state={state}
          label="Save quality policy"
          blocked={checked.ok ? null : 'Fix the fields marked above.'}
          onDiscard={discard}
          onSave={() => checked.ok && void save({ quality: checked.value })}
        />
      )}
    </section>
  );
}

const routingFormOf = (policy: WorkPolicy) => routingToForm(policy.routing);

function percent(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10}%`;
}

/** Workforces with their shares, and required skills. */
export function RoutingSection(props: PolicySectionProps) {
  const { form, update, save, discard, state, serverErrors } = usePolicyForm<RoutingForm>(
    props,
    routingFormOf,
    'routing',
  );
  const workforces = useWorkforces(props.canEdit);
  const orgSkills = useOrgSkills(props.canEdit);
  const [skillText, setSkillText] = useState('');
  const checked = formToRouting(form);
  const errors: FormErrors = { ...(checked.ok ? {} : checked.errors), ...serverErrors };
  const fractions = shareFractions(form.workforces);
  const listed = new Map(form.workforces.map((workforce, index) => [workforce.id, index]));
  const known = workforces.data ?? [];
  const unknownRouted = form.workforces.filter((w) => !known.some((k) => k.id === w.id));
  const skillCounts = new Map<string, number>();
  for (const { skills } of orgSkills.held)
    for (const skill of skills) skillCounts.set(skill, (skillCounts.get(skill) ?? 0) + 1);
  const qualified = orgSkills.held.filter(({ skills }) =>
    form.skills.every((skill) => skills.has(skill)),
  ).length;
  const skillError = (() => {
    const skill = skillText.trim();
    if (skill === '') return null;
    if (!/^[a-z0-9][a-z0-9_.-]{0,62}$/.test(skill)) return 'Skills are lowercase slugs: a-z, 0-9, _ . -';
    if (form.skills.includes(skill)) return `"${skill}" is already required.`;
    return null;
  })();
  const addSkill = () => {
    const skill = skillText.trim();
    if (skill === '' || skillError) return;
    update({ ...form, skills: [...form.skills, skill] });
    setSkillText('');
  };
  const datalist = useId();

  return (
    <section className="card" aria-labelledby="setup-routing">
      <h2 id="setup-routing">Routing</h2>
      <p className="field__hint">
        Who may work on this project. With no workforce checked, every workforce of the organization may;
        shares split the work among the checked ones. A change re-routes the tasks waiting in the queue at
        once.
      </p>
      <fieldset className="setup-fieldset" disabled={!props.canEdit}>
        <h3>Workforces</h3>
        {!props.canEdit ? (
          form.workforces.length === 0 ? (
            <p>Every workforce may work on this project.</p>
          ) : (
            <ul>
              {form.workforces.map((w) => (
                <li key={w.id}>
                  <code>{w.id}</code>
                  {w.share ? ` · share ${w.share}` : ''}
                </li>
              ))}
            </ul>
          )
        ) : workforces.isPending ? (
          <p className="muted">Loading workforces…</p>
        ) : workforces.isError ? (
          <p className="error-text">The workforces could not be loaded: {workforces.error.message}</p>
        ) : known.length === 0 && unknownRouted.length === 0 ? (
          <p className="empty">
            The organization has no workforces yet, so everyone may work on this project. Create workforces on
            the People page to route work.
          </p>
        ) : (
          <table className="table setup-routing-table">
            <thead>
              <tr>
                <th>Allowed</th>
                <th>Workforce</th>
                <th>Share (relative)</th>
                <th className="num">Gets</th>
              </tr>
            </thead>
            <tbody>
              {[
                ...known.map((k) => ({ id: k.id, name: k.name, kind: k.kind, archived: k.archived })),
                ...unknownRouted.map((w) => ({ id: w.id, name: w.id, kind: null, archived: false })),
              ].map((workforce) => {
                const index = listed.get(workforce.id);
                const routed = index !== undefined;
                const fraction = routed ? fractions[index] : undefined;
                const shareError = routed
                  ? (errors[`workforces.${index}.share`] ?? errors[`workforces.${index}.id`])
                  : undefined;
                return (
                  <tr key={workforce.id} data-archived={workforce.archived}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Allow ${workforce.name}`}
                        checked={routed}
                        disabled={workforce.archived && !routed}
                        onChange={(e) =>
                          update({
                            ...form,
                            workforces: e.target.checked
                              ? [...form.workforces, { id: workforce.id, share: '' }]
                              : form.workforces.filter((w) => w.id !== workforce.id),
                          })
                        }
                      />
                    </td>
                    <td>
                      <strong>{workforce.name}</strong>{' '}
                      {workforce.kind && <span className="badge">{workforce.kind}</span>}{' '}
                      {workforce.archived && (
                        <span className="badge" data-tone="bad">
                          archived
                        </span>
                      )}
                      {workforce.kind === null && (
                        <span className="badge" data-tone="bad">
                          unknown workforce
                        </span>
                      )}
                    </td>
                    <td>
                      {routed && (
                        <input
                          type="number"
                          className="setup-share"
                          min={0}
                          step="any"
                          placeholder="none"
                          aria-label={`Share of ${workforce.name}`}
                          aria-invalid={!!shareError}
                          value={form.workforces[index as number]?.share ?? ''}
                          onChange={(e) =>
                            update({
                              ...form,
                              workforces: form.workforces.map((w) =>
                                w.id === workforce.id ? { ...w, share: e.target.value } : w,
                              ),
                            })
                          }
                        />
                      )}
                      {shareError && <span className="field__error">{shareError}</span>}
                    </td>
                    <td className="num">
                      {!routed
                        ? '—'
                        : fraction != null
                          ? percent(fraction)
                          : fractions.some((f) => f !== null)
                            ? 'unrouted slots'
                            : 'any slot'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {errors.workforces && <p className="field__error">{errors.workforces}</p>}

        <h3>Required skills</h3>
        <p className="field__hint">
          People need every one of these (granted on the People page, or earned by a qualification).
        </p>
        {form.skills.length === 0 ? (
          <p className="muted">No skills required.</p>
        ) : (
          <ul className="setup-skills" aria-label="Required skills">
            {form.skills.map((skill, index) => (
              <li key={skill} className="setup-chip">
                <code>{skill}</code>
                {props.canEdit && (
                  <span className="muted">
                    {' '}
                    ({skillCounts.get(skill) ?? 0} {skillCounts.get(skill) === 1 ? 'person' : 'people'})
                  </span>
                )}
                <button
                  type="button"
                  className="setup-icon-button setup-icon-button--danger"
                  aria-label={`Remove skill ${skill}`}
                  onClick={() => update({ ...form, skills: form.skills.filter((_, i) => i !== index) })}
                >
                  ✕
                </button>
                {errors[`skills.${index}`] && (
                  <span className="field__error">{errors[`skills.${index}`]}</span>
                )}
              </li>
            ))}
          </ul>
        )}
        {props.canEdit && (
          <div className="form-row">
            <label className="field">
              <span>Add a required skill</span>
              <input
                type="text"
                list={datalist}
                value={skillText}
                placeholder="e.g. medicine"
                aria-invalid={!!skillError}
                onChange={(e) => setSkillText(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addSkill();
                  }
                }}
              />
              <datalist id={datalist}>
                {[...skillCounts.keys()]
                  .filter((skill) => !form.skills.includes(skill))
                  .sort()
                  .map((skill) => (
                    <option key={skill} value={skill} />
                  ))}
              </datalist>
              {skillError && <span className="field__error">{skillError}</span>}
            </label>
            <button
              type="button"
              className="button"
              onClick={addSkill}
              disabled={skillText.trim() === '' || !!skillError}
            >
              Add skill
            </button>
          </div>
        )}
        {props.canEdit && form.skills.length > 0 && !orgSkills.loading && (
          <p className="field__hint" role="status">
            {qualified} active {qualified === 1 ? 'member holds' : 'members hold'} every required skill.
          </p>
        )}
      </fieldset>
      {props.canEdit && (
        <SaveBar
          state={state}
          label="Save routing"
          blocked={checked.ok ? null : 'Fix the fields marked above.'}
          onDiscard={discard}
          onSave={() => checked.ok && void save({ routing: checked.value })}
        />
      )}
    </section>
  );
}
