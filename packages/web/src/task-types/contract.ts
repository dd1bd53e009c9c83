/**
 * What the workbench needs from each task type's user interface. Every type in
 * `task-types/<name>/index.tsx` exports one {@link TaskTypeUi}; `task-types/index.ts` lists them.
 *
 * The labeling loop owns the lease, the timer, submit/skip and the drafts: a type's editor only turns a
 * draft (plain JSON, kept in localStorage so nothing typed is lost on a reload) into a new draft, and
 * `toResponse` turns the draft into the answer the server validates with the same domain schemas.
 */
import type { ComponentType } from 'react';

/**
 * Where the browser reads an attachment the params name: `groundwork://files/<id>` becomes the lease's file
 * URL (readable only by the lease holder while the lease lasts); other URLs are returned unchanged.
 */
export type ResolveUrl = (reference: string) => string;

/** A keyboard shortcut as the `?` overlay lists it. */
export interface Shortcut {
  /** The keys, as shown: `1`–`9`, `Ctrl+Z`, `Shift+Drag`. */
  keys: string;
  /** What it does. */
  does: string;
}

/** Props of a type's editor: the task and the current draft. */
export interface TaskEditorProps<P, D> {
  /** The task's params, parsed with the domain type's `paramsSchema` (defaults applied). */
  params: P;
  /** The draft being edited. */
  draft: D;
  /** Called with the new draft after every edit. */
  onChange: (draft: D) => void;
  /** Resolves attachment references to URLs the browser can load. */
  resolveUrl: ResolveUrl;
  /**
   * For side-by-side items (pairwise preference, ranking): position i shows item `displayOrder[i]`. Answers
   * always use the task's own order. Null: the task's order.
   */
  displayOrder: number[] | null;
  /**
   * Whether the editor owns the keyboard now. False while a dialog (skip, shortcuts overlay) is open: the
   * editor must then ignore key events.
   */
  active: boolean;
  /** `label`: an annotator's answer; `fix`: a reviewer correcting the merged answer. */
  mode: 'label' | 'fix';
}

/** One answer a viewer shows. */
export interface ShownAnswer<R> {
  /** A stable key (the assignment id, or `result`). */
  key: string;
  /** Whose it is, as shown: `Annotator 1`, `Merged`. */
  title: string;
  /** The answer. */
  response: R;
  /** A CSS colour that identifies this answer (outlines on an image, a stripe beside text). */
  color: string;
  /** Drawn more prominently than the others (the final answer among the annotators' answers). */
  emphasized?: boolean;
}

/** Props of a type's read-only viewer. */
export interface TaskViewerProps<P, R> {
  /** The task's params, parsed. */
  params: P;
  /** Resolves attachment references to URLs the browser can load. */
  resolveUrl: ResolveUrl;
  /** As for the editor. */
  displayOrder: number[] | null;
  /**
   * The answers to show: one (a result), or several (a review: each annotator's answer and the merged
   * one). Geometry types overlay them on one image; others show them side by side or one per row.
   */
  answers: ShownAnswer<R>[];
}

/** The outcome of turning a draft into an answer. */
export type DraftCheck<R> =
  | { ok: true; response: R }
  | {
      ok: false;
      /** Each problem names what to fix, as the person sees it (`Box "car" is 3 px wide; the minimum is 10 px`). */
      problems: string[];
    };

/** A task type's user interface. `D` is JSON-serializable. */
export interface TaskTypeUi<P, R, D> {
  /** The task type's name (`imageannotation`). */
  name: string;
  /** Parses the lease's params (the domain type's `paramsSchema.parse`); throws on params it cannot show. */
  parseParams(params: unknown): P;
  /** The editor. */
  Editor: ComponentType<TaskEditorProps<P, D>>;
  /** The read-only viewer. */
  Viewer: ComponentType<TaskViewerProps<P, R>>;
  /** The draft a new assignment starts from (pre-labels included). */
  emptyDraft(params: P): D;
  /** A draft holding an answer (a reviewer fixing the merged answer starts from it). */
  draftFromResponse(params: P, response: R): D;
  /**
   * The answer a draft makes, checked by the same rules the server applies (the domain's `checkResponse`)
   * plus the editor's own (minimum sizes, vertex counts), or the problems that stop it being submitted.
   */
  toResponse(params: P, draft: D): DraftCheck<R>;
  /** The editor's own keyboard shortcuts, for the `?` overlay. */
  shortcuts: Shortcut[];
}

/** A task type UI with its types erased, as the registry holds it. */
// biome-ignore lint/suspicious/noExplicitAny: the registry is heterogeneous; each entry is typed where defined.
export type AnyTaskTypeUi = TaskTypeUi<any, any, any>;
