/**
 * The text-collection editor: the form's fields (nested field sets, repeated entries, conditional fields)
 * beside the attachments they are about. Problems of answered fields show under them as the person types;
 * required fields left empty are reported when the answer is submitted.
 */
import type { FormField, TextcollectionParams } from '@groundwork/domain';
import { type ReactNode, useId, useMemo, useRef } from 'react';
import { AttachmentView } from '../../components/attachment-view/attachment-view.tsx';
import {
  firstField,
  focusSoon,
  isAltKey,
  isRemoveEntryKey,
  useEditorKeys,
  useInitialFocus,
} from '../../components/fields-form/editor-keys.ts';
import { Markdown } from '../../components/markdown.tsx';
import type { ResolveUrl, TaskEditorProps } from '../contract.ts';
import {
  addEntry,
  checkFormDraft,
  type DraftPath,
  type DraftProblem,
  type EntryDraft,
  entriesOf,
  type FormDraft,
  fewestEntries,
  formOf,
  isRepeated,
  pathKey,
  problemSentence,
  problemsByPath,
  removeEntry,
  setEntry,
  shownFields,
} from './draft.ts';
import { BooleanInput, CategoryInput, DatetimeInput, NumberInput, TextInput } from './form-inputs.tsx';
import './textcollection.css';

type Attachment = TextcollectionParams['attachments'][number];

/** What every field of the form needs from the editor. */
interface FormContext {
  idPrefix: string;
  fields: readonly FormField[];
  draft: FormDraft;
  onChange: (draft: FormDraft) => void;
  problems: Map<string, DraftProblem[]>;
  /** Attachments shown right above a top-level field (those whose `forms` name it first). */
  attachmentsAbove: Map<string, Attachment[]>;
  resolveUrl: ResolveUrl;
}

/** A DOM id for a draft path; field ids may hold characters ids should not. */
export function domId(prefix: string, path: DraftPath): string {
  const parts = path.map((part) =>
    String(part).replace(/[^A-Za-z0-9_-]/g, (char) => `_${char.codePointAt(0)?.toString(16)}`),
  );
  return [prefix, ...parts].join('-');
}

/** Problems shown while typing: everything except "is required", which only submitting reports. */
function shownProblems(ctx: FormContext, path: DraftPath): DraftProblem[] {
  return (ctx.problems.get(pathKey(path)) ?? []).filter((problem) => problem.message !== 'is required');
}

function ProblemList({ id, problems }: { id: string; problems: DraftProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="tc-problems" id={id}>
      {problems.map((problem) => (
        // Under its own input the field's own name is enough: `Price`, not `Dishes #2 › Price`.
        <li key={problem.message}>
          {problemSentence({ ...problem, label: problem.label.split(' › ').at(-1) ?? problem.label })}
        </li>
      ))}
    </ul>
  );
}

function EntryInput({
  field,
  entries,
  index,
  fieldPath,
  ctx,
  ariaLabel,
}: {
  field: FormField;
  entries: EntryDraft[];
  index: number;
  fieldPath: DraftPath;
  ctx: FormContext;
  ariaLabel: string;
}) {
  const path = [...fieldPath, index];
  const id = domId(ctx.idPrefix, path);
  const problems = shownProblems(ctx, path);
  const problemsId = problems.length > 0 ? `${id}-problems` : undefined;
  const entry = entries[index];
  const onChange = (value: EntryDraft) => ctx.onChange(setEntry(ctx.draft, path, entries, value));
  const common = { entry, onChange, id, ariaLabel, describedBy: problemsId, invalid: problems.length > 0 };
  let input: ReactNode;
  switch (field.type) {
    case 'text':
      input = <TextInput field={field} {...common} />;
      break;
    case 'number':
      input = <NumberInput field={field} {...common} />;
      break;
    case 'boolean':
      input = <BooleanInput field={field} {...common} />;
      break;
    case 'datetime':
      input = <DatetimeInput field={field} {...common} />;
      break;
    case 'category':
      input = <CategoryInput field={field} {...common} />;
      break;
    case 'field_set':
      input = (
        <div className="tc-fieldset" data-inline={field.inline || undefined}>
          <FieldList fields={field.fields} form={formOf(entry)} prefix={path} ctx={ctx} label={ariaLabel} />
        </div>
      );
      break;
  }
  return (
    <>
      {input}
      {problemsId && <ProblemList id={problemsId} problems={problems} />}
    </>
  );
}

