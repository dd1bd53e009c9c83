/**
 * The `imageannotation` task type in the workbench: boxes (optionally rotated), polygons, lines, points and
 * ellipses with nested labels and attributes on one image, starting from the task's pre-labels.
 */
import {
  type ImageannotationParams,
  type ImageannotationResponse,
  imageannotationParamsSchema,
} from '@groundwork/domain';
import type { Shortcut, TaskTypeUi } from '../contract.ts';
import { draftFromResponse, emptyDraft, type ImageannotationDraft, toResponse } from './draft.ts';
import { ImageannotationEditor } from './image-editor.tsx';
import { ImageannotationViewer } from './image-viewer.tsx';

/** Every key of the image annotation editor, for the shortcuts overlay. */
export const IMAGE_ANNOTATION_SHORTCUTS: Shortcut[] = [
  { keys: 'V', does: 'Select tool' },
  { keys: 'B', does: 'Box tool (Shift+Drag: square)' },
  { keys: 'P', does: 'Polygon tool' },
  { keys: 'L', does: 'Line tool' },
  { keys: 'K', does: 'Point tool' },
  { keys: 'E', does: 'Ellipse tool (Shift+Drag: circle)' },
  {
    keys: '1–9',
    does: 'Pick the label at that position (a group opens its sub-choices); relabels the selection',
  },
  { keys: 'Enter', does: 'Close the polygon / finish the line being drawn' },
  { keys: 'Backspace', does: 'While drawing: remove the last vertex; otherwise delete the selection' },
  { keys: 'Delete', does: 'Delete the selection' },
  { keys: 'Esc', does: 'Cancel the shape being drawn, leave a label group, or clear the selection' },
  { keys: 'Shift+Click', does: 'Add to or remove from the selection' },
  { keys: 'Alt+Click', does: 'Delete the polygon or line vertex clicked' },
  { keys: 'Double-click', does: 'On an edge of the selected polygon or line: add a vertex' },
  {
    keys: 'Shift+Drag',
    does: 'On a corner handle: keep the aspect ratio; on the rotate handle: snap to 15°',
  },
  { keys: 'Tab / Shift+Tab', does: 'Select the next / previous annotation (canvas focused)' },
  { keys: 'Ctrl+A', does: 'Select every visible, unlocked annotation' },
  { keys: 'Arrows', does: 'Nudge the selection 1 px (Shift: 10 px)' },
  { keys: 'H', does: 'Hide / show the selection' },
  { keys: 'Shift+H', does: 'Show every hidden annotation' },
  { keys: 'Shift+L', does: 'Lock / unlock the selection' },
  { keys: 'Ctrl+Z', does: 'Undo' },
  { keys: 'Ctrl+Shift+Z / Ctrl+Y', does: 'Redo' },
  { keys: '+ / −', does: 'Zoom in / out' },
  { keys: '0 / F', does: 'Fit the image to the screen' },
  { keys: 'Wheel', does: 'Zoom about the pointer' },
  { keys: 'Space+Drag / Middle-drag', does: 'Pan' },
];

/** The imageannotation UI the workbench registers. */
export const imageannotationUi: TaskTypeUi<
  ImageannotationParams,
  ImageannotationResponse,
  ImageannotationDraft
> = {
  name: 'imageannotation',
  parseParams: (params) => imageannotationParamsSchema.parse(params),
  Editor: ImageannotationEditor,
  Viewer: ImageannotationViewer,
  emptyDraft,
  draftFromResponse,
  toResponse,
  shortcuts: IMAGE_ANNOTATION_SHORTCUTS,
};
