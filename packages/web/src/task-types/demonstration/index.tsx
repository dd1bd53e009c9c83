/**
 * `demonstration` in the workbench: read a prompt or conversation and write the ideal reply in markdown
 * (supervised fine-tuning data), with a live preview, the length limits in view and an optional rationale.
 */
import {
  type DemonstrationParams,
  type DemonstrationResponse,
  demonstrationParamsSchema,
} from '@groundwork/domain';
import { useId, useRef, useState } from 'react';
import {
  focusSoon,
  isAltKey,
  useEditorKeys,
  useInitialFocus,
} from '../../components/fields-form/editor-keys.ts';
import { AnswerTitle } from '../../components/fields-form/field-answers-table.tsx';
import { Markdown } from '../../components/markdown.tsx';
import type { TaskEditorProps, TaskTypeUi, TaskViewerProps } from '../contract.ts';
import { Conversation, Guidelines } from './conversation.tsx';
import {
  type DemonstrationDraft,
  demonstrationDraftFromResponse,
  demonstrationEmptyDraft,
  demonstrationToResponse,
} from './response.ts';
import { characterCount, lengthStatus, wordCount } from './text-stats.ts';
import './demonstration.css';

const VIEWS = ['write', 'split', 'preview'] as const;
type View = (typeof VIEWS)[number];
const VIEW_TITLES: Record<View, string> = { write: 'Write', split: 'Split', preview: 'Preview' };

function limitsText(min: number | undefined, max: number | undefined): string | undefined {
  if (min !== undefined && max !== undefined)
    return `${min.toLocaleString()}–${max.toLocaleString()} characters`;
  if (min !== undefined) return `at least ${min.toLocaleString()} characters`;
  if (max !== undefined) return `at most ${max.toLocaleString()} characters`;
  return undefined;
}

/** Characters, words and where the length stands against the limits. */
function Stats({ text, min, max }: { text: string; min?: number | undefined; max?: number | undefined }) {
  const status = lengthStatus(text, min, max);
  const limits = limitsText(min, max);
  return (
    <div className="dm-stats" data-state={status.state}>
      <span>
        {characterCount(text).toLocaleString()} characters · {wordCount(text).toLocaleString()} words
      </span>
      {limits && <span className="dm-stats__limits">{limits}</span>}
      <span className="dm-stats__status" aria-live="polite">
        {status.state === 'short' && `${status.missing.toLocaleString()} more needed`}
        {status.state === 'long' && `${status.excess.toLocaleString()} over the limit`}
        {status.state === 'ok' && limits && 'Length OK'}
      </span>
    </div>
  );
}

