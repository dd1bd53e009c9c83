/** The editor's tools, one state machine per tool. */
import type { Editor } from '../editor.ts';
import { BoxTool } from './box.ts';
import { EllipseTool } from './ellipse.ts';
import { PointTool } from './point.ts';
import { PolyTool } from './poly.ts';
import { SelectTool } from './select.ts';
import type { Tool, ToolId } from './tool.ts';

/** Makes every tool for `editor`. Panning needs no state machine: the editor pans any press with the pan tool. */
export function createTools(editor: Editor): Record<ToolId, Tool> {
  return {
    select: new SelectTool(editor),
    box: new BoxTool(editor),
    ellipse: new EllipseTool(editor),
    point: new PointTool(editor),
    polygon: new PolyTool(editor, 'polygon'),
    line: new PolyTool(editor, 'line'),
    pan: { id: 'pan' },
  };
}
