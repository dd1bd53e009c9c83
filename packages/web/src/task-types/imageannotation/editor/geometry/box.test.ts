import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BoxAnnotation, boxCorners, boxFrame, boxFromFrame, boxUtil, rotateBox } from './box.ts';

const free = { integerPixels: false, canRotate: true };
const plain: BoxAnnotation = { type: 'box', label: 'car', left: 10, top: 20, width: 100, height: 50 };

describe('box geometry', () => {
  it('keeps an unrotated box in Scale’s plain shape', () => {
    const moved = boxUtil.move(plain, { x: 5, y: -5 }, free);
    expect(moved).toEqual({ type: 'box', label: 'car', left: 15, top: 15, width: 100, height: 50 });
  });

  it('adds rotation and the four corners once rotated, and drops them when turned back', () => {
    const turned = rotateBox(plain, Math.PI / 2, free);
    expect(turned.rotation).toBeCloseTo(Math.PI / 2);
    expect(turned.left).toBe(10);
    expect(turned.vertices).toHaveLength(4);
    // A quarter turn about the centre (60, 45): the top-left corner goes to the top-right of the turned box.
    expect(turned.vertices?.[0]?.x).toBeCloseTo(85);
    expect(turned.vertices?.[0]?.y).toBeCloseTo(-5);
    const back = rotateBox(turned, -Math.PI / 2, free);
    expect(back.rotation).toBeUndefined();
    expect(back.vertices).toBeUndefined();
  });

  it('never rotates when can_rotate is off', () => {
    expect(rotateBox(plain, 1, { integerPixels: false, canRotate: false })).toEqual(plain);
    expect(
      boxUtil.handles(plain, { integerPixels: false, canRotate: false }, 1).map((h) => h.id),
    ).not.toContain('rotate');
  });

  it('resizes from a corner keeping the opposite corner fixed', () => {
    const resized = boxUtil.dragHandle(plain, 'br', { x: 150, y: 100 }, free, { shift: false });
    expect(resized).toMatchObject({ left: 10, top: 20, width: 140, height: 80 });
  });

  it('resizes an edge along one axis only', () => {
    const resized = boxUtil.dragHandle(plain, 't', { x: 500, y: 0 }, free, { shift: false });
    expect(resized).toMatchObject({ left: 10, top: 0, width: 100, height: 70 });
  });

  it('flips when a corner is dragged past the opposite one', () => {
    const resized = boxUtil.dragHandle(plain, 'br', { x: 0, y: 0 }, free, { shift: false });
    expect(resized).toMatchObject({ left: 0, top: 0, width: 10, height: 20 });
  });

  it('keeps the aspect ratio with Shift', () => {
    const resized = boxUtil.dragHandle(plain, 'br', { x: 310, y: 30 }, free, { shift: true });
    expect(resized.width / resized.height).toBeCloseTo(2);
    expect(resized.width).toBeCloseTo(300);
  });

  it('resizes a rotated box in its own axes', () => {
    const turned = rotateBox(plain, Math.PI / 2, free);
    const [, , bottomRight] = boxCorners(turned);
    // Dragging the rotated right edge outwards by 10 px grows the width (along the rotated x axis).
    const frame = boxFrame(turned);
    const right = { x: frame.cx, y: frame.cy + frame.width / 2 + 10 };
    const resized = boxUtil.dragHandle(turned, 'r', right, free, { shift: false });
    expect(resized.width).toBeCloseTo(110);
    expect(resized.height).toBeCloseTo(50);
    expect(bottomRight).toBeDefined();
  });

  it('rotates with the rotate handle, snapping to 15° with Shift', () => {
    const frame = boxFrame(plain);
    const east = { x: frame.cx + 100, y: frame.cy + 3 };
    expect(boxUtil.dragHandle(plain, 'rotate', east, free, { shift: false }).rotation).toBeCloseTo(
      Math.PI / 2 + Math.atan2(3, 100),
    );
    expect(boxUtil.dragHandle(plain, 'rotate', east, free, { shift: true }).rotation).toBeCloseTo(
      Math.PI / 2,
    );
  });

  it('rounds to whole pixels with integer_pixels', () => {
    const moved = boxUtil.move(plain, { x: 0.4, y: 0.6 }, { integerPixels: true, canRotate: false });
    expect(moved).toMatchObject({ left: 10, top: 21 });
  });

  it('hits inside and near the outline of a rotated box', () => {
    const turned = rotateBox(plain, Math.PI / 4, free);
    const { cx, cy } = boxFrame(turned);
    expect(boxUtil.hitTest(turned, { x: cx, y: cy }, 1)).toBe(true);
    expect(boxUtil.hitTest(turned, { x: 10, y: 20 }, 1)).toBe(false);
  });

  it('frame → box → frame keeps position, size and rotation (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.double({ min: 1, max: 400, noNaN: true }),
        fc.double({ min: 1, max: 400, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (cx, cy, width, height, rotation) => {
          const box = boxFromFrame(plain, { cx, cy, width, height, rotation }, free);
          const frame = boxFrame(box);
          expect(frame.cx).toBeCloseTo(cx, 1);
          expect(frame.cy).toBeCloseTo(cy, 1);
          expect(frame.width).toBeCloseTo(width, 1);
          expect(frame.height).toBeCloseTo(height, 1);
          if (box.vertices) {
            const corners = boxCorners(box);
            corners.forEach((corner, i) => {
              expect(corner.x).toBeCloseTo(box.vertices?.[i]?.x ?? Number.NaN, 1);
            });
          }
        },
      ),
    );
  });
});
