/**
 * Draws annotations on a 2D canvas context already transformed to image pixels (the Konva layer applies the
 * camera). Thousands of annotations stay cheap because they are grouped by colour once per change and each
 * group is one path filled and stroked once; annotations outside the view are skipped, and label names are
 * drawn only where a shape is large enough on screen for them to be read.
 */
import type { ImageAnnotation } from '@groundwork/domain';
import type { AnnotationRecord } from '../draft.ts';
import type { Sketch } from '../editor/editor.ts';
import { type BoxAnnotation, boxCorners } from '../editor/geometry/box.ts';
import { CUBOID_EDGES } from '../editor/geometry/cuboid.ts';
import { ellipseFrame } from '../editor/geometry/ellipse.ts';
import { annotationBounds } from '../editor/geometry/index.ts';
import { type Bounds, boundsIntersect, type Vec } from '../editor/geometry/math.ts';
import { POINT_RADIUS } from '../editor/geometry/point.ts';
import type { Handle } from '../editor/geometry/types.ts';

/** How each annotation looks. */
export interface SceneStyle {
  /** Outline colour. */
  colorOf(record: AnnotationRecord): string;
  /** Dashed outline (locked, or a label the task does not offer). */
  dashedOf(record: AnnotationRecord): boolean;
  /** Text drawn beside it, or null. */
  labelOf(record: AnnotationRecord): string | null;
  /**
   * Outline width as a multiple of the normal width (1 when absent): the viewer draws the final answer
   * thicker than the annotators' answers under it.
   */
  widthOf?(record: AnnotationRecord): number;
  /** Pairs of point labels joined by a line (`geometries.point.connections`), a keypoint skeleton. */
  connections?: readonly (readonly [string, string])[] | undefined;
}

/** Annotations of one colour and dash, drawn as one path. */
export interface SceneGroup {
  /** Outline colour. */
  color: string;
  /** Dashed outline. */
  dashed: boolean;
  /** Outline width, a multiple of the normal width. */
  width: number;
  /** The annotations. */
  records: AnnotationRecord[];
}

/** Groups the visible records not in `exclude` by look, keeping drawing order within each group. */
export function groupScene(
  records: readonly AnnotationRecord[],
  exclude: ReadonlySet<string>,
  style: SceneStyle,
): SceneGroup[] {
  const groups = new Map<string, SceneGroup>();
  for (const record of records) {
    if (record.hidden || exclude.has(record.id)) continue;
    const color = style.colorOf(record);
    const dashed = style.dashedOf(record);
    const width = style.widthOf?.(record) ?? 1;
    const key = `${color}|${dashed}|${width}`;
    let group = groups.get(key);
    if (!group) {
      group = { color, dashed, width, records: [] };
      groups.set(key, group);
    }
    group.records.push(record);
  }
  return [...groups.values()];
}

/** Adds the outline of an annotation to the current path. Points are circles of `radius`. */
export function traceAnnotation(
  ctx: CanvasRenderingContext2D,
  annotation: ImageAnnotation,
  radius: number,
): void {
  switch (annotation.type) {
    case 'box': {
      if (!annotation.rotation) {
        ctx.rect(annotation.left, annotation.top, annotation.width, annotation.height);
        return;
      }
      tracePolyline(ctx, boxCorners(annotation), true);
      return;
    }
    case 'polygon':
      tracePolyline(ctx, annotation.vertices, true);
      return;
    case 'line':
      tracePolyline(ctx, annotation.vertices, false);
      return;
    case 'ellipse': {
      const { cx, cy, rx, ry, rotation } = ellipseFrame(annotation);
      ctx.moveTo(cx + rx * Math.cos(rotation), cy + rx * Math.sin(rotation));
      ctx.ellipse(cx, cy, Math.max(rx, 0), Math.max(ry, 0), rotation, 0, 2 * Math.PI);
      return;
    }
    case 'point':
      ctx.moveTo(annotation.x + radius, annotation.y);
      ctx.arc(annotation.x, annotation.y, radius, 0, 2 * Math.PI);
      return;
    case 'cuboid': {
      const corner = new Map(annotation.vertices.map((v) => [v.description as string, v]));
      for (const [from, to] of CUBOID_EDGES) {
        const a = corner.get(from);
        const b = corner.get(to);
        if (!a || !b) continue;
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(b.x, b.y);
      }
      return;
    }
  }
}

