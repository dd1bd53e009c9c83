/** Plane geometry in image pixels (origin top-left), for comparing annotations. */

/** A point in pixels. */
export interface Point {
  /** Pixels from the left edge. */
  x: number;
  /** Pixels from the top edge. */
  y: number;
}

/** An axis-aligned rectangle given by its extreme coordinates. */
export interface Bounds {
  /** Smallest x. */
  minX: number;
  /** Smallest y. */
  minY: number;
  /** Largest x. */
  maxX: number;
  /** Largest y. */
  maxY: number;
}

/** The smallest axis-aligned rectangle containing `points` (which must be non-empty). */
export function boundsOfPoints(points: readonly Point[]): Bounds {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const { x, y } of points) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return { minX, minY, maxX, maxY };
}

/** `bounds` grown by `margin` pixels on every side. */
export function expandBounds(bounds: Bounds, margin: number): Bounds {
  return {
    minX: bounds.minX - margin,
    minY: bounds.minY - margin,
    maxX: bounds.maxX + margin,
    maxY: bounds.maxY + margin,
  };
}

function area(bounds: Bounds): number {
  return Math.max(0, bounds.maxX - bounds.minX) * Math.max(0, bounds.maxY - bounds.minY);
}

/**
 * Intersection over union of two rectangles, in [0, 1]. Two identical rectangles score 1 even when they have
 * no area (a zero-width box drawn twice in the same place).
 */
export function boundsIou(a: Bounds, b: Bounds): number {
  if (a.minX === b.minX && a.minY === b.minY && a.maxX === b.maxX && a.maxY === b.maxY) return 1;
  const intersection = area({
    minX: Math.max(a.minX, b.minX),
    minY: Math.max(a.minY, b.minY),
    maxX: Math.min(a.maxX, b.maxX),
    maxY: Math.min(a.maxY, b.maxY),
  });
  const union = area(a) + area(b) - intersection;
  return union <= 0 ? 0 : Math.min(1, intersection / union);
}

/** Euclidean distance between two points. */
export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
