/**
 * A keyboard-first chooser over a tree of labels (Scale's `LabelDescription`: plain names or `{choice,
 * subchoices, display}`). A group opens its sub-choices; only leaves are chosen. Used wherever a labeler picks
 * one or several labels: categories, comparison choices, attribute values.
 */
import type { LabelOption } from '@groundwork/domain';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { isTypingTarget } from './keys.ts';
import {
  filterLeaves,
  groupsAlong,
  type LabelChoicesAction,
  type LeafEntry,
  labelChoicesKeyAction,
  labelChoicesReducer,
  leafEntries,
  levelAt,
  optionChildren,
  optionDisplay,
  optionLabel,
  selectedWithin,
} from './label-choices-state.ts';
import './label-choices.css';

/** Beyond this many leaves the chooser offers a filter box (`/`), since 1–9 no longer reach every label. */
const FILTER_FROM_LEAVES = 10;

/** Props of {@link LabelChoices}. */
export interface LabelChoicesProps {
  /** What is being chosen, for screen readers and the heading (`Category`). */
  name: string;
  /** The label tree. */
  options: readonly LabelOption[];
  /** The chosen leaf labels. */
  selected: readonly string[];
  /** Whether several leaves may be chosen (keys then toggle). */
  multiple: boolean;
  /** Called with the new choice, in tree order. */
  onChange: (selected: string[]) => void;
  /**
   * Whether the chooser answers keys typed anywhere on the page (`1`–`9`, Backspace, `/`). Only one chooser
   * on a page should; keys typed into inputs, text areas and editable content are never taken.
   */
  keyboard: boolean;
}

