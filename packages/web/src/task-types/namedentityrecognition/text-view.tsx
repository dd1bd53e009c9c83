/**
 * The task text with its spans drawn in: each span tinted and underlined in its label's colour (one
 * underline level per overlapping span), its label tagged after its last character. Shared by the editor
 * (with a caret, a selection and a selected span) and the viewer (read-only).
 *
 * Every run of text is an element carrying its start offset in `data-start`, so a browser selection maps
 * back to offsets with {@link offsetOfPoint}; tags and the caret carry none and cannot be selected.
 */
import type { CSSProperties, HTMLAttributes, ReactNode, Ref } from 'react';
import { type Span, segmentText, spanLevels } from './spans.ts';

/** Props of {@link NerTextView}. */
export interface NerTextViewProps {
  /** The task's text. */
  text: string;
  /** The spans to draw. */
  spans: readonly Span[];
  /** Colour of each leaf label. */
  colors: ReadonlyMap<string, string>;
  /** A selection to highlight (offsets in either order), or null. */
  selection?: { anchor: number; focus: number } | null;
  /** Where to draw the caret, or null for none. */
  caret?: number | null;
  /** Index of the selected span, or null. */
  selectedSpan?: number | null;
  /** Called when a span's label tag is clicked (editor only). */
  onTagClick?: (index: number) => void;
  /** Extra props for the text element (the editor's mouse and focus handlers). */
  textProps?: HTMLAttributes<HTMLDivElement>;
  /** The text element, for mapping browser selections to offsets. */
  ref?: Ref<HTMLDivElement>;
}

const UNLABELED = '#8a948f';
const LEVEL_PX = 3;

/** The text with spans, as described in the module comment. */
export function NerTextView({
  text,
  spans,
  colors,
  selection = null,
  caret = null,
  selectedSpan = null,
  onTagClick,
  textProps,
  ref,
}: NerTextViewProps) {
  const levels = spanLevels(spans);
  const maxLevel = Math.max(0, ...levels);
  const low = selection ? Math.min(selection.anchor, selection.focus) : 0;
  const high = selection ? Math.max(selection.anchor, selection.focus) : 0;
  const cuts = selection ? [low, high] : [];
  if (caret !== null) cuts.push(caret);
  const segments = segmentText(text, spans, cuts);
  const colorOf = (index: number) => colors.get(spans[index]?.label ?? '') ?? UNLABELED;

  const nodes: ReactNode[] = [];
  const caretNode = <span key="caret" className="ner-caret" aria-hidden="true" />;
  for (const segment of segments) {
    if (caret === segment.start) nodes.push(caretNode);
    const innermost = segment.covering[0];
    const isSelected = selectedSpan !== null && segment.covering.includes(selectedSpan);
    const inSelection = selection !== null && segment.start >= low && segment.end <= high && low < high;
    const style: CSSProperties = {};
    if (innermost !== undefined) {
      const tint = colorOf(isSelected ? selectedSpan : innermost);
      // The selection's own highlight (from the stylesheet) shows through instead of the span's tint.
      if (!inSelection)
        style.backgroundColor = `color-mix(in srgb, ${tint} ${isSelected ? 34 : 16}%, transparent)`;
      style.boxShadow = [...segment.covering]
        .sort((a, b) => (levels[a] ?? 0) - (levels[b] ?? 0))
        .map((index) => `0 ${((levels[index] ?? 0) + 1) * LEVEL_PX}px 0 0 ${colorOf(index)}`)
        .join(', ');
    }
    const className = [
      'ner-run',
      innermost !== undefined ? 'ner-run--span' : '',
      isSelected ? 'ner-run--selected' : '',
      inSelection ? 'ner-run--selection' : '',
    ]
      .filter(Boolean)
      .join(' ');
    nodes.push(
      <span key={segment.start} data-start={segment.start} className={className} style={style}>
        {text.slice(segment.start, segment.end)}
      </span>,
    );
    spans.forEach((span, index) => {
      if (span.end !== segment.end) return;
      const color = colorOf(index);
      const tagClass = index === selectedSpan ? 'ner-tag ner-tag--selected' : 'ner-tag';
      const tagStyle = { '--ner-tag': color } as CSSProperties;
      nodes.push(
        onTagClick ? (
          <button
            key={`tag-${span.start}:${span.end}:${span.label}`}
            type="button"
            tabIndex={-1}
            className={tagClass}
            style={tagStyle}
            onClick={() => onTagClick(index)}
            title={`Select “${text.slice(span.start, span.end)}” (${span.label})`}
          >
            {span.label}
          </button>
        ) : (
          <span key={`tag-${span.start}:${span.end}:${span.label}`} className={tagClass} style={tagStyle}>
            {span.label}
          </span>
        ),
      );
    });
  }
  if (caret === text.length) nodes.push(caretNode);

  return (
    <div
      ref={ref}
      {...textProps}
      className={`ner-text ${textProps?.className ?? ''}`}
      style={{ '--ner-levels': maxLevel + 1 } as CSSProperties}
    >
      {nodes}
    </div>
  );
}

/**
 * The text offset of a DOM boundary point (a selection's anchor or focus) inside a {@link NerTextView}, or
 * null when the point is outside it. Points inside a run count from the run's `data-start`; points between
 * elements (or inside a tag) snap to the start of the next run.
 */
export function offsetOfPoint(
  root: HTMLElement,
  node: Node,
  offset: number,
  textLength: number,
): number | null {
  if (!root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement?.closest<HTMLElement>('[data-start]');
    if (run && root.contains(run)) return Number(run.dataset.start) + offset;
  }
  const point = document.createRange();
  point.setStart(node, offset);
  point.collapse(true);
  for (const run of root.querySelectorAll<HTMLElement>('[data-start]')) {
    if (point.comparePoint(run, 0) >= 0) return Number(run.dataset.start);
  }
  return textLength;
}
