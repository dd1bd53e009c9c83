import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitCamera, imageToScreen, MAX_ZOOM, screenToImage, zoomAbout } from './camera.ts';

describe('camera', () => {
  it('converts screen ⇄ image both ways (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          x: fc.double({ min: -1e4, max: 1e4, noNaN: true }),
          y: fc.double({ min: -1e4, max: 1e4, noNaN: true }),
          zoom: fc.double({ min: 0.02, max: 40, noNaN: true }),
        }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        (camera, x, y) => {
          const back = imageToScreen(camera, screenToImage(camera, { x, y }));
          expect(back.x).toBeCloseTo(x, 6);
          expect(back.y).toBeCloseTo(y, 6);
        },
      ),
    );
  });

  it('zooms about a point, which stays put', () => {
    const camera = { x: 10, y: 20, zoom: 1 };
    const anchor = { x: 300, y: 200 };
    const before = screenToImage(camera, anchor);
    const after = screenToImage(zoomAbout(camera, anchor, 3), anchor);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
    expect(zoomAbout(camera, anchor, 1e6).zoom).toBe(MAX_ZOOM);
  });

  it('fits content centred with a margin', () => {
    const camera = fitCamera({ width: 1000, height: 500 }, { minX: 0, minY: 0, maxX: 4000, maxY: 3000 });
    expect(camera.zoom).toBeCloseTo((500 - 32) / 3000);
    const center = screenToImage(camera, { x: 500, y: 250 });
    expect(center.x).toBeCloseTo(2000);
    expect(center.y).toBeCloseTo(1500);
  });
});
