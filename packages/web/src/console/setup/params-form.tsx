/**
 * The form of a project's params, for any task type: the image project's shapes and attributes or the
 * categorization project's categories where a dedicated form exists, then one control per remaining param
 * read from the type's schema, and a JSON view of everything (the way to set what no control covers).
 */
import type { EntityLabel } from '@groundwork/domain';
import { useState } from 'react';
import { describeIssue, issuesAt, type PathIssue } from '../shared/api-problems.ts';
import { type CategoryRow, categoryRows, suggestId, withCategoryRows } from './category-rows.ts';
import {
  CriteriaEditor,
  FieldMapEditor,
  JsonField,
  NumberField,
  RowButtons,
  StringListEditor,
  useSynced,
} from './controls.tsx';
import { ImageLabelsForm } from './image-labels-form.tsx';
import type { Params } from './image-params.ts';
import { EntityLabelsEditor } from './label-tree-editor.tsx';
import { type ParamControl, paramControls } from './params-fields.ts';
import { setupRegistry, taskTypeInfo } from './type-catalog.ts';

/** Props of {@link ParamsForm}. */
export interface ParamsFormProps {
  /** The task type. */
  type: string;
  /** The draft project params. */
  params: Params;
  onChange: (params: Params) => void;
  /** Problems of the draft (paths into the params), from the domain and from the server. */
  issues: readonly PathIssue[];
  /** Shows the params without letting them change (the Form/JSON switch still works). */
  readOnly?: boolean;
}

function withKey(params: Params, key: string, value: unknown): Params {
  const next = { ...params };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

function CategoriesForm({ params, onChange, issues }: Omit<ParamsFormProps, 'type'>) {
  // Rows live here while they are edited, so an id stays with its row even while two rows share a name.
  const source = { categories: params.categories, category_ids: params.category_ids };
  const [local, setLocal] = useSynced(source, categoryRows);
  const { rows, withIds } = local;
  const errors: Record<number, string> = {};
  for (const issue of issuesAt(issues, 'categories')) {
    const index = Number(issue.path.split('.')[1]);
    if (Number.isInteger(index)) errors[index] ??= issue.message;
  }
  const idIssues = issuesAt(issues, 'category_ids').map(describeIssue);
  const general = issuesAt(issues, 'categories').filter((issue) => issue.path === 'categories');
  const write = (next: CategoryRow[], ids = withIds) => {
    const written = withCategoryRows(params, next, ids);
    setLocal(
      { rows: next, withIds: ids },
      { categories: written.categories, category_ids: written.category_ids },
    );
    onChange(written);
  };
  return (
    <section className="setup-subsection" aria-labelledby="setup-categories">
      <h3 id="setup-categories">Categories</h3>
      <p className="field__hint">
        Annotators choose among these, in this order (keys 1–9 pick the first nine). Categories are flat: the
        categorization type has no nested categories.
      </p>
      <fieldset className="setup-list" aria-label="Categories">
        {withIds && rows.length > 0 && (
          <div className="setup-list__head" aria-hidden="true">
            <span>Category</span>
            <span>Id in answers</span>
          </div>
        )}
        {rows.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: positional rows; names may repeat while typed.
          <div className="setup-list__row" key={index}>
            <input
              type="text"
              value={row.name}
              aria-label={`Category ${index + 1}`}
              aria-invalid={!!errors[index]}
              onChange={(event) =>
                write(rows.map((r, i) => (i === index ? { ...r, name: event.target.value } : r)))
              }
            />
            {withIds && (
              <input
                type="text"
                className="setup-list__id"
                value={row.id}
                aria-label={`Id of category ${index + 1}`}
                placeholder={suggestId(row.name)}
                onChange={(event) =>
                  write(rows.map((r, i) => (i === index ? { ...r, id: event.target.value } : r)))
                }
              />
            )}
            <RowButtons
              name={`category ${row.name || index + 1}`}
              first={index === 0}
              last={index === rows.length - 1}
              onMove={(by) => {
                const next = [...rows];
                const target = index + by;
                [next[index], next[target]] = [next[target] as CategoryRow, next[index] as CategoryRow];
                write(next);
              }}
              onRemove={() => write(rows.filter((_, i) => i !== index))}
            />
            {errors[index] && <span className="field__error setup-list__error">{errors[index]}</span>}
          </div>
        ))}
        <button
          type="button"
          className="button button--small"
          onClick={() => write([...rows, { name: '', id: '' }])}
        >
          + Add category
        </button>
      </fieldset>
      {general.map((issue) => (
        <p key={issue.message} className="field__error">
          {issue.message}
        </p>
      ))}
      <label className="setup-check">
        <input
          type="checkbox"
          checked={withIds}
          onChange={(event) =>
            write(
              rows.map((row) => ({ ...row, id: row.id || suggestId(row.name) })),
              event.target.checked,
            )
          }
        />
        Give categories ids (answers then carry <code>category_id</code> too)
      </label>
      {idIssues.map((message) => (
        <p key={message} className="field__error">
          {message}
        </p>
      ))}
    </section>
  );
}