function FieldBlock({
  field,
  form,
  prefix,
  ctx,
  parentLabel,
}: {
  field: FormField;
  form: FormDraft;
  prefix: DraftPath;
  ctx: FormContext;
  /** The enclosing field set entry as the person sees it (`Dishes #2`), empty at the top of the form. */
  parentLabel: string;
}) {
  const fieldPath = [...prefix, field.field_id];
  const name = parentLabel === '' ? field.title : `${parentLabel} › ${field.title}`;
  const entries = entriesOf(form, field);
  const repeated = isRepeated(field);
  const titleId = `${domId(ctx.idPrefix, fieldPath)}-title`;
  const labelled =
    !repeated && (field.type === 'text' || field.type === 'number' || field.type === 'datetime');
  const fieldProblems = shownProblems(ctx, fieldPath);
  const add = () => {
    const added = addEntry(ctx.fields, ctx.draft, fieldPath);
    if (added.index === undefined) return;
    ctx.onChange(added.draft);
    const entryId = `${domId(ctx.idPrefix, [...fieldPath, added.index])}-entry`;
    focusSoon(() => firstField(document.getElementById(entryId)));
  };
  const remove = (index: number) => {
    ctx.onChange(removeEntry(ctx.fields, ctx.draft, fieldPath, index));
    const entryId = `${domId(ctx.idPrefix, [...fieldPath, Math.max(0, index - 1)])}-entry`;
    focusSoon(() => firstField(document.getElementById(entryId)));
  };
  const title = (
    <>
      {field.title}
      {field.required && (
        <span className="ff-required" title="Required">
          <span aria-hidden="true">*</span>
          <span className="visually-hidden"> (required)</span>
        </span>
      )}
    </>
  );
  return (
    <section
      className="tc-field"
      data-kind={field.type}
      aria-labelledby={titleId}
      data-repeat-path={repeated ? JSON.stringify(fieldPath) : undefined}
    >
      <div className="tc-field__head">
        {labelled ? (
          <label className="tc-field__title" id={titleId} htmlFor={domId(ctx.idPrefix, [...fieldPath, 0])}>
            {title}
          </label>
        ) : (
          <span className="tc-field__title" id={titleId}>
            {title}
          </span>
        )}
        {repeated && (
          <span className="tc-field__count">
            {entries.length} of{' '}
            {field.min_responses_required === field.max_responses_required
              ? ''
              : `${field.min_responses_required}–`}
            {field.max_responses_required}
          </span>
        )}
      </div>
      {field.description && <Markdown source={field.description} className="tc-field__description" />}
      {field.hint && <p className="tc-field__hint">{field.hint}</p>}
      {repeated ? (
        <ol className="tc-entries">
          {entries.map((_, index) => (
            <li
              // Entries have no identity of their own; their position is what the answer records.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above.
              key={index}
              className="tc-entry"
              id={`${domId(ctx.idPrefix, [...fieldPath, index])}-entry`}
              data-entry-index={index}
            >
              <span className="tc-entry__index" aria-hidden="true">
                {index + 1}
              </span>
              <div className="tc-entry__body">
                <EntryInput
                  field={field}
                  entries={entries}
                  index={index}
                  fieldPath={fieldPath}
                  ctx={ctx}
                  ariaLabel={`${name} #${index + 1}`}
                />
              </div>
              <button
                type="button"
                className="ff-icon-button tc-entry__remove"
                // Out of the Tab order so Tab moves between answers; Alt+Shift+Backspace removes from the keyboard.
                tabIndex={-1}
                aria-label={`Remove ${field.title} #${index + 1}`}
                title="Remove (Alt+Shift+Backspace)"
                disabled={entries.length <= fewestEntries(field)}
                onClick={() => remove(index)}
              >
                ×
              </button>
            </li>
          ))}
        </ol>
      ) : (
        <EntryInput
          field={field}
          entries={entries}
          index={0}
          fieldPath={fieldPath}
          ctx={ctx}
          ariaLabel={name}
        />
      )}
      {repeated && (
        <button
          type="button"
          className="ff-add"
          disabled={entries.length >= field.max_responses_required}
          onClick={add}
        >
          + Add {field.title.toLowerCase()} <kbd>Alt</kbd>+<kbd>N</kbd>
        </button>
      )}
      <ProblemList id={`${titleId}-problems`} problems={fieldProblems} />
    </section>
  );
}

function FieldList({
  fields,
  form,
  prefix,
  ctx,
  label,
}: {
  fields: readonly FormField[];
  form: FormDraft;
  prefix: DraftPath;
  ctx: FormContext;
  /** The enclosing field set entry as the person sees it, empty at the top of the form. */
  label: string;
}) {
  const shown = shownFields(fields, form);
  const top = prefix.length === 0;
  return (
    <>
      {fields
        .filter((field) => shown.has(field.field_id))
        .map((field) => (
          <div key={field.field_id} className="tc-field-wrap">
            {top &&
              ctx.attachmentsAbove.get(field.field_id)?.map((attachment, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: attachments are fixed by the task and never reordered.
                <div className="tc-inline-attachment" key={index}>
                  <AttachmentView
                    type={attachment.type}
                    content={attachment.content}
                    resolveUrl={ctx.resolveUrl}
                    textFormat="markdown"
                    title={`Attachment for ${field.title}`}
                    compact
                  />
                </div>
              ))}
            <FieldBlock field={field} form={form} prefix={prefix} ctx={ctx} parentLabel={label} />
          </div>
        ))}
    </>
  );
}