function tracePolyline(ctx: CanvasRenderingContext2D, vertices: readonly Vec[], closed: boolean): void {
  const first = vertices[0];
  if (!first) return;
  ctx.moveTo(first.x, first.y);
  for (let i = 1; i < vertices.length; i += 1) {
    const v = vertices[i] as Vec;
    ctx.lineTo(v.x, v.y);
  }
  if (closed) ctx.closePath();
}

function isFilled(annotation: ImageAnnotation): boolean {
  return annotation.type === 'box' || annotation.type === 'polygon' || annotation.type === 'ellipse';
}

/** Screen pixels a shape must span before its label name is drawn. */
const LABEL_MIN_WIDTH = 44;
/** Most label names drawn per frame (text is the slowest thing to draw). */
const LABEL_LIMIT = 300;
/** Label text size in screen pixels. */
const LABEL_FONT_SIZE = 11;
/** Outline width in screen pixels. */
const LINE_WIDTH = 1.5;

/** Draws the groups that meet `view` (image pixels) at `zoom`. */
export function paintScene(
  ctx: CanvasRenderingContext2D,
  groups: readonly SceneGroup[],
  view: Bounds,
  zoom: number,
  style: SceneStyle,
): void {
  const perPixel = 1 / zoom;
  const radius = POINT_RADIUS * perPixel;
  const labels: { record: AnnotationRecord; bounds: Bounds; color: string }[] = [];
  ctx.lineJoin = 'round';
  for (const group of groups) {
    const lineWidth = LINE_WIDTH * group.width * perPixel;
    ctx.lineWidth = lineWidth;
    ctx.strokeStyle = group.color;
    ctx.fillStyle = group.color;
    ctx.setLineDash(group.dashed ? [6 * perPixel, 4 * perPixel] : []);
    const open: ImageAnnotation[] = [];
    const points: ImageAnnotation[] = [];
    const rects: BoxAnnotation[] = [];
    ctx.beginPath();
    for (const record of group.records) {
      const annotation = record.annotation;
      const bounds = annotationBounds(annotation);
      if (!boundsIntersect(bounds, view)) continue;
      if (annotation.type === 'point') points.push(annotation);
      // Unrotated boxes, the bulk of large scenes, go through fillRect/strokeRect: several times cheaper to
      // rasterise than the same rectangles as one path.
      else if (annotation.type === 'box' && !annotation.rotation) rects.push(annotation);
      else if (isFilled(annotation)) traceAnnotation(ctx, annotation, radius);
      else open.push(annotation);
      if (
        labels.length < LABEL_LIMIT &&
        (annotation.type === 'point' || (bounds.maxX - bounds.minX) * zoom >= LABEL_MIN_WIDTH)
      ) {
        labels.push({ record, bounds, color: group.color });
      }
    }
    ctx.globalAlpha = 0.14;
    ctx.fill();
    for (const box of rects) ctx.fillRect(box.left, box.top, box.width, box.height);
    ctx.globalAlpha = 1;
    ctx.stroke();
    for (const box of rects) ctx.strokeRect(box.left, box.top, box.width, box.height);
    if (open.length > 0) {
      ctx.beginPath();
      for (const annotation of open) traceAnnotation(ctx, annotation, radius);
      ctx.stroke();
    }
    if (points.length > 0) {
      ctx.beginPath();
      for (const annotation of points) traceAnnotation(ctx, annotation, radius);
      ctx.fill();
      ctx.setLineDash([]);
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = perPixel;
      ctx.stroke();
    }
  }
  ctx.setLineDash([]);
  if (style.connections && style.connections.length > 0)
    paintConnections(ctx, groups, style.connections, perPixel);
  paintLabels(ctx, labels, zoom, style);
}

