import { describe, expect, it } from 'vitest';
import { ALL_GEOMETRIES } from '../test-params.ts';
import { screenToImage } from './camera.ts';
import { TestEditor } from './test-editor.ts';

function withBoxes(count = 2) {
  const e = new TestEditor(ALL_GEOMETRIES);
  e.press('b');
  for (let i = 0; i < count; i += 1) e.drag({ x: 100 + i * 200, y: 100 }, { x: 200 + i * 200, y: 200 });
  e.press('v');
  return e;
}

const occluded = { occluded: 'no' };
const BASE = [
  {
    type: 'box',
    uuid: 'pre-free',
    label: 'person',
    left: 10,
    top: 10,
    width: 50,
    height: 50,
    attributes: occluded,
  },
  {
    type: 'box',
    uuid: 'pre-locked',
    label: 'person',
    left: 100,
    top: 10,
    width: 50,
    height: 50,
    locked: true,
    attributes: occluded,
  },
  { type: 'point', uuid: 'pre-point', label: 'head', x: 300, y: 300, attributes: occluded },
];

function withBase(flags: Record<string, boolean> = {}) {
  const e = new TestEditor({ ...ALL_GEOMETRIES, base_annotations: { annotations: BASE }, ...flags });
  return e;
}

describe('editor: delete, hide, lock', () => {
  it('deletes the selection with Delete or Backspace, undoably', () => {
    const e = withBoxes();
    e.select(['id-1']);
    expect(e.press('Delete')).toBe(true);
    expect(e.records.map((r) => r.id)).toEqual(['id-2']);
    expect(e.state.selectedIds).toEqual([]);
    e.select(['id-2']);
    e.press('Backspace');
    expect(e.records).toHaveLength(0);
    e.undo();
    e.undo();
    expect(e.records.map((r) => r.id)).toEqual(['id-1', 'id-2']);
    e.redo();
    expect(e.records.map((r) => r.id)).toEqual(['id-2']);
  });

  it('hides the selection with H (not pickable, still in the draft) and shows all with Shift+H', () => {
    const e = withBoxes();
    e.select(['id-1']);
    e.press('h');
    expect(e.getRecord('id-1')?.hidden).toBe(true);
    expect(e.state.selectedIds).toEqual([]);
    e.click(150, 150);
    expect(e.state.selectedIds).toEqual([]);
    e.press('h', { shift: true });
    expect(e.getRecord('id-1')?.hidden).toBeUndefined();
    e.undo();
    expect(e.getRecord('id-1')?.hidden).toBe(true);
    e.undo();
    expect(e.getRecord('id-1')?.hidden).toBeUndefined();
  });

  it('locks with Shift+L: a locked shape cannot be picked, moved, relabelled or deleted', () => {
    const e = withBoxes();
    e.select(['id-1']);
    e.press('L', { shift: true });
    expect(e.getRecord('id-1')?.locked).toBe(true);
    e.nudgeSelected({ x: 5, y: 0 });
    expect(e.annotations[0]).toMatchObject({ left: 100 });
    e.press('Delete');
    expect(e.records).toHaveLength(2);
    e.setLabel(['id-1'], 'person');
    expect(e.annotations[0]?.label).toBe('car');
    e.select([]);
    e.click(150, 150);
    expect(e.state.selectedIds).toEqual([]);
    e.drag({ x: 150, y: 150 }, { x: 160, y: 160 });
    expect(e.annotations[0]).toMatchObject({ left: 100 });
    e.select(['id-1']);
    e.press('L', { shift: true });
    expect(e.getRecord('id-1')?.locked).toBeUndefined();
    e.undo();
    expect(e.getRecord('id-1')?.locked).toBe(true);
  });
});