/**
 * Splits attachments into those shown beside the whole form and those shown above a field: an attachment
 * naming `forms` goes above the first of those fields that is shown.
 */
export function placeAttachments(
  attachments: readonly Attachment[],
  fields: readonly FormField[],
  shown: Set<string>,
): { general: Attachment[]; above: Map<string, Attachment[]> } {
  const general: Attachment[] = [];
  const above = new Map<string, Attachment[]>();
  for (const attachment of attachments) {
    if (!attachment.forms) {
      general.push(attachment);
      continue;
    }
    const target = fields.find(
      (field) => attachment.forms?.includes(field.field_id) && shown.has(field.field_id),
    );
    if (target) above.set(target.field_id, [...(above.get(target.field_id) ?? []), attachment]);
  }
  return { general, above };
}

/** The attachments beside the form, numbered when there are several. */
export function AttachmentPane({
  attachments,
  resolveUrl,
}: {
  attachments: readonly Attachment[];
  resolveUrl: ResolveUrl;
}) {
  return (
    <aside className="tc-attachments" aria-label="Attachments">
      {attachments.map((attachment, index) => (
        <AttachmentView
          // biome-ignore lint/suspicious/noArrayIndexKey: attachments are fixed by the task and never reordered.
          key={index}
          type={attachment.type}
          content={attachment.content}
          resolveUrl={resolveUrl}
          textFormat="markdown"
          title={attachments.length > 1 ? `Attachment ${index + 1}` : 'Attachment'}
        />
      ))}
    </aside>
  );
}

/** The form's title and introduction. */
export function FormHeader({ params }: { params: TextcollectionParams }) {
  if (!params.title && !params.description) return null;
  return (
    <header className="tc-header">
      {params.title && <h2 className="tc-header__title">{params.title}</h2>}
      {params.description && <Markdown source={params.description} className="tc-header__description" />}
    </header>
  );
}

/** The repeated field the focus is in (or the first one of the form), as its draft path. */
function repeatedFieldPath(root: HTMLElement, focused: Element | null): DraftPath | undefined {
  const container =
    (focused && root.contains(focused) ? focused.closest<HTMLElement>('[data-repeat-path]') : null) ??
    root.querySelector<HTMLElement>('[data-repeat-path]');
  const raw = container?.dataset.repeatPath;
  return raw ? (JSON.parse(raw) as DraftPath) : undefined;
}

/** The text-collection editor. */
export function TextcollectionEditor({
  params,
  draft,
  onChange,
  resolveUrl,
  active,
}: TaskEditorProps<TextcollectionParams, FormDraft>) {
  const idPrefix = useId().replace(/:/g, '');
  const root = useRef<HTMLDivElement>(null);
  const check = useMemo(() => checkFormDraft(params, draft), [params, draft]);
  const problems = useMemo(() => problemsByPath(check.problems), [check]);
  const shown = shownFields(params.fields, draft);
  const placed = placeAttachments(params.attachments, params.fields, shown);
  const ctx: FormContext = {
    idPrefix,
    fields: params.fields,
    draft,
    onChange,
    problems,
    attachmentsAbove: placed.above,
    resolveUrl,
  };

  useInitialFocus(root, active);
  useEditorKeys(root, active, (event) => {
    const element = root.current;
    if (!element) return;
    if (isAltKey(event, 'KeyN')) {
      const fieldPath = repeatedFieldPath(element, document.activeElement);
      if (!fieldPath) return;
      event.preventDefault();
      const added = addEntry(params.fields, draft, fieldPath);
      if (added.index === undefined) return;
      onChange(added.draft);
      const entryId = `${domId(idPrefix, [...fieldPath, added.index])}-entry`;
      focusSoon(() => firstField(document.getElementById(entryId)));
      return;
    }
    if (isRemoveEntryKey(event)) {
      const focused = document.activeElement;
      const entry =
        focused && element.contains(focused) ? focused.closest<HTMLElement>('[data-entry-index]') : null;
      const fieldPath = entry ? repeatedFieldPath(element, entry) : undefined;
      if (!entry || !fieldPath) return;
      event.preventDefault();
      const index = Number(entry.dataset.entryIndex);
      const next = removeEntry(params.fields, draft, fieldPath, index);
      if (next === draft) return;
      onChange(next);
      const entryId = `${domId(idPrefix, [...fieldPath, Math.max(0, index - 1)])}-entry`;
      focusSoon(() => firstField(document.getElementById(entryId)));
    }
  });

  return (
    <div className="tc-editor" ref={root} data-has-attachments={placed.general.length > 0 || undefined}>
      {placed.general.length > 0 && <AttachmentPane attachments={placed.general} resolveUrl={resolveUrl} />}
      <div className="tc-form">
        <FormHeader params={params} />
        <FieldList fields={params.fields} form={draft} prefix={[]} ctx={ctx} label="" />
      </div>
    </div>
  );
}
