/**
 * Label trees as the setup forms edit them: the nested labels of an image geometry or of a category
 * attribute (`LabelOption`: a plain string or `{choice, subchoices, display, instance_label}`) and the
 * entity labels of named-entity recognition (`{name, description, children}`) become one editable shape,
 * {@link LabelNode}, with a stable id per node so rows keep their focus while labels move. The conversions
 * are lossless for valid label lists: a label written as a plain string comes back as a plain string, an
 * object as an object, and nothing the form does not show is dropped.
 */
import type { EntityLabel, LabelOption } from '@groundwork/domain';

/** One label of a tree being edited. */
export interface LabelNode {
  /** Identifies the row while it is edited; never stored. */
  id: string;
  /** The stored label (`choice` / `name`), or a group's name when it has children. */
  name: string;
  /** `display` of a label option, `description` of an entity label; undefined when absent. */
  text: string | undefined;
  /** `instance_label` of a label option; undefined when absent (entity labels never have it). */
  instance: boolean | undefined;
  /** Written as a bare string; it becomes an object as soon as it needs one (a display text, children). */
  plain: boolean;
  /** Narrower labels; a node with children is a group, not an answer. */
  children: LabelNode[];
}

let counter = 0;

/** A fresh node id (unique within this page). */
export function newNodeId(): string {
  counter += 1;
  return `label-${counter}`;
}

/** A new leaf label, written as a plain string until it needs more. */
export function newLabelNode(name = ''): LabelNode {
  return { id: newNodeId(), name, text: undefined, instance: undefined, plain: true, children: [] };
}

/** Label options (strings or descriptions) as editable nodes. */
export function labelOptionsToNodes(options: readonly LabelOption[]): LabelNode[] {
  return options.map((option) =>
    typeof option === 'string'
      ? newLabelNode(option)
      : {
          id: newNodeId(),
          name: option.choice,
          text: option.display,
          instance: option.instance_label,
          plain: false,
          children: labelOptionsToNodes(option.subchoices ?? []),
        },
  );
}

/** Editable nodes back as label options: a bare string where nothing but the name is set and it was one. */
export function nodesToLabelOptions(nodes: readonly LabelNode[]): LabelOption[] {
  return nodes.map((node) => {
    if (node.plain && node.text === undefined && node.instance === undefined && node.children.length === 0) {
      return node.name;
    }
    return {
      choice: node.name,
      ...(node.children.length > 0 ? { subchoices: nodesToLabelOptions(node.children) } : {}),
      ...(node.text !== undefined ? { display: node.text } : {}),
      ...(node.instance !== undefined ? { instance_label: node.instance } : {}),
    };
  });
}

/** Entity labels (named-entity recognition) as editable nodes; `description` becomes the node's text. */
export function entityLabelsToNodes(labels: readonly EntityLabel[]): LabelNode[] {
  return labels.map((label) => ({
    id: newNodeId(),
    name: label.name,
    text: label.description,
    instance: undefined,
    plain: false,
    children: entityLabelsToNodes(label.children ?? []),
  }));
}

/** Editable nodes back as entity labels. */
export function nodesToEntityLabels(nodes: readonly LabelNode[]): EntityLabel[] {
  return nodes.map((node) => ({
    name: node.name,
    ...(node.text !== undefined ? { description: node.text } : {}),
    ...(node.children.length > 0 ? { children: nodesToEntityLabels(node.children) } : {}),
  }));
}

/** Applies `change` to the node with `id`, wherever it is in the tree. */
export function updateNode(
  nodes: readonly LabelNode[],
  id: string,
  change: (node: LabelNode) => LabelNode,
): LabelNode[] {
  return nodes.map((node) =>
    node.id === id ? change(node) : { ...node, children: updateNode(node.children, id, change) },
  );
}

/** The tree without the node with `id` (and its children). */
export function removeNode(nodes: readonly LabelNode[], id: string): LabelNode[] {
  return nodes
    .filter((node) => node.id !== id)
    .map((node) => ({ ...node, children: removeNode(node.children, id) }));
}

/** Adds `child` as the last label under `parentId`, or at the top level when `parentId` is null. */
export function addNode(nodes: readonly LabelNode[], parentId: string | null, child: LabelNode): LabelNode[] {
  if (parentId === null) return [...nodes, child];
  return updateNode(nodes, parentId, (parent) => ({ ...parent, children: [...parent.children, child] }));
}

/** Moves the node with `id` one place up (`-1`) or down (`1`) among its siblings; unchanged at an end. */
export function moveNode(nodes: readonly LabelNode[], id: string, by: -1 | 1): LabelNode[] {
  const index = nodes.findIndex((node) => node.id === id);
  if (index >= 0) {
    const target = index + by;
    if (target < 0 || target >= nodes.length) return [...nodes];
    const next = [...nodes];
    [next[index], next[target]] = [next[target] as LabelNode, next[index] as LabelNode];
    return next;
  }
  return nodes.map((node) => ({ ...node, children: moveNode(node.children, id, by) }));
}

/**
 * Makes the node with `id` the last child of the sibling above it (turning that sibling into a group);
 * unchanged for a first child, which has no sibling above.
 */
export function indentNode(nodes: readonly LabelNode[], id: string): LabelNode[] {
  const index = nodes.findIndex((node) => node.id === id);
  if (index > 0) {
    const node = nodes[index] as LabelNode;
    const above = nodes[index - 1] as LabelNode;
    const next = nodes.filter((_, i) => i !== index);
    next[index - 1] = { ...above, children: [...above.children, node] };
    return next;
  }
  if (index === 0) return [...nodes];
  return nodes.map((node) => ({ ...node, children: indentNode(node.children, id) }));
}

/** Moves the node with `id` out of its group, right after the group; unchanged at the top level. */
export function outdentNode(nodes: readonly LabelNode[], id: string): LabelNode[] {
  const next: LabelNode[] = [];
  for (const node of nodes) {
    const childIndex = node.children.findIndex((child) => child.id === id);
    if (childIndex >= 0) {
      const child = node.children[childIndex] as LabelNode;
      next.push({ ...node, children: node.children.filter((_, i) => i !== childIndex) }, child);
    } else {
      next.push({ ...node, children: outdentNode(node.children, id) });
    }
  }
  return next;
}

/** Names of the labels an answer may carry (the leaves), in tree order. */
export function leafNames(nodes: readonly LabelNode[]): string[] {
  return nodes.flatMap((node) => (node.children.length > 0 ? leafNames(node.children) : [node.name]));
}

/**
 * What is wrong with each node, by node id, in the words of the form: an empty name, or a label
 * name used twice. Only leaves must be unique among leaves (as the domain requires of label options);
 * with `allUnique` every name in the tree must be (as entity labels require).
 */
export function nodeProblems(nodes: readonly LabelNode[], allUnique = false): Map<string, string> {
  const problems = new Map<string, string>();
  const seen = new Map<string, string>();
  const visit = (list: readonly LabelNode[]) => {
    for (const node of list) {
      const name = node.name.trim();
      if (name === '') problems.set(node.id, 'Give the label a name.');
      else if (allUnique || node.children.length === 0) {
        if (seen.has(name)) problems.set(node.id, `"${name}" is used more than once.`);
        else seen.set(name, node.id);
      }
      visit(node.children);
    }
  };
  visit(nodes);
  return problems;
}
