import * as z from 'zod';

/**
 * A label choice with optional sub-choices. A choice with `subchoices` only navigates: answers carry leaf labels.
 * `display` changes what the labeler sees, never the stored label.
 */
export interface LabelDescription {
  /** The stored label (for a leaf) or the name of a group of labels. */
  choice: string;
  /** Narrower labels; when present, `choice` itself cannot be answered. */
  subchoices?: LabelOption[] | undefined;
  /** Text shown to the labeler instead of `choice`. */
  display?: string | undefined;
  /** Whether each object of this label is a separate instance (used by segmentation-style tools). */
  instance_label?: boolean | undefined;
}

/** A label given either as its plain name or as a {@link LabelDescription}. */
export type LabelOption = string | LabelDescription;

/** Zod schema of a {@link LabelDescription} (recursive, strict). */
export const labelDescriptionSchema: z.ZodType<LabelDescription> = z.lazy(() =>
  z.strictObject({
    /** The stored label, or a group name when `subchoices` is given. */
    choice: z.string().min(1).describe('Stored label, or a group name when subchoices are given.'),
    /** Narrower labels; the group itself is not a valid answer. */
    subchoices: z.array(labelOptionSchema).min(1).optional().describe('Narrower labels.'),
    /** What the labeler sees instead of `choice`. */
    display: z.string().optional().describe('Text shown to the labeler instead of choice.'),
    /** One object per instance. */
    instance_label: z.boolean().optional().describe('Whether objects of this label are separate instances.'),
  }),
);

/** A label: plain string or {@link LabelDescription}. */
export const labelOptionSchema: z.ZodType<LabelOption> = z.union([
  z.string().min(1).describe('A label name.'),
  labelDescriptionSchema,
]);

/** A non-empty list of labels whose leaf labels are unique. */
export const labelListSchema = z
  .array(labelOptionSchema)
  .min(1)
  .superRefine((options, ctx) => {
    for (const duplicate of duplicateLeafLabels(options)) {
      ctx.addIssue({ code: 'custom', message: `label "${duplicate}" appears more than once` });
    }
  });

/** The labels an answer may carry: leaves of the tree, in order. */
export function leafLabels(options: readonly LabelOption[]): string[] {
  const leaves: string[] = [];
  const visit = (option: LabelOption) => {
    if (typeof option === 'string') leaves.push(option);
    else if (option.subchoices && option.subchoices.length > 0) option.subchoices.forEach(visit);
    else leaves.push(option.choice);
  };
  options.forEach(visit);
  return leaves;
}

/** Leaf labels that occur more than once. */
export function duplicateLeafLabels(options: readonly LabelOption[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const label of leafLabels(options)) {
    if (seen.has(label)) duplicates.add(label);
    seen.add(label);
  }
  return [...duplicates];
}

/** Explains why `label` is not acceptable for a label list (unknown, or a group rather than a leaf). */
export function labelProblem(options: readonly LabelOption[], label: string): string | undefined {
  const leaves = leafLabels(options);
  if (leaves.includes(label)) return undefined;
  const isGroup = (list: readonly LabelOption[]): boolean =>
    list.some(
      (o) => typeof o !== 'string' && (o.choice === label ? !!o.subchoices : isGroup(o.subchoices ?? [])),
    );
  if (isGroup(options)) return `"${label}" is a group of labels; choose one of its sub-choices`;
  return `unknown label "${label}"; expected one of ${leaves.map((l) => `"${l}"`).join(', ')}`;
}
