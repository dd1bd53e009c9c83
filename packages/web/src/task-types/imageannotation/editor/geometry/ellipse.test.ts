import { describe, expect, it } from 'vitest';
import { type EllipseAnnotation, ellipseFrame, ellipseFromCorners, ellipseUtil } from './ellipse.ts';

const rules = { integerPixels: false, canRotate: false };
const blank = { x: 0, y: 0 };
const base: EllipseAnnotation = { type: 'ellipse', label: 'wheel', vertices: [blank, blank, blank, blank] };

describe('ellipse geometry', () => {
  const wheel = ellipseFromCorners(base, { x: 0, y: 0 }, { x: 40, y: 20 }, rules);

  it('answers with the four extremal points: top, right, bottom, left', () => {
    expect(wheel.vertices).toEqual([
      { x: 20, y: 0 },
      { x: 40, y: 10 },
      { x: 20, y: 20 },
      { x: 0, y: 10 },
    ]);
    expect(ellipseFrame(wheel)).toEqual({ cx: 20, cy: 10, rx: 20, ry: 10, rotation: 0 });
  });

  it('moves an axis end along its axis, keeping the opposite end', () => {
    const wider = ellipseUtil.dragHandle(wheel, 'axis1', { x: 60, y: 30 }, rules, { shift: false });
    expect(ellipseFrame(wider)).toMatchObject({ cx: 30, cy: 10, rx: 30, ry: 10 });
    const taller = ellipseUtil.dragHandle(wheel, 'axis0', { x: 0, y: -10 }, rules, { shift: false });
    expect(ellipseFrame(taller)).toMatchObject({ cx: 20, cy: 5, rx: 20, ry: 15 });
  });

  it('reads a rotated ellipse from its axis ends', () => {
    const rotated: EllipseAnnotation = {
      ...base,
      vertices: [
        { x: 10, y: 0 },
        { x: 20, y: 20 },
        { x: 0, y: 20 },
        { x: 0, y: 0 },
      ],
    };
    const frame = ellipseFrame(rotated);
    expect(frame.rotation).toBeCloseTo(Math.atan2(20, 20));
    const bounds = ellipseUtil.bounds(rotated);
    expect(bounds.minX).toBeLessThan(bounds.maxX);
  });

  it('hits inside and not outside', () => {
    expect(ellipseUtil.hitTest(wheel, { x: 20, y: 10 }, 0)).toBe(true);
    expect(ellipseUtil.hitTest(wheel, { x: 1, y: 1 }, 0)).toBe(false);
    expect(ellipseUtil.hitTest(wheel, { x: 41, y: 10 }, 2)).toBe(true);
  });
});
