/**
 * The named-entity editor: select text (mouse, or Shift+arrows from the caret), pick a label (number key
 * or click) to mark a span; click a span or its tag (or step with `[`/`]`) to select it, then relabel it
 * or delete it. Edits go through the pure functions of `spans.ts`; this component only keeps the caret,
 * the selection, the open label group and a local undo history.
 */
import type { EntityLabel, NamedentityrecognitionParams } from '@groundwork/domain';
import { type CSSProperties, type MouseEvent, useMemo, useRef, useState } from 'react';
import { useEditorKeys, useNumberKeys } from '../../components/use-keys.ts';
import type { TaskEditorProps } from '../contract.ts';
import { describeSpan, type NerDraft } from './draft.ts';
import { hasGroups, labelColors, labelsAt, pickLabel } from './labels.ts';
import { addSpan, moveCaret, normalizeSelection, relabelSpan, removeSpan, spanToSelect } from './spans.ts';
import { NerTextView, offsetOfPoint } from './text-view.tsx';
import './ner.css';

interface Caret {
  anchor: number;
  focus: number;
}

/** Undo and redo stacks of drafts, kept while the editor is mounted. */
interface History {
  past: NerDraft[];
  future: NerDraft[];
  /** The draft this editor last emitted; a different current draft means someone else changed it. */
  last: NerDraft | null;
}

