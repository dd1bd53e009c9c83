/**
 * Which answers the task page shows over the attachment: every labeling answer of one round, each in its own
 * colour, and — for the task's current round — the final response (or, while in review, the consensus under
 * review) in green, drawn last so it lies on top.
 */
import type { ShownAnswer } from '../../task-types/contract.ts';
import type { TaskTimeline } from './format.ts';

/** Colours of the annotators' answers, in slot order (green is kept for the final answer). */
export const ANSWER_COLORS = ['#2563eb', '#d97706', '#9333ea', '#0891b2', '#db2777', '#65a30d', '#dc2626'];
/** The colour of the final answer. */
export const FINAL_COLOR = '#15803d';

/** The rounds with labeling answers, and the task's current round, ascending. */
export function roundsOf(timeline: TaskTimeline): number[] {
  const rounds = new Set<number>([timeline.task.round]);
  for (const a of timeline.assignments) {
    if (a.stage === 'label' && a.status === 'submitted') rounds.add(a.round);
  }
  return [...rounds].sort((x, y) => x - y);
}

/** The round the page opens on: the current one when it has answers, else the latest that has. */
export function defaultRound(timeline: TaskTimeline): number {
  const answered = timeline.assignments.filter((a) => a.stage === 'label' && a.status === 'submitted');
  if (answered.some((a) => a.round === timeline.task.round) || answered.length === 0)
    return timeline.task.round;
  return Math.max(...answered.map((a) => a.round));
}

/** Who gave an answer, as a legend says it. */
export function personName(person: { name: string | null; email: string | null }): string {
  return person.name || person.email || 'Former member';
}

/** The answers to show for `round`: each annotator's (slot order), then the final one of the current round. */
export function shownAnswers(timeline: TaskTimeline, round: number): ShownAnswer<unknown>[] {
  const answers: ShownAnswer<unknown>[] = timeline.assignments
    .filter(
      (a) => a.stage === 'label' && a.status === 'submitted' && a.round === round && a.response !== null,
    )
    .sort((a, b) => a.slot - b.slot)
    .map((a, index) => ({
      key: a.id,
      title: personName(a.annotator),
      response: a.response,
      color: ANSWER_COLORS[index % ANSWER_COLORS.length] as string,
    }));
  if (round !== timeline.task.round) return answers;
  const { task, final } = timeline;
  if (task.status === 'completed' && final.response !== null) {
    answers.push({
      key: 'final',
      title: 'Final',
      response: final.response,
      color: FINAL_COLOR,
      emphasized: true,
    });
  } else if (task.stage === 'review' && final.consensus !== null) {
    answers.push({
      key: 'consensus',
      title: 'Consensus (in review)',
      response: final.consensus,
      color: FINAL_COLOR,
      emphasized: true,
    });
  }
  return answers;
}

/**
 * Where the browser reads an attachment: a stored file (`groundwork://files/<id>`) through the API, which
 * console members may read; any other URL as it is.
 */
export function consoleUrl(reference: string): string {
  const match = /^groundwork:\/\/files\/([0-9a-f]{24})$/.exec(reference);
  return match ? `/api/files/${match[1]}/content` : reference;
}