describe('editor: keys', () => {
  it('nudges with arrows (Shift: 10 px)', () => {
    const e = withBoxes(1);
    e.select(['id-1']);
    e.press('ArrowRight');
    e.press('ArrowDown', { shift: true });
    expect(e.annotations[0]).toMatchObject({ left: 101, top: 110 });
    e.undo();
    expect(e.annotations[0]).toMatchObject({ left: 101, top: 100 });
  });

  it('cycles the selection with Tab and Shift+Tab, skipping hidden ones', () => {
    const e = withBoxes(3);
    e.select([]);
    e.setHidden(['id-2'], true);
    e.press('Tab');
    expect(e.state.selectedIds).toEqual(['id-1']);
    e.press('Tab');
    expect(e.state.selectedIds).toEqual(['id-3']);
    e.press('Tab');
    expect(e.state.selectedIds).toEqual(['id-1']);
    e.press('Tab', { shift: true });
    expect(e.state.selectedIds).toEqual(['id-3']);
  });

  it('switches tools with V B P L K E', () => {
    const e = new TestEditor(ALL_GEOMETRIES);
    for (const [key, tool] of [
      ['b', 'box'],
      ['p', 'polygon'],
      ['l', 'line'],
      ['k', 'point'],
      ['e', 'ellipse'],
      ['v', 'select'],
    ] as const) {
      e.press(key);
      expect(e.state.tool).toBe(tool);
    }
  });

  it('leaves the labeling loop’s keys alone', () => {
    const e = withBoxes(1);
    expect(e.press('Enter', { mod: true })).toBe(false);
    expect(e.press('S', { mod: true, shift: true })).toBe(false);
    expect(e.press('?', { shift: true })).toBe(false);
    expect(e.press('i', { mod: true })).toBe(false);
  });

  it('selects everything pickable with Ctrl+A and clears with Esc', () => {
    const e = withBoxes(2);
    e.press('a', { mod: true });
    expect(e.state.selectedIds).toEqual(['id-1', 'id-2']);
    e.press('Escape');
    expect(e.state.selectedIds).toEqual([]);
    expect(e.press('Escape')).toBe(false);
  });
});

describe('editor: labels by number keys', () => {
  it('opens a group with its number, picks a leaf, and uses it for new boxes', () => {
    const e = new TestEditor(ALL_GEOMETRIES);
    e.press('b');
    expect(e.labelFor('box')).toBe('car');
    e.press('1');
    expect(e.state.labelPath).toEqual(['vehicle']);
    e.press('2');
    expect(e.state.labelPath).toEqual([]);
    expect(e.labelFor('box')).toBe('truck');
    e.drag({ x: 0, y: 0 }, { x: 50, y: 50 });
    expect(e.annotations[0]?.label).toBe('truck');
  });

  it('relabels the selection, going up a level with Esc', () => {
    const e = withBoxes(1);
    e.select(['id-1']);
    e.press('1');
    expect(e.state.labelPath).toEqual(['vehicle']);
    e.press('Escape');
    expect(e.state.labelPath).toEqual([]);
    expect(e.state.selectedIds).toEqual(['id-1']);
    e.press('2');
    expect(e.annotations[0]?.label).toBe('person');
    e.undo();
    expect(e.annotations[0]?.label).toBe('car');
  });

  it('ignores numbers beyond the list and when nothing takes a label', () => {
    const e = new TestEditor(ALL_GEOMETRIES);
    expect(e.press('3')).toBe(false);
    e.press('b');
    expect(e.press('9')).toBe(false);
  });
});