/** A nested, numbered label chooser with a breadcrumb, a filter for long lists and the chosen labels as chips. */
export function LabelChoices({ name, options, selected, multiple, onChange, keyboard }: LabelChoicesProps) {
  const [path, setPath] = useState<readonly number[]>([]);
  const [query, setQuery] = useState('');
  const [highlight, setHighlight] = useState(0);
  const filterRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const leaves = useMemo(() => leafEntries(options), [options]);
  const showFilter = leaves.length >= FILTER_FROM_LEAVES;
  const matches = useMemo(() => filterLeaves(options, query), [options, query]);
  const filtering = query.trim() !== '';

  const dispatch = (action: LabelChoicesAction) => {
    const state = { path, selected };
    const next = labelChoicesReducer({ options, multiple }, state, action);
    if (next.path !== path) setPath(next.path);
    if (next.selected !== selected) onChange([...next.selected]);
  };
  const dispatchRef = useRef(dispatch);
  dispatchRef.current = dispatch;

  useEffect(() => {
    if (!keyboard) return;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      if (event.key === '/' && filterRef.current) {
        event.preventDefault();
        filterRef.current.focus();
        return;
      }
      const action = labelChoicesKeyAction(event);
      if (!action) return;
      event.preventDefault();
      dispatchRef.current(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [keyboard]);

  const chooseMatch = (entry: LeafEntry) => {
    dispatch({ type: 'toggle', label: entry.label });
    if (!multiple) {
      setQuery('');
      setPath(entry.path);
    }
  };

  const onFilterKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setHighlight((index) => Math.max(0, Math.min(matches.length - 1, index + step)));
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      const entry = matches[highlight];
      if (entry) {
        event.preventDefault();
        chooseMatch(entry);
      }
    } else if (event.key === 'Escape') {
      // First Esc clears the filter, the second leaves it so 1–9 choose again.
      event.preventDefault();
      if (query !== '') setQuery('');
      else event.currentTarget.blur();
    }
  };

  const level = levelAt(options, path);
  const groups = groupsAlong(options, path);
  const chosen = new Set(selected);
  const byLabel = new Map(leaves.map((entry) => [entry.label, entry]));
  // A flat single choice already shows its choice as the highlighted option; a chip would only repeat it.
  const showChosen =
    multiple ||
    leaves.some((entry) => entry.trail.length > 0) ||
    selected.some((label) => !byLabel.has(label));

  return (
    <section className="label-choices" aria-labelledby={headingId} data-multiple={multiple}>
      <div className="label-choices__head">
        <h3 id={headingId} className="label-choices__title">
          {name}
          <span className="label-choices__mode">{multiple ? 'choose any' : 'choose one'}</span>
        </h3>
        {groups.length > 0 && (
          <button
            type="button"
            className="label-choices__back"
            onClick={() => dispatch({ type: 'back' })}
            aria-keyshortcuts="Backspace"
          >
            ← Back <kbd className="label-choices__key">⌫</kbd>
          </button>
        )}
      </div>

      {groups.length > 0 && (
        <nav className="label-choices__crumbs" aria-label={`${name} groups`}>
          <button type="button" onClick={() => dispatch({ type: 'up-to', depth: 0 })}>
            All
          </button>
          {groups.map((group, depth) => (
            <span key={path.slice(0, depth + 1).join('.')} className="label-choices__crumb">
              <span aria-hidden="true">›</span>
              {depth === groups.length - 1 ? (
                <span aria-current="location">{optionDisplay(group)}</span>
              ) : (
                <button type="button" onClick={() => dispatch({ type: 'up-to', depth: depth + 1 })}>
                  {optionDisplay(group)}
                </button>
              )}
            </span>
          ))}
        </nav>
      )}

      {showFilter && (
        <div className="label-choices__filter">
          <input
            ref={filterRef}
            type="search"
            value={query}
            placeholder={`Filter ${leaves.length} labels…`}
            aria-label={`Filter ${name.toLowerCase()} labels`}
            aria-keyshortcuts="/"
            onChange={(event) => {
              setQuery(event.target.value);
              setHighlight(0);
            }}
            onKeyDown={onFilterKey}
          />
          <span className="label-choices__slash" aria-hidden="true">
            /
          </span>
        </div>
      )}

      {filtering ? (
        <ul className="label-choices__list" aria-label={`${name} labels matching “${query.trim()}”`}>
          {matches.length === 0 && <li className="label-choices__empty">No label matches.</li>}
          {matches.map((entry, index) => (
            <li key={entry.label}>
              <button
                type="button"
                className="label-choices__option"
                data-highlight={index === highlight}
                aria-pressed={chosen.has(entry.label)}
                onClick={() => chooseMatch(entry)}
              >
                <span className="label-choices__text">
                  {entry.trail.length > 0 && (
                    <span className="label-choices__trail">{entry.trail.join(' › ')} › </span>
                  )}
                  {entry.display}
                </span>
                <span className="label-choices__mark" aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <ul
          className="label-choices__list"
          aria-label={groups.length > 0 ? optionDisplay(groups.at(-1)!) : name}
        >
          {level.map((option, index) => {
            const label = optionLabel(option);
            const key = index < 9 ? String(index + 1) : undefined;
            if (optionChildren(option)) {
              const count = selectedWithin(option, selected);
              return (
                <li key={`group-${label}`}>
                  <button
                    type="button"
                    className="label-choices__option label-choices__option--group"
                    aria-keyshortcuts={key}
                    aria-label={`${optionDisplay(option)}: open group${count > 0 ? `, ${count} chosen` : ''}`}
                    onClick={() => dispatch({ type: 'press', index })}
                  >
                    <kbd className="label-choices__key">{key ?? ''}</kbd>
                    <span className="label-choices__text">{optionDisplay(option)}</span>
                    {count > 0 && <span className="label-choices__count">{count}</span>}
                    <span className="label-choices__chevron" aria-hidden="true">
                      ›
                    </span>
                  </button>
                </li>
              );
            }
            return (
              <li key={`leaf-${label}`}>
                <button
                  type="button"
                  className="label-choices__option"
                  aria-pressed={chosen.has(label)}
                  aria-keyshortcuts={key}
                  onClick={() => dispatch({ type: 'press', index })}
                >
                  <kbd className="label-choices__key">{key ?? ''}</kbd>
                  <span className="label-choices__text">{optionDisplay(option)}</span>
                  <span className="label-choices__mark" aria-hidden="true" />
                </button>
              </li>
            );
          })}
        </ul>
      )}

      {showChosen && (
        <div className="label-choices__chosen" aria-live="polite">
          {selected.length === 0 ? (
            <span className="label-choices__none">Nothing chosen yet</span>
          ) : (
            <>
              <span className="label-choices__chosen-title">Chosen</span>
              <ul>
                {selected.map((label) => {
                  const entry = byLabel.get(label);
                  return (
                    <li key={label} className="label-choices__chip" data-unknown={!entry}>
                      <span>
                        {entry && entry.trail.length > 0 && (
                          <span className="label-choices__trail">{entry.trail.join(' › ')} › </span>
                        )}
                        {entry ? entry.display : `${label} (not in this task)`}
                      </span>
                      {(multiple || !entry) && (
                        <button
                          type="button"
                          aria-label={`Remove ${entry ? entry.display : label}`}
                          onClick={() => dispatch({ type: 'remove', label })}
                        >
                          ×
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
