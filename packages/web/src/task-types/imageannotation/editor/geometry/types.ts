import type { ImageAnnotation } from '@groundwork/domain';
import type { Bounds, Vec } from './math.ts';

/** Any annotation of one geometry kind, as the answer carries it. */
export type AnnotationOf<K extends ImageAnnotation['type']> = Extract<ImageAnnotation, { type: K }>;

/** What a handle does when dragged. */
export type HandleKind = 'corner' | 'edge' | 'rotate' | 'vertex' | 'axis';

/** A draggable point on a selected annotation, in image pixels. */
export interface Handle {
  /** Stable within the annotation: `tl`, `r`, `rotate`, `v3`, `axis1`. */
  id: string;
  /** What dragging it does. */
  kind: HandleKind;
  /** Pixels from the left edge. */
  x: number;
  /** Pixels from the top edge. */
  y: number;
}

/** Params-derived rules the geometry utils need. */
export interface ShapeRules {
  /** Coordinates must be whole pixels (`integer_pixels`). */
  integerPixels: boolean;
  /** Boxes may be rotated (`can_rotate`). */
  canRotate: boolean;
}

/**
 * The math of one geometry kind, on the answer's own shape (so an untouched annotation round-trips exactly).
 * Sizes given in screen pixels reach these functions already divided by the zoom (`perPixel`).
 */
export interface GeometryUtil<A extends ImageAnnotation> {
  /** Axis-aligned bounding rectangle. */
  bounds(annotation: A): Bounds;
  /** Whether `p` is on or inside the annotation, within `tolerance` image px. */
  hitTest(annotation: A, p: Vec, tolerance: number): boolean;
  /** Handles shown when selected; `perPixel` is image px per screen px (places the rotate handle). */
  handles(annotation: A, rules: ShapeRules, perPixel: number): Handle[];
  /** The annotation moved by `delta`. */
  move(annotation: A, delta: Vec, rules: ShapeRules): A;
  /** The annotation with handle `handleId` dragged to `p` (resize, rotate, or move a vertex). */
  dragHandle(annotation: A, handleId: string, p: Vec, rules: ShapeRules, options: DragOptions): A;
  /** Whether its geometry can be edited in this editor at all (cuboids are shown, not edited). */
  editable: boolean;
  /** Area in image px² (0 for points and lines), used to prefer the smallest of overlapping annotations. */
  area(annotation: A): number;
}

/** Modifiers of a handle drag. */
export interface DragOptions {
  /** Shift held: keep the aspect ratio, or snap rotation to 15°. */
  shift: boolean;
}