function DemonstrationEditor({
  params,
  draft,
  onChange,
  active,
}: TaskEditorProps<DemonstrationParams, DemonstrationDraft>) {
  const id = useId().replace(/:/g, '');
  const root = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View>('write');
  const completion = typeof draft.completion === 'string' ? draft.completion : '';
  const rationale = typeof draft.rationale === 'string' ? draft.rationale : '';
  useInitialFocus(root, active);
  useEditorKeys(root, active, (event) => {
    if (!isAltKey(event, 'KeyP')) return;
    event.preventDefault();
    const next = VIEWS[(VIEWS.indexOf(view) + 1) % VIEWS.length] ?? 'write';
    const typing = document.activeElement?.id === `${id}-completion`;
    setView(next);
    // Leaving Preview brings the text box back; put the caret in it so writing can go on.
    if (next !== 'preview' && (typing || view === 'preview')) {
      focusSoon(() => document.getElementById(`${id}-completion`));
    }
  });
  const status = lengthStatus(completion, params.min_length, params.max_length);
  return (
    <div className="dm-editor" ref={root}>
      <section className="dm-prompt" aria-label="Prompt">
        <Conversation prompt={params.prompt} />
        {params.guidelines && <Guidelines source={params.guidelines} />}
      </section>
      <section className="dm-writer" aria-labelledby={`${id}-title`}>
        <div className="dm-writer__head">
          <label className="dm-writer__title" id={`${id}-title`} htmlFor={`${id}-completion`}>
            Your reply
            <span className="ff-required" title="Required">
              <span aria-hidden="true">*</span>
              <span className="visually-hidden"> (required)</span>
            </span>
          </label>
          <fieldset className="dm-views">
            <legend className="visually-hidden">View (Alt+P)</legend>
            {VIEWS.map((option) => (
              <button
                key={option}
                type="button"
                className="dm-views__option"
                aria-pressed={view === option}
                onClick={() => setView(option)}
              >
                {VIEW_TITLES[option]}
              </button>
            ))}
          </fieldset>
        </div>
        <div className="dm-writer__body" data-view={view}>
          {view !== 'preview' && (
            <textarea
              id={`${id}-completion`}
              className="ff-input dm-textarea"
              value={completion}
              placeholder="Write the reply the assistant should give. Markdown is supported."
              aria-invalid={status.state === 'short' || status.state === 'long' || undefined}
              aria-describedby={`${id}-stats`}
              spellCheck
              onChange={(event) => onChange({ ...draft, completion: event.currentTarget.value })}
            />
          )}
          {view !== 'write' && (
            <section className="dm-preview" aria-label="Preview">
              {completion.trim() === '' ? (
                <p className="ff-missing">Nothing to preview yet.</p>
              ) : (
                <Markdown source={completion} />
              )}
            </section>
          )}
        </div>
        <div id={`${id}-stats`}>
          <Stats text={completion} min={params.min_length} max={params.max_length} />
        </div>
        <label className="dm-rationale__label" htmlFor={`${id}-rationale`}>
          Rationale
          {params.require_rationale ? (
            <span className="ff-required" title="Required">
              <span aria-hidden="true">*</span>
              <span className="visually-hidden"> (required)</span>
            </span>
          ) : (
            <span className="dm-optional">optional</span>
          )}
        </label>
        <textarea
          id={`${id}-rationale`}
          className="ff-input ff-input--grow dm-rationale"
          rows={2}
          value={rationale}
          placeholder="Why is the reply written this way? What did you check?"
          onChange={(event) => onChange({ ...draft, rationale: event.currentTarget.value })}
        />
      </section>
    </div>
  );
}

function DemonstrationViewer({
  params,
  answers,
}: TaskViewerProps<DemonstrationParams, DemonstrationResponse>) {
  const [source, setSource] = useState(false);
  return (
    <div className="dm-editor">
      <section className="dm-prompt" aria-label="Prompt">
        <Conversation prompt={params.prompt} />
        {params.guidelines && <Guidelines source={params.guidelines} />}
      </section>
      <section className="dm-answers" aria-label="Replies">
        <label className="dm-source-toggle">
          <input
            type="checkbox"
            checked={source}
            onChange={(event) => setSource(event.currentTarget.checked)}
          />
          Show markdown source
        </label>
        {answers.map((answer) => (
          <article key={answer.key} className="dm-answer" style={{ borderLeftColor: answer.color }}>
            <header className="dm-answer__head">
              <AnswerTitle title={answer.title} color={answer.color} />
              <Stats text={answer.response.completion} min={params.min_length} max={params.max_length} />
            </header>
            {source ? (
              <pre className="dm-answer__source">{answer.response.completion}</pre>
            ) : (
              <Markdown source={answer.response.completion} />
            )}
            {answer.response.rationale && (
              <div className="dm-answer__rationale">
                <div className="dm-answer__rationale-title">Rationale</div>
                <p>{answer.response.rationale}</p>
              </div>
            )}
          </article>
        ))}
      </section>
    </div>
  );
}

/** The demonstration task type's editor, viewer and draft logic. */
export const demonstrationUi: TaskTypeUi<DemonstrationParams, DemonstrationResponse, DemonstrationDraft> = {
  name: 'demonstration',
  parseParams: (params) => demonstrationParamsSchema.parse(params),
  Editor: DemonstrationEditor,
  Viewer: DemonstrationViewer,
  emptyDraft: demonstrationEmptyDraft,
  draftFromResponse: demonstrationDraftFromResponse,
  toResponse: demonstrationToResponse,
  shortcuts: [
    { keys: 'Alt+P', does: 'Switch the reply between Write, Split and Preview' },
    { keys: 'Tab / Shift+Tab', does: 'Move between the reply and the rationale' },
  ],
};
