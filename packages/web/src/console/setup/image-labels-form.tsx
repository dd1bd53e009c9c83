/**
 * The labels form of an image project: which shapes annotators may draw, each with its nested labels and
 * limits (smallest box, vertex counts, rotation), and the attributes asked per annotation or per image.
 */
import { GEOMETRY_KINDS, type GeometryKind, type LabelOption, leafLabels } from '@groundwork/domain';
import { useState } from 'react';
import { describeIssue, issuesAt, type PathIssue } from '../shared/api-problems.ts';
import { AttributeEditor } from './attribute-editor.tsx';
import { NumberField } from './controls.tsx';
import {
  allLeafLabels,
  attributeEntries,
  enableGeometry,
  GEOMETRY_INFO,
  geometryLabels,
  geometryOf,
  newAttribute,
  type Params,
  renameAttribute,
  setAttributeEntries,
  setGeometry,
  setGeometrySetting,
} from './image-params.ts';
import { LabelOptionsEditor } from './label-tree-editor.tsx';

/** Props of {@link ImageLabelsForm}. */
export interface ImageLabelsFormProps {
  params: Params;
  onChange: (params: Params) => void;
  /** Problems of the draft, by path into the params. */
  issues: readonly PathIssue[];
}

function relative(issues: readonly PathIssue[], prefix: string): string[] {
  return issuesAt(issues, prefix).map((issue) =>
    describeIssue({ path: issue.path.slice(prefix.length + 1), message: issue.message }),
  );
}

function Problems({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul className="setup-problems">
      {messages.map((message) => (
        <li key={message} className="error-text">
          {message}
        </li>
      ))}
    </ul>
  );
}

/** One connection drawn between keypoints of two labels (display only). */
interface Connection {
  pair: [string, string];
  connection_attribute?: string;
}

