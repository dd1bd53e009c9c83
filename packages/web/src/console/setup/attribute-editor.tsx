/**
 * One annotation attribute of an image project: its name, kind and question, whether it must be answered
 * and whether it is asked once per image, the settings of its kind (options, limits, linkable labels) and
 * when it applies (some labels only, or when other attributes have given values).
 */
import { isRequired, type LabelOption } from '@groundwork/domain';
import { useState } from 'react';
import { NumberField, useSynced } from './controls.tsx';
import {
  ATTRIBUTE_TYPES,
  type AttributeEntry,
  type AttributeType,
  asObject,
  attributeChoices,
  attributeConditions,
  attributeType,
  type ConditionRequirement,
  changeAttributeType,
  labelCondition,
  parseConditionValues,
  setAttributeConditions,
  setDefinitionKey,
  setLabelCondition,
} from './image-params.ts';
import { LabelOptionsEditor } from './label-tree-editor.tsx';

/** Props of {@link AttributeEditor}. */
export interface AttributeEditorProps {
  entry: AttributeEntry;
  /** Opened when first shown (a new attribute); others start as a one-line summary. */
  initiallyOpen: boolean;
  /** Every leaf label of the project's geometries (for "only for labels" and linked attributes). */
  labels: readonly string[];
  /** Every attribute of the project (conditions may name the others). */
  attributes: readonly AttributeEntry[];
  onChange: (definition: Record<string, unknown>) => void;
  /** Renames the attribute; returns why not when the name cannot be used. */
  onRename: (name: string) => string | null;
  onRemove: () => void;
  /** Problems the domain finds in this attribute, as sentences. */
  problems: readonly string[];
}

function LabelChecklist({
  legend,
  labels,
  selected,
  onChange,
  hint,
}: {
  legend: string;
  labels: readonly string[];
  selected: readonly string[];
  onChange: (labels: string[]) => void;
  hint: string;
}) {
  const unknown = selected.filter((label) => !labels.includes(label));
  return (
    <fieldset className="setup-checklist">
      <legend>{legend}</legend>
      <span className="field__hint">{hint}</span>
      <div className="setup-checklist__items">
        {[...labels, ...unknown].map((label) => (
          <label key={label} className="setup-chip" data-unknown={!labels.includes(label)}>
            <input
              type="checkbox"
              checked={selected.includes(label)}
              onChange={(event) =>
                onChange(
                  event.target.checked ? [...selected, label] : selected.filter((item) => item !== label),
                )
              }
            />
            {label}
            {!labels.includes(label) && ' (no such label)'}
          </label>
        ))}
        {labels.length === 0 && unknown.length === 0 && <span className="muted">No labels yet.</span>}
      </div>
    </fieldset>
  );
}

