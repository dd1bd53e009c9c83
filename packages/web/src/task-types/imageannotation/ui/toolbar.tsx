/** The toolbar above the canvas: tools (those the task's geometries allow), undo/redo and zoom. */
import type { Editor } from '../editor/editor.ts';
import type { ToolId } from '../editor/tools/tool.ts';
import { useEditorValue } from '../use-editor.ts';
import { Icon, type IconName } from './icons.tsx';

/** A tool as the toolbar shows it. */
export interface ToolSpec {
  /** Tool id. */
  id: ToolId;
  /** Name shown. */
  name: string;
  /** Its key. */
  key: string;
  /** Icon. */
  icon: IconName;
}

/** Every tool in toolbar order, with its key. */
export const TOOL_SPECS: ToolSpec[] = [
  { id: 'select', name: 'Select', key: 'V', icon: 'select' },
  { id: 'box', name: 'Box', key: 'B', icon: 'box' },
  { id: 'polygon', name: 'Polygon', key: 'P', icon: 'polygon' },
  { id: 'line', name: 'Line', key: 'L', icon: 'line' },
  { id: 'point', name: 'Point', key: 'K', icon: 'point' },
  { id: 'ellipse', name: 'Ellipse', key: 'E', icon: 'ellipse' },
  { id: 'pan', name: 'Pan', key: 'Space', icon: 'pan' },
];

/** Props of {@link Toolbar}. */
export interface ToolbarProps {
  /** The editor. */
  editor: Editor;
}

/** Tools, undo/redo and zoom controls. */
export function Toolbar({ editor }: ToolbarProps) {
  const tool = useEditorValue(editor, (state) => state.tool);
  const canUndo = useEditorValue(editor, (_, e) => e.canUndo);
  const canRedo = useEditorValue(editor, (_, e) => e.canRedo);
  const zoom = useEditorValue(editor, (state) => state.camera.zoom);
  const tools = TOOL_SPECS.filter(
    (spec) => spec.id === 'select' || spec.id === 'pan' || editor.params.geometries[spec.id] !== undefined,
  );
  return (
    <div className="img-toolbar" role="toolbar" aria-label="Annotation tools">
      <div className="img-toolbar__group">
        {tools.map((spec) => {
          const enabled = editor.isToolEnabled(spec.id);
          return (
            <button
              key={spec.id}
              type="button"
              className="img-tool"
              aria-label={`${spec.name} (${spec.key})`}
              aria-pressed={tool === spec.id}
              title={
                enabled ? `${spec.name} (${spec.key})` : `${spec.name}: this task allows no new annotations`
              }
              disabled={!enabled}
              onClick={() => editor.setTool(spec.id)}
            >
              <Icon name={spec.icon} />
              <span className="img-tool__name">{spec.name}</span>
            </button>
          );
        })}
      </div>
      {!editor.readOnly && (
        <div className="img-toolbar__group">
          <button
            type="button"
            className="img-tool img-tool--icon"
            aria-label="Undo (Ctrl+Z)"
            title="Undo (Ctrl+Z)"
            disabled={!canUndo}
            onClick={() => editor.undo()}
          >
            <Icon name="undo" />
          </button>
          <button
            type="button"
            className="img-tool img-tool--icon"
            aria-label="Redo (Ctrl+Shift+Z)"
            title="Redo (Ctrl+Shift+Z or Ctrl+Y)"
            disabled={!canRedo}
            onClick={() => editor.redo()}
          >
            <Icon name="redo" />
          </button>
        </div>
      )}
      <ZoomControls editor={editor} zoom={zoom} />
    </div>
  );
}

/** Zoom out / level / in / fit. */
export function ZoomControls({ editor, zoom }: { editor: Editor; zoom: number }) {
  return (
    <div className="img-toolbar__group img-toolbar__zoom">
      <button
        type="button"
        className="img-tool img-tool--icon"
        aria-label="Zoom out (−)"
        title="Zoom out (−)"
        onClick={() => editor.zoomOut()}
      >
        <Icon name="zoomOut" />
      </button>
      <button
        type="button"
        className="img-zoom-level"
        aria-label={`Zoom ${Math.round(zoom * 100)}%: set to 100%`}
        title="Actual size (100%)"
        onClick={() => editor.zoomBy(1 / zoom)}
      >
        {Math.round(zoom * 100)}%
      </button>
      <button
        type="button"
        className="img-tool img-tool--icon"
        aria-label="Zoom in (+)"
        title="Zoom in (+)"
        onClick={() => editor.zoomIn()}
      >
        <Icon name="zoomIn" />
      </button>
      <button
        type="button"
        className="img-tool"
        aria-label="Fit to screen (F)"
        title="Fit the image (F or 0)"
        onClick={() => editor.fit()}
      >
        <Icon name="fit" />
        <span className="img-tool__name">Fit</span>
      </button>
    </div>
  );
}