describe('editor: camera', () => {
  it('zooms with the wheel about the cursor', () => {
    const e = new TestEditor(ALL_GEOMETRIES);
    const anchor = screenToImage(e.state.camera, { x: 300, y: 200 });
    e.wheelAt(300, 200, -200);
    expect(e.state.camera.zoom).toBeGreaterThan(1);
    const after = screenToImage(e.state.camera, { x: 300, y: 200 });
    expect(after.x).toBeCloseTo(anchor.x);
    expect(after.y).toBeCloseTo(anchor.y);
    e.wheelAt(300, 200, 400);
    expect(e.state.camera.zoom).toBeLessThan(1);
  });

  it('zooms with + and −, fits with 0 and F', () => {
    const e = new TestEditor(ALL_GEOMETRIES, { image: { width: 4000, height: 3000 } });
    e.press('+');
    expect(e.state.camera.zoom).toBeCloseTo(1.25);
    e.press('-');
    e.press('-');
    expect(e.state.camera.zoom).toBeCloseTo(0.8);
    e.press('0');
    expect(e.state.camera.zoom).toBeCloseTo((1000 - 32) / 4000);
    e.setCamera({ x: 0, y: 0, zoom: 2 });
    e.press('f');
    expect(e.state.camera.zoom).toBeCloseTo((1000 - 32) / 4000);
  });

  it('fits the padding too', () => {
    const e = new TestEditor(
      { ...ALL_GEOMETRIES, paddingX: 100, paddingY: 0 },
      { image: { width: 800, height: 100 } },
    );
    e.fit();
    expect(e.state.camera.zoom).toBeCloseTo((1000 - 32) / 1000);
    expect(screenToImage(e.state.camera, { x: 16, y: 400 }).x).toBeCloseTo(-100);
  });

  it('pans with Space+drag and with the middle button, in any tool, without editing', () => {
    const e = withBoxes(1);
    e.press('b');
    e.keyDown({ key: ' ', shift: false, alt: false, mod: false });
    e.drag({ x: 500, y: 500 }, { x: 520, y: 490 });
    e.keyUp(' ');
    expect(e.state.camera).toMatchObject({ x: 20, y: -10 });
    e.drag({ x: 500, y: 500 }, { x: 510, y: 500 }, { button: 1 });
    expect(e.state.camera).toMatchObject({ x: 30, y: -10 });
    expect(e.records).toHaveLength(1);
    expect(e.canRedo).toBe(false);
  });

  it('pans with the pan tool', () => {
    const e = withBoxes(1);
    e.setTool('pan');
    e.drag({ x: 150, y: 150 }, { x: 100, y: 100 });
    expect(e.state.camera).toMatchObject({ x: -50, y: -50 });
    expect(e.annotations[0]).toMatchObject({ left: 100 });
  });

  it('brings a shape cycled to with Tab into view', () => {
    const e = withBoxes(2);
    e.setCamera({ x: -2000, y: 0, zoom: 1 });
    e.select([]);
    e.press('Tab');
    expect(screenToImage(e.state.camera, { x: 500, y: 400 })).toMatchObject({ x: 150, y: 150 });
  });
});

describe('editor: attributes', () => {
  it('sets and clears attribute values, each an undo step', () => {
    const e = withBoxes(1);
    e.setAttribute('id-1', 'occluded', 'partly');
    e.setAttribute('id-1', 'occlusion_note', 'a tree');
    expect(e.annotations[0]?.attributes).toEqual({ occluded: 'partly', occlusion_note: 'a tree' });
    e.setAttribute('id-1', 'occlusion_note', undefined);
    expect(e.annotations[0]?.attributes).toEqual({ occluded: 'partly' });
    e.undo();
    e.undo();
    expect(e.annotations[0]?.attributes).toEqual({ occluded: 'partly' });
    e.undo();
    expect(e.annotations[0]?.attributes).toBeUndefined();
  });

  it('keeps attributes when the geometry changes', () => {
    const e = withBoxes(1);
    e.setAttribute('id-1', 'occluded', 'no');
    e.select(['id-1']);
    e.press('ArrowLeft');
    expect(e.annotations[0]).toMatchObject({ left: 99, attributes: { occluded: 'no' } });
  });

  it('sets global attributes undoably', () => {
    const e = new TestEditor(ALL_GEOMETRIES);
    e.setGlobalAttribute('weather', 'rain');
    expect(e.state.draft.global_attributes).toEqual({ weather: 'rain' });
    e.undo();
    expect(e.state.draft.global_attributes).toBeUndefined();
  });
});

