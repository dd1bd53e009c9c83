/**
 * The base of the box and ellipse tools: press, drag to the opposite corner, release. Shift keeps a square (a circle).
 * Pressing on a handle of the selected annotation adjusts it instead, so a shape just drawn can be
 * corrected without switching tools.
 */
import type { ImageAnnotation } from '@groundwork/domain';
import { DRAG_THRESHOLD, type Editor } from '../editor.ts';
import { distance, type Vec } from '../geometry/math.ts';
import type { ShapeRules } from '../geometry/types.ts';
import { HandleDrag } from './handle-drag.ts';
import type { PointerInfo, Tool } from './tool.ts';

type State =
  | { name: 'idle' }
  | { name: 'pointing'; origin: PointerInfo }
  | { name: 'drawing'; origin: PointerInfo }
  | { name: 'dragging_handle'; drag: HandleDrag };

/** The corner opposite `origin`, made square when `square`. */
function corner(origin: Vec, p: Vec, square: boolean): Vec {
  if (!square) return p;
  const side = Math.max(Math.abs(p.x - origin.x), Math.abs(p.y - origin.y));
  return {
    x: origin.x + Math.sign(p.x - origin.x || 1) * side,
    y: origin.y + Math.sign(p.y - origin.y || 1) * side,
  };
}

/** A tool that draws a shape spanning the press and the release point. */
export abstract class DragShapeTool implements Tool {
  /** Tool id (the geometry kind it draws). */
  abstract readonly id: 'box' | 'ellipse';
  /** The editor it draws in. */
  protected readonly editor: Editor;
  private state: State = { name: 'idle' };

  /** A tool drawing on `editor`. */
  constructor(editor: Editor) {
    this.editor = editor;
  }

  /** The shape spanning `a` to `b` with `label`. */
  protected abstract make(label: string, a: Vec, b: Vec, rules: ShapeRules): ImageAnnotation;

  onPointerDown(info: PointerInfo): void {
    const handle = this.editor.handleAt(info.point);
    const record = this.editor.handleRecord;
    if (handle && record) {
      this.state = { name: 'dragging_handle', drag: new HandleDrag(this.editor, record.id, handle) };
      return;
    }
    this.state = { name: 'pointing', origin: { ...info, point: this.editor.clampPoint(info.point) } };
  }

  onPointerMove(info: PointerInfo): void {
    const state = this.state;
    if (state.name === 'dragging_handle') {
      state.drag.move(info);
      return;
    }
    if (state.name === 'pointing' && distance(info.screen, state.origin.screen) >= DRAG_THRESHOLD) {
      this.state = { name: 'drawing', origin: state.origin };
    }
    if (this.state.name === 'drawing') {
      const shape = this.shapeTo(info);
      this.editor.setSketch(shape ? { annotation: shape, cursor: null, closing: false } : null);
    }
  }

  onPointerUp(info: PointerInfo): void {
    const state = this.state;
    if (state.name === 'dragging_handle') {
      this.state = { name: 'idle' };
      state.drag.end();
      return;
    }
    const shape = state.name === 'drawing' ? this.shapeTo(info) : null;
    this.state = { name: 'idle' };
    this.editor.setSketch(null);
    if (shape) this.editor.createAnnotation(shape);
  }

  onCancel(): boolean {
    const state = this.state;
    this.state = { name: 'idle' };
    if (state.name === 'dragging_handle') {
      state.drag.cancel();
      return true;
    }
    this.editor.setSketch(null);
    return state.name !== 'idle';
  }

  onExit(): void {
    this.onCancel();
  }

  isBusy(): boolean {
    return this.state.name !== 'idle';
  }

  private shapeTo(info: PointerInfo): ImageAnnotation | null {
    if (this.state.name !== 'drawing') return null;
    const label = this.editor.labelFor(this.id);
    if (label === undefined) return null;
    const origin = this.state.origin.point;
    const end = this.editor.clampPoint(corner(origin, this.editor.clampPoint(info.point), info.shift));
    return this.make(label, origin, end, this.editor.rules(this.id));
  }
}