/** Lines drawn between points of given labels, as a list of label pairs. */
function PointConnections({
  settings,
  set,
}: {
  settings: Record<string, unknown>;
  set: (key: string, value: unknown) => void;
}) {
  const connections = Array.isArray(settings.connections) ? (settings.connections as Connection[]) : [];
  const labels = leafLabels(
    Array.isArray(settings.objects_to_annotate) ? (settings.objects_to_annotate as LabelOption[]) : [],
  );
  const write = (next: Connection[]) => set('connections', next.length > 0 ? next : undefined);
  const pick = (index: number, side: 0 | 1, label: string) =>
    write(
      connections.map((connection, i) => {
        if (i !== index) return connection;
        const pair: [string, string] = [...connection.pair];
        pair[side] = label;
        return { ...connection, pair };
      }),
    );
  return (
    <fieldset className="setup-connections">
      <legend>Lines between points</legend>
      <span className="field__hint">
        Drawn between the points of two labels (a skeleton); for display only.
      </span>
      {connections.map((connection, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: positional rows.
        <div className="setup-list__row" key={index}>
          {([0, 1] as const).map((side) => (
            <select
              key={side}
              aria-label={`Connection ${index + 1}: ${side === 0 ? 'from' : 'to'}`}
              value={connection.pair[side]}
              onChange={(event) => pick(index, side, event.target.value)}
            >
              {!labels.includes(connection.pair[side]) && (
                <option value={connection.pair[side]}>{connection.pair[side] || 'Choose…'}</option>
              )}
              {labels.map((label) => (
                <option key={label} value={label}>
                  {label}
                </option>
              ))}
            </select>
          ))}
          <button
            type="button"
            className="setup-icon-button setup-icon-button--danger"
            aria-label={`Remove connection ${index + 1}`}
            onClick={() => write(connections.filter((_, i) => i !== index))}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--small"
        disabled={labels.length < 2}
        onClick={() => write([...connections, { pair: [labels[0] ?? '', labels[1] ?? ''] }])}
      >
        + Add connection
      </button>
    </fieldset>
  );
}

function GeometryLimits({
  kind,
  settings,
  set,
}: {
  kind: GeometryKind;
  settings: Record<string, unknown>;
  set: (key: string, value: unknown) => void;
}) {
  const num = (key: string) => (typeof settings[key] === 'number' ? (settings[key] as number) : undefined);
  const flag = (key: string, label: string) => (
    <label className="setup-check">
      <input
        type="checkbox"
        checked={settings[key] === true}
        onChange={(event) => set(key, event.target.checked ? true : undefined)}
      />
      {label}
    </label>
  );
  if (kind === 'box' || kind === 'cuboid') {
    return (
      <div className="form-row">
        <NumberField
          label="Smallest width (px)"
          min={0}
          value={num('min_width')}
          placeholder="0"
          onChange={(v) => set('min_width', v)}
        />
        <NumberField
          label="Smallest height (px)"
          min={0}
          value={num('min_height')}
          placeholder="0"
          onChange={(v) => set('min_height', v)}
        />
        {kind === 'box' && flag('can_rotate', 'Boxes may be rotated')}
        {kind === 'box' && flag('integer_pixels', 'Whole pixels only')}
      </div>
    );
  }
  if (kind === 'point') return <PointConnections settings={settings} set={set} />;
  if (kind === 'polygon' || kind === 'line') {
    return (
      <div className="form-row">
        <NumberField
          label="Fewest vertices"
          integer
          min={1}
          value={num('min_vertices')}
          placeholder="1"
          onChange={(v) => set('min_vertices', v)}
        />
        <NumberField
          label="Most vertices"
          integer
          min={1}
          value={typeof settings.max_vertices === 'number' ? settings.max_vertices : undefined}
          placeholder="no limit"
          onChange={(v) => set('max_vertices', v)}
        />
      </div>
    );
  }
  return null;
}

/** Edits the geometries and attributes of `imageannotation` params. */
export function ImageLabelsForm({ params, onChange, issues }: ImageLabelsFormProps) {
  const entries = attributeEntries(params);
  const labels = allLeafLabels(params);
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());
  return (
    <div className="setup-image-form">
      <section className="setup-subsection" aria-labelledby="setup-shapes">
        <h3 id="setup-shapes">Shapes and their labels</h3>
        <p className="field__hint">
          Turn on the tools annotators may use, each with its own labels. A label with sub-choices is a group
          (shown bold): annotators open it and pick one of its sub-choices; answers carry the sub-choice.
        </p>
        <Problems
          messages={issuesAt(issues, 'geometries')
            .filter((i) => i.path === 'geometries')
            .map((i) => i.message)}
        />
        {GEOMETRY_KINDS.map((kind) => {
          const settings = geometryOf(params, kind);
          const info = GEOMETRY_INFO[kind];
          return (
            <div key={kind} className="setup-geometry" data-enabled={settings !== undefined}>
              <label className="setup-geometry__toggle">
                <input
                  type="checkbox"
                  checked={settings !== undefined}
                  onChange={(event) =>
                    onChange(
                      event.target.checked
                        ? enableGeometry(params, kind)
                        : setGeometry(params, kind, undefined),
                    )
                  }
                />
                <span>
                  <strong>{info.title}</strong> <span className="muted">{info.hint}</span>
                </span>
              </label>
              {settings && (
                <div className="setup-geometry__body">
                  <LabelOptionsEditor
                    label={`${info.title} labels`}
                    value={geometryLabels(params, kind)}
                    withInstance={kind === 'polygon'}
                    onChange={(value) =>
                      onChange(setGeometrySetting(params, kind, 'objects_to_annotate', value))
                    }
                  />
                  <GeometryLimits
                    kind={kind}
                    settings={settings}
                    set={(key, value) => onChange(setGeometrySetting(params, kind, key, value))}
                  />
                  <Problems messages={relative(issues, `geometries.${kind}`)} />
                </div>
              )}
            </div>
          );
        })}
      </section>

      <section className="setup-subsection" aria-labelledby="setup-attributes">
        <h3 id="setup-attributes">Attributes</h3>
        <p className="field__hint">
          Questions asked about each annotation (or once per image): how occluded, which way it faces,
          anything unusual. Open one to edit it. Annotators (and the preview) see them in the order the server
          stores them: shorter names first.
        </p>
        {entries.length === 0 && <p className="muted">No attributes: annotators only draw and label.</p>}
        {entries.map((entry, index) => (
          <AttributeEditor
            key={entry.name}
            entry={entry}
            initiallyOpen={opened.has(entry.name)}
            labels={labels}
            attributes={entries}
            problems={relative(issues, `annotation_attributes.${entry.name}`)}
            onChange={(definition) =>
              onChange(
                setAttributeEntries(
                  params,
                  entries.map((e, i) => (i === index ? { name: e.name, definition } : e)),
                ),
              )
            }
            onRename={(name) => {
              if (name.trim() === '') return 'Give the attribute a name.';
              if (entries.some((e) => e.name === name)) return `"${name}" is already an attribute.`;
              setOpened((current) => new Set([...current, name]));
              onChange(setAttributeEntries(params, renameAttribute(entries, entry.name, name)));
              return null;
            }}
            onRemove={() =>
              onChange(
                setAttributeEntries(
                  params,
                  entries.filter((_, i) => i !== index),
                ),
              )
            }
          />
        ))}
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            const added = newAttribute(entries);
            setOpened((current) => new Set([...current, added.name]));
            onChange(setAttributeEntries(params, [...entries, added]));
          }}
        >
          + Add attribute
        </button>
        <Problems
          messages={issuesAt(issues, 'annotation_attributes')
            .filter((issue) => !entries.some((e) => issue.path.startsWith(`annotation_attributes.${e.name}`)))
            .map(describeIssue)}
        />
      </section>
    </div>
  );
}