describe('editor: pre-labels', () => {
  it('starts from the base annotations, marking the locked one', () => {
    const e = withBase();
    expect(e.records.map((r) => [r.id, r.base, r.baseLocked])).toEqual([
      ['pre-free', true, undefined],
      ['pre-locked', true, true],
      ['pre-point', true, undefined],
    ]);
    expect(e.annotations[1]).not.toHaveProperty('locked');
  });

  it('never changes a locked pre-label, nor lets it be unlocked', () => {
    const e = withBase();
    e.select(['pre-locked']);
    e.press('ArrowRight');
    e.press('Delete');
    e.press('2');
    e.press('L', { shift: true });
    e.setAttribute('pre-locked', 'occluded', 'no');
    expect(e.getRecord('pre-locked')?.annotation).toEqual({
      type: 'box',
      uuid: 'pre-locked',
      label: 'person',
      left: 100,
      top: 10,
      width: 50,
      height: 50,
      attributes: occluded,
    });
    expect(e.canUndo).toBe(false);
  });

  it('honours can_edit_base_annotations = false: no moving or resizing, relabelling allowed', () => {
    const e = withBase({ can_edit_base_annotations: false });
    e.select(['pre-free']);
    expect(e.handles()).toEqual([]);
    e.drag({ x: 30, y: 30 }, { x: 80, y: 80 });
    e.press('ArrowRight');
    expect(e.getRecord('pre-free')?.annotation).toMatchObject({ left: 10, top: 10 });
    expect(e.state.notice).toMatch(/cannot be moved/);
    e.press('1');
    e.press('2');
    expect(e.getRecord('pre-free')?.annotation.label).toBe('truck');
  });

  it('honours can_edit_base_annotation_labels = false', () => {
    const e = withBase({ can_edit_base_annotation_labels: false });
    e.select(['pre-free']);
    e.press('1');
    e.press('1');
    expect(e.getRecord('pre-free')?.annotation.label).toBe('person');
    expect(e.state.notice).toMatch(/label/);
    e.press('ArrowRight');
    expect(e.getRecord('pre-free')?.annotation).toMatchObject({ left: 11 });
  });

  it('honours can_delete_base_annotations = false, but new shapes can still be deleted', () => {
    const e = withBase({ can_delete_base_annotations: false });
    e.select(['pre-free']);
    e.press('Delete');
    expect(e.getRecord('pre-free')).toBeDefined();
    expect(e.state.notice).toMatch(/cannot be deleted/);
    e.press('b');
    e.drag({ x: 500, y: 500 }, { x: 600, y: 600 });
    e.press('Delete');
    expect(e.records).toHaveLength(3);
  });

  it('honours can_add_base_annotations = false: drawing tools are off', () => {
    const e = withBase({ can_add_base_annotations: false });
    expect(e.isToolEnabled('box')).toBe(false);
    e.press('b');
    expect(e.state.tool).toBe('select');
    expect(e.createAnnotation({ type: 'point', label: 'head', x: 1, y: 1 })).toBeNull();
    expect(e.records).toHaveLength(3);
  });
});

describe('editor: read-only viewer', () => {
  it('selects and pans (a drag pans) but never edits', () => {
    const e = withBase();
    const viewer = new TestEditor(
      { ...ALL_GEOMETRIES, base_annotations: { annotations: BASE } },
      { readOnly: true },
    );
    viewer.click(30, 30);
    expect(viewer.state.selectedIds).toEqual(['pre-free']);
    viewer.press('Delete');
    viewer.drag({ x: 30, y: 30 }, { x: 60, y: 70 });
    expect(viewer.records).toEqual(e.records);
    expect(viewer.state.camera).toMatchObject({ x: 30, y: 40 });
    expect(viewer.state.panning).toBe(false);
    expect(viewer.handles()).toEqual([]);
    viewer.press('b');
    expect(viewer.state.tool).toBe('select');
  });
});
