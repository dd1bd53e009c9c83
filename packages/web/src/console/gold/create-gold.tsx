/**
 * Creating a gold task: from a completed task of the project (its content, and its final answer as the
 * expected one), or written as JSON. The server checks the params and the expected answer with the type's
 * rules and names each bad field.
 */
import type { Task } from '@groundwork/sdk';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, call } from '../../api/client.ts';
import { ApiError } from '../shared/api-error.tsx';
import { Field, RadioCard } from '../shared/field.tsx';
import { FormActions } from '../shared/form-actions.tsx';
import { QueryState } from '../shared/query-state.tsx';
import {
  answerSummary,
  attachmentPreview,
  type GoldDraft,
  goldFromTask,
  goldJsonExample,
  parseGoldJson,
} from './gold-summary.ts';

/** Props of {@link CreateGold}. */
export interface CreateGoldProps {
  /** The project's name. */
  project: string;
  /** The project's task type. */
  type: string;
  /** Called when the gold task is created or the form closed. */
  onDone: () => void;
}

type Kind = 'evaluation' | 'training';

/** The new-gold form. */
export function CreateGold({ project, type, onDone }: CreateGoldProps) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'task' | 'json'>('task');
  const [kind, setKind] = useState<Kind>('evaluation');
  const [picked, setPicked] = useState<Task | null>(null);
  const [json, setJson] = useState(() => goldJsonExample(type));
  const [jsonProblem, setJsonProblem] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (draft: GoldDraft) =>
      call(
        api.POST('/api/projects/{name}/gold', {
          params: { path: { name: project } },
          body: { kind, ...draft },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['gold', project] });
      onDone();
    },
  });
  const fromTask = picked ? goldFromTask(picked) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'task') {
      if (fromTask?.ok) create.mutate(fromTask.draft);
      return;
    }
    const parsed = parseGoldJson(json);
    if (!parsed.ok) {
      setJsonProblem(parsed.message);
      return;
    }
    setJsonProblem(null);
    create.mutate(parsed.draft);
  };

  const editAsJson = () => {
    if (!fromTask?.ok) return;
    setJson(JSON.stringify(fromTask.draft, null, 2));
    setMode('json');
  };

  return (
    <section className="card" aria-labelledby="new-gold-title">
      <h2 id="new-gold-title">New gold task</h2>
      <form className="form create-gold" onSubmit={submit}>
        <fieldset className="create-gold__kind">
          <legend>Kind</legend>
          <RadioCard
            name="gold-kind"
            value="evaluation"
            checked={kind === 'evaluation'}
            onChange={() => setKind('evaluation')}
            title="Evaluation"
            description="Mixed unseen into the queue; scores each annotator."
          />
          <RadioCard
            name="gold-kind"
            value="training"
            checked={kind === 'training'}
            onChange={() => setKind('training')}
            title="Training"
            description="Shown to new annotators before real work, with feedback."
          />
        </fieldset>

        <div className="tabs" role="tablist" aria-label="How to make it">
          <button type="button" role="tab" aria-selected={mode === 'task'} onClick={() => setMode('task')}>
            From a completed task
          </button>
          <button type="button" role="tab" aria-selected={mode === 'json'} onClick={() => setMode('json')}>
            Write JSON
          </button>
        </div>

        {mode === 'task' ? (
          <TaskPicker project={project} picked={picked} onPick={setPicked} />
        ) : (
          <Field
            label="Gold task (JSON)"
            hint={
              <>
                <code>{'{ "params": {…}, "expectedResponse": … }'}</code> — the params as for creating a{' '}
                {type} task (the project’s defaults apply), the known answer in the type’s answer format.
                Scale’s form with <code>expected_response</code> beside the params works too.
              </>
            }
            error={jsonProblem ?? undefined}
          >
            {(control) => (
              <textarea
                {...control}
                className="create-gold__json"
                spellCheck={false}
                value={json}
                onChange={(event) => setJson(event.target.value)}
              />
            )}
          </Field>
        )}

        {mode === 'task' && fromTask && !fromTask.ok && <p className="field__error">{fromTask.message}</p>}
        <FormActions
          submitLabel={`Create ${kind} gold`}
          busyLabel="Creating…"
          busy={create.isPending}
          disabled={mode === 'task' && !fromTask?.ok}
          error={create.error}
          errorPrefix="Could not create the gold task:"
          onCancel={onDone}
        >
          {mode === 'task' && fromTask?.ok && (
            <button type="button" className="button" onClick={editAsJson}>
              Edit the answer as JSON
            </button>
          )}
        </FormActions>
      </form>
    </section>
  );
}

/** Props of {@link TaskPicker}. */
interface TaskPickerProps {
  project: string;
  picked: Task | null;
  onPick: (task: Task | null) => void;
}

/** Picks a completed task: from the latest ones, or by id. */
function TaskPicker({ project, picked, onPick }: TaskPickerProps) {
  const [taskId, setTaskId] = useState('');
  const recent = useQuery({
    queryKey: ['tasks', project, 'completed', 'recent'],
    queryFn: () =>
      call(api.GET('/api/tasks', { params: { query: { project, status: 'completed', limit: 12 } } })),
  });
  const byId = useMutation({
    mutationFn: (id: string) => call(api.GET('/api/tasks/{id}', { params: { path: { id } } })),
    onSuccess: (task) => onPick(task.project === project ? task : null),
  });
  const items = recent.data?.items ?? [];
  return (
    <div className="task-picker">
      <QueryState
        query={recent}
        loading="Loading completed tasks…"
        errorPrefix="Could not load the completed tasks:"
        isEmpty={() => items.length === 0}
        empty={
          <p className="empty">
            No completed tasks in this project yet. Enter a task id, or write the gold task as JSON.
          </p>
        }
      >
        {() => (
          <fieldset className="task-picker__list">
            <legend>Latest completed tasks</legend>
            {items.map((task) => {
              const preview = attachmentPreview(task.params);
              return (
                <RadioCard
                  key={task.id}
                  name="gold-source-task"
                  value={task.id}
                  className="task-picker__item"
                  checked={picked?.id === task.id}
                  onChange={() => onPick(task)}
                  media={
                    preview.kind === 'image' ? (
                      <img src={preview.url} alt="" loading="lazy" className="gold-thumb gold-thumb--small" />
                    ) : undefined
                  }
                  title={answerSummary(task.type, task.response)}
                  description={
                    <>
                      {preview.kind === 'text' && <span className="task-picker__text">{preview.text}</span>}
                      <code>{task.id}</code>
                    </>
                  }
                />
              );
            })}
          </fieldset>
        )}
      </QueryState>
      <div className="form-row">
        <Field label="Or a task id">
          {(control) => (
            <input
              {...control}
              value={taskId}
              onChange={(event) => setTaskId(event.target.value)}
              placeholder="6b07eaea78b15e15c9c74932"
            />
          )}
        </Field>
        <button
          type="button"
          className="button"
          disabled={taskId.trim() === '' || byId.isPending}
          onClick={() => byId.mutate(taskId.trim())}
        >
          {byId.isPending ? 'Looking…' : 'Use this task'}
        </button>
      </div>
      <ApiError error={byId.error} prefix="Could not read the task:" />
      {byId.isSuccess && byId.data.project !== project && (
        <p className="field__error">That task belongs to another project ({byId.data.project ?? 'none'}).</p>
      )}
      {picked && (
        <p className="task-picker__picked">
          Expected answer: <strong>{answerSummary(picked.type, picked.response)}</strong>
        </p>
      )}
    </div>
  );
}
