/**
 * The image annotation editor's model (tldraw-style): the draft's annotations as plain JSON records, the
 * selection, the camera, the current tool and label, and an undo history with explicit undo points. No React
 * and no Konva: the canvas renders {@link EditorState} and forwards pointer, wheel and key events here, and
 * tests drive the same entry points headless (`TestEditor`).
 */
import {
  type AttributeValue,
  type GeometryKind,
  type ImageAnnotation,
  type ImageannotationParams,
  leafLabels,
} from '@groundwork/domain';
import type { AnnotationRecord, ImageannotationDraft } from '../draft.ts';
import { labelOptions, optionsAt } from '../labels.ts';
import {
  type Camera,
  clampZoom,
  fitCamera,
  type Size,
  screenToImage,
  ZOOM_STEP,
  zoomAbout,
} from './camera.ts';
import { annotationBounds, utilFor } from './geometry/index.ts';
import {
  type Bounds,
  boundsContainPoint,
  boundsIntersect,
  clampToBounds,
  expandBounds,
  type Vec,
} from './geometry/math.ts';
import { POINT_RADIUS } from './geometry/point.ts';
import type { Handle, ShapeRules } from './geometry/types.ts';
import {
  canAdd,
  canDelete,
  canEditAttributes,
  canEditGeometry,
  canEditLabel,
  canToggleLock,
  isLocked,
} from './permissions.ts';
import { createTools } from './tools/index.ts';
import {
  DRAWING_TOOLS,
  type DrawingToolId,
  type KeyInfo,
  type PointerInfo,
  type Tool,
  type ToolId,
} from './tools/tool.ts';

/** Screen pixels within which a click still hits an outline or a handle. */
export const HIT_TOLERANCE = 6;
/** Screen pixels a press must travel before it becomes a drag. */
export const DRAG_THRESHOLD = 3;
/** Most undo steps kept. */
const HISTORY_LIMIT = 300;

/** A shape being drawn, shown until the tool creates (or drops) it. */
export interface Sketch {
  /** The shape so far. */
  annotation: ImageAnnotation;
  /** Where the pointer is (the rubber band of a polygon or line in progress). */
  cursor: Vec | null;
  /** The pointer is on the first vertex: a click closes the polygon. */
  closing: boolean;
}

/** Everything the canvas and the panels render. Replaced (never mutated) on every change. */
export interface EditorState {
  /** The document: annotations and global attributes. */
  draft: ImageannotationDraft;
  /** Selected record ids, in selection order. */
  selectedIds: readonly string[];
  /** The record under the pointer (select tool). */
  hoveredId: string | null;
  /** The camera. */
  camera: Camera;
  /** The canvas size in screen pixels. */
  viewport: Size;
  /** The image's natural size, once known. */
  image: Size | null;
  /** The current tool. */
  tool: ToolId;
  /** The leaf label new shapes of each kind get. */
  labels: Partial<Record<GeometryKind, string>>;
  /** Groups opened in the label picker (number keys pick among their sub-choices). */
  labelPath: readonly string[];
  /** The shape being drawn. */
  sketch: Sketch | null;
  /** The selection rectangle being dragged, in image pixels. */
  marquee: Bounds | null;
  /** A pan drag is in progress (grabbing cursor). */
  panning: boolean;
  /** Space is held: the next drag pans. */
  spaceHeld: boolean;
  /** A short message about the last action that did not do what was asked ("this pre-label is locked"). */
  notice: string | null;
}

/** How an editor is made. */
export interface EditorOptions {
  /** The task's params. */
  params: ImageannotationParams;
  /** The draft to start from. */
  draft: ImageannotationDraft;
  /** Shows only: no tool but select and pan, and no change to the draft. */
  readOnly?: boolean;
  /** Makes uuids for new annotations (tests pass a counter). */
  createId?: () => string;
  /** Called with the draft after each finished change (not during a drag). */
  onDraftChange?: (draft: ImageannotationDraft) => void;
}

interface Snapshot {
  draft: ImageannotationDraft;
  selectedIds: readonly string[];
}

interface Gesture {
  changed: boolean;
  start: Snapshot;
}

/** A random RFC 4122 v4 uuid; works outside secure contexts, where `crypto.randomUUID` is missing. */
export function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function isDrawingTool(tool: ToolId): tool is DrawingToolId {
  return (DRAWING_TOOLS as readonly string[]).includes(tool);
}

