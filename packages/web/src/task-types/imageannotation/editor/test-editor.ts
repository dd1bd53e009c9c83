/**
 * A headless {@link Editor} for tests: drives pointer, wheel and key events in screen coordinates, as the
 * canvas does, and reads records back. The viewport is 1000×800 and the camera starts at zoom 1 with the
 * image origin at the top-left, so screen and image coordinates agree until a test zooms or pans.
 */
import {
  type ImageAnnotation,
  type ImageannotationParams,
  imageannotationParamsSchema,
} from '@groundwork/domain';
import { emptyDraft, type ImageannotationDraft } from '../draft.ts';
import { Editor, type EditorOptions, type PointerModifiers } from './editor.ts';
import type { Vec } from './geometry/math.ts';

/** Key modifiers of a simulated key press. */
export interface KeyModifiers {
  /** Shift. */
  shift?: boolean;
  /** Alt. */
  alt?: boolean;
  /** Ctrl/Cmd. */
  mod?: boolean;
}

/** Parses raw params the way the workbench does (defaults applied, cross-field checks run). */
export function parseTestParams(raw: Record<string, unknown>): ImageannotationParams {
  return imageannotationParamsSchema.parse({ attachment: 'https://example.com/image.png', ...raw });
}

/** An editor with simulated input. */
export class TestEditor extends Editor {
  /** Drafts reported through `onDraftChange`, oldest first. */
  readonly reported: ImageannotationDraft[];
  private pointer: Vec = { x: 0, y: 0 };

  /** A test editor on `params` (raw, parsed here) with an image of `image` px; ids are `id-1`, `id-2`… */
  constructor(
    raw: Record<string, unknown>,
    options: Partial<EditorOptions> & { image?: { width: number; height: number } } = {},
  ) {
    const params = parseTestParams(raw);
    const reported: ImageannotationDraft[] = [];
    let next = 0;
    super({
      params,
      draft: options.draft ?? emptyDraft(params),
      createId: () => {
        next += 1;
        return `id-${next}`;
      },
      onDraftChange: (draft) => reported.push(draft),
      ...(options.readOnly === undefined ? {} : { readOnly: options.readOnly }),
    });
    this.reported = reported;
    this.setViewport({ width: 1000, height: 800 });
    this.setImageSize(options.image ?? { width: 1000, height: 800 });
    this.setCamera({ x: 0, y: 0, zoom: 1 });
  }

  /** The annotations as the answer carries them. */
  get annotations(): ImageAnnotation[] {
    return this.records.map((record) => record.annotation);
  }

  /** The only selected annotation (throws otherwise). */
  get selectedAnnotation(): ImageAnnotation {
    const selected = this.selectedRecords;
    if (selected.length !== 1) throw new Error(`expected one selected annotation, got ${selected.length}`);
    return (selected[0] as { annotation: ImageAnnotation }).annotation;
  }

  /** Presses at a screen point. */
  down(x: number, y: number, modifiers: PointerModifiers = {}): this {
    this.pointer = { x, y };
    this.pointerDown({ x, y }, modifiers);
    return this;
  }

  /** Moves to a screen point. */
  move(x: number, y: number, modifiers: PointerModifiers = {}): this {
    this.pointer = { x, y };
    this.pointerMove({ x, y }, modifiers);
    return this;
  }

  /** Releases at the current (or a given) screen point. */
  up(x = this.pointer.x, y = this.pointer.y, modifiers: PointerModifiers = {}): this {
    this.pointer = { x, y };
    this.pointerUp({ x, y }, modifiers);
    return this;
  }

  /** A click (press and release without moving). */
  click(x: number, y: number, modifiers: PointerModifiers = {}): this {
    return this.move(x, y, modifiers).down(x, y, modifiers).up(x, y, modifiers);
  }

  /** A double click: two clicks and the `dblclick` event. */
  doubleClickAt(x: number, y: number, modifiers: PointerModifiers = {}): this {
    this.click(x, y, modifiers).click(x, y, modifiers);
    this.doubleClick({ x, y }, modifiers);
    return this;
  }

  /** A drag from one screen point to another, through a few intermediate moves. */
  drag(from: Vec, to: Vec, modifiers: PointerModifiers = {}): this {
    this.move(from.x, from.y, modifiers).down(from.x, from.y, modifiers);
    for (const t of [0.25, 0.5, 0.75, 1]) {
      this.move(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t, modifiers);
    }
    return this.up(to.x, to.y, modifiers);
  }

  /** Presses a key (`Delete`, `b`, `z` with `{ mod: true }`); returns whether the editor used it. */
  press(key: string, modifiers: KeyModifiers = {}): boolean {
    const used = this.keyDown({
      key,
      shift: modifiers.shift ?? false,
      alt: modifiers.alt ?? false,
      mod: modifiers.mod ?? false,
    });
    this.keyUp(key);
    return used;
  }

  /** Turns the wheel at a screen point. */
  wheelAt(x: number, y: number, deltaY: number): this {
    this.wheel({ x, y }, deltaY);
    return this;
  }
}
