/**
 * The ranking editor: the prompt and the responses in the order the server chose for this assignment (each
 * card with its criteria ratings), beside the ranking being built. The ranking is a sortable list: drag a
 * row by its handle, or focus a row (↑/↓) and move it with Alt+↑/↓ or K/J, send it to a rank with a number,
 * tie it with the row above with `=` when the task allows ties. All moves are the pure functions of
 * `ranks.ts`; the draft holds response ids, so the answer never depends on the order shown.
 */
import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { RankingParams } from '@groundwork/domain';
import { type CSSProperties, useLayoutEffect, useRef, useState } from 'react';
import { CriteriaRatings } from '../../components/genai/criteria-ratings.tsx';
import { JustificationField } from '../../components/genai/justification-field.tsx';
import { PromptView } from '../../components/genai/prompt-view.tsx';
import { ResponseCard } from '../../components/genai/response-card.tsx';
import { useEditorKeys, useNumberKeys } from '../../components/use-keys.ts';
import type { TaskEditorProps } from '../contract.ts';
import { positionLetter, shownOrder } from '../display-order.ts';
import { currentRanking, type RankingDraft } from './draft.ts';
import { excerpt } from './excerpt.ts';
import { flatten, moveStep, moveToPosition, moveToRank, type Ranking, rankOf, toggleTie } from './ranks.ts';
import './ranking.css';

/** The editor, as described in the module comment. */
export function RankingEditor({
  params,
  draft,
  onChange,
  displayOrder,
  active,
}: TaskEditorProps<RankingParams, RankingDraft>) {
  const order = shownOrder(params.responses.length, displayOrder);
  const ranking = currentRanking(params, draft, displayOrder);
  const flat = flatten(ranking);
  const letterOf = new Map(
    order.map((item, position) => [params.responses[item]?.id as string, positionLetter(position)]),
  );
  const contentOf = new Map(params.responses.map((candidate) => [candidate.id, candidate.content]));
  const [currentId, setCurrentId] = useState<string | null>(null);
  const rows = useRef(new Map<string, HTMLLIElement>());
  const keepFocus = useRef(false);

  const update = (next: Partial<RankingDraft>) => onChange({ ...draft, displayOrder: order, ...next });
  const rerank = (next: Ranking) => update({ ranking: next });

  const focusRow = (id: string) => {
    setCurrentId(id);
    rows.current.get(id)?.focus();
  };

  // React moves a reordered row's DOM node, which drops its focus; give it back.
  useLayoutEffect(() => {
    if (!keepFocus.current || currentId === null) return;
    keepFocus.current = false;
    rows.current.get(currentId)?.focus();
  });

  const moveCurrent = (move: (ranking: Ranking, id: string) => Ranking) => {
    if (currentId === null || !flat.includes(currentId)) return false;
    keepFocus.current = true;
    rerank(move(ranking, currentId));
    return true;
  };

  const typeRank = useNumberKeys((rank) => moveCurrent((r, id) => moveToRank(r, id, rank)));

  useEditorKeys(active, (event) => {
    const onRow = event.target instanceof HTMLElement && event.target.classList.contains('rank-row');
    const key = event.key;
    if (event.ctrlKey || event.metaKey) return false;
    if (event.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
      return moveCurrent((r, id) => moveStep(r, id, key === 'ArrowUp' ? -1 : 1));
    }
    if (event.altKey) return false;
    if (key === 'ArrowUp' || key === 'ArrowDown') {
      const index = currentId === null ? -1 : flat.indexOf(currentId);
      const next =
        index < 0
          ? flat[0]
          : flat[Math.max(0, Math.min(flat.length - 1, index + (key === 'ArrowUp' ? -1 : 1)))];
      if (next === undefined) return false;
      focusRow(next);
      return true;
    }
    if (key === 'k' || key === 'K' || key === 'j' || key === 'J') {
      return moveCurrent((r, id) => moveStep(r, id, key.toLowerCase() === 'k' ? -1 : 1));
    }
    if (/^[0-9]$/.test(key) && currentId !== null) {
      typeRank(key, flat.length);
      return true;
    }
    if (key === '=' && params.allow_ties) return moveCurrent(toggleTie);
    if (key === 'Enter' && onRow && draft.ranking === null) {
      rerank(ranking);
      return true;
    }
    return false;
  });

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  const onDragEnd = ({ active: dragged, over }: DragEndEvent) => {
    if (!over) return;
    const id = String(dragged.id);
    const target = flat.indexOf(String(over.id));
    if (target < 0 || id === String(over.id)) return;
    setCurrentId(id);
    rerank(moveToPosition(ranking, id, target));
  };

  return (
    <div className="rank">
      <PromptView prompt={params.prompt} />
      <div className="rank-main">
        <div className="rank-cards">
          {order.map((item, position) => {
            const candidate = params.responses[item];
            if (!candidate) return null;
            const rank = draft.ranking ? rankOf(draft.ranking, candidate.id) : 0;
            return (
              <ResponseCard
                key={candidate.id}
                letter={positionLetter(position)}
                content={candidate.content}
                badge={
                  <span className={rank > 0 ? 'rank-badge' : 'rank-badge rank-badge--none'}>
                    {rank > 0 ? `Rank ${rank}` : 'Not ranked'}
                  </span>
                }
              >
                {params.criteria && (
                  <CriteriaRatings
                    criteria={params.criteria}
                    letter={positionLetter(position)}
                    ratingOf={(criterion) => draft.ratings[criterion.key]?.[candidate.id] ?? null}
                    onRate={(criterion, rating) =>
                      update({
                        ratings: {
                          ...draft.ratings,
                          [criterion.key]: { ...draft.ratings[criterion.key], [candidate.id]: rating },
                        },
                      })
                    }
                  />
                )}
              </ResponseCard>
            );
          })}
        </div>
        <aside className="rank-panel" aria-label="Your ranking">
          <h3 className="genai-heading">Your ranking · best first</h3>
          {draft.ranking === null && (
            <div className="rank-unranked">
              <p>Shown in random order. Drag the rows into your order, or focus one and press Alt+↑/↓.</p>
              <button type="button" className="button button--small" onClick={() => rerank(ranking)}>
                Keep this order
              </button>
            </div>
          )}
          <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
            <SortableContext items={flat} strategy={verticalListSortingStrategy}>
              <ol className={draft.ranking === null ? 'rank-list rank-list--unranked' : 'rank-list'}>
                {ranking.map((group, groupIndex) =>
                  group.map((id, member) => (
                    <RankRow
                      key={id}
                      id={id}
                      rank={groupIndex + 1}
                      member={member}
                      groupSize={group.length}
                      letter={letterOf.get(id) ?? '?'}
                      text={excerpt(contentOf.get(id) ?? '')}
                      total={ranking.length}
                      current={id === currentId}
                      allowTies={params.allow_ties}
                      canTie={groupIndex > 0 || member > 0}
                      rowRef={(element) => {
                        if (element) rows.current.set(id, element);
                        else rows.current.delete(id);
                      }}
                      onFocus={() => setCurrentId(id)}
                      onMove={(direction) => {
                        setCurrentId(id);
                        rerank(moveStep(ranking, id, direction));
                      }}
                      onTie={() => {
                        setCurrentId(id);
                        rerank(toggleTie(ranking, id));
                      }}
                    />
                  )),
                )}
              </ol>
            </SortableContext>
          </DndContext>
          <JustificationField
            value={draft.justification}
            onChange={(justification) => update({ justification })}
            required={params.require_justification}
            prompt="Why this order?"
          />
        </aside>
      </div>
    </div>
  );
}

