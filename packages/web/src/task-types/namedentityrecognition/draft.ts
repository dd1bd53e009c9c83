/**
 * The named-entity draft and its conversion to and from the answer. The draft holds the spans in reading
 * order without their text; the answer adds each span's `text` (the domain checks it equals the slice),
 * which saves consumers from slicing UTF-16 offsets themselves.
 */
import {
  type FieldIssue,
  type NamedentityrecognitionParams,
  type NamedentityrecognitionResponse,
  namedentityrecognitionTaskType,
} from '@groundwork/domain';
import { checkAnswer } from '../check-answer.ts';
import type { DraftCheck } from '../contract.ts';
import { type Span, sortSpans } from './spans.ts';

/** What the editor keeps while the annotator works: the labeled spans, in reading order. */
export interface NerDraft {
  /** The spans; offsets as in the answer (UTF-16 code units, end exclusive). */
  spans: Span[];
}

/** The draft of a new assignment: no spans (the task type has no pre-labels). */
export function emptyNerDraft(): NerDraft {
  return { spans: [] };
}

/** The draft holding an answer (its spans in reading order, their `text` dropped). */
export function nerDraftFromResponse(response: NamedentityrecognitionResponse): NerDraft {
  return { spans: sortSpans(response.annotations.map(({ start, end, label }) => ({ start, end, label }))) };
}

/** The span as the annotator knows it: `“Ada Lovelace” (PER)`. */
export function describeSpan(text: string, span: Span | undefined): string {
  if (!span) return 'A span';
  const chars = [...text.slice(span.start, span.end)];
  const shown = chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : chars.join('');
  return `“${shown}” (${span.label})`;
}

/** One issue of the domain check, phrased for the annotator. */
export function describeNerIssue(text: string, spans: readonly Span[], issue: FieldIssue): string {
  const match = /^annotations\.(\d+)(?:\.(\w+))?$/.exec(issue.path);
  if (!match) return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
  const span = spans[Number(match[1])];
  const subject = describeSpan(text, span);
  const field = match[2];
  const overlap = /^overlaps annotations\.(\d+)$/.exec(issue.message);
  if (overlap) {
    return `${subject} overlaps ${describeSpan(text, spans[Number(overlap[1])])}; this task does not allow overlapping spans.`;
  }
  if (field === undefined && issue.message === 'duplicates an earlier span') {
    return `${subject} is marked twice with the same label; delete one.`;
  }
  if (field === 'label' && span) {
    return `${subject} uses the label “${span.label}”, which this task does not offer; give it another label.`;
  }
  if (field === 'end' && span && span.end > text.length) return `${subject} runs past the end of the text.`;
  if ((field === 'end' || field === 'start') && span && span.start >= span.end) return `${subject} is empty.`;
  return `${subject}: ${field ?? ''} ${issue.message}`.replace(/\s+/g, ' ');
}

/** The answer the draft makes, checked with the domain's rules (offsets, labels, duplicates, overlaps). */
export function nerToResponse(
  params: NamedentityrecognitionParams,
  draft: NerDraft,
): DraftCheck<NamedentityrecognitionResponse> {
  const spans = sortSpans(draft.spans);
  const response = {
    annotations: spans.map(({ start, end, label }) => ({
      start,
      end,
      label,
      text: params.text.slice(start, end),
    })),
  };
  return checkAnswer(namedentityrecognitionTaskType, params, response, (issue) =>
    describeNerIssue(params.text, spans, issue),
  );
}
