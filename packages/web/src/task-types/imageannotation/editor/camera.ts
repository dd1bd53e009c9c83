/**
 * The camera: how image pixels map to screen pixels (`screen = image × zoom + (x, y)`). Only the renderer
 * and the pointer entry points convert; everything else works in image pixels.
 */
import type { Bounds, Vec } from './geometry/math.ts';

/** Where the image sits on screen. */
export interface Camera {
  /** Screen x of the image origin. */
  x: number;
  /** Screen y of the image origin. */
  y: number;
  /** Screen pixels per image pixel. */
  zoom: number;
}

/** A size in pixels. */
export interface Size {
  /** Width. */
  width: number;
  /** Height. */
  height: number;
}

/** Smallest zoom (a 4000 px image fits in 80 px). */
export const MIN_ZOOM = 0.02;
/** Largest zoom (one image pixel covers 40 screen pixels). */
export const MAX_ZOOM = 40;
/** Zoom factor of one zoom-in/out step (keys and buttons). */
export const ZOOM_STEP = 1.25;
/** Screen pixels kept free around the image when fitting. */
export const FIT_MARGIN = 16;

/** The image point under a screen point. */
export function screenToImage(camera: Camera, p: Vec): Vec {
  return { x: (p.x - camera.x) / camera.zoom, y: (p.y - camera.y) / camera.zoom };
}

/** The screen point of an image point. */
export function imageToScreen(camera: Camera, p: Vec): Vec {
  return { x: p.x * camera.zoom + camera.x, y: p.y * camera.zoom + camera.y };
}

/** Keeps a zoom within {@link MIN_ZOOM}–{@link MAX_ZOOM}. */
export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** The camera zoomed to `zoom`, keeping the image point under `screenPoint` where it is. */
export function zoomAbout(camera: Camera, screenPoint: Vec, zoom: number): Camera {
  const next = clampZoom(zoom);
  const anchor = screenToImage(camera, screenPoint);
  return { x: screenPoint.x - anchor.x * next, y: screenPoint.y - anchor.y * next, zoom: next };
}

/** The camera that shows `content` whole and centred in `viewport`. */
export function fitCamera(viewport: Size, content: Bounds): Camera {
  const width = Math.max(1, content.maxX - content.minX);
  const height = Math.max(1, content.maxY - content.minY);
  const zoom = clampZoom(
    Math.min(
      Math.max(1, viewport.width - 2 * FIT_MARGIN) / width,
      Math.max(1, viewport.height - 2 * FIT_MARGIN) / height,
    ),
  );
  return {
    zoom,
    x: (viewport.width - width * zoom) / 2 - content.minX * zoom,
    y: (viewport.height - height * zoom) / 2 - content.minY * zoom,
  };
}
