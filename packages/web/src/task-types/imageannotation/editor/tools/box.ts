/** The box tool: drag from one corner to the opposite one (Shift: a square). */
import type { ImageAnnotation } from '@groundwork/domain';
import { boxFromCorners } from '../geometry/box.ts';
import type { Vec } from '../geometry/math.ts';
import type { ShapeRules } from '../geometry/types.ts';
import { DragShapeTool } from './drag-shape.ts';

/** The box tool. */
export class BoxTool extends DragShapeTool {
  /** Tool id. */
  readonly id = 'box' as const;

  protected make(label: string, a: Vec, b: Vec, rules: ShapeRules): ImageAnnotation {
    return boxFromCorners({ type: 'box', label, left: 0, top: 0, width: 0, height: 0 }, a, b, rules);
  }
}
