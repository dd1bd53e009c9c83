/**
 * Redaction for outside workforces, server side: whether a lease is masked (the project's policy and the
 * person's workforce), the masked params (and, for reviews, the masked answers) a person is shown, and the
 * way back for their answer. The placeholder → value table is never stored (it is personal data): it is
 * recomputed from the task's params and the project's policy whenever it is needed, and the assignment only
 * keeps a fingerprint of what the person was shown, so a submit can tell that the policy or the task
 * changed since the lease (then 409: the person reloads the task).
 */
import { createHash } from 'node:crypto';
import {
  type ProjectRedaction,
  type Redaction,
  type RedactionWorkforce,
  readRedaction,
  redactionOptions,
  redactResponse,
  redactsFor,
  redactTaskParams,
  unredactResponse,
} from '@groundwork/domain';
import { ApiError } from '../errors.ts';

/** What a masked person is shown of a task, with what is needed to map their answer back. */
export interface MaskedTask {
  /** The params with personal data replaced by placeholders. */
  params: Record<string, unknown>;
  /** For review leases: the answers under review and their consensus, masked alike; else empty. */
  answers: unknown[];
  /** For review leases: the consensus under review, masked; else undefined. */
  result: unknown;
  /** What was masked (holds the original values: never sent, never stored). */
  redaction: Redaction;
  /** SHA-256 (hex) of what the person was shown: stored with the assignment. */
  fingerprint: string;
}

/** What a masked review shows besides the params: the round's answers (slot order) and their consensus. */
export interface ReviewMaterial {
  /** The labeling answers of the round, in slot order. */
  answers: unknown[];
  /** Their consensus (the task's stage response). */
  result: unknown;
}

/**
 * Whether a person working through `workforce` gets masked text on a project whose stored policy is
 * `stored` (the `projects.redaction` JSON; `{}` for nobody). Workforce `null`: not in any workforce.
 */
export function masksFor(stored: unknown, workforce: RedactionWorkforce | null): boolean {
  return redactsFor(readRedaction(stored), workforce);
}

/**
 * Whether a stored policy can mask anyone at all; false for the default `{}` (so the lease path can skip
 * every redaction step, and the workforce lookup, for the projects that have none).
 */
export function policyMasksAnyone(stored: unknown): boolean {
  const policy = readRedaction(stored);
  return policy.applies_to !== 'none' || policy.workforces.length > 0;
}

/**
 * The masked form of a task for one person: its params through `redactTaskParams`, and for a review also
 * the answers and their consensus through `redactResponse` (growing one placeholder registry, in slot
 * order then the consensus, so the same inputs always give the same placeholders). Deterministic: the
 * submit recomputes it and compares fingerprints.
 */
export function maskTask(
  type: string,
  params: Record<string, unknown>,
  stored: unknown,
  review?: ReviewMaterial,
): MaskedTask {
  const policy: ProjectRedaction = readRedaction(stored);
  const options = redactionOptions(policy);
  const masked = redactTaskParams(type, params, options);
  let redaction = masked.redaction;
  const answers: unknown[] = [];
  let result: unknown;
  if (review) {
    for (const answer of review.answers) {
      const shown = maskAnswer(type, answer, redaction, options);
      answers.push(shown.response);
      redaction = shown.redaction;
    }
    const shown = maskAnswer(type, review.result, redaction, options);
    result = shown.response;
    redaction = shown.redaction;
  }
  const fingerprint = fingerprintOf({ type, params: masked.params, answers, result: result ?? null });
  return { params: masked.params, answers, result, redaction, fingerprint };
}

function maskAnswer(
  type: string,
  answer: unknown,
  redaction: Redaction,
  options: ReturnType<typeof redactionOptions>,
): { response: unknown; redaction: Redaction } {
  if (answer === null || answer === undefined) return { response: answer ?? null, redaction };
  return redactResponse(type, answer, redaction, options);
}

/**
 * An answer given on the original task (the person's own stored answer, a training task's expected answer)
 * as a masked person may see it, with the task's placeholders; values only the answer holds get new ones.
 */
export function maskShownAnswer(type: string, answer: unknown, masked: MaskedTask, stored: unknown): unknown {
  if (answer === null || answer === undefined) return answer ?? null;
  return redactResponse(type, answer, masked.redaction, redactionOptions(readRedaction(stored))).response;
}

/**
 * The answer of a masked lease mapped back to the original task (NER spans to original offsets,
 * placeholders in free text to their values). A placeholder-shaped token the task does not have stays text.
 */
export function unmaskAnswer(type: string, response: unknown, masked: MaskedTask): unknown {
  return unredactResponse(type, response, masked.redaction);
}

/**
 * 409 `version_conflict` unless what the person was shown (`storedFingerprint`) is what the task masks to
 * now: the project's redaction settings (or the task) changed while they worked, so their answer's
 * placeholders and offsets may mean something else.
 */
export function requireSameMask(storedFingerprint: string, masked: MaskedTask): void {
  if (storedFingerprint !== masked.fingerprint) throw redactionChanged();
}

/** The 409 of {@link requireSameMask}. */
export function redactionChanged(): ApiError {
  return new ApiError(
    'version_conflict',
    "The project's redaction settings changed while you worked; reload the task.",
  );
}

/** SHA-256 (hex) of a JSON value in canonical form (object keys sorted; arrays in order). */
export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** JSON with object keys sorted at every level, so equal values always give the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}
