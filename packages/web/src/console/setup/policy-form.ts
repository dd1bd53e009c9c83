/**
 * The workflow, quality and routing sections' forms: the project's policy as the text of form inputs
 * (shares of tasks as percentages, which people read more easily than fractions) and back, checked by the
 * domain's own schemas plus the server's cross-field rules, each problem under the field it concerns.
 * A policy read into a form and written back unchanged is the same policy.
 */
import {
  domainErrorMap,
  type ProjectQuality,
  type ProjectRouting,
  type ProjectWorkflow,
  projectQualitySchema,
  projectRoutingSchema,
  projectWorkflowSchema,
  zodIssuesToFieldIssues,
} from '@groundwork/domain';

/** Problems of a form, by field path (`overlap`, `review.sample_rate`, `workforces.0.share`). */
export type FormErrors = Record<string, string>;

/** The outcome of reading a form. */
export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FormErrors };

/** A fraction 0..1 as a percentage for an input (`0.05` → `5`), without floating-point noise. */
export function toPercent(fraction: number): string {
  return String(Number((fraction * 100).toPrecision(12)));
}

/** A percentage typed into an input as a fraction (`5` → `0.05`), or undefined when it is not a number. */
export function fromPercent(text: string): number | undefined {
  const value = readNumber(text);
  return value === undefined ? undefined : Number((value / 100).toPrecision(12));
}

/** A number typed into an input, or undefined when blank or not a number. */
export function readNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function numberError(text: string, what: string): string | undefined {
  if (text.trim() === '') return `Enter ${what}.`;
  return readNumber(text) === undefined ? `${JSON.stringify(text)} is not a number.` : undefined;
}

function percentError(text: string, max: number, required: boolean): string | undefined {
  if (text.trim() === '') return required ? 'Enter a percentage.' : undefined;
  const value = readNumber(text);
  if (value === undefined) return `${JSON.stringify(text)} is not a number.`;
  if (value < 0 || value > max) return `Enter a percentage from 0 to ${max}.`;
  return undefined;
}

/** Puts schema problems under their field path, keeping the first problem of each field. */
function schemaErrors(issues: { path: string; message: string }[], into: FormErrors): void {
  for (const issue of issues) {
    const path = issue.path === '' ? 'form' : issue.path;
    if (!(path in into)) into[path] = issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
  }
}

/** Review modes, as the form names them. */
export const REVIEW_MODES = [
  { mode: 'none', title: 'No review', hint: 'Answers complete the task directly (after consensus).' },
  { mode: 'all', title: 'Review every task', hint: 'A reviewer accepts, fixes or rejects each result.' },
  { mode: 'sample', title: 'Review a sample', hint: 'A fixed share of tasks, chosen at random.' },
  {
    mode: 'below_agreement',
    title: 'Review when annotators disagree',
    hint: 'Only tasks whose agreement is under a threshold (needs 2 or more annotators).',
  },
] as const;

/** The workflow section's inputs. */
export interface WorkflowForm {
  overlap: string;
  reviewMode: ProjectWorkflow['review']['mode'];
  samplePercent: string;
  agreementPercent: string;
  leaseSeconds: string;
  priority: string;
}

/** A project's workflow and queue priority as form inputs. */
export function workflowToForm(workflow: ProjectWorkflow, priority: number): WorkflowForm {
  return {
    overlap: String(workflow.overlap),
    reviewMode: workflow.review.mode,
    samplePercent: workflow.review.sample_rate === undefined ? '' : toPercent(workflow.review.sample_rate),
    agreementPercent:
      workflow.review.agreement_threshold === undefined ? '' : toPercent(workflow.review.agreement_threshold),
    leaseSeconds: String(workflow.lease_seconds),
    priority: String(priority),
  };
}

/**
 * The workflow and priority a form says, or its problems. A share or threshold typed for another review
 * mode is kept (switching modes back and forth loses nothing); the server ignores it.
 */
export function formToWorkflow(
  form: WorkflowForm,
): FormResult<{ workflow: ProjectWorkflow; priority: number }> {
  const errors: FormErrors = {};
  const overlapError = numberError(form.overlap, 'how many annotators label each task');
  if (overlapError) errors.overlap = overlapError;
  const leaseError = numberError(form.leaseSeconds, 'a lease duration in seconds');
  if (leaseError) errors.lease_seconds = leaseError;
  const priorityError = numberError(form.priority, 'a priority');
  if (priorityError) errors.priority = priorityError;
  const sampleError = percentError(form.samplePercent, 100, form.reviewMode === 'sample');
  if (sampleError) errors['review.sample_rate'] = sampleError;
  const agreementError = percentError(form.agreementPercent, 100, form.reviewMode === 'below_agreement');
  if (agreementError) errors['review.agreement_threshold'] = agreementError;

  const sampleRate = fromPercent(form.samplePercent);
  const threshold = fromPercent(form.agreementPercent);
  const candidate = {
    overlap: readNumber(form.overlap),
    review: {
      mode: form.reviewMode,
      ...(sampleRate !== undefined ? { sample_rate: sampleRate } : {}),
      ...(threshold !== undefined ? { agreement_threshold: threshold } : {}),
    },
    lease_seconds: readNumber(form.leaseSeconds),
  };
  const parsed = projectWorkflowSchema.safeParse(candidate, { error: domainErrorMap });
  if (!parsed.success) schemaErrors(zodIssuesToFieldIssues(parsed.error), errors);
  const priority = readNumber(form.priority);
  if (priority !== undefined && (!Number.isInteger(priority) || priority < -100 || priority > 100)) {
    errors.priority ??= 'Enter a whole number from -100 to 100.';
  }
  if (parsed.success && parsed.data.review.mode === 'below_agreement' && parsed.data.overlap < 2) {
    errors['review.mode'] = 'Reviewing disagreements needs at least 2 annotators per task.';
  }
  if (!parsed.success || Object.keys(errors).length > 0 || priority === undefined) {
    return { ok: false, errors };
  }
  return { ok: true, value: { workflow: parsed.data, priority } };
}

