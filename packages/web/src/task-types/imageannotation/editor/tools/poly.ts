/**
 * Polygon and line tools: click to add vertices. A polygon closes on Enter, a double click, or a click on
 * its first vertex; a line finishes on Enter or a double click. Backspace (or Ctrl+Z) removes the last
 * vertex, Esc drops the shape. Reaching `max_vertices` finishes the shape.
 */

import { imageToScreen } from '../camera.ts';
import type { Editor } from '../editor.ts';
import { HIT_TOLERANCE } from '../editor.ts';
import { distance, roundVec, type Vec } from '../geometry/math.ts';
import { drawableMinimum } from '../geometry/poly.ts';
import type { KeyInfo, PointerInfo, Tool } from './tool.ts';

/** Screen pixels within which a click on the first vertex closes a polygon. */
export const CLOSE_RADIUS = 8;

/** The polygon or line tool. */
export class PolyTool implements Tool {
  /** Tool id (the geometry kind it draws). */
  readonly id: 'polygon' | 'line';
  private readonly editor: Editor;
  private vertices: Vec[] = [];
  private cursor: Vec | null = null;

  /** A tool drawing `kind` on `editor`. */
  constructor(editor: Editor, kind: 'polygon' | 'line') {
    this.editor = editor;
    this.id = kind;
  }

  private get limits() {
    return this.editor.params.geometries[this.id];
  }

  private nearFirst(screen: Vec): boolean {
    const first = this.vertices[0];
    if (this.id !== 'polygon' || !first || this.vertices.length < drawableMinimum('polygon')) return false;
    return distance(imageToScreen(this.editor.state.camera, first), screen) <= CLOSE_RADIUS;
  }

  private show(): void {
    const label = this.editor.labelFor(this.id);
    if (this.vertices.length === 0 || label === undefined) {
      this.editor.setSketch(null);
      return;
    }
    this.editor.setSketch({
      annotation: { type: this.id, label, vertices: [...this.vertices] },
      cursor: this.cursor,
      closing: this.cursor !== null && this.nearFirst(imageToScreen(this.editor.state.camera, this.cursor)),
    });
  }

  onPointerDown(info: PointerInfo): void {
    if (this.nearFirst(info.screen)) {
      this.finish();
      return;
    }
    const last = this.vertices.at(-1);
    // The second press of a double click lands on the vertex just placed; it must not add a twin.
    if (last && distance(imageToScreen(this.editor.state.camera, last), info.screen) <= HIT_TOLERANCE / 3)
      return;
    const p = roundVec(this.editor.clampPoint(info.point), false);
    this.vertices.push(p);
    this.cursor = p;
    const max = this.limits?.max_vertices ?? null;
    if (max !== null && this.vertices.length >= max) {
      this.finish();
      return;
    }
    this.show();
  }

  onPointerMove(info: PointerInfo): void {
    if (this.vertices.length === 0) return;
    this.cursor = this.editor.clampPoint(info.point);
    this.show();
  }

  onDoubleClick(): void {
    if (this.vertices.length > 0) this.finish();
  }

  onKeyDown(info: KeyInfo): boolean {
    if (this.vertices.length === 0) return false;
    if (info.key === 'Enter' && !info.mod) {
      this.finish();
      return true;
    }
    if (
      (info.key === 'Backspace' && !info.mod) ||
      (info.mod && !info.shift && info.key.toLowerCase() === 'z')
    ) {
      this.vertices.pop();
      this.show();
      return true;
    }
    return false;
  }

  onCancel(): boolean {
    const busy = this.vertices.length > 0;
    this.reset();
    return busy;
  }

  onExit(): void {
    this.reset();
  }

  isBusy(): boolean {
    return this.vertices.length > 0;
  }

  private reset(): void {
    this.vertices = [];
    this.cursor = null;
    this.editor.setSketch(null);
  }

  /** Creates the shape if it has enough vertices; otherwise says how many it needs and keeps drawing. */
  private finish(): void {
    const label = this.editor.labelFor(this.id);
    const needed = Math.max(drawableMinimum(this.id), this.limits?.min_vertices ?? 1);
    if (this.vertices.length < needed) {
      this.editor.notify(
        `A ${this.id} needs at least ${needed} vertices; keep clicking, or press Esc to cancel.`,
      );
      return;
    }
    if (label === undefined) return;
    const integer = this.editor.rules(this.id).integerPixels;
    const vertices = this.vertices.map((v) => roundVec(v, integer));
    this.reset();
    this.editor.createAnnotation({ type: this.id, label, vertices });
  }
}
