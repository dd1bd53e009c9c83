/** What every tool is: a small state machine fed pointer and key events by the {@link Editor}. */
import type { Vec } from '../geometry/math.ts';

/** The tools, by id. Drawing tools share their geometry kind's name. */
export type ToolId = 'select' | 'box' | 'polygon' | 'line' | 'point' | 'ellipse' | 'pan';

/** The drawing tools' ids (each the geometry kind it draws). */
export const DRAWING_TOOLS = ['box', 'polygon', 'line', 'point', 'ellipse'] as const;

/** A drawing tool's id. */
export type DrawingToolId = (typeof DRAWING_TOOLS)[number];

/** A pointer event as tools see it. */
export interface PointerInfo {
  /** Position in screen pixels relative to the canvas. */
  screen: Vec;
  /** The same position in image pixels. */
  point: Vec;
  /** 0 primary, 1 middle, 2 secondary. */
  button: number;
  /** Shift held. */
  shift: boolean;
  /** Alt (Option) held. */
  alt: boolean;
  /** Ctrl or Cmd held. */
  mod: boolean;
}

/** A key press as tools see it. */
export interface KeyInfo {
  /** `KeyboardEvent.key`. */
  key: string;
  /** Shift held. */
  shift: boolean;
  /** Alt held. */
  alt: boolean;
  /** Ctrl or Cmd held. */
  mod: boolean;
}

/** A tool. Every method is optional; a tool changes annotations only through editor methods. */
export interface Tool {
  /** Which tool. */
  readonly id: ToolId;
  /** Called when the tool is left (or the editor resets): drop any half-made shape. */
  onExit?(): void;
  /** Primary-button press (panning presses never reach tools). */
  onPointerDown?(info: PointerInfo): void;
  /** Pointer motion, pressed or not. */
  onPointerMove?(info: PointerInfo): void;
  /** Release. */
  onPointerUp?(info: PointerInfo): void;
  /** Double click. */
  onDoubleClick?(info: PointerInfo): void;
  /** A key the tool may use first (Enter, Backspace while drawing…); returns whether it did. */
  onKeyDown?(info: KeyInfo): boolean;
  /** Esc: cancels what is in progress; returns whether there was anything. */
  onCancel?(): boolean;
  /** Whether a shape is being drawn (undo then edits the shape in progress). */
  isBusy?(): boolean;
}
