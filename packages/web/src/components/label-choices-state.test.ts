import { type LabelOption, leafLabels } from '@groundwork/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  filterLeaves,
  inTreeOrder,
  type LabelChoicesAction,
  type LabelChoicesConfig,
  type LabelChoicesState,
  labelChoicesKeyAction,
  labelChoicesReducer,
  leafEntries,
  levelAt,
  optionDisplay,
  selectedWithin,
  validPath,
} from './label-choices-state.ts';

const vehicles: LabelOption[] = [
  'person',
  {
    choice: 'vehicle',
    display: 'Vehicle',
    subchoices: [
      { choice: 'car', display: 'Car (any size)' },
      { choice: 'two-wheeler', subchoices: ['bicycle', 'motorbike'] },
    ],
  },
  { choice: 'sign', subchoices: [] },
];

const start: LabelChoicesState = { path: [], selected: [] };

function run(config: LabelChoicesConfig, actions: LabelChoicesAction[], from = start): LabelChoicesState {
  return actions.reduce((state, action) => labelChoicesReducer(config, state, action), from);
}

const press = (index: number): LabelChoicesAction => ({ type: 'press', index });

describe('label tree helpers', () => {
  it('treats an option with empty subchoices as a leaf', () => {
    expect(leafEntries(vehicles).map((entry) => entry.label)).toEqual(leafLabels(vehicles));
    expect(levelAt(vehicles, [2])).toBe(vehicles);
  });

  it('lists each leaf with the display names of the groups above it', () => {
    const bicycle = leafEntries(vehicles).find((entry) => entry.label === 'bicycle');
    expect(bicycle).toEqual({
      label: 'bicycle',
      display: 'bicycle',
      trail: ['Vehicle', 'two-wheeler'],
      path: [1, 1],
    });
  });

  it('shrinks a path that leads through a leaf or past the end to the deepest level that exists', () => {
    expect(validPath(vehicles, [1, 1, 0])).toEqual([1, 1]);
    expect(validPath(vehicles, [0, 3])).toEqual([]);
    expect(validPath(vehicles, [7])).toEqual([]);
  });

  it('counts the chosen leaves under a group', () => {
    expect(selectedWithin(vehicles[1] as LabelOption, ['car', 'motorbike', 'person'])).toBe(2);
    expect(selectedWithin('person', ['person'])).toBe(1);
  });

  it('shows the display text instead of the stored label', () => {
    expect(optionDisplay({ choice: 'car', display: 'Car (any size)' })).toBe('Car (any size)');
    expect(optionDisplay('person')).toBe('person');
  });

  it('orders labels as the tree lists its leaves, unknown ones last', () => {
    expect(inTreeOrder(vehicles, ['sign', 'zebra', 'car', 'person', 'car'])).toEqual([
      'person',
      'car',
      'sign',
      'zebra',
    ]);
  });

  it('filters leaves by display text, label or group name', () => {
    expect(filterLeaves(vehicles, 'two').map((entry) => entry.label)).toEqual(['bicycle', 'motorbike']);
    expect(filterLeaves(vehicles, 'ANY SIZE').map((entry) => entry.label)).toEqual(['car']);
    expect(filterLeaves(vehicles, '  ')).toEqual([]);
  });
});

describe('labelChoicesReducer', () => {
  const single: LabelChoicesConfig = { options: vehicles, multiple: false };
  const multiple: LabelChoicesConfig = { options: vehicles, multiple: true };

  it('opens a group, chooses a leaf inside it, and goes back up one level at a time', () => {
    const inside = run(single, [press(1), press(1), press(0)]);
    expect(inside).toEqual({ path: [1, 1], selected: ['bicycle'] });
    expect(run(single, [{ type: 'back' }], inside).path).toEqual([1]);
    expect(run(single, [{ type: 'back' }, { type: 'back' }, { type: 'back' }], inside).path).toEqual([]);
  });

  it('replaces the choice when only one label may be chosen', () => {
    expect(run(single, [press(0), press(1), press(0)]).selected).toEqual(['car']);
    const chosen = run(single, [press(0)]);
    expect(labelChoicesReducer(single, chosen, press(0))).toBe(chosen);
  });

  it('toggles leaves and keeps them in tree order when several may be chosen', () => {
    const state = run(multiple, [press(2), press(1), press(0), press(1), press(0)]);
    expect(state).toEqual({ path: [1, 1], selected: ['car', 'bicycle', 'sign'] });
    expect(run(multiple, [press(0)], state).selected).toEqual(['car', 'sign']);
  });

  it('ignores a key beyond the options of the current level', () => {
    const state = run(single, [press(1)]);
    expect(labelChoicesReducer(single, state, press(5))).toBe(state);
  });

  it('goes to a breadcrumb level and clamps depths outside the path', () => {
    const deep = run(single, [press(1), press(1)]);
    expect(run(single, [{ type: 'up-to', depth: 1 }], deep).path).toEqual([1]);
    expect(run(single, [{ type: 'up-to', depth: -3 }], deep).path).toEqual([]);
    expect(labelChoicesReducer(single, deep, { type: 'up-to', depth: 9 })).toBe(deep);
  });

  it('chooses by label from the filter, but never a group or an unknown label', () => {
    expect(run(multiple, [{ type: 'toggle', label: 'motorbike' }]).selected).toEqual(['motorbike']);
    expect(run(multiple, [{ type: 'toggle', label: 'vehicle' }])).toBe(start);
    expect(run(multiple, [{ type: 'toggle', label: 'zebra' }])).toBe(start);
  });

  it('removes a chosen label, even one the tree no longer knows', () => {
    const stale: LabelChoicesState = { path: [], selected: ['car', 'zebra'] };
    expect(run(multiple, [{ type: 'remove', label: 'zebra' }], stale).selected).toEqual(['car']);
  });

  it('repairs a stale path before acting on it', () => {
    const stale: LabelChoicesState = { path: [1, 0, 4], selected: [] };
    expect(run(single, [press(0)], stale)).toEqual({ path: [1], selected: ['car'] });
    const gone: LabelChoicesState = { path: [0, 2], selected: [] };
    expect(run(single, [press(0)], gone)).toEqual({ path: [], selected: ['person'] });
  });
});