interface RankRowProps {
  id: string;
  rank: number;
  member: number;
  groupSize: number;
  letter: string;
  text: string;
  total: number;
  current: boolean;
  allowTies: boolean;
  canTie: boolean;
  rowRef: (element: HTMLLIElement | null) => void;
  onFocus: () => void;
  onMove: (direction: -1 | 1) => void;
  onTie: () => void;
}

/** One response in the ranking list: handle, rank (shown once per tie), letter, first words, move buttons. */
function RankRow({
  id,
  rank,
  member,
  groupSize,
  letter,
  text,
  total,
  current,
  allowTies,
  canTie,
  rowRef,
  onFocus,
  onMove,
  onTie,
}: RankRowProps) {
  const { listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id });
  const tied = groupSize > 1;
  const style: CSSProperties = { transform: CSS.Translate.toString(transform), transition };
  const className = [
    'rank-row',
    current ? 'rank-row--current' : '',
    isDragging ? 'rank-row--dragging' : '',
    tied ? 'rank-row--tied' : '',
    tied && member === 0 ? 'rank-row--tie-first' : '',
    tied && member === groupSize - 1 ? 'rank-row--tie-last' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li
      ref={(element) => {
        setNodeRef(element);
        rowRef(element);
      }}
      style={style}
      className={className}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a focusable row is how the keyboard picks the response to move.
      tabIndex={0}
      aria-label={`Response ${letter}, rank ${rank} of ${total}${tied ? ', tied' : ''}`}
      onFocus={onFocus}
    >
      <span className="rank-row__handle" aria-hidden="true" {...listeners}>
        ⠿
      </span>
      <span className="rank-row__rank">{member === 0 ? rank : '='}</span>
      <span className="genai-card__letter">{letter}</span>
      <span className="rank-row__text">{text}</span>
      <span className="rank-row__actions">
        {allowTies && (
          <button
            type="button"
            tabIndex={-1}
            className={tied && member > 0 ? 'rank-row__button rank-row__button--on' : 'rank-row__button'}
            aria-label={tied ? `Untie Response ${letter}` : `Tie Response ${letter} with the one above`}
            title={tied ? 'Untie (=)' : 'Tie with the one above (=)'}
            disabled={!tied && !canTie}
            onClick={onTie}
          >
            =
          </button>
        )}
        <button
          type="button"
          tabIndex={-1}
          className="rank-row__button"
          aria-label={`Move Response ${letter} up`}
          onClick={() => onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          tabIndex={-1}
          className="rank-row__button"
          aria-label={`Move Response ${letter} down`}
          onClick={() => onMove(1)}
        >
          ↓
        </button>
      </span>
    </li>
  );
}