/** Joins each point of the first label of a pair to the nearest point of the second. */
function paintConnections(
  ctx: CanvasRenderingContext2D,
  groups: readonly SceneGroup[],
  connections: readonly (readonly [string, string])[],
  perPixel: number,
): void {
  const byLabel = new Map<string, Vec[]>();
  for (const group of groups) {
    for (const { annotation } of group.records) {
      if (annotation.type !== 'point') continue;
      const list = byLabel.get(annotation.label) ?? [];
      list.push(annotation);
      byLabel.set(annotation.label, list);
    }
  }
  ctx.beginPath();
  for (const [from, to] of connections) {
    const targets = byLabel.get(to) ?? [];
    for (const a of byLabel.get(from) ?? []) {
      let nearest: Vec | null = null;
      let best = Number.POSITIVE_INFINITY;
      for (const b of targets) {
        const d = (a.x - b.x) ** 2 + (a.y - b.y) ** 2;
        if (d < best) {
          best = d;
          nearest = b;
        }
      }
      if (!nearest) continue;
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(nearest.x, nearest.y);
    }
  }
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.lineWidth = 1.5 * perPixel;
  ctx.stroke();
}

function paintLabels(
  ctx: CanvasRenderingContext2D,
  labels: readonly { record: AnnotationRecord; bounds: Bounds; color: string }[],
  zoom: number,
  style: SceneStyle,
): void {
  if (labels.length === 0) return;
  const perPixel = 1 / zoom;
  const size = LABEL_FONT_SIZE * perPixel;
  ctx.font = `600 ${size}px system-ui, sans-serif`;
  ctx.textBaseline = 'bottom';
  for (const { record, bounds, color } of labels) {
    const text = style.labelOf(record);
    if (!text) continue;
    // Text widths are estimated, not measured: measuring every label each frame costs more than drawing it.
    const textWidth = text.length * size * 0.62 + 6 * perPixel;
    const isPoint = bounds.maxX === bounds.minX && bounds.maxY === bounds.minY;
    const width = isPoint ? textWidth : Math.min(textWidth, (bounds.maxX - bounds.minX) * 1.5);
    const height = size + 4 * perPixel;
    // A point's name sits to its upper right, clear of the dot; other shapes carry it on their top-left corner.
    const x = isPoint ? bounds.minX + (POINT_RADIUS + 2) * perPixel : bounds.minX;
    const y = isPoint ? bounds.minY - (POINT_RADIUS - 2) * perPixel : bounds.minY;
    ctx.fillStyle = color;
    ctx.fillRect(x, y - height, width, height);
    ctx.fillStyle = '#ffffff';
    ctx.fillText(text, x + 3 * perPixel, y - 2 * perPixel, width - 6 * perPixel);
  }
}

/** What the overlay layer shows above the scene. */
export interface OverlayContent {
  /** Selected records (drawn highlighted, with handles when `handles` is non-empty). */
  selected: readonly AnnotationRecord[];
  /** The record under the pointer. */
  hovered: AnnotationRecord | null;
  /** Handles of the single editable selection. */
  handles: readonly Handle[];
  /** The shape being drawn. */
  sketch: Sketch | null;
  /** The marquee rectangle. */
  marquee: Bounds | null;
  /** Colour of the shape being drawn. */
  sketchColor: string;
}

