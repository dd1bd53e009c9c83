/** Dragging a handle of the selected annotation (resize, rotate, move a vertex) as one undo step. */
import type { ImageAnnotation } from '@groundwork/domain';
import type { Editor } from '../editor.ts';
import { utilFor } from '../geometry/index.ts';
import type { Handle } from '../geometry/types.ts';
import type { PointerInfo } from './tool.ts';

/** One handle drag in progress; the select tool and the drawing tools both start them. */
export class HandleDrag {
  private readonly editor: Editor;
  private readonly recordId: string;
  private readonly handle: Handle;
  private readonly initial: ImageAnnotation | undefined;

  /** Starts dragging `handle` of record `recordId` (opens an undo step). */
  constructor(editor: Editor, recordId: string, handle: Handle) {
    this.editor = editor;
    this.recordId = recordId;
    this.handle = handle;
    this.initial = editor.getRecord(recordId)?.annotation;
    editor.beginGesture();
  }

  /** Follows the pointer; each position is computed from the shape as it was when the drag began. */
  move(info: PointerInfo): void {
    const annotation = this.initial;
    if (!annotation) return;
    const point = this.handle.kind === 'rotate' ? info.point : this.editor.clampPoint(info.point);
    const rules = this.editor.rules(annotation.type);
    const next = utilFor(annotation).dragHandle(annotation, this.handle.id, point, rules, {
      shift: info.shift,
    });
    this.editor.updateGeometry(new Map([[this.recordId, next]]));
  }

  /** Ends the drag. */
  end(): void {
    this.editor.endGesture();
  }

  /** Puts the annotation back. */
  cancel(): void {
    this.editor.cancelGesture();
  }
}