function ConditionsEditor({
  self,
  definition,
  attributes,
  onChange,
}: {
  self: string;
  definition: Record<string, unknown>;
  attributes: readonly AttributeEntry[];
  onChange: (definition: Record<string, unknown>) => void;
}) {
  // Requirements being filled in live here until they are complete enough to be written.
  const [alternatives, setAlternatives] = useSynced(
    asObject(definition.conditions)?.attribute_conditions,
    (written) => attributeConditions({ conditions: { attribute_conditions: written } }),
  );
  const others = attributes.filter((entry) => entry.name !== self);
  const write = (next: ConditionRequirement[][]) => {
    const written = setAttributeConditions(definition, next);
    setAlternatives(next, asObject(written.conditions)?.attribute_conditions);
    onChange(written);
  };
  const setRequirement = (a: number, r: number, requirement: ConditionRequirement) =>
    write(alternatives.map((alt, i) => (i === a ? alt.map((req, j) => (j === r ? requirement : req)) : alt)));
  return (
    <fieldset className="setup-conditions">
      <legend>Only when other attributes have given answers</legend>
      <span className="field__hint">
        Asked when any one of these alternatives holds; within an alternative, every line must hold.
      </span>
      {alternatives.map((alternative, a) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: alternatives are positional.
        <div className="setup-condition" key={a}>
          <div className="setup-condition__head">
            <strong>{a === 0 ? 'When' : 'Or when'}</strong>
            <button
              type="button"
              className="button button--small"
              onClick={() => write(alternatives.filter((_, i) => i !== a))}
            >
              Remove alternative
            </button>
          </div>
          {alternative.map((requirement, r) => {
            const target = others.find((entry) => entry.name === requirement.name);
            const choices = target ? attributeChoices(target.definition) : [];
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: requirements are positional.
              <div className="form-row setup-condition__row" key={r}>
                <label className="field">
                  <span>Attribute</span>
                  <select
                    value={requirement.name}
                    onChange={(event) => setRequirement(a, r, { name: event.target.value, values: [] })}
                  >
                    <option value="">Choose…</option>
                    {others.map((entry) => (
                      <option key={entry.name} value={entry.name}>
                        {entry.name}
                      </option>
                    ))}
                    {requirement.name !== '' && !target && (
                      <option value={requirement.name}>{requirement.name} (no such attribute)</option>
                    )}
                  </select>
                </label>
                {choices.length > 0 ? (
                  <fieldset className="setup-checklist">
                    <legend>is one of</legend>
                    <div className="setup-checklist__items">
                      {choices.map((choice) => (
                        <label key={choice} className="setup-chip">
                          <input
                            type="checkbox"
                            checked={requirement.values.includes(choice)}
                            onChange={(event) =>
                              setRequirement(a, r, {
                                name: requirement.name,
                                values: event.target.checked
                                  ? [...requirement.values, choice]
                                  : requirement.values.filter((value) => value !== choice),
                              })
                            }
                          />
                          {choice}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                ) : (
                  <ConditionValuesInput
                    key={requirement.name}
                    requirement={requirement}
                    type={target ? attributeType(target.definition) : 'text'}
                    onChange={(values) => setRequirement(a, r, { name: requirement.name, values })}
                  />
                )}
                <button
                  type="button"
                  className="setup-icon-button setup-icon-button--danger"
                  aria-label={`Remove the condition on ${requirement.name || 'an attribute'}`}
                  onClick={() =>
                    write(alternatives.map((alt, i) => (i === a ? alt.filter((_, j) => j !== r) : alt)))
                  }
                >
                  ✕
                </button>
              </div>
            );
          })}
          <button
            type="button"
            className="button button--small"
            disabled={others.length === 0}
            onClick={() =>
              write(
                alternatives.map((alt, i) =>
                  i === a ? [...alt, { name: others[0]?.name ?? '', values: [] }] : alt,
                ),
              )
            }
          >
            + And…
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--small"
        disabled={others.length === 0}
        title={others.length === 0 ? 'Add another attribute first' : undefined}
        onClick={() => write([...alternatives, [{ name: others[0]?.name ?? '', values: [] }]])}
      >
        + Add a condition
      </button>
    </fieldset>
  );
}

function ConditionValuesInput({
  requirement,
  type,
  onChange,
}: {
  requirement: ConditionRequirement;
  type: string;
  onChange: (values: ConditionRequirement['values']) => void;
}) {
  const [text, setText] = useState(() => requirement.values.join(', '));
  return (
    <label className="field setup-grow">
      <span>is one of (comma-separated)</span>
      <input
        type="text"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          onChange(parseConditionValues(event.target.value, type));
        }}
      />
    </label>
  );
}

/** Edits one attribute definition. */
export function AttributeEditor({
  entry,
  initiallyOpen,
  labels,
  attributes,
  onChange,
  onRename,
  onRemove,
  problems,
}: AttributeEditorProps) {
  const { definition } = entry;
  const type = attributeType(definition);
  const [name, setName] = useState(entry.name);
  const [nameError, setNameError] = useState<string | null>(null);
  const set = (key: string, value: unknown) => onChange(setDefinitionKey(definition, key, value));
  const commitName = () => {
    if (name === entry.name) return;
    const problem = onRename(name);
    setNameError(problem);
  };
  const required = isRequired({ type, ...definition } as Parameters<typeof isRequired>[0]);
  const text = (key: string) => (typeof definition[key] === 'string' ? (definition[key] as string) : '');
  const num = (key: string) =>
    typeof definition[key] === 'number' ? (definition[key] as number) : undefined;

  const kindTitle = ATTRIBUTE_TYPES.find((option) => option.type === type)?.title ?? type;
  const only = labelCondition(definition);
  const summary = [
    kindTitle,
    definition.global === true
      ? 'once per image'
      : only.length > 0
        ? `for ${only.join(', ')}`
        : 'every annotation',
    attributeConditions(definition).length > 0 ? 'when other answers match' : null,
    required ? 'required' : 'optional',
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <details className="setup-attribute" open={initiallyOpen || problems.length > 0 || undefined}>
      <summary className="setup-attribute__summary">
        <code className="setup-attribute__name">{entry.name}</code>
        <span className="setup-attribute__question">{text('description') || 'No question yet'}</span>
        <span className="setup-attribute__meta">{summary}</span>
        {problems.length > 0 && (
          <span className="badge" data-tone="bad">
            {problems.length} problem{problems.length === 1 ? '' : 's'}
          </span>
        )}
      </summary>
      <div className="setup-attribute__body">
        <div className="form-row">
          <label className="field">
            <span>Name (key in answers)</span>
            <input
              type="text"
              value={name}
              aria-invalid={!!nameError}
              onChange={(event) => setName(event.target.value)}
              onBlur={commitName}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  commitName();
                }
              }}
            />
          </label>
          <label className="field">
            <span>Kind</span>
            <select
              value={type}
              onChange={(event) =>
                onChange(changeAttributeType(definition, event.target.value as AttributeType))
              }
            >
              {ATTRIBUTE_TYPES.map((option) => (
                <option key={option.type} value={option.type}>
                  {option.title}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--small button--danger setup-attribute__remove"
            onClick={onRemove}
          >
            Remove attribute
          </button>
        </div>
        {nameError && <span className="field__error">{nameError}</span>}
        <span className="field__hint">{ATTRIBUTE_TYPES.find((option) => option.type === type)?.hint}</span>
        <label className="field">
          <span>Question shown to annotators</span>
          <input
            type="text"
            value={text('description')}
            placeholder="e.g. How much of it is hidden?"
            onChange={(event) =>
              set('description', event.target.value === '' ? undefined : event.target.value)
            }
          />
        </label>
        <div className="form-row">
          <label className="setup-check">
            <input
              type="checkbox"
              checked={required}
              onChange={(event) => set('required', event.target.checked)}
            />
            Must be answered
          </label>
          <label className="setup-check">
            <input
              type="checkbox"
              checked={definition.global === true}
              onChange={(event) => set('global', event.target.checked ? true : undefined)}
            />
            Ask once per image (not per annotation)
          </label>
          {type === 'category' && (
            <label className="setup-check">
              <input
                type="checkbox"
                checked={definition.allow_multiple === true}
                onChange={(event) => set('allow_multiple', event.target.checked ? true : undefined)}
              />
              Several options may be chosen
            </label>
          )}
        </div>

        {type === 'category' && (
          <div className="setup-subsection">
            <h4>Options</h4>
            <LabelOptionsEditor
              label={`Options of ${entry.name}`}
              itemName="option"
              value={Array.isArray(definition.choices) ? (definition.choices as LabelOption[]) : []}
              onChange={(choices) => set('choices', choices)}
            />
          </div>
        )}
        {type === 'number' && (
          <div className="form-row">
            <NumberField
              label="Smallest value"
              value={num('min')}
              onChange={(v) => set('min', v)}
              placeholder="none"
            />
            <NumberField
              label="Largest value"
              value={num('max')}
              onChange={(v) => set('max', v)}
              placeholder="none"
            />
            <NumberField
              label="Step"
              value={num('step')}
              onChange={(v) => set('step', v)}
              placeholder="1"
              hint="Values go up from the smallest (or 0) in this step."
            />
          </div>
        )}
        {type === 'linked' && (
          <LabelChecklist
            legend="May link to annotations labeled"
            hint="None checked: any annotation."
            labels={labels}
            selected={
              Array.isArray(definition.allowed_labels)
                ? definition.allowed_labels.filter((item): item is string => typeof item === 'string')
                : []
            }
            onChange={(selected) => set('allowed_labels', selected.length > 0 ? selected : undefined)}
          />
        )}

        {definition.global !== true && (
          <LabelChecklist
            legend="Only for annotations labeled"
            hint="None checked: asked for every annotation."
            labels={labels}
            selected={labelCondition(definition)}
            onChange={(selected) => onChange(setLabelCondition(definition, selected))}
          />
        )}
        <ConditionsEditor
          self={entry.name}
          definition={definition}
          attributes={attributes}
          onChange={onChange}
        />
        {problems.length > 0 && (
          <ul className="setup-problems" aria-label={`Problems of ${entry.name}`}>
            {problems.map((problem) => (
              <li key={problem} className="error-text">
                {problem}
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