/** Draws the selection, hover, handles, the shape being drawn and the marquee. */
export function paintOverlay(
  ctx: CanvasRenderingContext2D,
  content: OverlayContent,
  zoom: number,
  style: SceneStyle,
): void {
  const perPixel = 1 / zoom;
  const radius = POINT_RADIUS * perPixel;
  ctx.lineJoin = 'round';
  if (content.hovered && !content.selected.includes(content.hovered)) {
    ctx.beginPath();
    traceAnnotation(ctx, content.hovered.annotation, radius);
    ctx.strokeStyle = style.colorOf(content.hovered);
    ctx.lineWidth = 3 * perPixel;
    ctx.stroke();
  }
  for (const record of content.selected) {
    if (record.hidden) continue;
    const color = style.colorOf(record);
    ctx.beginPath();
    traceAnnotation(ctx, record.annotation, radius * 1.2);
    ctx.fillStyle = color;
    ctx.globalAlpha = record.annotation.type === 'point' ? 1 : 0.26;
    if (record.annotation.type !== 'line' && record.annotation.type !== 'cuboid') ctx.fill();
    ctx.globalAlpha = 1;
    // A white halo under the coloured outline keeps the selection visible on any image.
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 4.5 * perPixel;
    ctx.stroke();
    ctx.strokeStyle = color;
    ctx.lineWidth = 2.25 * perPixel;
    ctx.setLineDash(style.dashedOf(record) ? [6 * perPixel, 4 * perPixel] : []);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  const single = content.selected.length === 1 ? content.selected[0] : undefined;
  if (single && content.handles.length > 0) paintHandles(ctx, single, content.handles, perPixel, style);
  if (content.sketch) paintSketch(ctx, content.sketch, content.sketchColor, perPixel);
  if (content.marquee) {
    const { minX, minY, maxX, maxY } = content.marquee;
    ctx.beginPath();
    ctx.rect(minX, minY, maxX - minX, maxY - minY);
    ctx.fillStyle = 'rgba(21, 94, 75, 0.08)';
    ctx.fill();
    ctx.strokeStyle = '#155e4b';
    ctx.lineWidth = perPixel;
    ctx.setLineDash([4 * perPixel, 3 * perPixel]);
    ctx.stroke();
    ctx.setLineDash([]);
  }
}

function paintHandles(
  ctx: CanvasRenderingContext2D,
  record: AnnotationRecord,
  handles: readonly Handle[],
  perPixel: number,
  style: SceneStyle,
): void {
  const color = style.colorOf(record);
  const rotate = handles.find((handle) => handle.kind === 'rotate');
  if (rotate && record.annotation.type === 'box') {
    const [topLeft, topRight] = boxCorners(record.annotation);
    ctx.beginPath();
    ctx.moveTo((topLeft.x + topRight.x) / 2, (topLeft.y + topRight.y) / 2);
    ctx.lineTo(rotate.x, rotate.y);
    ctx.strokeStyle = color;
    ctx.lineWidth = perPixel;
    ctx.stroke();
  }
  const size = 7 * perPixel;
  for (const handle of handles) {
    ctx.beginPath();
    if (handle.kind === 'corner' || handle.kind === 'edge') {
      ctx.rect(handle.x - size / 2, handle.y - size / 2, size, size);
    } else {
      const r = handle.kind === 'rotate' ? size * 0.6 : size / 2;
      ctx.moveTo(handle.x + r, handle.y);
      ctx.arc(handle.x, handle.y, r, 0, 2 * Math.PI);
    }
    ctx.fillStyle = handle.kind === 'rotate' ? color : '#ffffff';
    ctx.fill();
    ctx.strokeStyle = handle.kind === 'rotate' ? '#ffffff' : color;
    ctx.lineWidth = 1.5 * perPixel;
    ctx.stroke();
  }
}

function paintSketch(ctx: CanvasRenderingContext2D, sketch: Sketch, color: string, perPixel: number): void {
  const annotation = sketch.annotation;
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 2 * perPixel;
  if (annotation.type === 'polygon' || annotation.type === 'line') {
    const vertices = annotation.vertices;
    ctx.beginPath();
    tracePolyline(ctx, vertices, false);
    ctx.stroke();
    const last = vertices.at(-1);
    if (sketch.cursor && last) {
      ctx.beginPath();
      ctx.moveTo(last.x, last.y);
      ctx.lineTo(sketch.cursor.x, sketch.cursor.y);
      if (annotation.type === 'polygon' && vertices[0] && vertices.length > 1) {
        ctx.lineTo(vertices[0].x, vertices[0].y);
      }
      ctx.setLineDash([5 * perPixel, 4 * perPixel]);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    vertices.forEach((vertex, index) => {
      const r = (index === 0 && sketch.closing ? 7 : 4) * perPixel;
      ctx.beginPath();
      ctx.arc(vertex.x, vertex.y, r, 0, 2 * Math.PI);
      ctx.fillStyle = index === 0 && sketch.closing ? color : '#ffffff';
      ctx.fill();
      ctx.stroke();
    });
    return;
  }
  ctx.beginPath();
  traceAnnotation(ctx, annotation, POINT_RADIUS * perPixel);
  ctx.globalAlpha = 0.18;
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.setLineDash([5 * perPixel, 4 * perPixel]);
  ctx.stroke();
  ctx.setLineDash([]);
}
