/**
 * The task's criteria rated for one response, inside its card: each criterion's title (marked when
 * optional, with its description) beside a {@link RatingScale}. Shared by the pairwise preference and
 * ranking editors, which differ only in where a rating is kept.
 */
import type { Criterion } from '@groundwork/domain';
import { RatingScale } from './rating-scale.tsx';
import './genai.css';

/** The scale of a criterion that names none. */
const DEFAULT_SCALE = { min: 1, max: 7 };

/** Props of {@link CriteriaRatings}. */
export interface CriteriaRatingsProps {
  /** The task's criteria, in order. */
  criteria: readonly Criterion[];
  /** The letter of the response's position (`A`), for the scales' accessible names. */
  letter: string;
  /** The rating given on a criterion, or null. */
  ratingOf: (criterion: Criterion) => number | null;
  /** Called with a new rating on a criterion. */
  onRate: (criterion: Criterion, rating: number) => void;
}

/** One row per criterion: its title and the response's rating on it. */
export function CriteriaRatings({ criteria, letter, ratingOf, onRate }: CriteriaRatingsProps) {
  return (
    <dl className="genai-criteria">
      {criteria.map((criterion) => {
        const { min, max } = criterion.scale ?? DEFAULT_SCALE;
        const value = ratingOf(criterion);
        return (
          <div key={criterion.key} className="genai-criterion">
            <dt>
              {criterion.title}
              {!criterion.required && <span className="genai-optional"> optional</span>}
              {criterion.description && <small>{criterion.description}</small>}
            </dt>
            <dd>
              <RatingScale
                label={`${criterion.title} of Response ${letter}`}
                min={min}
                max={max}
                value={value}
                missing={criterion.required && value === null}
                onChange={(rating) => onRate(criterion, rating)}
              />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