function defaultNote(control: ParamControl): string | null {
  if (control.defaultValue === undefined || /default/i.test(control.description)) return null;
  return `Default: ${typeof control.defaultValue === 'string' ? control.defaultValue : JSON.stringify(control.defaultValue)}.`;
}

function GenericControl({
  control,
  params,
  onChange,
  issues,
}: {
  control: ParamControl;
  params: Params;
  onChange: (params: Params) => void;
  issues: readonly PathIssue[];
}) {
  const { key } = control;
  const value = params[key];
  const set = (next: unknown) => onChange(withKey(params, key, next));
  const problems = issuesAt(issues, key).map((issue) =>
    issue.path === key ? issue.message : describeIssue(issue),
  );
  const hint = [control.description, defaultNote(control)].filter(Boolean).join(' ');
  const error = problems.length > 0 ? problems.join(' · ') : undefined;
  switch (control.kind) {
    case 'boolean': {
      const checked = typeof value === 'boolean' ? value : control.defaultValue === true;
      return (
        <div className="setup-control">
          <label className="setup-check">
            <input type="checkbox" checked={checked} onChange={(event) => set(event.target.checked)} />
            {control.title}
          </label>
          <span className="field__hint">{control.description}</span>
          {error && <span className="field__error">{error}</span>}
        </div>
      );
    }
    case 'enum':
      return (
        <label className="field setup-control">
          <span>{control.title}</span>
          <select
            value={typeof value === 'string' ? value : String(control.defaultValue ?? '')}
            onChange={(event) => set(event.target.value)}
          >
            {control.defaultValue === undefined && <option value="">Not set</option>}
            {control.options.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
          <span className="field__hint">{hint}</span>
          {error && <span className="field__error">{error}</span>}
        </label>
      );
    case 'integer':
    case 'number':
      return (
        <div className="setup-control">
          <NumberField
            label={control.title}
            integer={control.kind === 'integer'}
            value={typeof value === 'number' ? value : undefined}
            min={control.minimum}
            max={control.maximum}
            placeholder={control.defaultValue !== undefined ? String(control.defaultValue) : 'not set'}
            hint={hint}
            error={error}
            onChange={set}
          />
        </div>
      );
    case 'text':
      return (
        <label className="field setup-control">
          <span>{control.title}</span>
          <input
            type="text"
            value={typeof value === 'string' ? value : ''}
            onChange={(event) => set(event.target.value === '' ? undefined : event.target.value)}
          />
          <span className="field__hint">{hint}</span>
          {error && <span className="field__error">{error}</span>}
        </label>
      );
    case 'markdown':
      return (
        <label className="field setup-control">
          <span>{control.title}</span>
          <textarea
            rows={4}
            value={typeof value === 'string' ? value : ''}
            onChange={(event) => set(event.target.value === '' ? undefined : event.target.value)}
          />
          <span className="field__hint">{hint}</span>
          {error && <span className="field__error">{error}</span>}
        </label>
      );
    case 'strings': {
      const list = Array.isArray(value) ? value.map(String) : [];
      return (
        <div className="setup-control">
          <h4>{control.title}</h4>
          <span className="field__hint">{hint}</span>
          <StringListEditor
            label={control.title}
            itemName="option"
            values={list}
            onChange={(next) => set(next.length > 0 ? next : undefined)}
          />
          {error && <span className="field__error">{error}</span>}
        </div>
      );
    }
    case 'field-map':
      return (
        <div className="setup-control">
          <h4>{control.title}</h4>
          <span className="field__hint">{hint}</span>
          <FieldMapEditor
            label={control.title}
            value={
              typeof value === 'object' && value !== null ? (value as Record<string, string>) : undefined
            }
            onChange={set}
          />
          {error && <span className="field__error">{error}</span>}
        </div>
      );
    case 'entity-labels':
      return (
        <div className="setup-control">
          <h4>{control.title}</h4>
          <span className="field__hint">{hint}</span>
          <EntityLabelsEditor
            label={control.title}
            value={Array.isArray(value) ? (value as EntityLabel[]) : []}
            onChange={(next) => set(next.length > 0 ? next : undefined)}
          />
          {error && <span className="field__error">{error}</span>}
        </div>
      );
    case 'criteria':
      return (
        <div className="setup-control">
          <h4>{control.title}</h4>
          <span className="field__hint">{hint}</span>
          <CriteriaEditor label={control.title} value={value} onChange={set} />
          {error && <span className="field__error">{error}</span>}
        </div>
      );
    default:
      return (
        <div className="setup-control">
          <JsonField
            label={`${control.title} (JSON)`}
            value={value}
            onChange={set}
            hint={hint}
            problems={problems}
            rows={key === 'fields' ? 14 : 6}
          />
        </div>
      );
  }
}

/** Edits a project's params with forms, or all of them as JSON. */
export function ParamsForm({ type, params, onChange, issues, readOnly = false }: ParamsFormProps) {
  const [view, setView] = useState<'form' | 'json'>('form');
  const controls = paramControls(setupRegistry, type);
  const basic = controls.filter((control) => !control.advanced);
  const advanced = controls.filter((control) => control.advanced);
  const info = taskTypeInfo(type);
  return (
    <div className="setup-params">
      <div className="setup-segmented">
        <button type="button" aria-pressed={view === 'form'} onClick={() => setView('form')}>
          Form
        </button>
        <button type="button" aria-pressed={view === 'json'} onClick={() => setView('json')}>
          JSON
        </button>
      </div>
      <fieldset className="setup-fieldset" disabled={readOnly}>
        {view === 'json' ? (
          <JsonField
            label="Project params (JSON)"
            value={params}
            rows={24}
            onChange={(next) =>
              onChange(
                typeof next === 'object' && next !== null && !Array.isArray(next) ? (next as Params) : {},
              )
            }
            hint="Every param of the type may be set here, including those each task normally brings. Checked against the type's schema as you type."
            problems={issues.map(describeIssue)}
          />
        ) : (
          <>
            {type === 'imageannotation' && (
              <ImageLabelsForm params={params} onChange={onChange} issues={issues} />
            )}
            {type === 'categorization' && (
              <CategoriesForm params={params} onChange={onChange} issues={issues} />
            )}
            {basic.length > 0 && (
              <section className="setup-subsection" aria-labelledby="setup-settings">
                <h3 id="setup-settings">
                  {type === 'imageannotation' || type === 'categorization' ? 'More settings' : 'Settings'}
                </h3>
                <div className="setup-controls">
                  {basic.map((control) => (
                    <GenericControl
                      key={control.key}
                      control={control}
                      params={params}
                      onChange={onChange}
                      issues={issues}
                    />
                  ))}
                </div>
              </section>
            )}
            {advanced.length > 0 && (
              <details
                className="setup-advanced"
                open={advanced.some((control) => issuesAt(issues, control.key).length > 0) || undefined}
              >
                <summary>Advanced settings ({advanced.length})</summary>
                <div className="setup-controls">
                  {advanced.map((control) => (
                    <GenericControl
                      key={control.key}
                      control={control}
                      params={params}
                      onChange={onChange}
                      issues={issues}
                    />
                  ))}
                </div>
              </details>
            )}
            {info && info.contentKeys.length > 0 && (
              <p className="field__hint setup-content-note">
                Each task brings its own{' '}
                {info.contentKeys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && ', '}
                    <code>{key}</code>
                  </span>
                ))}
                .
              </p>
            )}
          </>
        )}
      </fieldset>
    </div>
  );
}
