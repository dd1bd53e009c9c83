/**
 * The editor benchmark's data: imageannotation tasks on a 4000×3000 image whose pre-labels
 * (`base_annotations`) are 2,000 boxes and 200 polygons, generated from a seed so every run draws the
 * same scene. One box, the target, sits alone in a clear area so that a click on its middle selects it and
 * a drag of it by {@link TARGET_DRAG} stays clear of every other shape.
 */
import { mulberry32 } from '@groundwork/domain';

/** The image size in pixels. */
export const IMAGE = { width: 4000, height: 3000 } as const;

/** Labels of boxes (the project's `geometries.box.objects_to_annotate`). */
export const BOX_LABELS = ['car', 'truck', 'bus', 'person', 'bicycle', 'motorcycle', 'traffic light', 'sign'];
/** Labels of polygons. */
export const POLYGON_LABELS = ['road', 'sidewalk', 'building', 'vegetation'];

/** The box the select-and-drag trials click and drag (image pixels). */
export const TARGET = { uuid: 'bench-target', left: 1700, top: 1200, width: 400, height: 400 } as const;

/** How far (image pixels, to the right) each drag trial moves the target; the next trial moves it back. */
export const TARGET_DRAG = 700;

/** The area no other shape touches: the target where it starts and where a drag takes it, plus a margin. */
export const CLEAR_AREA = {
  minX: TARGET.left - 150,
  minY: TARGET.top - 150,
  maxX: TARGET.left + TARGET.width + TARGET_DRAG + 150,
  maxY: TARGET.top + TARGET.height + 150,
} as const;

/** An image point. */
export interface Vertex {
  x: number;
  y: number;
}

/** A pre-label box (as the domain's base annotation schema takes it). */
export interface BaseBox {
  type: 'box';
  uuid: string;
  label: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A pre-label polygon. */
export interface BasePolygon {
  type: 'polygon';
  uuid: string;
  label: string;
  vertices: Vertex[];
}

/** The scene's size. */
export interface SceneSize {
  boxes: number;
  polygons: number;
}

/** The benchmark's load: 2,000 boxes and 200 polygons. */
export const FULL_SCENE: SceneSize = { boxes: 2000, polygons: 200 };

/** The domain's seeded generator (mulberry32): the same seed gives the same scene. */
export const random = mulberry32;

function overlapsClearArea(minX: number, minY: number, maxX: number, maxY: number): boolean {
  return (
    maxX >= CLEAR_AREA.minX && minX <= CLEAR_AREA.maxX && maxY >= CLEAR_AREA.minY && minY <= CLEAR_AREA.maxY
  );
}

const whole = (value: number) => Math.round(value * 10) / 10;

/**
 * The pre-labels of one task: the target box first, then `size.boxes − 1` boxes of 16–160 px and
 * `size.polygons` star-shaped polygons of 8–16 vertices (angles in order, so never self-intersecting),
 * all inside the image and outside {@link CLEAR_AREA}.
 */
export function sceneAnnotations(seed: number, size: SceneSize = FULL_SCENE): Array<BaseBox | BasePolygon> {
  const next = random(seed);
  const between = (low: number, high: number) => low + next() * (high - low);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const annotations: Array<BaseBox | BasePolygon> = [{ type: 'box', label: 'car', ...TARGET }];
  while (annotations.length < size.boxes) {
    const width = between(16, 160);
    const height = between(16, 160);
    const left = between(0, IMAGE.width - width);
    const top = between(0, IMAGE.height - height);
    if (overlapsClearArea(left, top, left + width, top + height)) continue;
    annotations.push({
      type: 'box',
      uuid: `box-${annotations.length}`,
      label: pick(BOX_LABELS),
      left: whole(left),
      top: whole(top),
      width: whole(width),
      height: whole(height),
    });
  }
  let polygons = 0;
  while (polygons < size.polygons) {
    const radius = between(30, 140);
    const cx = between(radius, IMAGE.width - radius);
    const cy = between(radius, IMAGE.height - radius);
    if (overlapsClearArea(cx - radius, cy - radius, cx + radius, cy + radius)) continue;
    const count = 8 + Math.floor(next() * 9);
    const vertices: Vertex[] = [];
    for (let i = 0; i < count; i++) {
      const angle = ((i + between(0.1, 0.9)) / count) * 2 * Math.PI;
      const r = radius * between(0.45, 1);
      vertices.push({ x: whole(cx + r * Math.cos(angle)), y: whole(cy + r * Math.sin(angle)) });
    }
    polygons += 1;
    annotations.push({ type: 'polygon', uuid: `polygon-${polygons}`, label: pick(POLYGON_LABELS), vertices });
  }
  return annotations;
}

/** The geometries every task offers: boxes and polygons with their labels. */
export function geometries(): Record<string, unknown> {
  return {
    box: { objects_to_annotate: BOX_LABELS },
    polygon: { objects_to_annotate: POLYGON_LABELS, min_vertices: 3 },
  };
}

/** One task line of the NDJSON import: the image and the scene drawn from `seed`. */
export function taskLine(
  attachment: string,
  seed: number,
  size: SceneSize = FULL_SCENE,
): Record<string, unknown> {
  return {
    attachment,
    attachment_type: 'image',
    geometries: geometries(),
    unique_id: `editor-bench-${seed}`,
    base_annotations: { annotations: sceneAnnotations(seed, size) },
  };
}
