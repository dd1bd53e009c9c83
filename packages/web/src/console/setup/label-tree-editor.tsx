/**
 * Edits a tree of labels: each label's name and the text annotators see instead (or its description),
 * sub-choices under it, and moving labels up, down, into the group above or out of their group. Works on
 * image labels and choices (`LabelOption`) and on entity labels (`EntityLabel`) alike.
 */
import type { EntityLabel, LabelOption } from '@groundwork/domain';
import { useMemo } from 'react';
import { useSynced } from './controls.tsx';
import {
  addNode,
  entityLabelsToNodes,
  indentNode,
  type LabelNode,
  labelOptionsToNodes,
  moveNode,
  newLabelNode,
  nodeProblems,
  nodesToEntityLabels,
  nodesToLabelOptions,
  outdentNode,
  removeNode,
  updateNode,
} from './label-tree.ts';

interface TreeEditorProps {
  /** Names the tree (`Box labels`); each row's controls are named after it and the label. */
  label: string;
  nodes: LabelNode[];
  onChange: (nodes: LabelNode[]) => void;
  /** Placeholder of the text column. */
  textLabel: string;
  /** Whether names must be unique across groups too (entity labels). */
  allUnique: boolean;
  /** Offer `instance_label` (image labels). */
  withInstance: boolean;
  /** Names one label (`label`, `choice`). */
  itemName: string;
}

function TreeEditor({
  label,
  nodes,
  onChange,
  textLabel,
  allUnique,
  withInstance,
  itemName,
}: TreeEditorProps) {
  const problems = useMemo(() => nodeProblems(nodes, allUnique), [nodes, allUnique]);
  const rows = (list: LabelNode[], depth: number, parent: LabelNode | null): React.ReactNode =>
    list.map((node, index) => {
      const name = node.name || `${itemName} ${index + 1}`;
      const problem = problems.get(node.id);
      return (
        <li key={node.id} className="setup-tree__item">
          <div className="setup-tree__row" data-group={node.children.length > 0}>
            <input
              type="text"
              className="setup-tree__name"
              value={node.name}
              aria-label={`${label}: name of ${depth > 0 && parent ? `${parent.name} › ` : ''}${itemName} ${index + 1}`}
              aria-invalid={!!problem}
              placeholder={node.children.length > 0 ? 'Group name' : `${itemName} name`}
              onChange={(event) =>
                onChange(updateNode(nodes, node.id, (n) => ({ ...n, name: event.target.value })))
              }
            />
            <input
              type="text"
              className="setup-tree__text"
              value={node.text ?? ''}
              placeholder={textLabel}
              aria-label={`${label}: ${textLabel.replace('…', '').toLowerCase()} of ${name}`}
              onChange={(event) =>
                onChange(
                  updateNode(nodes, node.id, (n) => ({
                    ...n,
                    text: event.target.value === '' ? undefined : event.target.value,
                  })),
                )
              }
            />
            {withInstance && (
              <label
                className="setup-check setup-tree__instance"
                title="Each object of this label is a separate instance"
              >
                <input
                  type="checkbox"
                  checked={node.instance === true}
                  onChange={(event) =>
                    onChange(
                      updateNode(nodes, node.id, (n) => ({
                        ...n,
                        instance: event.target.checked ? true : undefined,
                      })),
                    )
                  }
                />
                Instances
              </label>
            )}
            <span className="setup-row-buttons">
              <button
                type="button"
                className="setup-icon-button"
                aria-label={`Move ${name} up`}
                title="Move up"
                disabled={index === 0}
                onClick={() => onChange(moveNode(nodes, node.id, -1))}
              >
                ↑
              </button>
              <button
                type="button"
                className="setup-icon-button"
                aria-label={`Move ${name} down`}
                title="Move down"
                disabled={index === list.length - 1}
                onClick={() => onChange(moveNode(nodes, node.id, 1))}
              >
                ↓
              </button>
              <button
                type="button"
                className="setup-icon-button"
                aria-label={`Put ${name} into the group above`}
                title="Into the label above (as a sub-choice)"
                disabled={index === 0}
                onClick={() => onChange(indentNode(nodes, node.id))}
              >
                →
              </button>
              <button
                type="button"
                className="setup-icon-button"
                aria-label={`Take ${name} out of its group`}
                title="Out of its group"
                disabled={depth === 0}
                onClick={() => onChange(outdentNode(nodes, node.id))}
              >
                ←
              </button>
              <button
                type="button"
                className="setup-icon-button"
                aria-label={`Add a sub-choice to ${name}`}
                title="Add a sub-choice"
                onClick={() => onChange(addNode(nodes, node.id, newLabelNode()))}
              >
                +
              </button>
              <button
                type="button"
                className="setup-icon-button setup-icon-button--danger"
                aria-label={`Remove ${name}`}
                title={node.children.length > 0 ? 'Remove with its sub-choices' : 'Remove'}
                onClick={() => onChange(removeNode(nodes, node.id))}
              >
                ✕
              </button>
            </span>
          </div>
          {problem && <span className="field__error">{problem}</span>}
          {node.children.length > 0 && (
            <ul className="setup-tree__children" aria-label={`Sub-choices of ${name}`}>
              {rows(node.children, depth + 1, node)}
            </ul>
          )}
        </li>
      );
    });
  return (
    <fieldset className="setup-tree" aria-label={label}>
      {nodes.length === 0 ? (
        <p className="muted">No {itemName}s yet.</p>
      ) : (
        <ul className="setup-tree__root">{rows(nodes, 0, null)}</ul>
      )}
      <button
        type="button"
        className="button button--small"
        onClick={() => onChange(addNode(nodes, null, newLabelNode()))}
      >
        + Add {itemName}
      </button>
    </fieldset>
  );
}

/** Props of {@link LabelOptionsEditor}. */
export interface LabelOptionsEditorProps {
  label: string;
  value: readonly LabelOption[];
  onChange: (value: LabelOption[]) => void;
  /** Names one label (`label`, `choice`). */
  itemName?: string;
  /** Offer `instance_label` (image geometry labels). */
  withInstance?: boolean;
}

/** Edits nested label options (image labels, category attribute choices). */
export function LabelOptionsEditor({
  label,
  value,
  onChange,
  itemName = 'label',
  withInstance = false,
}: LabelOptionsEditorProps) {
  const [nodes, setNodes] = useSynced(value, labelOptionsToNodes);
  return (
    <TreeEditor
      label={label}
      nodes={nodes}
      itemName={itemName}
      textLabel="Shown as…"
      allUnique={false}
      withInstance={withInstance}
      onChange={(next) => {
        const options = nodesToLabelOptions(next);
        setNodes(next, options);
        onChange(options);
      }}
    />
  );
}

/** Props of {@link EntityLabelsEditor}. */
export interface EntityLabelsEditorProps {
  label: string;
  value: readonly EntityLabel[];
  onChange: (value: EntityLabel[]) => void;
}

/** Edits nested entity labels (named-entity recognition), names unique across the tree. */
export function EntityLabelsEditor({ label, value, onChange }: EntityLabelsEditorProps) {
  const [nodes, setNodes] = useSynced(value, entityLabelsToNodes);
  return (
    <TreeEditor
      label={label}
      nodes={nodes}
      itemName="label"
      textLabel="Guidance for annotators…"
      allUnique
      withInstance={false}
      onChange={(next) => {
        const labels = nodesToEntityLabels(next);
        setNodes(next, labels);
        onChange(labels);
      }}
    />
  );
}
