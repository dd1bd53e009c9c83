/**
 * The project's labels and other params: the type's form on one side, the annotator's live view of a task
 * under the draft on the other. Saving makes a new params version; drafts the domain finds invalid cannot
 * be saved (every task created from them would fail).
 */
import type { Project } from '@groundwork/sdk';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { ApiFailure, api, call } from '../../api/client.ts';
import { issuesUnder, type PathIssue } from '../shared/api-problems.ts';
import { AnnotatorPreview } from './annotator-preview.tsx';
import { SaveBar, type SaveState } from './controls.tsx';
import type { Params } from './image-params.ts';
import { ParamsForm } from './params-form.tsx';
import { buildPreview } from './preview.ts';
import { setupKeys, useSampleTask } from './queries.ts';
import { setupRegistry } from './type-catalog.ts';

/** Props of {@link LabelsSection}. */
export interface LabelsSectionProps {
  project: Project;
  canEdit: boolean;
  onDirty: (dirty: boolean) => void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Edits and saves the project's params with a live preview. */
export function LabelsSection({ project, canEdit, onDirty }: LabelsSectionProps) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Params>(project.params);
  const [base, setBase] = useState<Params>(project.params);
  const [state, setState] = useState<SaveState>({ kind: 'clean' });
  const [serverIssues, setServerIssues] = useState<PathIssue[]>([]);
  const sample = useSampleTask(project.type, project.name);
  const dirty = !same(draft, base);

  useEffect(() => {
    if (!dirty && !same(base, project.params)) {
      setDraft(project.params);
      setBase(project.params);
    }
  }, [project.params, dirty, base]);
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const preview = useMemo(
    () => buildPreview(setupRegistry, project.type, draft, sample.data?.params ?? null),
    [project.type, draft, sample.data],
  );
  const issues = useMemo(() => [...preview.issues, ...serverIssues], [preview.issues, serverIssues]);

  const change = (next: Params) => {
    setDraft(next);
    setServerIssues([]);
    setState({ kind: 'dirty' });
  };

  const save = async () => {
    setState({ kind: 'saving' });
    try {
      const updated = await call(
        api.POST('/api/projects/{name}/params', {
          params: { path: { name: project.name } },
          body: {
            params: draft,
            instruction: project.instruction,
            patch: false,
            baseVersion: project.version,
          },
        }),
      );
      queryClient.setQueryData(setupKeys.project(project.name), updated);
      await queryClient.invalidateQueries({ queryKey: setupKeys.history(project.name) });
      setBase(updated.params);
      setDraft(updated.params);
      setState({ kind: 'saved', at: new Date(), note: `version ${updated.version}` });
    } catch (error) {
      if (error instanceof ApiFailure) setServerIssues(issuesUnder(error.details, 'params'));
      if (error instanceof ApiFailure && error.code === 'version_conflict') {
        // Someone else saved: show their version (the banner above then says what saving again does).
        await queryClient.invalidateQueries({ queryKey: setupKeys.project(project.name) });
      }
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const blocked =
    preview.issues.length > 0
      ? `Fix ${preview.issues.length === 1 ? 'the problem' : `the ${preview.issues.length} problems`} shown first.`
      : null;

  return (
    <div className="setup-split">
      <section className="card setup-split__form" aria-labelledby="setup-labels">
        <h2 id="setup-labels">Labels and settings</h2>
        <p className="field__hint">
          Defaults of every task of this <code>{project.type}</code> project; a task may override any of them.
          {canEdit
            ? ` Saving makes version ${project.version + 1}: tasks created from then on use it, tasks already created keep theirs.`
            : ''}
        </p>
        {dirty && !same(base, project.params) && (
          <p className="banner banner--warn" role="status">
            These params were changed elsewhere since you started editing (now version {project.version}).
            Saving replaces them with yours.
          </p>
        )}
        <ParamsForm
          type={project.type}
          params={draft}
          onChange={change}
          issues={issues}
          readOnly={!canEdit}
        />
        {canEdit && (
          <SaveBar
            state={dirty && state.kind === 'clean' ? { kind: 'dirty' } : state}
            label="Save labels"
            blocked={blocked}
            onSave={() => void save()}
            onDiscard={() => {
              setDraft(base);
              setServerIssues([]);
              setState({ kind: 'clean' });
            }}
          />
        )}
      </section>
      <div className="setup-split__preview">
        <AnnotatorPreview
          type={project.type}
          params={draft}
          taskParams={sample.data?.params ?? null}
          taskNote={sample.data?.note ?? null}
          instruction={project.instruction ?? ''}
        />
      </div>
    </div>
  );
}
