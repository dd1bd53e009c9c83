import { setF1 } from '../../shared/consensus.ts';
import { spanKeys } from './consensus.ts';
import type { NamedentityrecognitionParams, NamedentityrecognitionResponse } from './index.ts';

/**
 * Score of a NER answer against a reference: the span F1 score 2·|answer ∩ reference| / (|answer| +
 * |reference|), a span matching only with the same start, end and label (the CoNLL exact-match rule: a
 * span off by one character is wrong, not half right). Missed and extra spans both lower it; two answers
 * without spans score 1. The optional `text` is not compared. Symmetric.
 */
export function namedentityrecognitionScore(
  _params: NamedentityrecognitionParams,
  answer: NamedentityrecognitionResponse,
  reference: NamedentityrecognitionResponse,
): number {
  return setF1(spanKeys(answer), spanKeys(reference));
}