/** The editor, as described in the module comment. */
export function NerEditor({
  params,
  draft,
  onChange,
  active,
}: TaskEditorProps<NamedentityrecognitionParams, NerDraft>) {
  const { text, labels } = params;
  const colors = useMemo(() => labelColors(labels), [labels]);
  const spans = draft.spans;
  const [caret, setCaret] = useState<Caret>({ anchor: 0, focus: 0 });
  const [selectedIndex, setSelectedIndex] = useState<number | null>(null);
  const [path, setPath] = useState<number[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const textRef = useRef<HTMLDivElement>(null);
  const history = useRef<History>({ past: [], future: [], last: null });
  const selected = selectedIndex !== null && selectedIndex < spans.length ? selectedIndex : null;
  const level = labelsAt(labels, path);

  const commit = (next: NerDraft) => {
    const h = history.current;
    if (h.last !== draft) {
      h.past = [];
      h.future = [];
    }
    h.past.push(draft);
    h.future = [];
    h.last = next;
    onChange(next);
  };

  const undo = (direction: 'undo' | 'redo') => {
    const h = history.current;
    if (h.last !== draft) return;
    const from = direction === 'undo' ? h.past : h.future;
    const to = direction === 'undo' ? h.future : h.past;
    const target = from.pop();
    if (!target) return;
    to.push(draft);
    h.last = target;
    setSelectedIndex(null);
    onChange(target);
  };

  const applyLabel = (name: string) => {
    setPath([]);
    if (selected !== null) {
      const result = relabelSpan(spans, selected, name);
      if (result.ok) {
        commit({ spans: result.spans });
        setSelectedIndex(result.index);
        setNotice(null);
      }
      return;
    }
    const range = normalizeSelection(text, caret.anchor, caret.focus);
    if (!range) {
      setNotice(
        'Select some text first (drag across it, or Shift+← / Shift+→ from the caret), then pick a label.',
      );
      return;
    }
    const result = addSpan(text, spans, { ...range, label: name }, params.allow_overlap);
    if (!result.ok) {
      setNotice(result.problem);
      return;
    }
    commit({ spans: result.spans });
    setSelectedIndex(result.index);
    setCaret({ anchor: range.end, focus: range.end });
    setNotice(null);
  };

  const pick = (index: number) => {
    const choice = pickLabel(labels, path, index);
    if (choice.kind === 'group') setPath(choice.path);
    else if (choice.kind === 'leaf') applyLabel(choice.name);
  };

  const typeNumber = useNumberKeys((value) => pick(value - 1));

  const deleteSelected = () => {
    if (selected === null) return;
    commit({ spans: removeSpan(spans, selected) });
    setSelectedIndex(null);
  };

  const selectSpan = (index: number | null) => {
    setSelectedIndex(index);
    setNotice(null);
    const span = index === null ? undefined : spans[index];
    if (span) setCaret({ anchor: span.end, focus: span.end });
  };

  useEditorKeys(active, (event) => {
    const command = event.ctrlKey || event.metaKey;
    const key = event.key;
    if (command && !event.altKey && key.toLowerCase() === 'z') {
      undo(event.shiftKey ? 'redo' : 'undo');
      return true;
    }
    if (command && key.toLowerCase() === 'y') {
      undo('redo');
      return true;
    }
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      const direction = key === 'ArrowLeft' ? -1 : 1;
      const unit = command || event.altKey ? 'word' : 'character';
      setSelectedIndex(null);
      setNotice(null);
      if (event.shiftKey) {
        setCaret((current) => ({ ...current, focus: moveCaret(text, current.focus, direction, unit) }));
      } else {
        setCaret((current) => {
          if (current.anchor !== current.focus && unit === 'character') {
            const edge =
              direction < 0
                ? Math.min(current.anchor, current.focus)
                : Math.max(current.anchor, current.focus);
            return { anchor: edge, focus: edge };
          }
          const next = moveCaret(text, current.focus, direction, unit);
          return { anchor: next, focus: next };
        });
      }
      return true;
    }
    if (key === 'Home' || key === 'End') {
      const to = key === 'Home' ? 0 : text.length;
      setSelectedIndex(null);
      setCaret((current) => (event.shiftKey ? { ...current, focus: to } : { anchor: to, focus: to }));
      return true;
    }
    if (command || event.altKey) return false;
    if (/^[0-9]$/.test(key)) {
      typeNumber(key, level.length);
      return true;
    }
    if (key === 'Delete' || (key === 'Backspace' && selected !== null)) {
      deleteSelected();
      return true;
    }
    if (key === 'Backspace' && path.length > 0) {
      setPath(path.slice(0, -1));
      return true;
    }
    if (key === 'Escape') {
      if (path.length > 0) setPath(path.slice(0, -1));
      else if (selected !== null) setSelectedIndex(null);
      else if (caret.anchor !== caret.focus) setCaret({ anchor: caret.focus, focus: caret.focus });
      else return false;
      setNotice(null);
      return true;
    }
    if ((key === '[' || key === ']') && spans.length > 0) {
      const step = key === ']' ? 1 : -1;
      const from = selected ?? (step > 0 ? -1 : spans.length);
      selectSpan((from + step + spans.length) % spans.length);
      return true;
    }
    return false;
  });

  // A selection ends wherever the button is released, possibly outside the text, so the release is
  // watched on the window; the press says which run (and so which spans) a plain click meant.
  const finishSelection = (pressedRun: HTMLElement | null) => {
    const root = textRef.current;
    const browserSelection = window.getSelection();
    if (!root || !browserSelection || browserSelection.rangeCount === 0) return;
    const { anchorNode, anchorOffset, focusNode, focusOffset } = browserSelection;
    if (!anchorNode || !focusNode) return;
    if (!browserSelection.isCollapsed) {
      const anchor = offsetOfPoint(root, anchorNode, anchorOffset, text.length);
      const focus = offsetOfPoint(root, focusNode, focusOffset, text.length);
      if (anchor === null && focus === null) return;
      browserSelection.removeAllRanges();
      root.focus();
      const range = normalizeSelection(text, anchor ?? 0, focus ?? text.length);
      setSelectedIndex(null);
      setNotice(null);
      setCaret(
        range ? { anchor: range.start, focus: range.end } : { anchor: caret.focus, focus: caret.focus },
      );
      return;
    }
    const offset = offsetOfPoint(root, anchorNode, anchorOffset, text.length);
    if (offset !== null) setCaret({ anchor: offset, focus: offset });
    const index = pressedRun ? spanToSelect(spans, Number(pressedRun.dataset.start), selected) : undefined;
    setSelectedIndex(index ?? null);
    setNotice(null);
  };

  const onMouseDown = (event: MouseEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    const target = event.target as HTMLElement;
    if (target.closest('.ner-tag')) return;
    const run = target.closest<HTMLElement>('[data-start]');
    window.addEventListener('mouseup', () => finishSelection(run), { once: true });
  };

  const selectedSpan = selected === null ? undefined : spans[selected];
  const range = normalizeSelection(text, caret.anchor, caret.focus);
  let status: string;
  if (notice) status = notice;
  else if (selectedSpan)
    status = `${describeSpan(text, selectedSpan)} selected: pick a label to change it, Delete removes it, Esc deselects.`;
  else if (range) status = `“${text.slice(range.start, range.end)}” selected: pick a label to mark it.`;
  else status = 'Select text with the mouse or Shift+←/→, then pick a label.';

  return (
    <div className="ner">
      <LabelPalette
        labels={labels}
        path={path}
        colors={colors}
        counts={countLabels(spans)}
        onPick={applyLabel}
        onOpen={setPath}
      />
      <p className={notice ? 'ner-status ner-status--problem' : 'ner-status'} aria-live="polite">
        {status}
      </p>
      <div className="ner-body">
        <NerTextView
          ref={textRef}
          text={text}
          spans={spans}
          colors={colors}
          selection={caret}
          caret={active && focused && selected === null ? caret.focus : null}
          selectedSpan={selected}
          onTagClick={(index) => selectSpan(index === selected ? null : index)}
          textProps={{
            tabIndex: 0,
            role: 'textbox',
            'aria-readonly': true,
            'aria-multiline': true,
            'aria-label': 'Text to annotate',
            onMouseDown,
            onFocus: () => setFocused(true),
            onBlur: () => setFocused(false),
          }}
        />
        <SpanList
          text={text}
          spans={spans}
          colors={colors}
          selected={selected}
          onSelect={selectSpan}
          onDelete={(index) => {
            commit({ spans: removeSpan(spans, index) });
            setSelectedIndex(null);
          }}
        />
      </div>
    </div>
  );
}

