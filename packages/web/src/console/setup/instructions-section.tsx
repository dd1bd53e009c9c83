/**
 * The project's instructions: markdown written beside its rendering as annotators will read it, saved as a
 * new version of the project's params (tasks record the version they were created under), and the history
 * of every version with what changed.
 */
import type { ParamVersion, Project } from '@groundwork/sdk';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { ApiFailure, api, call } from '../../api/client.ts';
import { Markdown } from '../../components/markdown.tsx';
import { formatDateTime } from '../shared/format.ts';
import { SaveBar, type SaveState } from './controls.tsx';
import { diffParams, showValue } from './params-diff.ts';
import { setupKeys, useParamHistory } from './queries.ts';

/** Props of {@link InstructionEditor}. */
export interface InstructionEditorProps {
  value: string;
  onChange: (value: string) => void;
  readOnly?: boolean;
}

/** Markdown on the left, rendered on the right exactly as annotators see it. */
export function InstructionEditor({ value, onChange, readOnly = false }: InstructionEditorProps) {
  const hint = useId();
  return (
    <div className="setup-markdown">
      <label className="field">
        <span>Instructions (markdown)</span>
        <textarea
          value={value}
          readOnly={readOnly}
          rows={18}
          aria-describedby={hint}
          placeholder={'## What to do\n\n…\n\n## Examples\n\n…\n\n## Edge cases\n\n- …'}
          onChange={(event) => onChange(event.target.value)}
        />
        <span className="field__hint" id={hint}>
          Headings, **bold**, lists, tables, links and images by URL. Raw HTML is shown as text.
        </span>
      </label>
      <section className="setup-markdown__preview" aria-label="Instructions as annotators read them">
        <span className="setup-markdown__label">As annotators read it</span>
        {value.trim() ? <Markdown source={value} /> : <p className="muted">Nothing written yet.</p>}
      </section>
    </div>
  );
}

