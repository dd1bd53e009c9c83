import { type FieldIssue, fieldIssue } from '../../issues.ts';
import { characterCount } from '../../shared/genai.ts';
import { numberProblem, placeholderNumber } from '../../shared/numbers.ts';
import type { ConditionValue, FieldCondition, FormField } from './form-fields.ts';

type Path = PropertyKey[];

/** Problems of a form definition that single fields cannot see: duplicate ids, dangling conditions. */
export function formDefinitionIssues(fields: readonly FormField[], path: Path): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const ids = new Set<string>();
  const visit = (list: readonly FormField[], listPath: Path) => {
    const earlier = new Set<string>();
    list.forEach((field, index) => {
      const at = [...listPath, index];
      if (ids.has(field.field_id))
        issues.push(fieldIssue([...at, 'field_id'], `duplicate field_id "${field.field_id}"`));
      ids.add(field.field_id);
      if (field.condition && !earlier.has(field.condition.field_id)) {
        issues.push(
          fieldIssue(
            [...at, 'condition', 'field_id'],
            `must name an earlier field in the same list; "${field.condition.field_id}" is not one`,
          ),
        );
      }
      earlier.add(field.field_id);
      if (field.type === 'field_set') visit(field.fields, [...at, 'fields']);
    });
  };
  visit(fields, path);
  return issues;
}

/** Whether a conditional field is shown, given the answer of the field its condition names. */
export function conditionHolds(condition: FieldCondition, answer: unknown): boolean {
  const accepted: ConditionValue[] = Array.isArray(condition.value) ? condition.value : [condition.value];
  const given = Array.isArray(answer) ? answer.flat() : [answer];
  return given.some((value) => accepted.includes(value as ConditionValue));
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$/;
const DATETIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks one answer (a single response) to `field`. */
function singleAnswerIssues(field: FormField, value: unknown, path: Path): FieldIssue[] {
  switch (field.type) {
    case 'category': {
      const values = new Set(field.choices.map((choice) => choice.value));
      const check = (choice: unknown, at: Path): FieldIssue[] =>
        typeof choice === 'string' && values.has(choice)
          ? []
          : [fieldIssue(at, `expected one of ${[...values].map((v) => `"${v}"`).join(', ')}`)];
      if (field.max_choices <= 1) {
        return Array.isArray(value)
          ? [fieldIssue(path, 'expected a single choice value')]
          : check(value, path);
      }
      if (!Array.isArray(value)) return [fieldIssue(path, 'expected an array of choice values')];
      const issues = value.flatMap((choice, index) => check(choice, [...path, index]));
      if (new Set(value).size !== value.length) issues.push(fieldIssue(path, 'a choice is selected twice'));
      if (value.length < field.min_choices || value.length > field.max_choices) {
        issues.push(fieldIssue(path, `select between ${field.min_choices} and ${field.max_choices} choices`));
      }
      return issues;
    }
    case 'text': {
      if (typeof value !== 'string') return [fieldIssue(path, 'expected a string')];
      if (value.trim() === '') return [fieldIssue(path, 'must not be blank')];
      const count = characterCount(value);
      if (field.min_characters !== undefined && count < field.min_characters) {
        return [fieldIssue(path, `expected at least ${field.min_characters} characters`)];
      }
      if (field.max_characters !== undefined && count > field.max_characters) {
        return [fieldIssue(path, `expected at most ${field.max_characters} characters`)];
      }
      return [];
    }
    case 'number': {
      if (typeof value !== 'number') return [fieldIssue(path, 'expected a number')];
      const problem = numberProblem(value, field);
      return problem ? [fieldIssue(path, problem)] : [];
    }
    case 'boolean':
      return typeof value === 'boolean' ? [] : [fieldIssue(path, 'expected a boolean')];
    case 'datetime': {
      const pattern = field.format === 'date' ? DATE : field.format === 'time' ? TIME : DATETIME;
      const example =
        field.format === 'date' ? '2024-01-31' : field.format === 'time' ? '13:45' : '2024-01-31T13:45:00Z';
      return typeof value === 'string' && pattern.test(value)
        ? []
        : [fieldIssue(path, `expected an ISO-8601 ${field.format} such as ${example}`)];
    }
    case 'field_set':
      return isRecord(value)
        ? formAnswerIssues(field.fields, value, path)
        : [fieldIssue(path, 'expected an object')];
  }
}

function answerIssues(field: FormField, value: unknown, path: Path): FieldIssue[] {
  if (field.max_responses_required <= 1) return singleAnswerIssues(field, value, path);
  if (!Array.isArray(value)) {
    return [
      fieldIssue(
        path,
        `expected an array of answers (max_responses_required is ${field.max_responses_required})`,
      ),
    ];
  }
  const issues: FieldIssue[] = [];
  if (value.length < field.min_responses_required || value.length > field.max_responses_required) {
    issues.push(
      fieldIssue(
        path,
        `expected between ${field.min_responses_required} and ${field.max_responses_required} answers, got ${value.length}`,
      ),
    );
  }
  value.forEach((entry, index) => {
    issues.push(...singleAnswerIssues(field, entry, [...path, index]));
  });
  return issues;
}

/** Checks the answers of one list of fields (the form, or one field_set answer) against its definition. */
export function formAnswerIssues(
  fields: readonly FormField[],
  answers: Readonly<Record<string, unknown>>,
  path: Path,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const known = new Set(fields.map((field) => field.field_id));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) issues.push(fieldIssue([...path, key], 'unknown field_id'));
  }
  const shown = new Set<string>();
  for (const field of fields) {
    const at = [...path, field.field_id];
    const condition = field.condition;
    const visible =
      condition === undefined ||
      (shown.has(condition.field_id) && conditionHolds(condition, answers[condition.field_id]));
    const present = Object.hasOwn(answers, field.field_id);
    if (!visible) {
      if (present)
        issues.push(fieldIssue(at, `not expected: its condition on "${condition?.field_id}" is not met`));
      continue;
    }
    shown.add(field.field_id);
    if (!present) {
      if (field.required) issues.push(fieldIssue(at, 'is required'));
      continue;
    }
    issues.push(...answerIssues(field, answers[field.field_id], at));
  }
  return issues;
}