function countLabels(spans: readonly { label: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const span of spans) counts.set(span.label, (counts.get(span.label) ?? 0) + 1);
  return counts;
}

interface LabelPaletteProps {
  labels: readonly EntityLabel[];
  path: readonly number[];
  colors: ReadonlyMap<string, string>;
  counts: ReadonlyMap<string, number>;
  onPick: (name: string) => void;
  onOpen: (path: number[]) => void;
}

/** The labels as buttons; the open level's items carry their number key. */
function LabelPalette({ labels, path, colors, counts, onPick, onOpen }: LabelPaletteProps) {
  const renderLevel = (items: readonly EntityLabel[], at: number[]) =>
    items.map((label, index) => {
      const here = [...at, index];
      const keyed = at.length === path.length && at.every((step, i) => step === path[i]);
      const key = keyed ? String(index + 1) : null;
      if (label.children) {
        const open = path.length >= here.length && here.every((step, i) => step === path[i]);
        return (
          <fieldset key={label.name} className={open ? 'ner-group ner-group--open' : 'ner-group'}>
            <legend>
              <button
                type="button"
                className="ner-group__name"
                aria-expanded={open}
                onClick={() => onOpen(open ? at : here)}
                title={label.description}
              >
                {key && <kbd>{key}</kbd>}
                {label.name}
              </button>
            </legend>
            {renderLevel(label.children, here)}
          </fieldset>
        );
      }
      const count = counts.get(label.name) ?? 0;
      return (
        <button
          key={label.name}
          type="button"
          className="ner-label"
          style={{ '--ner-label': colors.get(label.name) } as CSSProperties}
          onClick={() => onPick(label.name)}
          title={label.description}
          aria-description={label.description}
        >
          {key && <kbd>{key}</kbd>}
          <span className="ner-label__swatch" aria-hidden="true" />
          {label.name}
          {count > 0 && <span className="ner-label__count">{count}</span>}
        </button>
      );
    });
  return (
    <div className="ner-palette" role="toolbar" aria-label="Entity labels">
      {renderLevel(labels, [])}
      {hasGroups(labels) && (
        <span className="ner-palette__hint">
          {path.length > 0 ? 'Backspace: back to all labels' : 'A group’s number opens it'}
        </span>
      )}
    </div>
  );
}

interface SpanListProps {
  text: string;
  spans: NerDraft['spans'];
  colors: ReadonlyMap<string, string>;
  selected: number | null;
  onSelect: (index: number | null) => void;
  onDelete: (index: number) => void;
}

/** The spans in reading order, to select or delete one without finding it in the text. */
function SpanList({ text, spans, colors, selected, onSelect, onDelete }: SpanListProps) {
  return (
    <aside className="ner-spans" aria-label="Spans">
      <h3 className="ner-spans__title">
        Spans <span className="ner-spans__count">{spans.length}</span>
      </h3>
      {spans.length === 0 && <p className="ner-spans__empty">No spans yet.</p>}
      <ul>
        {spans.map((span, index) => (
          <li
            key={`${span.start}:${span.end}:${span.label}`}
            className={index === selected ? 'ner-span ner-span--selected' : 'ner-span'}
            style={{ '--ner-label': colors.get(span.label) } as CSSProperties}
          >
            <button
              type="button"
              className="ner-span__pick"
              aria-pressed={index === selected}
              onClick={() => onSelect(index === selected ? null : index)}
            >
              <span className="ner-span__label">{span.label}</span>
              <span className="ner-span__text">{text.slice(span.start, span.end)}</span>
            </button>
            <button
              type="button"
              className="ner-span__delete"
              aria-label={`Delete ${describeSpan(text, span)}`}
              onClick={() => onDelete(index)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
