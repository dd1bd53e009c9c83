import type { EntityLabel, LabelOption } from '@groundwork/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addNode,
  entityLabelsToNodes,
  indentNode,
  type LabelNode,
  labelOptionsToNodes,
  leafNames,
  moveNode,
  newLabelNode,
  nodeProblems,
  nodesToEntityLabels,
  nodesToLabelOptions,
  outdentNode,
  removeNode,
  updateNode,
} from './label-tree.ts';

/** The demo image project's box labels (packages/cli/src/demo/content.ts). */
const DEMO_OBJECT_LABELS: LabelOption[] = [
  { choice: 'person', subchoices: ['adult', 'child'] },
  {
    choice: 'animal',
    subchoices: [
      { choice: 'cat', display: 'Cat' },
      { choice: 'dog', display: 'Dog' },
    ],
  },
  {
    choice: 'object',
    subchoices: ['camera', 'cup', 'spoon', 'flag', { choice: 'vehicle', subchoices: ['rocket', 'car'] }],
  },
];

const name = fc.string({ minLength: 1, maxLength: 6 });

const labelOption: fc.Arbitrary<LabelOption> = fc.letrec<{ option: LabelOption }>((tie) => ({
  option: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    name,
    fc.record(
      {
        choice: name,
        subchoices: fc.array(tie('option'), { minLength: 1, maxLength: 3 }),
        display: fc.string({ maxLength: 6 }),
        instance_label: fc.boolean(),
      },
      { requiredKeys: ['choice'] },
    ),
  ),
})).option;

const entityLabel: fc.Arbitrary<EntityLabel> = fc.letrec<{ label: EntityLabel }>((tie) => ({
  label: fc.record(
    {
      name,
      description: fc.string({ maxLength: 6 }),
      children: fc.array(tie('label'), { minLength: 1, maxLength: 3 }),
    },
    { requiredKeys: ['name'] },
  ),
})).label;

function names(nodes: readonly LabelNode[]): unknown[] {
  return nodes.map((node) => (node.children.length > 0 ? [node.name, names(node.children)] : node.name));
}

describe('label options ↔ nodes', () => {
  it('gives back the demo labels exactly, strings as strings and objects as objects', () => {
    expect(nodesToLabelOptions(labelOptionsToNodes(DEMO_OBJECT_LABELS))).toEqual(DEMO_OBJECT_LABELS);
    expect(nodesToLabelOptions(labelOptionsToNodes(['a', { choice: 'b' }]))).toEqual(['a', { choice: 'b' }]);
  });

  it('round-trips any label list losslessly', () => {
    fc.assert(
      fc.property(fc.array(labelOption, { maxLength: 5 }), (options) => {
        expect(nodesToLabelOptions(labelOptionsToNodes(options))).toEqual(options);
      }),
    );
  });

  it('turns a plain label into an object once it gets a display text or children', () => {
    const [node] = labelOptionsToNodes(['car']) as [LabelNode];
    const shown = updateNode([node], node.id, (n) => ({ ...n, text: 'Car' }));
    expect(nodesToLabelOptions(shown)).toEqual([{ choice: 'car', display: 'Car' }]);
    const grouped = addNode([node], node.id, newLabelNode('sedan'));
    expect(nodesToLabelOptions(grouped)).toEqual([{ choice: 'car', subchoices: ['sedan'] }]);
  });
});

describe('entity labels ↔ nodes', () => {
  it('round-trips any entity label tree losslessly', () => {
    fc.assert(
      fc.property(fc.array(entityLabel, { maxLength: 5 }), (labels) => {
        expect(nodesToEntityLabels(entityLabelsToNodes(labels))).toEqual(labels);
      }),
    );
  });
});

describe('tree edits', () => {
  const tree = () => labelOptionsToNodes(['a', 'b', { choice: 'g', subchoices: ['c', 'd'] }]);

  it('moves a label among its siblings and stops at the ends', () => {
    const nodes = tree();
    const b = nodes[1] as LabelNode;
    expect(names(moveNode(nodes, b.id, -1))).toEqual(['b', 'a', ['g', ['c', 'd']]]);
    const c = (nodes[2] as LabelNode).children[0] as LabelNode;
    expect(names(moveNode(nodes, c.id, 1))).toEqual(['a', 'b', ['g', ['d', 'c']]]);
    expect(names(moveNode(nodes, c.id, -1))).toEqual(['a', 'b', ['g', ['c', 'd']]]);
  });

  it('indents a label under the one above and outdents it back after its group', () => {
    const nodes = tree();
    const b = nodes[1] as LabelNode;
    const indented = indentNode(nodes, b.id);
    expect(names(indented)).toEqual([
      ['a', ['b']],
      ['g', ['c', 'd']],
    ]);
    expect(names(outdentNode(indented, b.id))).toEqual(['a', 'b', ['g', ['c', 'd']]]);
    // The first label has nothing above it; a top-level label cannot go further out.
    expect(names(indentNode(nodes, (nodes[0] as LabelNode).id))).toEqual(names(nodes));
    expect(names(outdentNode(nodes, (nodes[0] as LabelNode).id))).toEqual(names(nodes));
    const d = (nodes[2] as LabelNode).children[1] as LabelNode;
    expect(names(outdentNode(nodes, d.id))).toEqual(['a', 'b', ['g', ['c']], 'd']);
  });

  it('removes a label with its children and adds at the top level', () => {
    const nodes = tree();
    expect(names(removeNode(nodes, (nodes[2] as LabelNode).id))).toEqual(['a', 'b']);
    expect(names(addNode(nodes, null, newLabelNode('z')))).toEqual(['a', 'b', ['g', ['c', 'd']], 'z']);
  });

  it('lists leaves in tree order', () => {
    expect(leafNames(tree())).toEqual(['a', 'b', 'c', 'd']);
    expect(leafNames([])).toEqual([]);
  });

  it('names empty and repeated labels; groups may share a leaf name unless every name must be unique', () => {
    const nodes = labelOptionsToNodes([
      'a',
      '',
      { choice: 'a2', subchoices: ['a'] },
      { choice: 'x', subchoices: ['y'] },
    ]);
    const problems = nodeProblems(nodes);
    expect(problems.get((nodes[1] as LabelNode).id)).toBe('Give the label a name.');
    expect(problems.get(((nodes[2] as LabelNode).children[0] as LabelNode).id)).toBe(
      '"a" is used more than once.',
    );
    expect(problems.size).toBe(2);
    const entity = entityLabelsToNodes([{ name: 'x', children: [{ name: 'x' }] }]);
    expect(nodeProblems(entity).size).toBe(0);
    expect(nodeProblems(entity, true).size).toBe(1);
  });
});
