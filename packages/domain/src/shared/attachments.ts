import * as z from 'zod';

/** A URL (http(s), s3, gs, data…) or a reference to a file uploaded through `/v1/files`. */
export const attachmentReferenceSchema = z
  .string()
  .trim()
  .min(1)
  .describe('URL of the attachment or reference to an uploaded file.');

/** Kinds of attachment Scale's legacy types accept. */
export const ATTACHMENT_TYPES = ['image', 'text', 'video', 'audio', 'website', 'pdf'] as const;

/** Kind of an attachment. */
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** Reference-only image shown next to the main attachment. */
export const contextAttachmentSchema = z.strictObject({
  /** URL or file reference of the context image. */
  attachment: attachmentReferenceSchema,
});

/** Removes duplicates while keeping the first occurrence's order. */
export function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}