const TOOL_KEYS: Record<string, ToolId> = {
  v: 'select',
  b: 'box',
  p: 'polygon',
  l: 'line',
  k: 'point',
  e: 'ellipse',
};

/** The editor. */
export class Editor {
  /** The task's params. */
  readonly params: ImageannotationParams;
  /** Whether edits are refused (the review viewer). */
  readonly readOnly: boolean;
  private current: EditorState;
  private readonly listeners = new Set<() => void>();
  private readonly tools: Record<ToolId, Tool>;
  private readonly createId: () => string;
  private readonly onDraftChange: ((draft: ImageannotationDraft) => void) | undefined;
  private undoStack: Snapshot[] = [];
  private redoStack: Snapshot[] = [];
  private gesture: Gesture | null = null;
  private panFrom: Vec | null = null;

  constructor(options: EditorOptions) {
    this.params = options.params;
    this.readOnly = options.readOnly ?? false;
    this.createId = options.createId ?? randomUuid;
    this.onDraftChange = options.onDraftChange;
    this.tools = createTools(this);
    this.current = {
      draft: options.draft,
      selectedIds: [],
      hoveredId: null,
      camera: { x: 0, y: 0, zoom: 1 },
      viewport: { width: 0, height: 0 },
      image: null,
      tool: 'select',
      labels: {},
      labelPath: [],
      sketch: null,
      marquee: null,
      panning: false,
      spaceHeld: false,
      notice: null,
    };
  }

  /** The current state (a new object after every change; `useSyncExternalStore` compatible). */
  get state(): EditorState {
    return this.current;
  }

