/**
 * The select tool: click to select (Shift toggles), drag a shape to move the selection, drag on empty
 * canvas for a marquee, drag handles to resize, rotate or move vertices, double-click an edge to add a
 * vertex and Alt+click a vertex to delete it.
 */
import type { ImageAnnotation } from '@groundwork/domain';
import { DRAG_THRESHOLD, type Editor, HIT_TOLERANCE } from '../editor.ts';
import { annotationBounds, utilFor } from '../geometry/index.ts';
import { type Bounds, boundsFromCorners, distance, sub, type Vec } from '../geometry/math.ts';
import {
  deleteVertex,
  drawableMinimum,
  edgeAt,
  insertVertex,
  type PolyAnnotation,
} from '../geometry/poly.ts';
import { HandleDrag } from './handle-drag.ts';
import type { PointerInfo, Tool } from './tool.ts';

type State =
  | { name: 'idle' }
  | { name: 'pointing_shape'; origin: PointerInfo; id: string; wasSelected: boolean; shift: boolean }
  | { name: 'translating'; origin: Vec; initial: Map<string, ImageAnnotation> }
  | { name: 'dragging_handle'; drag: HandleDrag }
  | { name: 'pointing_canvas'; origin: PointerInfo; shift: boolean; before: readonly string[] }
  | { name: 'brushing'; origin: PointerInfo; shift: boolean; before: readonly string[] };

/** The fewest vertices a polygon or line may be left with when deleting one. */
export function vertexFloor(editor: Editor, shape: PolyAnnotation): number {
  return Math.max(drawableMinimum(shape.type), editor.params.geometries[shape.type]?.min_vertices ?? 1);
}

/** Shifts `delta` so that `bounds` moved by it stays inside `limits` (as far as it fits). */
function clampDelta(bounds: Bounds, delta: Vec, limits: Bounds | null): Vec {
  if (!limits) return delta;
  const clampAxis = (d: number, min: number, max: number, lo: number, hi: number) => {
    if (max - min > hi - lo) return d;
    return Math.min(hi - max, Math.max(lo - min, d));
  };
  return {
    x: clampAxis(delta.x, bounds.minX, bounds.maxX, limits.minX, limits.maxX),
    y: clampAxis(delta.y, bounds.minY, bounds.maxY, limits.minY, limits.maxY),
  };
}

/** The select tool. */
export class SelectTool implements Tool {
  /** Tool id. */
  readonly id = 'select' as const;
  private readonly editor: Editor;
  private state: State = { name: 'idle' };

  /** A select tool working on `editor`. */
  constructor(editor: Editor) {
    this.editor = editor;
  }

  onPointerDown(info: PointerInfo): void {
    const editor = this.editor;
    const handle = editor.handleAt(info.point);
    const handleRecord = editor.handleRecord;
    if (handle && handleRecord) {
      const annotation = handleRecord.annotation;
      if (
        info.alt &&
        handle.kind === 'vertex' &&
        (annotation.type === 'polygon' || annotation.type === 'line')
      ) {
        this.deleteVertexAt(handleRecord.id, annotation, Number(handle.id.slice(1)));
        return;
      }
      this.state = { name: 'dragging_handle', drag: new HandleDrag(editor, handleRecord.id, handle) };
      return;
    }
    const hit = editor.hitTest(info.point);
    if (hit) {
      const wasSelected = editor.state.selectedIds.includes(hit.id);
      if (info.shift) editor.toggleSelected(hit.id);
      else if (!wasSelected) editor.select([hit.id]);
      this.state = { name: 'pointing_shape', origin: info, id: hit.id, wasSelected, shift: info.shift };
      return;
    }
    const before = editor.state.selectedIds;
    if (!info.shift) editor.select([]);
    this.state = { name: 'pointing_canvas', origin: info, shift: info.shift, before };
  }

  onPointerMove(info: PointerInfo): void {
    const editor = this.editor;
    const state = this.state;
    switch (state.name) {
      case 'idle':
        editor.setHovered(editor.handleAt(info.point) ? null : (editor.hitTest(info.point)?.id ?? null));
        return;
      case 'pointing_shape': {
        if (distance(info.screen, state.origin.screen) < DRAG_THRESHOLD) return;
        if (editor.readOnly) {
          this.panInstead(state.origin, info);
          return;
        }
        const movable = editor.selectedRecords.filter((record) => editor.canEditGeometry(record));
        if (movable.length === 0) {
          editor.notify('The selection cannot be moved.');
          this.state = { name: 'idle' };
          return;
        }
        editor.beginGesture();
        this.state = {
          name: 'translating',
          origin: state.origin.point,
          initial: new Map(movable.map((record) => [record.id, record.annotation])),
        };
        this.translate(info);
        return;
      }
      case 'translating':
        this.translate(info);
        return;
      case 'dragging_handle':
        state.drag.move(info);
        return;
      case 'pointing_canvas':
        if (distance(info.screen, state.origin.screen) < DRAG_THRESHOLD) return;
        if (editor.readOnly) {
          this.panInstead(state.origin, info);
          return;
        }
        this.state = { ...state, name: 'brushing' };
        this.brush(info);
        return;
      case 'brushing':
        this.brush(info);
        return;
    }
  }

