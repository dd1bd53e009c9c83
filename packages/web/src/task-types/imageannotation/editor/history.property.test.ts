import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_GEOMETRIES } from '../test-params.ts';
import { TestEditor } from './test-editor.ts';

const BASE = {
  annotations: [
    {
      type: 'box',
      uuid: 'b1',
      label: 'person',
      left: 50,
      top: 50,
      width: 80,
      height: 60,
      attributes: { occluded: 'no' },
    },
    {
      type: 'polygon',
      uuid: 'b2',
      label: 'road',
      vertices: [
        { x: 300, y: 300 },
        { x: 400, y: 300 },
        { x: 350, y: 380 },
      ],
      attributes: { occluded: 'no' },
      locked: true,
    },
  ],
};

const at = fc.record({ x: fc.integer({ min: 0, max: 999 }), y: fc.integer({ min: 0, max: 799 }) });

/** One user action, applied through the same entry points the canvas uses. */
const operation = fc.oneof(
  fc.record({ op: fc.constant('box' as const), from: at, to: at }),
  fc.record({ op: fc.constant('ellipse' as const), from: at, to: at }),
  fc.record({ op: fc.constant('polygon' as const), points: fc.array(at, { minLength: 3, maxLength: 5 }) }),
  fc.record({ op: fc.constant('point' as const), at }),
  fc.record({ op: fc.constant('click' as const), at, shift: fc.boolean() }),
  fc.record({ op: fc.constant('drag' as const), from: at, to: at, alt: fc.boolean() }),
  fc.record({ op: fc.constant('doubleClick' as const), at }),
  fc.record({
    op: fc.constant('key' as const),
    key: fc.constantFrom('Delete', 'ArrowLeft', 'ArrowDown', 'h', 'L', '1', '2', 'Tab', 'Escape', 'H'),
    shift: fc.boolean(),
  }),
  fc.record({ op: fc.constant('attribute' as const), value: fc.constantFrom('no', 'partly', undefined) }),
  fc.record({ op: fc.constant('undo' as const) }),
);

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

function apply(e: TestEditor, step: Operation) {
  switch (step.op) {
    case 'box':
    case 'ellipse':
      e.press(step.op === 'box' ? 'b' : 'e');
      e.drag(step.from, step.to);
      e.press('v');
      return;
    case 'polygon':
      e.press('p');
      for (const p of step.points) e.click(p.x, p.y);
      e.press('Enter');
      e.press('Escape');
      e.press('v');
      return;
    case 'point':
      e.press('k');
      e.click(step.at.x, step.at.y);
      e.press('v');
      return;
    case 'click':
      e.click(step.at.x, step.at.y, { shift: step.shift });
      return;
    case 'drag':
      e.drag(step.from, step.to, { alt: step.alt });
      return;
    case 'doubleClick':
      e.doubleClickAt(step.at.x, step.at.y);
      return;
    case 'key':
      e.press(step.key, { shift: step.shift });
      return;
    case 'attribute': {
      const id = e.state.selectedIds[0];
      if (id) e.setAttribute(id, 'occluded', step.value);
      return;
    }
    case 'undo':
      e.undo();
      return;
  }
}

describe('undo history (property)', () => {
  it('any sequence of edits, then undo all, gives back the initial records; as many redos give the edited ones', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 25 }), (steps) => {
        const e = new TestEditor({ ...ALL_GEOMETRIES, base_annotations: BASE });
        const initial = e.state.draft;
        for (const step of steps) apply(e, step);
        const edited = e.state.draft;
        let undone = 0;
        while (e.canUndo) {
          e.undo();
          undone += 1;
        }
        expect(e.state.draft).toEqual(initial);
        for (let i = 0; i < undone; i += 1) e.redo();
        expect(e.state.draft).toEqual(edited);
      }),
      { numRuns: 150 },
    );
  });

  it('never changes a locked pre-label, whatever is done (property)', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 25 }), (steps) => {
        const e = new TestEditor({ ...ALL_GEOMETRIES, base_annotations: BASE });
        const locked = e.getRecord('b2');
        for (const step of steps) apply(e, step);
        expect(e.getRecord('b2')).toEqual(locked);
      }),
      { numRuns: 100 },
    );
  });
});