  /** The current state; same as {@link state}, as a function for `useSyncExternalStore`. */
  getState = (): EditorState => this.current;

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private setState(patch: Partial<EditorState>): void {
    this.current = { ...this.current, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** The annotations, in drawing order. */
  get records(): readonly AnnotationRecord[] {
    return this.current.draft.annotations;
  }

  private index: { annotations: readonly AnnotationRecord[]; byId: Map<string, AnnotationRecord> } | null =
    null;

  /** The record with this id (an index rebuilt once per change of the records). */
  getRecord(id: string): AnnotationRecord | undefined {
    const annotations = this.current.draft.annotations;
    if (this.index?.annotations !== annotations) {
      this.index = { annotations, byId: new Map(annotations.map((record) => [record.id, record])) };
    }
    return this.index.byId.get(id);
  }

  /** The selected records, in selection order. */
  get selectedRecords(): AnnotationRecord[] {
    return this.current.selectedIds.flatMap((id) => this.getRecord(id) ?? []);
  }

  /** Shows a short message about an action that was refused or needs more. */
  notify(message: string | null): void {
    if (this.current.notice !== message) this.setState({ notice: message });
  }

  /** Geometry rules from the params (whole pixels, rotation). */
  rules(kind: GeometryKind): ShapeRules {
    const box = this.params.geometries.box;
    return {
      integerPixels: kind === 'box' && box !== undefined && box.integer_pixels,
      canRotate: kind === 'box' && box !== undefined && box.can_rotate,
    };
  }

  private snapshot(): Snapshot {
    return { draft: this.current.draft, selectedIds: this.current.selectedIds };
  }

  private pushUndo(snapshot: Snapshot): void {
    this.undoStack.push(snapshot);
    if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift();
    this.redoStack = [];
  }

  private changeDraft(draft: ImageannotationDraft, patch: Partial<EditorState> = {}): void {
    if (this.readOnly || draft === this.current.draft) {
      if (Object.keys(patch).length > 0) this.setState(patch);
      return;
    }
    if (this.gesture) {
      if (!this.gesture.changed) {
        this.pushUndo(this.gesture.start);
        this.gesture.changed = true;
      }
    } else {
      this.pushUndo(this.snapshot());
    }
    this.setState({ ...patch, draft, notice: patch.notice ?? null });
    if (!this.gesture) this.onDraftChange?.(draft);
  }

  private mapRecords(change: (record: AnnotationRecord) => AnnotationRecord): ImageannotationDraft {
    let changed = false;
    const annotations = this.current.draft.annotations.map((record) => {
      const next = change(record);
      if (next !== record) changed = true;
      return next;
    });
    return changed ? { ...this.current.draft, annotations } : this.current.draft;
  }

  /**
   * Starts an undo step that several changes join (a drag): everything changed until {@link endGesture}
   * is undone at once.
   */
  beginGesture(): void {
    this.gesture = { changed: false, start: this.snapshot() };
  }

  /** Ends the undo step begun by {@link beginGesture} and reports the draft if it changed. */
  endGesture(): void {
    const gesture = this.gesture;
    this.gesture = null;
    if (gesture?.changed) this.onDraftChange?.(this.current.draft);
  }

  /** Ends the gesture and puts back what it changed (Esc during a drag). */
  cancelGesture(): void {
    const gesture = this.gesture;
    this.gesture = null;
    if (!gesture?.changed) return;
    this.undoStack.pop();
    this.setState({ draft: gesture.start.draft, selectedIds: gesture.start.selectedIds });
  }

  /** Whether there is something to undo. */
  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  /** Whether there is something to redo. */
  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  private restore(snapshot: Snapshot): void {
    const ids = new Set(snapshot.draft.annotations.map((record) => record.id));
    this.setState({
      draft: snapshot.draft,
      selectedIds: snapshot.selectedIds.filter((id) => ids.has(id)),
      hoveredId: null,
      notice: null,
    });
    this.onDraftChange?.(snapshot.draft);
  }

  /** Undoes the last step (the whole drag, the whole polygon). */
  undo(): void {
    // Undo in the middle of a drag first drops the drag, so later pointer moves cannot reapply it.
    if (this.gesture) this.tool.onCancel?.();
    const snapshot = this.undoStack.pop();
    if (!snapshot) return;
    this.redoStack.push(this.snapshot());
    this.restore(snapshot);
  }

  /** Redoes the last undone step. */
  redo(): void {
    if (this.gesture) this.tool.onCancel?.();
    const snapshot = this.redoStack.pop();
    if (!snapshot) return;
    this.undoStack.push(this.snapshot());
    this.restore(snapshot);
  }

  /** Replaces the draft (a different task, or a draft restored from storage) and forgets the history. */
  loadDraft(draft: ImageannotationDraft): void {
    this.tool.onExit?.();
    this.undoStack = [];
    this.redoStack = [];
    this.gesture = null;
    this.setState({ draft, selectedIds: [], hoveredId: null, sketch: null, marquee: null, notice: null });
  }

  /** Whether new annotations may be drawn. */
  get canAdd(): boolean {
    return !this.readOnly && canAdd(this.params);
  }

  /** Whether this record's geometry may change. */
  canEditGeometry(record: AnnotationRecord): boolean {
    return !this.readOnly && canEditGeometry(this.params, record);
  }

  /** Whether this record's label may change. */
  canEditLabel(record: AnnotationRecord): boolean {
    return !this.readOnly && canEditLabel(this.params, record);
  }

  /** Whether this record's attributes may change. */
  canEditAttributes(record: AnnotationRecord): boolean {
    return !this.readOnly && canEditAttributes(this.params, record);
  }

  /** Whether this record may be deleted. */
  canDelete(record: AnnotationRecord): boolean {
    return !this.readOnly && canDelete(this.params, record);
  }

  /** The label a new shape of `kind` gets: the one picked last, or the kind's first label. */
  labelFor(kind: GeometryKind): string | undefined {
    const picked = this.current.labels[kind];
    if (picked !== undefined) return picked;
    return leafLabels(labelOptions(this.params, kind))[0];
  }

  /**
   * Adds a drawn annotation (with a fresh uuid) as one undo step and selects it; returns its id, or null
   * when adding is not allowed.
   */
  createAnnotation(annotation: ImageAnnotation): string | null {
    if (!this.canAdd) {
      this.notify('This task allows no new annotations; edit the pre-labels instead.');
      return null;
    }
    const uuid = annotation.uuid ?? this.createId();
    const taken = new Set(this.records.map((record) => record.id));
    let id = uuid;
    for (let n = 2; taken.has(id); n += 1) id = `${uuid}-${n}`;
    const record: AnnotationRecord = { id, annotation: { ...annotation, uuid } };
    const draft = { ...this.current.draft, annotations: [...this.records, record] };
    this.changeDraft(draft, { selectedIds: [id] });
    return id;
  }

  /** Replaces the geometry of records whose geometry may change; others are left as they are. */
  updateGeometry(updates: ReadonlyMap<string, ImageAnnotation>): void {
    const draft = this.mapRecords((record) => {
      const next = updates.get(record.id);
      if (!next || next === record.annotation || !this.canEditGeometry(record)) return record;
      const { label, attributes } = record.annotation;
      const { attributes: _attributes, ...geometry } = next;
      const annotation = (
        attributes ? { ...geometry, label, attributes } : { ...geometry, label }
      ) as ImageAnnotation;
      return { ...record, annotation };
    });
    this.changeDraft(draft);
  }

  /** Moves the selected records whose geometry may change by `delta` image pixels (one undo step). */
  nudgeSelected(delta: Vec): void {
    const updates = new Map<string, ImageAnnotation>();
    for (const record of this.selectedRecords) {
      if (!this.canEditGeometry(record)) continue;
      const { annotation } = record;
      updates.set(record.id, utilFor(annotation).move(annotation, delta, this.rules(annotation.type)));
    }
    if (updates.size === 0 && this.selectedRecords.length > 0) this.notify('The selection cannot be moved.');
    this.updateGeometry(updates);
  }

  /** Deletes the records that may be deleted (one undo step); says why the others stay. */
  deleteAnnotations(ids: readonly string[]): void {
    const wanted = new Set(ids);
    const kept = this.records.filter((record) => !wanted.has(record.id) || !this.canDelete(record));
    const refused = ids.length - (this.records.length - kept.length);
    if (kept.length !== this.records.length) {
      const remaining = new Set(kept.map((record) => record.id));
      this.changeDraft(
        { ...this.current.draft, annotations: kept },
        { selectedIds: this.current.selectedIds.filter((id) => remaining.has(id)) },
      );
    }
    if (refused > 0) {
      this.notify(
        refused === 1 ? 'This annotation cannot be deleted.' : `${refused} annotations cannot be deleted.`,
      );
    }
  }

  /** Deletes the selection. */
  deleteSelected(): void {
    this.deleteAnnotations(this.current.selectedIds);
  }

  /** Sets the label of the records whose label may change (one undo step). */
  setLabel(ids: readonly string[], label: string): void {
    const wanted = new Set(ids);
    let refused = 0;
    const draft = this.mapRecords((record) => {
      if (!wanted.has(record.id) || record.annotation.label === label) return record;
      if (!this.canEditLabel(record)) {
        refused += 1;
        return record;
      }
      return { ...record, annotation: { ...record.annotation, label } };
    });
    this.changeDraft(draft);
    if (refused > 0) this.notify('The label of this annotation cannot change.');
  }

  /** Sets (or with `undefined` clears) one attribute value of a record (one undo step). */
  setAttribute(id: string, name: string, value: AttributeValue | undefined): void {
    const draft = this.mapRecords((record) => {
      if (record.id !== id || !this.canEditAttributes(record)) return record;
      const attributes = { ...record.annotation.attributes };
      if (value === undefined) delete attributes[name];
      else attributes[name] = value;
      return { ...record, annotation: { ...record.annotation, attributes } };
    });
    this.changeDraft(draft);
  }

  /** Sets (or clears) a global attribute value (one undo step). */
  setGlobalAttribute(name: string, value: AttributeValue | undefined): void {
    const values = { ...this.current.draft.global_attributes };
    if (value === undefined) delete values[name];
    else values[name] = value;
    this.changeDraft({ ...this.current.draft, global_attributes: values });
  }

  /** Hides or shows records (one undo step); hidden records leave the selection. */
  setHidden(ids: readonly string[], hidden: boolean): void {
    const wanted = new Set(ids);
    const draft = this.mapRecords((record) => {
      if (!wanted.has(record.id) || (record.hidden ?? false) === hidden) return record;
      const { hidden: _hidden, ...rest } = record;
      return hidden ? { ...rest, hidden: true } : rest;
    });
    const selectedIds = hidden
      ? this.current.selectedIds.filter((id) => !wanted.has(id))
      : this.current.selectedIds;
    this.changeDraft(draft, { selectedIds });
  }

  /** Locks or unlocks records against edits (one undo step); `locked` pre-labels stay locked. */
  setLocked(ids: readonly string[], locked: boolean): void {
    const wanted = new Set(ids);
    const draft = this.mapRecords((record) => {
      if (!wanted.has(record.id) || !canToggleLock(record) || (record.locked ?? false) === locked)
        return record;
      const { locked: _locked, ...rest } = record;
      return locked ? { ...rest, locked: true } : rest;
    });
    this.changeDraft(draft);
  }

  /** Hides the selection, or shows it when all of it is hidden. */
  toggleHiddenSelected(): void {
    const selected = this.selectedRecords;
    if (selected.length === 0) return;
    this.setHidden(
      selected.map((record) => record.id),
      !selected.every((record) => record.hidden),
    );
  }

  /** Locks the selection, or unlocks it when all of it is locked. */
  toggleLockedSelected(): void {
    const selected = this.selectedRecords.filter(canToggleLock);
    if (selected.length === 0) {
      if (this.selectedRecords.length > 0) this.notify('Locked pre-labels stay locked.');
      return;
    }
    this.setLocked(
      selected.map((record) => record.id),
      !selected.every((record) => record.locked),
    );
  }

  /** Selects exactly these records. */
  select(ids: readonly string[]): void {
    const same =
      ids.length === this.current.selectedIds.length &&
      ids.every((id, i) => this.current.selectedIds[i] === id);
    if (!same) this.setState({ selectedIds: [...ids], labelPath: [] });
  }

  /** Adds a record to the selection, or removes it if selected (shift-click). */
  toggleSelected(id: string): void {
    const selected = this.current.selectedIds;
    this.select(selected.includes(id) ? selected.filter((other) => other !== id) : [...selected, id]);
  }

  /** Whether a record can be picked on the canvas (visible and not locked). */
  isPickable(record: AnnotationRecord): boolean {
    return !record.hidden && !isLocked(record);
  }

  /** Screen tolerance converted to image pixels at the current zoom. */
  get perPixel(): number {
    return 1 / this.current.camera.zoom;
  }

  /**
   * The pickable record at an image point: among the hits, the one with the smallest area (points and lines
   * first), so a small box inside a large one stays reachable; ties go to the one drawn last.
   */
  hitTest(point: Vec): AnnotationRecord | null {
    const tolerance = HIT_TOLERANCE * this.perPixel;
    let best: AnnotationRecord | null = null;
    let bestArea = Number.POSITIVE_INFINITY;
    const records = this.records;
    for (let i = records.length - 1; i >= 0; i -= 1) {
      const record = records[i] as AnnotationRecord;
      if (!this.isPickable(record)) continue;
      const { annotation } = record;
      const reach = annotation.type === 'point' ? tolerance + POINT_RADIUS * this.perPixel : tolerance;
      if (!boundsContainPoint(expandBounds(annotationBounds(annotation), reach), point)) continue;
      const util = utilFor(annotation);
      if (!util.hitTest(annotation, point, reach)) continue;
      const area = util.area(annotation);
      if (area < bestArea) {
        best = record;
        bestArea = area;
      }
    }
    return best;
  }

  /** The record whose handles are shown: the only selected record, when its geometry may change. */
  get handleRecord(): AnnotationRecord | null {
    const selected = this.selectedRecords;
    if (selected.length !== 1) return null;
    const record = selected[0] as AnnotationRecord;
    return !record.hidden && this.canEditGeometry(record) ? record : null;
  }

  /** Handles of the {@link handleRecord}. */
  handles(): Handle[] {
    const record = this.handleRecord;
    if (!record) return [];
    const { annotation } = record;
    return utilFor(annotation).handles(annotation, this.rules(annotation.type), this.perPixel);
  }

  /** The handle under an image point. */
  handleAt(point: Vec): Handle | null {
    const reach = (HIT_TOLERANCE + 2) * this.perPixel;
    let best: Handle | null = null;
    let bestDistance = reach;
    for (const handle of this.handles()) {
      const d = Math.hypot(handle.x - point.x, handle.y - point.y);
      if (d <= bestDistance) {
        best = handle;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Pickable records whose bounds meet `bounds` (marquee selection). */
  recordsIn(bounds: Bounds): AnnotationRecord[] {
    return this.records.filter(
      (record) => this.isPickable(record) && boundsIntersect(annotationBounds(record.annotation), bounds),
    );
  }

  /** Selects the next (or previous) pickable record in drawing order and brings it into view if needed. */
  cycleSelection(direction: 1 | -1): void {
    const pickable = this.records.filter((record) => this.isPickable(record));
    if (pickable.length === 0) return;
    const last = this.current.selectedIds.at(-1);
    const at = pickable.findIndex((record) => record.id === last);
    const index =
      at < 0
        ? direction === 1
          ? 0
          : pickable.length - 1
        : (at + direction + pickable.length) % pickable.length;
    const record = pickable[index] as AnnotationRecord;
    this.select([record.id]);
    this.reveal(record);
  }

  /** Pans so a record is on screen (keeping the zoom) when it is not already. */
  reveal(record: AnnotationRecord): void {
    const { camera, viewport } = this.current;
    if (viewport.width === 0) return;
    const b = annotationBounds(record.annotation);
    const view = {
      minX: -camera.x / camera.zoom,
      minY: -camera.y / camera.zoom,
      maxX: (viewport.width - camera.x) / camera.zoom,
      maxY: (viewport.height - camera.y) / camera.zoom,
    };
    if (b.minX >= view.minX && b.maxX <= view.maxX && b.minY >= view.minY && b.maxY <= view.maxY) return;
    const cx = (b.minX + b.maxX) / 2;
    const cy = (b.minY + b.maxY) / 2;
    this.setCamera({
      ...camera,
      x: viewport.width / 2 - cx * camera.zoom,
      y: viewport.height / 2 - cy * camera.zoom,
    });
  }

  /** Sets the hovered record (select tool feedback). */
  setHovered(id: string | null): void {
    if (this.current.hoveredId !== id) this.setState({ hoveredId: id });
  }

  /** Sets or clears the marquee rectangle. */
  setMarquee(marquee: Bounds | null): void {
    this.setState({ marquee });
  }

  /** Sets or clears the shape being drawn. */
  setSketch(sketch: Sketch | null): void {
    if (sketch !== this.current.sketch) this.setState({ sketch });
  }

  /** Where shapes may lie: the image grown by the params' padding (coordinates may then be negative). */
  contentBounds(): Bounds | null {
    const image = this.current.image;
    if (!image) return null;
    const padX = this.params.paddingX ?? this.params.padding ?? 0;
    const padY = this.params.paddingY ?? this.params.padding ?? 0;
    return { minX: -padX, minY: -padY, maxX: image.width + padX, maxY: image.height + padY };
  }

  /** `p` kept within {@link contentBounds}. */
  clampPoint(p: Vec): Vec {
    const bounds = this.contentBounds();
    return bounds ? clampToBounds(p, bounds) : p;
  }

  /** Sets the camera (zoom kept within limits). */
  setCamera(camera: Camera): void {
    const next = { ...camera, zoom: clampZoom(camera.zoom) };
    const now = this.current.camera;
    if (next.x !== now.x || next.y !== now.y || next.zoom !== now.zoom) this.setState({ camera: next });
  }

  /** Sets the canvas size; the first size (once the image is known) fits the image. */
  setViewport(viewport: Size): void {
    const first = this.current.viewport.width === 0;
    this.setState({ viewport });
    if (first && this.current.image) this.fit();
  }

  /** Sets the image's natural size and fits it. */
  setImageSize(image: Size): void {
    this.setState({ image });
    if (this.current.viewport.width > 0) this.fit();
  }

  /** Fits the image (with its padding) in the canvas. */
  fit(): void {
    const content = this.contentBounds();
    if (!content || this.current.viewport.width === 0) return;
    this.setCamera(fitCamera(this.current.viewport, content));
  }

  /** Zooms by `factor` about a screen point (the cursor for the wheel, the centre for keys). */
  zoomBy(factor: number, about?: Vec): void {
    const { camera, viewport } = this.current;
    const anchor = about ?? { x: viewport.width / 2, y: viewport.height / 2 };
    this.setCamera(zoomAbout(camera, anchor, camera.zoom * factor));
  }

  /** Zooms in one step about the canvas centre. */
  zoomIn(): void {
    this.zoomBy(ZOOM_STEP);
  }

  /** Zooms out one step about the canvas centre. */
  zoomOut(): void {
    this.zoomBy(1 / ZOOM_STEP);
  }

  /** Pans by a screen displacement. */
  panBy(delta: Vec): void {
    const { camera } = this.current;
    this.setCamera({ ...camera, x: camera.x + delta.x, y: camera.y + delta.y });
  }

  /** The current tool's state machine. */
  get tool(): Tool {
    return this.tools[this.current.tool];
  }

  /** Whether a tool can be used here: drawing tools need their geometry enabled and adding allowed. */
  isToolEnabled(tool: ToolId): boolean {
    if (tool === 'select' || tool === 'pan') return true;
    return !this.readOnly && this.canAdd && this.params.geometries[tool] !== undefined;
  }

  /** Switches tool (dropping any shape half drawn); refused tools leave a notice. */
  setTool(tool: ToolId): void {
    if (!this.isToolEnabled(tool)) {
      this.notify(
        this.params.geometries[tool as GeometryKind] === undefined
          ? `This task does not use ${tool}s.`
          : 'This task allows no new annotations.',
      );
      return;
    }
    if (tool === this.current.tool) return;
    this.tool.onExit?.();
    // A drawing tool starts with nothing selected, so the label picker and number keys choose its label.
    const selectedIds = isDrawingTool(tool) ? [] : this.current.selectedIds;
    this.setState({
      tool,
      selectedIds,
      sketch: null,
      marquee: null,
      hoveredId: null,
      labelPath: [],
      notice: null,
    });
  }

  /**
   * The geometry kind whose labels the picker and number keys work on: the selection's (when all selected
   * annotations share a kind), else the drawing tool's.
   */
  labelKind(): GeometryKind | null {
    const selected = this.selectedRecords;
    if (selected.length > 0) {
      const kind = selected[0]?.annotation.type as GeometryKind;
      return selected.every((record) => record.annotation.type === kind) ? kind : null;
    }
    return isDrawingTool(this.current.tool) ? this.current.tool : null;
  }

  /**
   * Picks the `index`-th option (0-based) at the picker's current level: a group opens its sub-choices, a
   * label becomes the label of new shapes and of the selection. Returns whether there was such an option.
   */
  pickLabel(index: number): boolean {
    const kind = this.labelKind();
    if (!kind) return false;
    const options = labelOptions(this.params, kind);
    const entry = optionsAt(options, this.current.labelPath)[index];
    if (!entry) return false;
    if (entry.group) {
      this.setState({ labelPath: [...this.current.labelPath, entry.choice] });
      return true;
    }
    this.chooseLabel(kind, entry.choice);
    return true;
  }

  /** Makes `label` the label of new `kind` shapes and of the selected ones. */
  chooseLabel(kind: GeometryKind, label: string): void {
    this.setState({ labels: { ...this.current.labels, [kind]: label }, labelPath: [] });
    const ids = this.selectedRecords
      .filter((record) => record.annotation.type === kind)
      .map((record) => record.id);
    if (ids.length > 0) this.setLabel(ids, label);
  }

  /** Opens a group of the picker, or with `null` goes back to the top level. */
  setLabelPath(path: readonly string[]): void {
    this.setState({ labelPath: [...path] });
  }

  private toPointer(screen: Vec, event: PointerModifiers): PointerInfo {
    return {
      screen,
      point: screenToImage(this.current.camera, screen),
      button: event.button ?? 0,
      shift: event.shift ?? false,
      alt: event.alt ?? false,
      mod: event.mod ?? false,
    };
  }

  /** Starts a pan drag from a screen point; pointer moves pan until the release. */
  beginPan(screen: Vec): void {
    this.panFrom = screen;
    this.setState({ panning: true, hoveredId: null });
  }

  /** A press at a screen point (relative to the canvas). Middle button or Space+drag pans. */
  pointerDown(screen: Vec, modifiers: PointerModifiers = {}): void {
    const info = this.toPointer(screen, modifiers);
    if (info.button === 1 || this.current.tool === 'pan' || (info.button === 0 && this.current.spaceHeld)) {
      this.beginPan(screen);
      return;
    }
    if (info.button !== 0) return;
    if (this.current.notice) this.notify(null);
    this.tool.onPointerDown?.(info);
  }

  /** Pointer motion at a screen point. */
  pointerMove(screen: Vec, modifiers: PointerModifiers = {}): void {
    if (this.panFrom) {
      this.panBy({ x: screen.x - this.panFrom.x, y: screen.y - this.panFrom.y });
      this.panFrom = screen;
      return;
    }
    this.tool.onPointerMove?.(this.toPointer(screen, modifiers));
  }

  /** A release at a screen point. */
  pointerUp(screen: Vec, modifiers: PointerModifiers = {}): void {
    if (this.panFrom) {
      this.panFrom = null;
      this.setState({ panning: false });
      return;
    }
    this.tool.onPointerUp?.(this.toPointer(screen, modifiers));
  }

  /** A double click at a screen point. */
  doubleClick(screen: Vec, modifiers: PointerModifiers = {}): void {
    this.tool.onDoubleClick?.(this.toPointer(screen, modifiers));
  }

  /** A wheel turn at a screen point: zooms about it (`deltaY` in pixels; negative zooms in). */
  wheel(screen: Vec, deltaY: number): void {
    this.zoomBy(Math.exp(-deltaY * 0.0015), screen);
  }

  /** Releases a key (Space ends the pan mode). */
  keyUp(key: string): void {
    if (key === ' ' && this.current.spaceHeld) this.setState({ spaceHeld: false });
  }

  /**
   * Handles a key press; returns whether the editor used it (the caller then prevents the default). Keys
   * the labeling loop reserves (Ctrl/Cmd+Enter, Ctrl/Cmd+Shift+S, ?, Ctrl/Cmd+I) are never used.
   */
  keyDown(info: KeyInfo): boolean {
    const { key, mod, shift, alt } = info;
    const lower = key.toLowerCase();
    if ((mod && (key === 'Enter' || lower === 'i' || (shift && lower === 's'))) || key === '?') return false;
    if (key === ' ') {
      if (!this.current.spaceHeld) this.setState({ spaceHeld: true });
      return true;
    }
    if (this.tool.onKeyDown?.(info)) return true;
    if (mod && lower === 'z') {
      if (shift) this.redo();
      else this.undo();
      return true;
    }
    if (mod && lower === 'y') {
      this.redo();
      return true;
    }
    if (mod && lower === 'a') {
      this.select(this.records.filter((record) => this.isPickable(record)).map((record) => record.id));
      return true;
    }
    if (mod || alt) return false;
    if (key === 'Escape') return this.escape();
    if (/^[1-9]$/.test(key)) return this.pickLabel(Number(key) - 1);
    if (key === 'Delete' || key === 'Backspace') {
      if (this.current.selectedIds.length === 0) return false;
      this.deleteSelected();
      return true;
    }
    if (key === 'Tab') {
      this.cycleSelection(shift ? -1 : 1);
      return true;
    }
    if (key.startsWith('Arrow')) {
      if (this.current.selectedIds.length === 0) return false;
      const step = shift ? 10 : 1;
      const delta = {
        ArrowLeft: { x: -step, y: 0 },
        ArrowRight: { x: step, y: 0 },
        ArrowUp: { x: 0, y: -step },
        ArrowDown: { x: 0, y: step },
      }[key];
      if (!delta) return false;
      this.nudgeSelected(delta);
      return true;
    }
    if (key === '+' || key === '=') {
      this.zoomIn();
      return true;
    }
    if (key === '-' || key === '_') {
      this.zoomOut();
      return true;
    }
    if (key === '0' || lower === 'f') {
      this.fit();
      return true;
    }
    if (lower === 'l' && shift) {
      this.toggleLockedSelected();
      return true;
    }
    if (lower === 'h') {
      if (shift) {
        this.setHidden(
          this.records.filter((record) => record.hidden).map((record) => record.id),
          false,
        );
      } else this.toggleHiddenSelected();
      return true;
    }
    const tool = TOOL_KEYS[lower];
    if (tool && !shift) {
      this.setTool(tool);
      return true;
    }
    return false;
  }

  /** Esc: cancels what is in progress, else closes the picker's group, else clears the selection. */
  escape(): boolean {
    if (this.tool.onCancel?.()) return true;
    if (this.current.labelPath.length > 0) {
      this.setState({ labelPath: this.current.labelPath.slice(0, -1) });
      return true;
    }
    if (this.current.selectedIds.length > 0) {
      this.select([]);
      return true;
    }
    return false;
  }
}

/** Modifier state of a pointer event. */
export interface PointerModifiers {
  /** 0 primary, 1 middle, 2 secondary (default 0). */
  button?: number;
  /** Shift held. */
  shift?: boolean;
  /** Alt held. */
  alt?: boolean;
  /** Ctrl or Cmd held. */
  mod?: boolean;
}