  onPointerUp(): void {
    const editor = this.editor;
    const state = this.state;
    this.state = { name: 'idle' };
    switch (state.name) {
      case 'translating':
        editor.endGesture();
        return;
      case 'dragging_handle':
        state.drag.end();
        return;
      case 'brushing':
        editor.setMarquee(null);
        return;
      case 'pointing_shape':
        // A plain click on one of several selected shapes narrows the selection to it.
        if (!state.shift && state.wasSelected && editor.state.selectedIds.length > 1)
          editor.select([state.id]);
        return;
      default:
        return;
    }
  }

  onDoubleClick(info: PointerInfo): void {
    const editor = this.editor;
    const record = editor.handleRecord;
    if (!record) return;
    const annotation = record.annotation;
    if (annotation.type !== 'polygon' && annotation.type !== 'line') return;
    const edge = edgeAt(annotation, info.point, HIT_TOLERANCE * editor.perPixel);
    if (edge < 0) return;
    const max = editor.params.geometries[annotation.type]?.max_vertices ?? null;
    if (max !== null && annotation.vertices.length >= max) {
      editor.notify(`A ${annotation.type} may have at most ${max} vertices.`);
      return;
    }
    const next = insertVertex(
      annotation,
      edge,
      editor.clampPoint(info.point),
      editor.rules(annotation.type).integerPixels,
    );
    editor.updateGeometry(new Map([[record.id, next]]));
  }

  onCancel(): boolean {
    const state = this.state;
    this.state = { name: 'idle' };
    switch (state.name) {
      case 'translating':
        this.editor.cancelGesture();
        return true;
      case 'dragging_handle':
        state.drag.cancel();
        return true;
      case 'brushing':
        this.editor.setMarquee(null);
        this.editor.select(state.before);
        return true;
      default:
        return false;
    }
  }

  onExit(): void {
    this.onCancel();
  }

  isBusy(): boolean {
    return this.state.name !== 'idle';
  }

  /** In a read-only view a drag pans: nothing can move and a marquee selects nothing useful. */
  private panInstead(origin: PointerInfo, info: PointerInfo): void {
    this.state = { name: 'idle' };
    this.editor.beginPan(origin.screen);
    this.editor.pointerMove(info.screen);
  }

  private deleteVertexAt(id: string, shape: PolyAnnotation, index: number): void {
    const floor = vertexFloor(this.editor, shape);
    if (shape.vertices.length <= floor) {
      this.editor.notify(`A ${shape.type} needs at least ${floor} vertices.`);
      return;
    }
    this.editor.updateGeometry(new Map([[id, deleteVertex(shape, index)]]));
  }

  private translate(info: PointerInfo): void {
    const state = this.state;
    if (state.name !== 'translating') return;
    const editor = this.editor;
    const annotations = [...state.initial.values()];
    const union = annotations.map(annotationBounds).reduce((a, b) => ({
      minX: Math.min(a.minX, b.minX),
      minY: Math.min(a.minY, b.minY),
      maxX: Math.max(a.maxX, b.maxX),
      maxY: Math.max(a.maxY, b.maxY),
    }));
    const delta = clampDelta(union, sub(info.point, state.origin), editor.contentBounds());
    const updates = new Map<string, ImageAnnotation>();
    for (const [id, annotation] of state.initial) {
      updates.set(id, utilFor(annotation).move(annotation, delta, editor.rules(annotation.type)));
    }
    editor.updateGeometry(updates);
  }

  private brush(info: PointerInfo): void {
    const state = this.state;
    if (state.name !== 'brushing') return;
    const marquee = boundsFromCorners(state.origin.point, info.point);
    this.editor.setMarquee(marquee);
    const inside = this.editor.recordsIn(marquee).map((record) => record.id);
    this.editor.select(state.shift ? [...new Set([...state.before, ...inside])] : inside);
  }
}