describe('labelChoicesKeyAction', () => {
  const key = (value: string, modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) =>
    labelChoicesKeyAction({ key: value, ctrlKey: false, metaKey: false, altKey: false, ...modifiers });

  it('maps 1–9 to the options of the current level and Backspace to going up', () => {
    expect(key('1')).toEqual({ type: 'press', index: 0 });
    expect(key('9')).toEqual({ type: 'press', index: 8 });
    expect(key('Backspace')).toEqual({ type: 'back' });
  });

  it('leaves other keys and modified keys to the labeling loop', () => {
    expect(key('0')).toBeNull();
    expect(key('a')).toBeNull();
    expect(key('1', { ctrlKey: true })).toBeNull();
    expect(key('Backspace', { metaKey: true })).toBeNull();
    expect(key('2', { altKey: true })).toBeNull();
  });
});

/** Random label trees whose leaves are unique (as the domain's label lists require). */
const labelTrees: fc.Arbitrary<LabelOption[]> = fc
  .letrec<{ node: unknown; level: unknown[] }>((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant(null), tie('level')),
    level: fc.array(tie('node'), { minLength: 1, maxLength: 4 }),
  }))
  .level.map((shape) => {
    let counter = 0;
    const build = (node: unknown): LabelOption => {
      counter += 1;
      if (Array.isArray(node)) return { choice: `group-${counter}`, subchoices: node.map(build) };
      return counter % 3 === 0
        ? { choice: `leaf-${counter}`, display: `Leaf ${counter}` }
        : `leaf-${counter}`;
    };
    return shape.map(build);
  });

const actions: fc.Arbitrary<LabelChoicesAction> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 3 }).map(press), weight: 4 },
  fc.integer({ min: 0, max: 9 }).map(press),
  fc.constant<LabelChoicesAction>({ type: 'back' }),
  fc.integer({ min: -1, max: 5 }).map((depth): LabelChoicesAction => ({ type: 'up-to', depth })),
  fc.integer({ min: 0, max: 40 }).map((n): LabelChoicesAction => ({ type: 'toggle', label: `leaf-${n}` })),
  fc.integer({ min: 0, max: 40 }).map((n): LabelChoicesAction => ({ type: 'remove', label: `leaf-${n}` })),
);

describe('labelChoicesReducer properties', () => {
  it('keeps the path pointing at an open group and the choice a set of known leaves in tree order', () => {
    fc.assert(
      fc.property(
        labelTrees,
        fc.boolean(),
        fc.array(actions, { maxLength: 30 }),
        (options, multiple, steps) => {
          const config = { options, multiple };
          const leaves = leafLabels(options);
          let state = start;
          for (const step of steps) {
            state = labelChoicesReducer(config, state, step);
            expect(validPath(options, state.path)).toEqual(state.path);
            expect(state.selected.every((label) => leaves.includes(label))).toBe(true);
            expect(inTreeOrder(options, state.selected)).toEqual(state.selected);
            if (!multiple) expect(state.selected.length).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('returns to the same level after opening a group and going back', () => {
    fc.assert(
      fc.property(labelTrees, fc.array(actions, { maxLength: 20 }), (options, steps) => {
        const config = { options, multiple: true };
        const state = run(config, steps);
        const level = levelAt(options, state.path);
        level.forEach((_, index) => {
          const opened = labelChoicesReducer(config, state, press(index));
          if (opened.path.length > state.path.length) {
            expect(labelChoicesReducer(config, opened, { type: 'back' })).toEqual(state);
          }
        });
      }),
    );
  });

  it('undoes a toggle by pressing the same leaf again when several may be chosen', () => {
    fc.assert(
      fc.property(labelTrees, fc.array(actions, { maxLength: 20 }), (options, steps) => {
        const config = { options, multiple: true };
        const state = run(config, steps);
        levelAt(options, state.path).forEach((_, index) => {
          const once = labelChoicesReducer(config, state, press(index));
          if (once.path.length === state.path.length) {
            expect(labelChoicesReducer(config, once, press(index)).selected).toEqual(state.selected);
          }
        });
      }),
    );
  });
});
