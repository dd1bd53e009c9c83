/** A 0..1 score shown as a percentage beside a small bar coloured by how good it is. */
import { formatPercent } from '../shared/format.ts';

/** A score as a percentage with a small bar; a dash when there is none. */
export function ScoreBar({ score }: { score: number | null }) {
  if (score === null) return <span className="muted">—</span>;
  const tone = score >= 0.8 ? 'ok' : score >= 0.5 ? 'wait' : 'bad';
  return (
    <span className="score-bar" data-tone={tone}>
      <span className="score-bar__track" aria-hidden="true">
        <span className="score-bar__fill" style={{ width: `${Math.round(score * 100)}%` }} />
      </span>
      {formatPercent(score, 0)}
    </span>
  );
}
