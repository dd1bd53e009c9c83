/**
 * A project's redaction policy: whose annotators see personal data masked, and what counts as personal
 * data. Stored on the project as JSON and validated by {@link projectRedactionSchema}, like its workflow and
 * routing; the server reads it when it hands out a lease and when it takes the answer.
 */
import { isSupportedCountry } from 'libphonenumber-js/max';
import * as z from 'zod';
import { type FindPiiOptions, PII_KINDS } from './find-pii.ts';

/** Who gets masked text: nobody, annotators of `vendor` workforces, or every annotator. */
export const REDACTION_AUDIENCES = ['none', 'vendors', 'all'] as const;

/**
 * A project's redaction policy. Built by a call marked pure, so that a bundle that never uses the schema
 * (the web console imports the domain's index) leaves out libphonenumber's metadata the country check needs.
 */
export const projectRedactionSchema = /* @__PURE__ */ policySchema();

function policySchema() {
  return z
    .strictObject({
      /**
       * Whose annotators see masked text: `none` (default), `vendors` (every workforce of kind `vendor`) or
       * `all`; the workforces in `workforces` get masked text in any case.
       */
      applies_to: z
        .enum(REDACTION_AUDIENCES)
        .default('none')
        .describe(
          'Whose annotators see masked text: none (default), vendors (workforces of kind vendor) or all; listed workforces always do.',
        ),
      /** Further workforces (by id) whose annotators see masked text, internal ones included. */
      workforces: z
        .array(z.string().min(1).describe('A workforce id.'))
        .max(100)
        .default([])
        .describe('Further workforces (by id) whose annotators see masked text, internal ones included.'),
      /** The kinds of personal data masked (default: all). */
      kinds: z
        .array(z.enum(PII_KINDS).describe('A kind of personal data.'))
        .min(1)
        .default([...PII_KINDS])
        .describe('Kinds of personal data masked: email, card, id, phone, ip, name (default all).'),
      /** Country whose national phone numbers are recognised (ISO 3166-1 alpha-2); null: international only. */
      default_country: z
        .string()
        .refine(
          (country) => isSupportedCountry(country),
          'must be an ISO 3166-1 alpha-2 country code, e.g. US',
        )
        .nullable()
        .default(null)
        .describe(
          'Country whose national phone numbers are recognised (ISO 3166-1 alpha-2, e.g. US); null: only international numbers.',
        ),
      /** Names to mask (a customer list), matched as whole words ignoring case. */
      names: z
        .array(z.string().trim().min(1).max(200).describe('A name to mask.'))
        .max(100_000)
        .default([])
        .describe('Names to mask (a customer list), matched as whole words ignoring case.'),
    })
    .superRefine((policy, ctx) => {
      const seen = new Set<string>();
      policy.kinds.forEach((kind, index) => {
        if (seen.has(kind))
          ctx.addIssue({ code: 'custom', path: ['kinds', index], message: `duplicate "${kind}"` });
        seen.add(kind);
      });
    });
}

/** A validated redaction policy, defaults applied. */
export type ProjectRedaction = z.output<typeof projectRedactionSchema>;

/** The policy stored on a project (`{}` or nothing for projects made before redaction), defaults applied. */
export function readRedaction(stored: unknown): ProjectRedaction {
  const parsed = projectRedactionSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : projectRedactionSchema.parse({});
}

/** The workforce an annotator works through; `null` for organization members outside any workforce. */
export interface RedactionWorkforce {
  /** The workforce's id. */
  id: string;
  /** Whether it is the organization's own team or an outside vendor. */
  kind: 'internal' | 'vendor';
}

/** Whether an annotator working through `workforce` gets masked text under `policy`. */
export function redactsFor(policy: ProjectRedaction, workforce: RedactionWorkforce | null): boolean {
  if (policy.applies_to === 'all') return true;
  if (workforce === null) return false;
  return (
    (policy.applies_to === 'vendors' && workforce.kind === 'vendor') ||
    policy.workforces.includes(workforce.id)
  );
}

/** The finder options a policy stands for. */
export function redactionOptions(policy: ProjectRedaction): FindPiiOptions {
  return {
    kinds: policy.kinds,
    defaultCountry: policy.default_country ?? undefined,
    names: policy.names,
  };
}
