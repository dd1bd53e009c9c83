/** Free-text consensus: the most central answer, unless a reviewer already accepted one. */

import { meanPairwiseSimilarity, medoidIndex, textSimilarity } from '../../shared/consensus.ts';

/** Options of {@link textMedoid}. */
export interface TextMedoidOptions {
  /**
   * Similarity of two texts in [0, 1] (default: {@link textSimilarity}, the Jaccard index of their
   * normalised word tokens).
   */
  similarity?: (a: string, b: string) => number;
  /** Index of the text a reviewer accepted: it wins outright, whatever the similarities say. */
  accepted?: number;
}

/** The consensus text and how it was chosen. */
export interface TextConsensus {
  /** Index of the chosen text in the input. */
  index: number;
  /** The chosen text. */
  text: string;
  /** `accepted` when a reviewer's choice was taken, `medoid` when the similarities chose. */
  source: 'accepted' | 'medoid';
  /** Mean similarity of the chosen text to the others, in [0, 1]; 1 when there is a single text. */
  support: number;
  /** Mean similarity over all pairs of texts, in [0, 1] (how much the annotators agree); 1 for one text. */
  agreement: number;
}

/**
 * Consensus of free-text answers: the medoid, the text with the highest summed similarity to the others
 * (the earliest on a tie), so a wording most annotators share wins and an outlier never does; unlike a
 * mean, it is always one of the answers. When `accepted` is given (a reviewer picked one), that text is the
 * consensus and the similarities only fill `support` and `agreement`.
 *
 * Empty input gives `null` (there is no consensus to state).
 *
 * @throws RangeError when `accepted` is not an index of `texts`.
 * @example
 * textMedoid(['a red car', 'red car', 'blue boat'])?.text; // 'a red car'
 */
export function textMedoid(texts: readonly string[], options: TextMedoidOptions = {}): TextConsensus | null {
  const similarity = options.similarity ?? textSimilarity;
  const { accepted } = options;
  if (accepted !== undefined && !(Number.isInteger(accepted) && accepted >= 0 && accepted < texts.length)) {
    throw new RangeError(`accepted ${accepted} is not an index of the ${texts.length} texts`);
  }
  if (texts.length === 0) return null;
  const index = accepted ?? medoidIndex(texts, similarity);
  const text = texts[index] as string;
  let support = 1;
  if (texts.length > 1) {
    let sum = 0;
    texts.forEach((other, i) => {
      if (i !== index) sum += similarity(text, other);
    });
    support = Math.min(1, Math.max(0, sum / (texts.length - 1)));
  }
  return {
    index,
    text,
    source: accepted === undefined ? 'medoid' : 'accepted',
    support,
    agreement: meanPairwiseSimilarity(texts, similarity),
  };
}