function placeholderSingle(field: FormField): unknown {
  switch (field.type) {
    case 'category': {
      const values = field.choices.map((choice) => choice.value);
      return field.max_choices <= 1 ? values[0] : values.slice(0, field.min_choices);
    }
    case 'text': {
      const length = Math.min(
        Math.max(11, field.min_characters ?? 1),
        field.max_characters ?? Number.MAX_SAFE_INTEGER,
      );
      return 'placeholder'.padEnd(length, 'x').slice(0, length);
    }
    case 'number':
      return placeholderNumber(field);
    case 'boolean':
      return false;
    case 'datetime':
      return field.format === 'date'
        ? '2000-01-01'
        : field.format === 'time'
          ? '00:00'
          : '2000-01-01T00:00:00Z';
    case 'field_set':
      return placeholderFormAnswers(field.fields);
  }
}

/** Answers every required, visible field with a valid value (optional fields are left out). */
export function placeholderFormAnswers(fields: readonly FormField[]): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  const shown = new Set<string>();
  for (const field of fields) {
    const condition = field.condition;
    if (
      condition &&
      !(shown.has(condition.field_id) && conditionHolds(condition, answers[condition.field_id]))
    ) {
      continue;
    }
    shown.add(field.field_id);
    if (!field.required) continue;
    const single = () => placeholderSingle(field);
    answers[field.field_id] =
      field.max_responses_required > 1
        ? Array.from({ length: field.min_responses_required }, single)
        : single();
  }
  return answers;
}
