import * as z from 'zod';
import { type FieldIssue, fieldIssue } from '../issues.ts';

/** `{key: description}`: the fields a labeler fills in (transcription, comparison, data collection). */
export const fieldDescriptionsSchema = z
  .record(z.string().min(1), z.string())
  .refine((fields) => Object.keys(fields).length > 0, { message: 'expected at least one field' })
  .describe('Map of field key to the description shown to the labeler.');

/** Map of field key to description. */
export type FieldDescriptions = z.output<typeof fieldDescriptionsSchema>;

/** Answers to {@link FieldDescriptions}: field key → text. */
export const fieldAnswersSchema = z
  .record(z.string(), z.string())
  .describe('Map of field key to the answer.');

/** Checks that `answers` has exactly the keys of `fields`; issues are reported under `path`. */
export function checkFieldAnswers(
  fields: FieldDescriptions,
  answers: Readonly<Record<string, string>>,
  path: readonly PropertyKey[],
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(fields)) {
    if (!(key in answers)) issues.push(fieldIssue([...path, key], 'is required'));
  }
  for (const key of Object.keys(answers)) {
    if (!(key in fields)) issues.push(fieldIssue([...path, key], 'unknown field; not requested by the task'));
  }
  return issues;
}

/** A placeholder answer for every field. */
export function placeholderFieldAnswers(fields: FieldDescriptions): Record<string, string> {
  return Object.fromEntries(Object.keys(fields).map((key) => [key, 'placeholder']));
}
