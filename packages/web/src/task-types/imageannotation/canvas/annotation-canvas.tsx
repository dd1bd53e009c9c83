/**
 * The canvas: a react-konva stage with three layers — the image, every annotation not selected (one Konva
 * `Shape` whose scene function paints them all, grouped by colour), and an overlay with the selection, its
 * handles, the shape being drawn and the marquee. Nothing listens for Konva events: pointer, wheel and
 * double-click events of the container go to the {@link Editor}, which hit-tests in image pixels.
 *
 * React renders this component only when its props or the canvas size change. Editor changes are applied
 * imperatively: the camera becomes the stage's position and scale, and only the layers whose content
 * changed are redrawn (Konva coalesces draws into one per animation frame).
 */

import type Konva from 'konva';
import {
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Image as KonvaImage, Layer, Shape, Stage } from 'react-konva';
import { loadImage } from '../../../components/image-cache.ts';
import type { AnnotationRecord } from '../draft.ts';
import type { Editor, EditorState } from '../editor/editor.ts';
import type { Bounds, Vec } from '../editor/geometry/math.ts';
import { groupScene, paintOverlay, paintScene, type SceneGroup, type SceneStyle } from './painter.ts';

/** Where the image stands. */
export type ImageStatus = { state: 'loading' } | { state: 'ready' } | { state: 'error'; url: string };

/** Props of {@link AnnotationCanvas}. */
export interface AnnotationCanvasProps {
  /** The editor whose state is drawn and which receives the input. */
  editor: Editor;
  /** The image URL (already resolved). */
  imageUrl: string;
  /** How annotations look. */
  style: SceneStyle;
  /** Colour of the shape being drawn. */
  sketchColor: (state: EditorState) => string;
  /** Told when the image has loaded and been drawn, or failed. */
  onStatus: (status: ImageStatus) => void;
  /** Accessible description of the canvas. */
  label: string;
}

