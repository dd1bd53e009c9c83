/**
 * The benchmark's crowd: the domain's seeded `syntheticCrowd` with workers of varied skill — experts,
 * good and mediocre annotators, spammers who answer at random, and annotators who systematically mistake
 * each class for the next one — and skewed class priors. The same seed gives the same crowd.
 */
import { mulberry32, type SyntheticCrowd, symmetricConfusion, syntheticCrowd } from '@groundwork/domain';

/** The crowd's shape. */
export interface CrowdOptions {
  tasks: number;
  labelsPerTask: number;
  classes: number;
  workers: number;
  seed: number;
}

/** Worker kinds, their share of the crowd and accuracy. */
const KINDS = [
  { kind: 'expert', share: 0.15, accuracy: 0.92 },
  { kind: 'good', share: 0.35, accuracy: 0.78 },
  { kind: 'mediocre', share: 0.25, accuracy: 0.6 },
  { kind: 'confuser', share: 0.1, accuracy: 0.8 },
  { kind: 'spammer', share: 0.15, accuracy: 0 },
] as const;

/** Right with probability `accuracy`, otherwise always the next class. */
function confuserMatrix(size: number, accuracy: number): number[][] {
  return Array.from({ length: size }, (_, k) =>
    Array.from({ length: size }, (_, l) => (l === k ? accuracy : l === (k + 1) % size ? 1 - accuracy : 0)),
  );
}

/** Generates the crowd (answers and truth) and its class names. */
export function generateCrowd(options: CrowdOptions): SyntheticCrowd & { classes: string[] } {
  const random = mulberry32(options.seed ^ 0x5eed);
  const size = options.classes;
  const classes = Array.from({ length: size }, (_, index) => `c${index}`);
  const workers = Array.from({ length: options.workers }, () => {
    let pick = random();
    for (const kind of KINDS) {
      if (pick < kind.share) {
        if (kind.kind === 'spammer') return symmetricConfusion(size, 1 / size);
        if (kind.kind === 'confuser') return confuserMatrix(size, kind.accuracy);
        return symmetricConfusion(size, kind.accuracy);
      }
      pick -= kind.share;
    }
    return symmetricConfusion(size, 1 / size);
  });
  // Skewed priors: the first class is the most common.
  const priors = classes.map((_, index) => (index === 0 ? 0.4 + 0.6 / size : 0.6 / size));
  const crowd = syntheticCrowd({
    tasks: options.tasks,
    classes,
    workers,
    labelsPerTask: options.labelsPerTask,
    priors,
    seed: options.seed,
  });
  return { ...crowd, classes };
}
