import { describe, expect, it } from 'vitest';
import { ALL_GEOMETRIES } from '../../test-params.ts';
import { TestEditor } from '../test-editor.ts';

/** An editor holding a box (id-1) at 100,100 100×50 and a square polygon (id-2) at 300..400, select tool on. */
function scene() {
  const e = new TestEditor(ALL_GEOMETRIES);
  e.press('b');
  e.drag({ x: 100, y: 100 }, { x: 200, y: 150 });
  e.press('p');
  e.click(300, 300).click(400, 300).click(400, 400).click(300, 400);
  e.press('Enter');
  e.press('v');
  e.select([]);
  return e;
}

describe('select tool', () => {
  it('selects by click, adds with Shift+click, clears on empty canvas', () => {
    const e = scene();
    e.click(150, 120);
    expect(e.state.selectedIds).toEqual(['id-1']);
    e.click(350, 350, { shift: true });
    expect(e.state.selectedIds).toEqual(['id-1', 'id-2']);
    e.click(350, 350, { shift: true });
    expect(e.state.selectedIds).toEqual(['id-1']);
    e.click(700, 700);
    expect(e.state.selectedIds).toEqual([]);
  });

  it('prefers the smaller of overlapping shapes', () => {
    const e = new TestEditor(ALL_GEOMETRIES);
    e.press('b');
    e.drag({ x: 0, y: 0 }, { x: 500, y: 500 });
    e.drag({ x: 600, y: 600 }, { x: 700, y: 700 });
    e.select([]);
    e.press('b');
    e.drag({ x: 100, y: 100 }, { x: 150, y: 150 });
    e.press('v');
    e.select([]);
    e.click(120, 120);
    expect(e.state.selectedIds).toEqual(['id-3']);
    e.click(300, 300);
    expect(e.state.selectedIds).toEqual(['id-1']);
  });

  it('selects with a marquee', () => {
    const e = scene();
    e.drag({ x: 50, y: 50 }, { x: 250, y: 250 });
    expect(e.state.selectedIds).toEqual(['id-1']);
    expect(e.state.marquee).toBeNull();
    e.drag({ x: 50, y: 50 }, { x: 450, y: 450 });
    expect(e.state.selectedIds).toEqual(['id-1', 'id-2']);
  });

  it('moves the selection by dragging as one undo step', () => {
    const e = scene();
    e.drag({ x: 150, y: 120 }, { x: 170, y: 150 });
    expect(e.annotations[0]).toMatchObject({ left: 120, top: 130 });
    e.press('z', { mod: true });
    expect(e.annotations[0]).toMatchObject({ left: 100, top: 100 });
    e.press('z', { mod: true, shift: true });
    expect(e.annotations[0]).toMatchObject({ left: 120, top: 130 });
  });

  it('moves several selected shapes together', () => {
    const e = scene();
    e.click(150, 120).click(350, 350, { shift: true });
    e.drag({ x: 350, y: 350 }, { x: 360, y: 340 });
    expect(e.annotations[0]).toMatchObject({ left: 110, top: 90 });
    expect(e.annotations[1]).toMatchObject({ vertices: [{ x: 310, y: 290 }, {}, {}, {}] });
  });

  it('reports the draft once per drag, not on every move', () => {
    const e = scene();
    const before = e.reported.length;
    e.drag({ x: 150, y: 120 }, { x: 170, y: 150 });
    expect(e.reported.length).toBe(before + 1);
  });

  it('Esc during a move puts the shape back', () => {
    const e = scene();
    e.move(150, 120).down(150, 120).move(180, 160);
    expect(e.annotations[0]).toMatchObject({ left: 130 });
    e.press('Escape');
    e.up();
    expect(e.annotations[0]).toMatchObject({ left: 100, top: 100 });
    expect(e.canUndo).toBe(true);
    e.undo();
    expect(e.records).toHaveLength(1);
  });

  it('Ctrl+Z in the middle of a drag drops the drag and undoes the step before it', () => {
    const e = scene();
    e.move(150, 120).down(150, 120).move(180, 160);
    e.press('z', { mod: true });
    e.move(200, 200).up();
    expect(e.records).toHaveLength(1);
    expect(e.annotations[0]).toMatchObject({ left: 100, top: 100 });
    e.redo();
    expect(e.records).toHaveLength(2);
    expect(e.canRedo).toBe(false);
  });

  it('resizes a box with its corner handle', () => {
    const e = scene();
    e.click(150, 120);
    e.drag({ x: 200, y: 150 }, { x: 260, y: 200 });
    expect(e.annotations[0]).toMatchObject({ left: 100, top: 100, width: 160, height: 100 });
    e.undo();
    expect(e.annotations[0]).toMatchObject({ width: 100, height: 50 });
  });

  it('rotates a box with the rotate handle when can_rotate', () => {
    const e = scene();
    e.click(150, 120);
    const rotate = e.handles().find((handle) => handle.id === 'rotate');
    expect(rotate).toMatchObject({ x: 150, y: 100 - 24 });
    e.drag({ x: 150, y: 76 }, { x: 300, y: 125 });
    const box = e.annotations[0];
    expect(box?.type === 'box' && box.rotation).toBeCloseTo(Math.PI / 2);
    expect(box?.type === 'box' && box.vertices).toHaveLength(4);
  });

  it('drags a polygon vertex', () => {
    const e = scene();
    e.click(350, 350);
    e.drag({ x: 400, y: 400 }, { x: 450, y: 420 });
    expect(e.annotations[1]).toMatchObject({ vertices: [{}, {}, { x: 450, y: 420 }, {}] });
  });

  it('adds a vertex with a double click on an edge', () => {
    const e = scene();
    e.click(350, 350);
    e.doubleClickAt(350, 300);
    expect(e.annotations[1]).toMatchObject({
      vertices: [{ x: 300, y: 300 }, { x: 350, y: 300 }, { x: 400, y: 300 }, {}, {}],
    });
    e.undo();
    expect(e.annotations[1]?.type === 'polygon' && e.annotations[1].vertices).toHaveLength(4);
  });

  it('deletes a vertex with Alt+click, never below the minimum', () => {
    const e = scene();
    e.click(350, 350);
    e.click(400, 400, { alt: true });
    expect(e.annotations[1]?.type === 'polygon' && e.annotations[1].vertices).toEqual([
      { x: 300, y: 300 },
      { x: 400, y: 300 },
      { x: 300, y: 400 },
    ]);
    e.click(300, 400, { alt: true });
    expect(e.annotations[1]?.type === 'polygon' && e.annotations[1].vertices).toHaveLength(3);
    expect(e.state.notice).toMatch(/at least 3/);
  });

  it('does not add vertices beyond max_vertices', () => {
    const e = new TestEditor({ geometries: { polygon: { objects_to_annotate: ['a'], max_vertices: 3 } } });
    e.press('p');
    e.click(0, 0).click(100, 0).click(100, 100);
    e.press('v');
    e.doubleClickAt(50, 0);
    expect(e.annotations[0]?.type === 'polygon' && e.annotations[0].vertices).toHaveLength(3);
    expect(e.state.notice).toMatch(/at most 3/);
  });

  it('keeps a moved shape inside the image', () => {
    const e = scene();
    e.drag({ x: 150, y: 120 }, { x: 50, y: 20 });
    expect(e.annotations[0]).toMatchObject({ left: 0, top: 0 });
  });

  it('hovers what a click would select', () => {
    const e = scene();
    e.move(150, 120);
    expect(e.state.hoveredId).toBe('id-1');
    e.move(700, 700);
    expect(e.state.hoveredId).toBeNull();
  });

  it('resizes an ellipse by an axis handle', () => {
    const e = new TestEditor(ALL_GEOMETRIES);
    e.press('e');
    e.drag({ x: 100, y: 100 }, { x: 200, y: 150 });
    e.press('v');
    e.drag({ x: 200, y: 125 }, { x: 260, y: 140 });
    expect(e.annotations[0]).toMatchObject({
      vertices: [
        { x: 180, y: 100 },
        { x: 260, y: 125 },
        { x: 180, y: 150 },
        { x: 100, y: 125 },
      ],
    });
  });

  it('moves a point and drags a line vertex', () => {
    const e = new TestEditor(ALL_GEOMETRIES);
    e.press('k');
    e.click(500, 500);
    e.press('l');
    e.click(600, 600).click(700, 600);
    e.press('Enter');
    e.press('v');
    e.select([]);
    e.drag({ x: 502, y: 501 }, { x: 522, y: 511 });
    expect(e.annotations[0]).toMatchObject({ x: 520, y: 510 });
    e.click(650, 600);
    e.drag({ x: 700, y: 600 }, { x: 700, y: 650 });
    expect(e.annotations[1]).toMatchObject({
      vertices: [
        { x: 600, y: 600 },
        { x: 700, y: 650 },
      ],
    });
  });

  it('resizes a rotated box along its own axes', () => {
    const e = scene();
    e.click(150, 120);
    e.drag({ x: 150, y: 76 }, { x: 300, y: 125 });
    const handle = e.handles().find((h) => h.id === 'r');
    expect(handle).toBeDefined();
    // After a quarter turn the box's right edge faces down: dragging it down 30 px widens the box.
    e.drag({ x: handle?.x ?? 0, y: handle?.y ?? 0 }, { x: handle?.x ?? 0, y: (handle?.y ?? 0) + 30 });
    const box = e.annotations[0];
    expect(box?.type === 'box' && box.width).toBeCloseTo(130);
    expect(box?.type === 'box' && box.height).toBeCloseTo(50);
  });
});