/** The image being loaded (from the loop's decoded preloads when it was loaded ahead), as state. */
function useImage(url: string): { image: HTMLImageElement | null; failed: boolean } {
  const [result, setResult] = useState<{ url: string; image: HTMLImageElement | null; failed: boolean }>({
    url,
    image: null,
    failed: false,
  });
  useEffect(() => {
    let live = true;
    loadImage(url).then(
      (image) => live && setResult({ url, image, failed: false }),
      () => live && setResult({ url, image: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [url]);
  return result.url === url ? result : { image: null, failed: false };
}

/** The visible part of the image plane in image pixels, with a margin so edges do not pop in. */
function viewBounds(state: EditorState): Bounds {
  const { camera, viewport } = state;
  const margin = 20 / camera.zoom;
  return {
    minX: -camera.x / camera.zoom - margin,
    minY: -camera.y / camera.zoom - margin,
    maxX: (viewport.width - camera.x) / camera.zoom + margin,
    maxY: (viewport.height - camera.y) / camera.zoom + margin,
  };
}

function cursorFor(editor: Editor, state: EditorState, point: Vec | null): string {
  if (state.panning) return 'grabbing';
  if (state.spaceHeld || state.tool === 'pan') return 'grab';
  if (state.tool !== 'select') {
    if (point && editor.handleAt(point)) return 'pointer';
    return 'crosshair';
  }
  if (point) {
    const handle = editor.handleAt(point);
    if (handle)
      return handle.kind === 'rotate'
        ? 'alias'
        : handle.kind === 'corner' || handle.kind === 'edge'
          ? 'move'
          : 'pointer';
  }
  return state.hoveredId ? 'move' : 'default';
}

/** The annotation canvas. */
export function AnnotationCanvas({
  editor,
  imageUrl,
  style,
  sketchColor,
  onStatus,
  label,
}: AnnotationCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const imageLayerRef = useRef<Konva.Layer>(null);
  const sceneLayerRef = useRef<Konva.Layer>(null);
  const overlayLayerRef = useRef<Konva.Layer>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const { image, failed } = useImage(imageUrl);
  const styleRef = useRef(style);
  styleRef.current = style;
  const sketchColorRef = useRef(sketchColor);
  sketchColorRef.current = sketchColor;
  const groupsRef = useRef<SceneGroup[]>([]);
  const pointerRef = useRef<Vec | null>(null);
  const onStatusRef = useRef(onStatus);
  onStatusRef.current = onStatus;

  // Canvas size follows the container.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const width = Math.floor(entry.contentRect.width);
      const height = Math.floor(entry.contentRect.height);
      setSize((now) => (now.width === width && now.height === height ? now : { width, height }));
    });
    observer.observe(container);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (size.width > 0 && size.height > 0) editor.setViewport(size);
  }, [editor, size]);

  useEffect(() => {
    if (failed) onStatusRef.current({ state: 'error', url: imageUrl });
    else if (!image) onStatusRef.current({ state: 'loading' });
    else editor.setImageSize({ width: image.naturalWidth, height: image.naturalHeight });
  }, [editor, image, failed, imageUrl]);

  // Editor changes → stage transform and layer redraws, without React.
  useEffect(() => {
    let previous: EditorState | null = null;
    let previousStyle: SceneStyle | null = null;
    const apply = () => {
      const stage = stageRef.current;
      const sceneLayer = sceneLayerRef.current;
      const overlayLayer = overlayLayerRef.current;
      if (!stage || !sceneLayer || !overlayLayer) return;
      const state = editor.state;
      const cameraChanged = !previous || previous.camera !== state.camera;
      const sceneChanged =
        !previous ||
        previousStyle !== styleRef.current ||
        previous.selectedIds !== state.selectedIds ||
        (previous.draft.annotations !== state.draft.annotations &&
          !onlySelectedChanged(previous.draft.annotations, state.draft.annotations, state.selectedIds));
      if (sceneChanged) {
        groupsRef.current = groupScene(state.draft.annotations, new Set(state.selectedIds), styleRef.current);
      }
      if (cameraChanged) {
        // Past 4× the labeler wants to see pixel edges, not a blur, to place vertices exactly.
        imageLayerRef.current?.imageSmoothingEnabled(state.camera.zoom < 4);
        stage.position({ x: state.camera.x, y: state.camera.y });
        stage.scale({ x: state.camera.zoom, y: state.camera.zoom });
        stage.batchDraw();
      } else {
        if (sceneChanged) sceneLayer.batchDraw();
        overlayLayer.batchDraw();
      }
      const container = containerRef.current;
      if (container) {
        const point =
          pointerRef.current && editor.state.camera ? toImage(editor.state, pointerRef.current) : null;
        const cursor = cursorFor(editor, state, point);
        if (container.style.cursor !== cursor) container.style.cursor = cursor;
      }
      previous = state;
      previousStyle = styleRef.current;
    };
    apply();
    const unsubscribe = editor.subscribe(apply);
    return unsubscribe;
  }, [editor]);

  // A new style (labels, colours, visible answers) regroups the scene.
  useEffect(() => {
    groupsRef.current = groupScene(editor.state.draft.annotations, new Set(editor.state.selectedIds), style);
    sceneLayerRef.current?.batchDraw();
    overlayLayerRef.current?.batchDraw();
  }, [editor, style]);

  // The image is drawn: tell the parent once the first frame with it is on screen.
  useEffect(() => {
    if (!image || size.width === 0) return;
    const stage = stageRef.current;
    if (!stage) return;
    stage.draw();
    const frame = requestAnimationFrame(() => onStatusRef.current({ state: 'ready' }));
    return () => cancelAnimationFrame(frame);
  }, [image, size.width]);

  // Wheel listeners must be non-passive to keep the page from scrolling while zooming.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = container.getBoundingClientRect();
      const scale = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? rect.height : 1;
      editor.wheel({ x: event.clientX - rect.left, y: event.clientY - rect.top }, event.deltaY * scale);
    };
    container.addEventListener('wheel', onWheel, { passive: false });
    return () => container.removeEventListener('wheel', onWheel);
  }, [editor]);

  const handlers = useMemo(() => {
    const position = (event: ReactPointerEvent<HTMLDivElement> | ReactMouseEvent<HTMLDivElement>): Vec => {
      const rect = event.currentTarget.getBoundingClientRect();
      return { x: event.clientX - rect.left, y: event.clientY - rect.top };
    };
    const modifiers = (event: ReactMouseEvent) => ({
      button: event.button,
      shift: event.shiftKey,
      alt: event.altKey,
      mod: event.ctrlKey || event.metaKey,
    });
    return {
      onPointerDown(event: ReactPointerEvent<HTMLDivElement>) {
        if (event.button === 1 || event.button === 0) event.preventDefault();
        event.currentTarget.focus({ preventScroll: true });
        event.currentTarget.setPointerCapture(event.pointerId);
        pointerRef.current = position(event);
        editor.pointerDown(pointerRef.current, modifiers(event));
      },
      onPointerMove(event: ReactPointerEvent<HTMLDivElement>) {
        pointerRef.current = position(event);
        editor.pointerMove(pointerRef.current, modifiers(event));
      },
      onPointerUp(event: ReactPointerEvent<HTMLDivElement>) {
        if (event.currentTarget.hasPointerCapture(event.pointerId)) {
          event.currentTarget.releasePointerCapture(event.pointerId);
        }
        editor.pointerUp(position(event), modifiers(event));
      },
      onPointerCancel(event: ReactPointerEvent<HTMLDivElement>) {
        editor.pointerUp(position(event), modifiers(event));
      },
      onPointerLeave() {
        pointerRef.current = null;
        editor.setHovered(null);
      },
      onDoubleClick(event: ReactMouseEvent<HTMLDivElement>) {
        editor.doubleClick(position(event), modifiers(event));
      },
      onContextMenu(event: ReactMouseEvent<HTMLDivElement>) {
        event.preventDefault();
      },
    };
  }, [editor]);

  const paintSceneShape = useMemo(
    () => (context: Konva.Context) => {
      const state = editor.state;
      paintScene(context._context, groupsRef.current, viewBounds(state), state.camera.zoom, styleRef.current);
    },
    [editor],
  );

  const paintOverlayShape = useMemo(
    () => (context: Konva.Context) => {
      const state = editor.state;
      const byId = new Map<string, AnnotationRecord>();
      for (const id of state.selectedIds) {
        const record = editor.getRecord(id);
        if (record) byId.set(id, record);
      }
      const hovered = state.hoveredId ? (editor.getRecord(state.hoveredId) ?? null) : null;
      paintOverlay(
        context._context,
        {
          selected: [...byId.values()],
          hovered,
          handles: editor.handles(),
          sketch: state.sketch,
          marquee: state.marquee,
          sketchColor: sketchColorRef.current(state),
        },
        state.camera.zoom,
        styleRef.current,
      );
    },
    [editor],
  );

  const camera = editor.state.camera;
  return (
    <div
      ref={containerRef}
      className="img-canvas"
      role="application"
      aria-roledescription="annotation canvas"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the canvas takes keys (Tab cycles annotations, Space pans, arrows nudge), so keyboard users must be able to focus it.
      tabIndex={0}
      {...handlers}
    >
      {size.width > 0 && (
        <Stage
          ref={stageRef}
          width={size.width}
          height={size.height}
          x={camera.x}
          y={camera.y}
          scaleX={camera.zoom}
          scaleY={camera.zoom}
          listening={false}
        >
          <Layer ref={imageLayerRef} listening={false}>
            {image && <KonvaImage image={image} x={0} y={0} listening={false} perfectDrawEnabled={false} />}
          </Layer>
          <Layer ref={sceneLayerRef} listening={false}>
            <Shape sceneFunc={paintSceneShape} listening={false} perfectDrawEnabled={false} />
          </Layer>
          <Layer ref={overlayLayerRef} listening={false}>
            <Shape sceneFunc={paintOverlayShape} listening={false} perfectDrawEnabled={false} />
          </Layer>
        </Stage>
      )}
    </div>
  );
}

function toImage(state: EditorState, screen: Vec): Vec {
  return {
    x: (screen.x - state.camera.x) / state.camera.zoom,
    y: (screen.y - state.camera.y) / state.camera.zoom,
  };
}

/** Whether only selected records differ between two record lists (a drag of the selection). */
function onlySelectedChanged(
  before: readonly AnnotationRecord[],
  after: readonly AnnotationRecord[],
  selectedIds: readonly string[],
): boolean {
  if (before.length !== after.length) return false;
  const selected = new Set(selectedIds);
  for (let i = 0; i < after.length; i += 1) {
    const a = before[i];
    const b = after[i];
    if (a !== b && (!a || !b || a.id !== b.id || !selected.has(b.id))) return false;
  }
  return true;
}