/** The quality section's inputs. */
export interface QualityForm {
  goldPercent: string;
  pauseEnabled: boolean;
  thresholdPercent: string;
  goldWindow: string;
  goldMinAnswers: string;
  trainingRequired: string;
  passPercent: string;
  weighted: boolean;
}

/** The threshold a manager most often starts from when they turn pausing on. */
export const DEFAULT_PAUSE_PERCENT = '70';

/** A project's quality policy as form inputs. */
export function qualityToForm(quality: ProjectQuality): QualityForm {
  return {
    goldPercent: toPercent(quality.gold_rate),
    pauseEnabled: quality.gold_threshold !== null,
    thresholdPercent: quality.gold_threshold === null ? '' : toPercent(quality.gold_threshold),
    goldWindow: String(quality.gold_window),
    goldMinAnswers: String(quality.gold_min_answers),
    trainingRequired: String(quality.training_required),
    passPercent: toPercent(quality.training_pass_score),
    weighted: quality.weighted_consensus,
  };
}

/** The quality policy a form says, or its problems. */
export function formToQuality(form: QualityForm): FormResult<ProjectQuality> {
  const errors: FormErrors = {};
  const goldError = percentError(form.goldPercent, 50, true);
  if (goldError) errors.gold_rate = goldError;
  if (form.pauseEnabled) {
    const thresholdError = percentError(form.thresholdPercent, 100, true);
    if (thresholdError) errors.gold_threshold = thresholdError;
  }
  const passError = percentError(form.passPercent, 100, true);
  if (passError) errors.training_pass_score = passError;
  const windowError = numberError(form.goldWindow, 'how many recent answers to average');
  if (windowError) errors.gold_window = windowError;
  const minError = numberError(form.goldMinAnswers, 'how many answers to wait for');
  if (minError) errors.gold_min_answers = minError;
  const trainingError = numberError(form.trainingRequired, 'how many training tasks to pass (0 for none)');
  if (trainingError) errors.training_required = trainingError;

  const parsed = projectQualitySchema.safeParse(
    {
      gold_rate: fromPercent(form.goldPercent),
      gold_threshold: form.pauseEnabled ? fromPercent(form.thresholdPercent) : null,
      gold_window: readNumber(form.goldWindow),
      gold_min_answers: readNumber(form.goldMinAnswers),
      training_required: readNumber(form.trainingRequired),
      training_pass_score: fromPercent(form.passPercent),
      weighted_consensus: form.weighted,
    },
    { error: domainErrorMap },
  );
  if (!parsed.success) schemaErrors(zodIssuesToFieldIssues(parsed.error), errors);
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

/** One routed workforce in the form. */
export interface RoutedWorkforceForm {
  id: string;
  share: string;
}

/** The routing section's inputs. */
export interface RoutingForm {
  workforces: RoutedWorkforceForm[];
  skills: string[];
}

/** A project's routing as form inputs. */
export function routingToForm(routing: ProjectRouting): RoutingForm {
  return {
    workforces: routing.workforces.map((workforce) => ({
      id: workforce.id,
      share: workforce.share === undefined ? '' : String(workforce.share),
    })),
    skills: [...routing.skills],
  };
}

/** The routing a form says, or its problems (a workforce or skill named twice included). */
export function formToRouting(form: RoutingForm): FormResult<ProjectRouting> {
  const errors: FormErrors = {};
  const workforces = form.workforces.map((workforce, index) => {
    if (workforce.share.trim() !== '' && readNumber(workforce.share) === undefined) {
      errors[`workforces.${index}.share`] = `${JSON.stringify(workforce.share)} is not a number.`;
    }
    if (form.workforces.findIndex((other) => other.id === workforce.id) !== index) {
      errors[`workforces.${index}.id`] = 'This workforce is listed twice.';
    }
    const share = readNumber(workforce.share);
    return { id: workforce.id, ...(share !== undefined ? { share } : {}) };
  });
  form.skills.forEach((skill, index) => {
    if (form.skills.indexOf(skill) !== index) errors[`skills.${index}`] = `"${skill}" is listed twice.`;
  });
  const parsed = projectRoutingSchema.safeParse(
    { workforces, skills: form.skills },
    { error: domainErrorMap },
  );
  if (!parsed.success) schemaErrors(zodIssuesToFieldIssues(parsed.error), errors);
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

/**
 * What share of the project's work each routed workforce gets, as the queue splits it: workforces with a
 * share split the slots in proportion (0.7 and 0.3 → 70% and 30%); workforces without one take the slots
 * routed to nobody in particular (null). With no shares at all, every listed workforce may take any slot
 * (null for each). Unreadable shares count as none.
 */
export function shareFractions(workforces: readonly RoutedWorkforceForm[]): (number | null)[] {
  const shares = workforces.map((workforce) => {
    const share = readNumber(workforce.share);
    return share !== undefined && share > 0 ? share : null;
  });
  const total = shares.reduce<number>((sum, share) => sum + (share ?? 0), 0);
  return shares.map((share) => (share === null || total === 0 ? null : share / total));
}

/** Seconds as the lease hint says them: `30 s`, `30 min`, `1 h 30 min`. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
