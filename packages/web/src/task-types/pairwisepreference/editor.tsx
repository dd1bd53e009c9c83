/**
 * The pairwise-preference editor: the prompt, the two responses side by side in the order the server chose
 * for this assignment (each with its criteria ratings), then the verdict: which response is better (`A`,
 * `B`, `T` for a tie), how much (`1`–`N`) and why. Positions name the responses on screen; the draft and
 * the answer name the task's own responses (see `draft.ts`).
 */
import type { Criterion, PairwisepreferenceParams } from '@groundwork/domain';
import { useId } from 'react';
import { CriteriaRatings } from '../../components/genai/criteria-ratings.tsx';
import { JustificationField } from '../../components/genai/justification-field.tsx';
import { PromptView } from '../../components/genai/prompt-view.tsx';
import { RatingScale } from '../../components/genai/rating-scale.tsx';
import { ResponseCard } from '../../components/genai/response-card.tsx';
import { useEditorKeys, useNumberKeys } from '../../components/use-keys.ts';
import type { TaskEditorProps } from '../contract.ts';
import { positionLetter, shownOrder } from '../display-order.ts';
import { choosePosition, type PairwiseDraft, ratePosition, type Slot, slotOf } from './draft.ts';
import './pairwise.css';

/** Words at the ends of the strength scale. */
export const STRENGTH_ANCHORS: [string, string] = ['Slightly better', 'Overwhelmingly better'];

/** The editor, as described in the module comment. */
export function PairwiseEditor({
  params,
  draft,
  onChange,
  displayOrder,
  active,
}: TaskEditorProps<PairwisepreferenceParams, PairwiseDraft>) {
  const order = shownOrder(2, displayOrder);
  const choiceName = useId();
  const chosenPosition =
    draft.choice === null || draft.choice === 'tie' ? null : order.indexOf(draft.choice === 'A' ? 0 : 1);
  const recordOrder = (next: PairwiseDraft): PairwiseDraft => ({ ...next, displayOrder: order });
  const setStrength = (strength: number) => onChange(recordOrder({ ...draft, strength }));
  const typeNumber = useNumberKeys(setStrength);

  useEditorKeys(active, (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return false;
    const key = event.key.toLowerCase();
    if (key === 'a' || key === 'b') {
      onChange(choosePosition(draft, displayOrder, key === 'a' ? 0 : 1));
      return true;
    }
    if (key === 't' && params.allow_tie) {
      onChange(choosePosition(draft, displayOrder, 'tie'));
      return true;
    }
    if (/^[0-9]$/.test(key)) {
      typeNumber(key, params.likert_scale);
      return true;
    }
    return false;
  });

  const ratingOf = (criterion: Criterion, slot: Slot) => draft.ratings[criterion.key]?.[slot] ?? null;

  return (
    <div className="pw">
      <PromptView prompt={params.prompt} />
      <div className="pw-pair">
        {order.map((item, position) => {
          const candidate = params.responses[item];
          const slot = slotOf(item);
          return (
            <ResponseCard
              key={item}
              letter={positionLetter(position)}
              content={candidate?.content ?? ''}
              chosen={chosenPosition === position}
              tie={draft.choice === 'tie'}
            >
              {params.criteria && (
                <CriteriaRatings
                  criteria={params.criteria}
                  letter={positionLetter(position)}
                  ratingOf={(criterion) => ratingOf(criterion, slot)}
                  onRate={(criterion, rating) =>
                    onChange(ratePosition(draft, displayOrder, criterion.key, position, rating))
                  }
                />
              )}
            </ResponseCard>
          );
        })}
      </div>
      <section className="pw-verdict" aria-label="Your preference">
        <div className="pw-verdict__row">
          <h3 className="genai-heading">Which response is better?</h3>
          <div className="pw-choices" role="radiogroup" aria-label="Preferred response">
            {[0, 1].map((position) => (
              <label key={position} className="pw-choice">
                <input
                  type="radio"
                  name={choiceName}
                  checked={chosenPosition === position}
                  onChange={() => onChange(choosePosition(draft, displayOrder, position))}
                />
                <kbd>{positionLetter(position)}</kbd> Response {positionLetter(position)} is better
              </label>
            ))}
            {params.allow_tie && (
              <label className="pw-choice">
                <input
                  type="radio"
                  name={choiceName}
                  checked={draft.choice === 'tie'}
                  onChange={() => onChange(choosePosition(draft, displayOrder, 'tie'))}
                />
                <kbd>T</kbd> About the same
              </label>
            )}
          </div>
        </div>
        <div className="pw-verdict__row">
          <h3 className="genai-heading">
            How much better? <span className="pw-keys">keys 1–{params.likert_scale}</span>
          </h3>
          <RatingScale
            label="Strength of preference"
            min={1}
            max={params.likert_scale}
            value={draft.strength}
            onChange={setStrength}
            anchors={STRENGTH_ANCHORS}
            muted={draft.choice === 'tie'}
            missing={chosenPosition !== null && draft.strength === null}
          />
        </div>
        <JustificationField
          value={draft.justification}
          onChange={(justification) => onChange(recordOrder({ ...draft, justification }))}
          required={params.require_justification}
          prompt="Why?"
        />
      </section>
    </div>
  );
}
