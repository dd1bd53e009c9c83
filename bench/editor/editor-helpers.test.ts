import { checkResponse, imageannotationTaskType, parseTaskParams } from '@groundwork/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { treeSeconds } from './process-cpu.ts';
import { CLEAR_AREA, IMAGE, sceneAnnotations, TARGET, TARGET_DRAG, taskLine } from './scene.ts';
import { median, percentile, summarizeFrames } from './stats.ts';

describe('percentile', () => {
  it('takes the nearest rank of unsorted samples', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });

  it('is a sample with at least p% of the samples at or below it and fewer below it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1 }),
        fc.integer({ min: 1, max: 100 }),
        (values, p) => {
          const q = percentile(values, p);
          expect(values).toContain(q);
          expect(values.filter((v) => v <= q).length / values.length).toBeGreaterThanOrEqual(p / 100);
          expect(values.filter((v) => v < q).length / values.length).toBeLessThan(p / 100);
        },
      ),
    );
  });
});

describe('median', () => {
  it('averages the two middle samples of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('summarizeFrames', () => {
  it('reports the median, the 95th percentile and the average rate', () => {
    const intervals = [...Array.from({ length: 19 }, () => 16), 100];
    const summary = summarizeFrames(intervals);
    expect(summary).toMatchObject({ frames: 20, medianMs: 16, p95Ms: 16 });
    expect(summary.fps).toBeCloseTo((20 * 1000) / (19 * 16 + 100), 6);
    expect(summarizeFrames([...intervals, 100]).p95Ms).toBe(100);
  });
});

describe('sceneAnnotations', () => {
  const scene = sceneAnnotations(7);

  it('holds 2,000 boxes and 200 polygons of 8–16 vertices, all inside the image', () => {
    expect(scene.filter((a) => a.type === 'box')).toHaveLength(2000);
    const polygons = scene.filter((a) => a.type === 'polygon');
    expect(polygons).toHaveLength(200);
    for (const polygon of polygons) {
      expect(polygon.vertices.length).toBeGreaterThanOrEqual(8);
      expect(polygon.vertices.length).toBeLessThanOrEqual(16);
    }
    for (const a of scene) {
      const xs = a.type === 'box' ? [a.left, a.left + a.width] : a.vertices.map((v) => v.x);
      const ys = a.type === 'box' ? [a.top, a.top + a.height] : a.vertices.map((v) => v.y);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...xs)).toBeLessThanOrEqual(IMAGE.width);
      expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...ys)).toBeLessThanOrEqual(IMAGE.height);
    }
  });

  it('keeps every shape but the target out of the area the target is dragged through', () => {
    expect(scene[0]).toMatchObject({ uuid: TARGET.uuid });
    expect(CLEAR_AREA.maxX).toBeGreaterThanOrEqual(TARGET.left + TARGET.width + TARGET_DRAG);
    for (const a of scene.slice(1)) {
      const xs = a.type === 'box' ? [a.left, a.left + a.width] : a.vertices.map((v) => v.x);
      const ys = a.type === 'box' ? [a.top, a.top + a.height] : a.vertices.map((v) => v.y);
      const apart =
        Math.max(...xs) < CLEAR_AREA.minX ||
        Math.min(...xs) > CLEAR_AREA.maxX ||
        Math.max(...ys) < CLEAR_AREA.minY ||
        Math.min(...ys) > CLEAR_AREA.maxY;
      expect(apart, a.uuid).toBe(true);
    }
  });

  it('is the same for the same seed and differs between seeds', () => {
    expect(sceneAnnotations(7)).toEqual(scene);
    expect(sceneAnnotations(8)).not.toEqual(scene);
  });

  it('makes params the domain accepts, whose pre-labels are a valid answer', () => {
    const parsed = parseTaskParams(imageannotationTaskType, taskLine('https://example.com/a.jpg', 7));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const response = { annotations: scene.map(({ uuid, label, ...rest }) => ({ uuid, label, ...rest })) };
    expect(checkResponse(imageannotationTaskType, parsed.params, response)).toMatchObject({ ok: true });
  });
});

describe('treeSeconds', () => {
  it('sums a process and all its descendants, and nothing else', () => {
    const table = new Map([
      [1, { ppid: 0, seconds: 100 }],
      [10, { ppid: 1, seconds: 1 }],
      [11, { ppid: 10, seconds: 2 }],
      [12, { ppid: 11, seconds: 4 }],
      [13, { ppid: 10, seconds: 8 }],
      [20, { ppid: 1, seconds: 16 }],
    ]);
    expect(treeSeconds(table, 10)).toBe(15);
    expect(treeSeconds(table, 12)).toBe(4);
    expect(treeSeconds(table, 99)).toBe(0);
  });
});
