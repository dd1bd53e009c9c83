/** The point tool: each click places a keypoint with the current point label. */
import type { Editor } from '../editor.ts';
import { roundVec } from '../geometry/math.ts';
import type { PointerInfo, Tool } from './tool.ts';

/** The point tool. */
export class PointTool implements Tool {
  /** Tool id. */
  readonly id = 'point' as const;
  private readonly editor: Editor;

  /** A point tool working on `editor`. */
  constructor(editor: Editor) {
    this.editor = editor;
  }

  onPointerDown(info: PointerInfo): void {
    const label = this.editor.labelFor('point');
    if (label === undefined) return;
    const p = roundVec(this.editor.clampPoint(info.point), this.editor.rules('point').integerPixels);
    this.editor.createAnnotation({ type: 'point', label, x: p.x, y: p.y });
  }
}
