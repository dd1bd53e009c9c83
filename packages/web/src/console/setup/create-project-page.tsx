/** Creates a project: its type, labels and instructions, with a live preview of the annotator's view. */
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { ApiFailure, api, call } from '../../api/client.ts';
import { canManage, useSession } from '../../api/session.ts';
import { ConsolePage } from '../layout.tsx';
import { describeIssue, issuesUnder, messagesByPath, type PathIssue } from '../shared/api-problems.ts';
import { AnnotatorPreview } from './annotator-preview.tsx';
import type { Params } from './image-params.ts';
import { InstructionEditor } from './instructions-section.tsx';
import { ParamsForm } from './params-form.tsx';
import {
  type FormErrors,
  formatSeconds,
  formToWorkflow,
  REVIEW_MODES,
  readNumber,
  type WorkflowForm,
} from './policy-form.ts';
import { buildPreview } from './preview.ts';
import { setupKeys, useSampleTask } from './queries.ts';
import { setupRegistry, TASK_TYPES, taskTypeInfo } from './type-catalog.ts';
import './setup.css';

const DEFAULT_WORKFLOW: WorkflowForm = {
  overlap: '1',
  reviewMode: 'none',
  samplePercent: '',
  agreementPercent: '',
  leaseSeconds: '1800',
  priority: '0',
};

