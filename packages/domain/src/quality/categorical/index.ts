/**
 * Categorical consensus: from many workers' labels per task to one label per task, with posteriors and
 * per-worker reliability. Shared conventions (class order, ties, missing labels) are in `answers.ts`.
 */
export type {
  CategoricalAnswer,
  CategoricalConsensus,
  CategoricalOptions,
  IterativeOptions,
} from './answers.ts';
export type { DawidSkeneOptions, DawidSkeneResult, OneCoinResult } from './dawid-skene.ts';
export { dawidSkene, oneCoinDawidSkene } from './dawid-skene.ts';
export type { GladOptions, GladResult } from './glad.ts';
export { glad } from './glad.ts';
export type { MaceOptions, MaceResult } from './mace.ts';
export { mace } from './mace.ts';
export { majorityVote, wawa } from './majority-vote.ts';
export type { SyntheticCrowd, SyntheticCrowdOptions } from './synthetic-crowd.ts';
export { accuracyAgainst, symmetricConfusion, syntheticCrowd } from './synthetic-crowd.ts';
