import { describe, expect, it } from 'vitest';
import { ALL_GEOMETRIES } from '../../test-params.ts';
import { TestEditor } from '../test-editor.ts';

function editor() {
  return new TestEditor(ALL_GEOMETRIES);
}

describe('drawing tools', () => {
  it('draws a box by dragging, with the current label and a fresh uuid, and selects it', () => {
    const e = editor();
    e.press('b');
    e.drag({ x: 100, y: 100 }, { x: 200, y: 150 });
    expect(e.annotations).toEqual([
      { type: 'box', label: 'car', uuid: 'id-1', left: 100, top: 100, width: 100, height: 50 },
    ]);
    expect(e.state.selectedIds).toEqual(['id-1']);
    expect(e.state.tool).toBe('box');
    expect(e.state.sketch).toBeNull();
  });

  it('shows the box being drawn as a sketch, then keeps it only on release', () => {
    const e = editor();
    e.press('b');
    e.move(10, 10).down(10, 10).move(60, 40);
    expect(e.state.sketch?.annotation).toMatchObject({
      type: 'box',
      left: 10,
      top: 10,
      width: 50,
      height: 30,
    });
    expect(e.records).toHaveLength(0);
    e.up();
    expect(e.records).toHaveLength(1);
  });

  it('draws nothing on a click without a drag, and Esc drops a box mid-drag', () => {
    const e = editor();
    e.press('b');
    e.click(100, 100);
    expect(e.records).toHaveLength(0);
    e.move(10, 10).down(10, 10).move(80, 80);
    expect(e.press('Escape')).toBe(true);
    e.up();
    expect(e.records).toHaveLength(0);
    expect(e.state.sketch).toBeNull();
  });

  it('keeps shapes inside the image plus its padding', () => {
    const e = new TestEditor({ ...ALL_GEOMETRIES, padding: 10 }, { image: { width: 200, height: 100 } });
    e.press('b');
    e.drag({ x: 150, y: 50 }, { x: 900, y: 900 });
    expect(e.annotations[0]).toMatchObject({ left: 150, top: 50, width: 60, height: 60 });
  });

  it('draws a square with Shift', () => {
    const e = editor();
    e.press('b');
    e.drag({ x: 0, y: 0 }, { x: 100, y: 40 }, { shift: true });
    expect(e.annotations[0]).toMatchObject({ width: 100, height: 100 });
  });

  it('draws an ellipse as its four extremal points', () => {
    const e = editor();
    e.press('e');
    e.drag({ x: 100, y: 100 }, { x: 140, y: 120 });
    expect(e.annotations[0]).toEqual({
      type: 'ellipse',
      label: 'wheel',
      uuid: 'id-1',
      vertices: [
        { x: 120, y: 100 },
        { x: 140, y: 110 },
        { x: 120, y: 120 },
        { x: 100, y: 110 },
      ],
    });
  });

  it('places a point per click', () => {
    const e = editor();
    e.press('k');
    e.click(10, 20).click(30, 40);
    expect(e.annotations).toEqual([
      { type: 'point', label: 'head', uuid: 'id-1', x: 10, y: 20 },
      { type: 'point', label: 'head', uuid: 'id-2', x: 30, y: 40 },
    ]);
  });

  it('draws a polygon and closes it by clicking its first vertex', () => {
    const e = editor();
    e.press('p');
    e.click(0, 0).click(100, 0).click(100, 100);
    expect(e.state.sketch?.annotation).toMatchObject({ type: 'polygon', vertices: [{}, {}, {}] });
    e.move(3, 2);
    expect(e.state.sketch?.closing).toBe(true);
    e.click(3, 2);
    expect(e.annotations).toEqual([
      {
        type: 'polygon',
        label: 'road',
        uuid: 'id-1',
        vertices: [
          { x: 0, y: 0 },
          { x: 100, y: 0 },
          { x: 100, y: 100 },
        ],
      },
    ]);
    expect(e.state.sketch).toBeNull();
  });

  it('closes a polygon with Enter, and refuses to close with fewer than three vertices', () => {
    const e = editor();
    e.press('p');
    e.click(0, 0).click(50, 0);
    expect(e.press('Enter')).toBe(true);
    expect(e.records).toHaveLength(0);
    expect(e.state.notice).toMatch(/at least 3 vertices/);
    e.click(50, 50);
    e.press('Enter');
    expect(e.records).toHaveLength(1);
  });

  it('removes the last vertex with Backspace (and Ctrl+Z) and cancels with Esc', () => {
    const e = editor();
    e.press('p');
    e.click(0, 0).click(50, 0).click(50, 50);
    e.press('Backspace');
    expect(e.state.sketch?.annotation).toMatchObject({
      vertices: [
        { x: 0, y: 0 },
        { x: 50, y: 0 },
      ],
    });
    e.press('z', { mod: true });
    expect(e.state.sketch?.annotation).toMatchObject({ vertices: [{ x: 0, y: 0 }] });
    e.press('Escape');
    expect(e.state.sketch).toBeNull();
    expect(e.records).toHaveLength(0);
  });

  it('finishes a polygon on its max_vertices-th vertex', () => {
    const e = new TestEditor({ geometries: { polygon: { objects_to_annotate: ['a'], max_vertices: 4 } } });
    e.press('p');
    e.click(0, 0).click(10, 0).click(10, 10).click(0, 10);
    expect(e.annotations[0]).toMatchObject({ type: 'polygon', vertices: [{}, {}, {}, {}] });
  });

  it('draws a line finished by Enter or a double click, without a twin vertex', () => {
    const e = editor();
    e.press('l');
    e.click(0, 0).click(50, 50);
    e.press('Enter');
    e.click(100, 100).click(200, 100);
    e.doubleClickAt(300, 150);
    expect(e.annotations).toEqual([
      {
        type: 'line',
        label: 'lane',
        uuid: 'id-1',
        vertices: [
          { x: 0, y: 0 },
          { x: 50, y: 50 },
        ],
      },
      {
        type: 'line',
        label: 'lane',
        uuid: 'id-2',
        vertices: [
          { x: 100, y: 100 },
          { x: 200, y: 100 },
          { x: 300, y: 150 },
        ],
      },
    ]);
  });

  it('clears the selection when a drawing tool is picked, so number keys choose that tool’s label', () => {
    const e = editor();
    e.press('l');
    e.click(0, 0).click(50, 50);
    e.press('Enter');
    expect(e.state.selectedIds).toEqual(['id-1']);
    e.press('b');
    expect(e.state.selectedIds).toEqual([]);
    e.press('1');
    expect(e.state.labelPath).toEqual(['vehicle']);
  });

  it('drops the shape in progress when switching tools', () => {
    const e = editor();
    e.press('p');
    e.click(0, 0).click(10, 0);
    e.press('v');
    expect(e.state.tool).toBe('select');
    expect(e.state.sketch).toBeNull();
  });

  it('works in image pixels whatever the zoom and pan', () => {
    const e = editor();
    e.setCamera({ x: 100, y: 50, zoom: 2 });
    e.press('b');
    e.drag({ x: 100, y: 50 }, { x: 300, y: 250 });
    expect(e.annotations[0]).toMatchObject({ left: 0, top: 0, width: 100, height: 100 });
  });

  it('rounds drawn boxes to whole pixels with integer_pixels', () => {
    const e = new TestEditor({ geometries: { box: { objects_to_annotate: ['a'], integer_pixels: true } } });
    e.setCamera({ x: 0, y: 0, zoom: 3 });
    e.press('b');
    e.drag({ x: 10, y: 10 }, { x: 101, y: 95 });
    const box = e.annotations[0];
    expect(
      box && box.type === 'box' && [box.left, box.top, box.width, box.height].every(Number.isInteger),
    ).toBe(true);
  });

  it('refuses tools for geometries the task does not use', () => {
    const e = new TestEditor({ geometries: { box: { objects_to_annotate: ['a'] } } });
    e.press('p');
    expect(e.state.tool).toBe('select');
    expect(e.state.notice).toMatch(/does not use polygons/);
  });

  it('adjusts the box just drawn by dragging its handle without leaving the box tool', () => {
    const e = editor();
    e.press('b');
    e.drag({ x: 100, y: 100 }, { x: 200, y: 200 });
    e.drag({ x: 200, y: 200 }, { x: 250, y: 220 });
    expect(e.records).toHaveLength(1);
    expect(e.annotations[0]).toMatchObject({ left: 100, top: 100, width: 150, height: 120 });
  });
});