/** Creates a project: its type, labels and instructions, with a live preview of the annotator's view. */
export function CreateProjectPage() {
  const session = useSession().data;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [type, setType] = useState<string>('');
  const [drafts, setDrafts] = useState<Record<string, Params>>({});
  const [instruction, setInstruction] = useState('');
  const [workflow, setWorkflow] = useState<WorkflowForm>(DEFAULT_WORKFLOW);
  const [serverIssues, setServerIssues] = useState<PathIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);

  const params = type === '' ? {} : (drafts[type] ?? taskTypeInfo(type)?.starterParams ?? {});
  const sample = useSampleTask(type, null);
  const preview = useMemo(
    () => (type === '' ? null : buildPreview(setupRegistry, type, params, sample.data?.params ?? null)),
    [type, params, sample.data],
  );
  const checkedWorkflow = formToWorkflow(workflow);
  const serverByPath = messagesByPath(serverIssues);
  const nameError =
    serverByPath.name ??
    (tried && name.trim() === ''
      ? 'Give the project a name.'
      : name.length > 256
        ? 'At most 256 characters.'
        : undefined);
  const typeError =
    serverByPath.type ?? (tried && type === '' ? 'Choose what annotators will do.' : undefined);
  const paramIssues = [...(preview?.issues ?? []), ...issuesUnder(serverIssues, 'params')];
  const workflowErrors: FormErrors = {
    ...(checkedWorkflow.ok ? {} : checkedWorkflow.errors),
    ...messagesByPath(issuesUnder(serverIssues, 'workflow')),
    ...(serverByPath.priority ? { priority: serverByPath.priority } : {}),
  };

  if (session && !canManage(session.role)) {
    return (
      <ConsolePage title="New project">
        <div className="empty" role="alert">
          Only managers can create projects. <Link to="/console">Back to the projects</Link>
        </div>
      </ConsolePage>
    );
  }

  const setParams = (next: Params) => {
    setDrafts((current) => ({ ...current, [type]: next }));
    setServerIssues((current) => current.filter((issue) => !issue.path.startsWith('params')));
  };
  const setWorkflowField = (change: Partial<WorkflowForm>) =>
    setWorkflow((current) => ({ ...current, ...change }));

  const problems: string[] = [];
  if (name.trim() === '') problems.push('The project needs a name.');
  if (type === '') problems.push('Choose a task type.');
  if ((preview?.issues.length ?? 0) > 0) problems.push('Fix the problems in the labels and settings.');
  if (!checkedWorkflow.ok) problems.push('Fix the workflow fields.');

  /** Brings the first field marked invalid into view, once the marks are drawn. */
  const focusFirstProblem = () =>
    window.requestAnimationFrame(() => {
      const field = document.querySelector<HTMLElement>('.setup-create [aria-invalid="true"]');
      field?.focus();
      field?.scrollIntoView({ block: 'center' });
    });

  const create = async () => {
    setTried(true);
    setFailure(null);
    if (problems.length > 0 || !checkedWorkflow.ok) {
      focusFirstProblem();
      return;
    }
    setBusy(true);
    try {
      const created = await call(
        api.POST('/api/projects', {
          body: {
            name: name.trim(),
            type,
            params,
            instruction: instruction.trim() === '' ? null : instruction,
            workflow: checkedWorkflow.value.workflow,
            priority: checkedWorkflow.value.priority,
          },
        }),
      );
      queryClient.setQueryData(setupKeys.project(created.name), created);
      await navigate({
        to: '/console/projects/$name/setup',
        params: { name: created.name },
        search: { created: '1' } as never,
      });
    } catch (error) {
      if (error instanceof ApiFailure) {
        const details: PathIssue[] =
          error.code === 'name_taken'
            ? [{ path: 'name', message: error.message }, ...error.details]
            : error.details;
        setServerIssues(details);
        setFailure(
          details.length > 0 ? 'The server refused some fields; they are marked above.' : error.message,
        );
      } else setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const lease = readNumber(workflow.leaseSeconds);

  return (
    <ConsolePage
      title="New project"
      subtitle="Choose what annotators will do, set up their labels and instructions. Everything can be changed later."
    >
      <div className="setup-page setup-create">
        <section className="card" aria-labelledby="create-name">
          <h2 id="create-name">1. Name</h2>
          <label className="field setup-name">
            <span>Project name</span>
            <input
              type="text"
              value={name}
              maxLength={256}
              autoComplete="off"
              aria-invalid={!!nameError}
              placeholder="e.g. street-scenes-2024"
              onChange={(event) => {
                setName(event.target.value);
                setServerIssues((current) => current.filter((issue) => issue.path !== 'name'));
              }}
            />
            <span className="field__hint">
              Unique in the organization. API callers and imports name the project by it.
            </span>
            {nameError && <span className="field__error">{nameError}</span>}
          </label>
        </section>

        <section className="card" aria-labelledby="create-type">
          <h2 id="create-type">2. What annotators do</h2>
          <div className="setup-types" role="radiogroup" aria-labelledby="create-type">
            {TASK_TYPES.map((option) => (
              <label key={option.name} className="setup-type" data-selected={type === option.name}>
                <input
                  type="radio"
                  name="type"
                  value={option.name}
                  checked={type === option.name}
                  onChange={() => setType(option.name)}
                />
                <span className="setup-type__title">{option.title}</span>
                <span className="setup-type__summary">{option.summary}</span>
                <code className="setup-type__name">{option.name}</code>
              </label>
            ))}
          </div>
          {typeError && <p className="field__error">{typeError}</p>}
        </section>

        {type !== '' && (
          <div className="setup-split">
            <section className="card setup-split__form" aria-labelledby="create-labels">
              <h2 id="create-labels">3. Labels and settings</h2>
              <p className="field__hint">
                Defaults for every task of the project; a task may override any of them.
              </p>
              <ParamsForm type={type} params={params} onChange={setParams} issues={paramIssues} />
            </section>
            <div className="setup-split__preview">
              <AnnotatorPreview
                type={type}
                params={params}
                taskParams={sample.data?.params ?? null}
                taskNote={sample.data?.note ?? null}
                instruction={instruction}
              />
            </div>
          </div>
        )}

        <section className="card" aria-labelledby="create-instructions">
          <h2 id="create-instructions">{type === '' ? '3' : '4'}. Instructions</h2>
          <InstructionEditor value={instruction} onChange={setInstruction} />
        </section>

        <section className="card" aria-labelledby="create-workflow">
          <h2 id="create-workflow">{type === '' ? '4' : '5'}. Workflow</h2>
          <p className="field__hint">
            Quality (gold, training) and routing (workforces, skills) are set after creating.
          </p>
          <div className="form-row setup-row-top">
            <label className="field">
              <span>Annotators per task</span>
              <input
                type="number"
                min={1}
                max={10}
                value={workflow.overlap}
                aria-invalid={!!workflowErrors.overlap}
                onChange={(e) => setWorkflowField({ overlap: e.target.value })}
              />
              {workflowErrors.overlap && <span className="field__error">{workflowErrors.overlap}</span>}
            </label>
            <label className="field">
              <span>Lease duration (seconds)</span>
              <input
                type="number"
                min={30}
                max={86_400}
                value={workflow.leaseSeconds}
                aria-invalid={!!workflowErrors.lease_seconds}
                onChange={(e) => setWorkflowField({ leaseSeconds: e.target.value })}
              />
              <span className="field__hint">{lease !== undefined ? formatSeconds(lease) : ''}</span>
              {workflowErrors.lease_seconds && (
                <span className="field__error">{workflowErrors.lease_seconds}</span>
              )}
            </label>
            <label className="field">
              <span>Queue priority</span>
              <input
                type="number"
                min={-100}
                max={100}
                value={workflow.priority}
                aria-invalid={!!workflowErrors.priority}
                onChange={(e) => setWorkflowField({ priority: e.target.value })}
              />
              {workflowErrors.priority && <span className="field__error">{workflowErrors.priority}</span>}
            </label>
          </div>
          <fieldset className="setup-radios">
            <legend>Review</legend>
            {REVIEW_MODES.map((mode) => (
              <label key={mode.mode} className="setup-radio">
                <input
                  type="radio"
                  name="create-review"
                  checked={workflow.reviewMode === mode.mode}
                  onChange={() => setWorkflowField({ reviewMode: mode.mode })}
                />
                <span>
                  <strong>{mode.title}</strong>
                  <span className="field__hint">{mode.hint}</span>
                </span>
              </label>
            ))}
            {workflowErrors['review.mode'] && (
              <span className="field__error">{workflowErrors['review.mode']}</span>
            )}
          </fieldset>
          {workflow.reviewMode === 'sample' && (
            <label className="field setup-narrow">
              <span>Share of tasks reviewed (%)</span>
              <input
                type="number"
                min={0}
                max={100}
                value={workflow.samplePercent}
                aria-invalid={!!workflowErrors['review.sample_rate']}
                onChange={(e) => setWorkflowField({ samplePercent: e.target.value })}
              />
              {workflowErrors['review.sample_rate'] && (
                <span className="field__error">{workflowErrors['review.sample_rate']}</span>
              )}
            </label>
          )}
          {workflow.reviewMode === 'below_agreement' && (
            <label className="field setup-narrow">
              <span>Review when agreement is below (%)</span>
              <input
                type="number"
                min={0}
                max={100}
                value={workflow.agreementPercent}
                aria-invalid={!!workflowErrors['review.agreement_threshold']}
                onChange={(e) => setWorkflowField({ agreementPercent: e.target.value })}
              />
              {workflowErrors['review.agreement_threshold'] && (
                <span className="field__error">{workflowErrors['review.agreement_threshold']}</span>
              )}
            </label>
          )}
        </section>

        <div className="setup-create__submit">
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void create()}
          >
            {busy ? 'Creating…' : 'Create project'}
          </button>
          <Link to="/console" className="button">
            Cancel
          </Link>
          {tried && problems.length > 0 && (
            <ul className="setup-problems" role="alert">
              {problems.map((problem) => (
                <li key={problem} className="error-text">
                  {problem}
                </li>
              ))}
            </ul>
          )}
          {failure && (
            <div className="error-text" role="alert">
              {failure}
              {serverIssues.length > 0 && (
                <ul>
                  {serverIssues.map((issue) => (
                    <li key={`${issue.path}:${issue.message}`}>{describeIssue(issue)}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
      </div>
    </ConsolePage>
  );
}