function VersionDetails({
  version,
  previous,
  canEdit,
  onRestore,
  restoring,
}: {
  version: ParamVersion;
  previous: ParamVersion | undefined;
  canEdit: boolean;
  onRestore: () => void;
  restoring: boolean;
}) {
  const changes = previous ? diffParams(previous.params, version.params) : [];
  return (
    <div className="setup-version__details">
      {previous && (
        <>
          <h4>Params changed from version {previous.version}</h4>
          {changes.length === 0 ? (
            <p className="muted">
              No change to the params
              {version.instruction !== previous.instruction ? '; the instructions changed.' : '.'}
            </p>
          ) : (
            <table className="table setup-diff">
              <thead>
                <tr>
                  <th>Param</th>
                  <th>Before</th>
                  <th>After</th>
                </tr>
              </thead>
              <tbody>
                {changes.slice(0, 200).map((change) => (
                  <tr key={change.path} data-kind={change.kind}>
                    <td>
                      <code>{change.path}</code>
                    </td>
                    <td>
                      <code>{showValue(change.before)}</code>
                    </td>
                    <td>
                      <code>{showValue(change.after)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <div className="setup-version__columns">
        <div>
          <h4>Instructions of version {version.version}</h4>
          {version.instruction?.trim() ? (
            <div className="setup-version__instruction">
              <Markdown source={version.instruction} />
            </div>
          ) : (
            <p className="muted">No instructions.</p>
          )}
        </div>
        <div>
          <h4>Params of version {version.version}</h4>
          <pre className="setup-version__json">{JSON.stringify(version.params, null, 2)}</pre>
        </div>
      </div>
      {canEdit && (
        <button type="button" className="button button--small" onClick={onRestore} disabled={restoring}>
          {restoring ? 'Restoring…' : `Restore version ${version.version} as a new version`}
        </button>
      )}
    </div>
  );
}

/** Every version of a project's params and instructions, newest first, each viewable and restorable. */
export function VersionHistory({ project, canEdit }: { project: Project; canEdit: boolean }) {
  const history = useParamHistory(project.name);
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<number | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const versions = [...(history.data ?? [])].reverse();

  const restore = async (version: ParamVersion) => {
    if (
      !window.confirm(
        `Make version ${version.version}'s params and instructions current again (as a new version)?`,
      )
    )
      return;
    setRestoring(version.version);
    setMessage(null);
    try {
      const updated = await call(
        api.POST('/api/projects/{name}/params', {
          params: { path: { name: project.name } },
          body: {
            params: version.params,
            instruction: version.instruction,
            patch: false,
            baseVersion: project.version,
          },
        }),
      );
      queryClient.setQueryData(setupKeys.project(project.name), updated);
      await queryClient.invalidateQueries({ queryKey: setupKeys.history(project.name) });
      setMessage({ ok: true, text: `Restored as version ${updated.version}.` });
    } catch (error) {
      if (error instanceof ApiFailure && error.code === 'version_conflict') {
        await queryClient.invalidateQueries({ queryKey: setupKeys.project(project.name) });
      }
      setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setRestoring(null);
    }
  };

  return (
    <section className="card" aria-labelledby="setup-history">
      <h2 id="setup-history">Version history</h2>
      <p className="field__hint">
        Every change of the instructions or the labels makes a new version; each task records the version it
        was created under.
      </p>
      {message && (
        <p
          className={message.ok ? 'badge' : 'error-text'}
          data-tone={message.ok ? 'ok' : undefined}
          role="status"
        >
          {message.text}
        </p>
      )}
      {history.isPending ? (
        <p className="muted">Loading the history…</p>
      ) : history.isError ? (
        <p className="error-text">The history could not be loaded: {history.error.message}</p>
      ) : (
        <ol className="setup-versions">
          {versions.map((version, index) => {
            const previous = versions[index + 1];
            const changes = previous ? diffParams(previous.params, version.params).length : null;
            const instructionChanged = previous ? version.instruction !== previous.instruction : false;
            return (
              <li key={version.version} className="setup-version">
                <div className="setup-version__row">
                  <strong>Version {version.version}</strong>
                  {version.version === project.version && (
                    <span className="badge" data-tone="ok">
                      Current
                    </span>
                  )}
                  <span className="muted">{formatDateTime(version.createdAt)}</span>
                  <span className="setup-version__summary">
                    {previous === undefined
                      ? 'Created'
                      : [
                          changes ? `${changes} param change${changes === 1 ? '' : 's'}` : null,
                          instructionChanged ? 'instructions changed' : null,
                        ]
                          .filter(Boolean)
                          .join(' · ') || 'No change (saved again)'}
                  </span>
                  <button
                    type="button"
                    className="button button--small"
                    aria-expanded={open === version.version}
                    onClick={() => setOpen(open === version.version ? null : version.version)}
                  >
                    {open === version.version ? 'Hide' : 'View'}
                  </button>
                </div>
                {open === version.version && (
                  <VersionDetails
                    version={version}
                    previous={previous}
                    canEdit={canEdit && version.version !== project.version}
                    restoring={restoring === version.version}
                    onRestore={() => void restore(version)}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** Props of {@link InstructionsSection}. */
export interface InstructionsSectionProps {
  project: Project;
  canEdit: boolean;
  onDirty: (dirty: boolean) => void;
}

/** Edits and saves the instructions; lists the versions. */
export function InstructionsSection({ project, canEdit, onDirty }: InstructionsSectionProps) {
  const queryClient = useQueryClient();
  const saved = project.instruction ?? '';
  const [text, setText] = useState(saved);
  const [base, setBase] = useState(saved);
  const [state, setState] = useState<SaveState>({ kind: 'clean' });
  const dirty = text !== base;

  // While nothing is being changed here, follow the project (a restore, another tab).
  useEffect(() => {
    if (!dirty) {
      setText(saved);
      setBase(saved);
    }
  }, [saved, dirty]);
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  useEffect(() => {
    setState((current) =>
      dirty
        ? current.kind === 'error'
          ? current
          : { kind: 'dirty' }
        : current.kind === 'saved'
          ? current
          : { kind: 'clean' },
    );
  }, [dirty]);

  const save = async () => {
    setState({ kind: 'saving' });
    try {
      const updated = await call(
        api.POST('/api/projects/{name}/params', {
          params: { path: { name: project.name } },
          body: {
            params: {},
            patch: true,
            instruction: text.trim() === '' ? null : text,
            baseVersion: project.version,
          },
        }),
      );
      queryClient.setQueryData(setupKeys.project(project.name), updated);
      await queryClient.invalidateQueries({ queryKey: setupKeys.history(project.name) });
      setBase(updated.instruction ?? '');
      setText(updated.instruction ?? '');
      setState({ kind: 'saved', at: new Date(), note: `version ${updated.version}` });
    } catch (error) {
      if (error instanceof ApiFailure && error.code === 'version_conflict') {
        await queryClient.invalidateQueries({ queryKey: setupKeys.project(project.name) });
      }
      setState({ kind: 'error', message: error instanceof ApiFailure ? error.message : String(error) });
    }
  };

  return (
    <>
      <section className="card" aria-labelledby="setup-instructions">
        <h2 id="setup-instructions">Instructions</h2>
        <p className="field__hint">
          Shown beside every task of the project, after the task's own instructions. Tasks created from now on
          record version {project.version}
          {canEdit
            ? `; saving makes version ${project.version + 1}, which tasks created afterwards record`
            : ''}
          . Tasks already created keep their version.
        </p>
        {base !== saved && dirty && (
          <p className="banner banner--warn" role="status">
            The instructions were changed elsewhere since you started editing. Saving replaces them with
            yours.
          </p>
        )}
        <InstructionEditor value={text} onChange={setText} readOnly={!canEdit} />
        {canEdit && (
          <SaveBar
            state={state}
            label="Save instructions"
            onSave={() => void save()}
            onDiscard={() => {
              setText(saved);
              setBase(saved);
            }}
          />
        )}
      </section>
      <VersionHistory project={project} canEdit={canEdit} />
    </>
  );
}
