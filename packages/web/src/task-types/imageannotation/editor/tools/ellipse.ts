/** The ellipse tool: drag the rectangle the ellipse fills (Shift: a circle). */
import type { ImageAnnotation } from '@groundwork/domain';
import { ellipseFromCorners } from '../geometry/ellipse.ts';
import type { Vec } from '../geometry/math.ts';
import type { ShapeRules } from '../geometry/types.ts';
import { DragShapeTool } from './drag-shape.ts';

/** The ellipse tool. */
export class EllipseTool extends DragShapeTool {
  /** Tool id. */
  readonly id = 'ellipse' as const;

  protected make(label: string, a: Vec, b: Vec, rules: ShapeRules): ImageAnnotation {
    const blank = { x: 0, y: 0 };
    return ellipseFromCorners(
      { type: 'ellipse', label, vertices: [blank, blank, blank, blank] },
      a,
      b,
      rules,
    );
  }
}
