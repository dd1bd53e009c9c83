import { describe, expect, it } from 'vitest';
import {
  apiProblems,
  describeIssue,
  errorMessage,
  fieldProblem,
  issuesAt,
  issuesUnder,
  MAX_LISTED_PROBLEMS,
  messagesByPath,
  summarizeFailure,
} from './api-problems.ts';

/** A failed call as the API client throws it (an Error with the server's details). */
const failure = (message: string, details: Array<{ path: string; message: string }>) =>
  Object.assign(new Error(message), { details });

describe('apiProblems and fieldProblem', () => {
  it('read the details of a failed call and find the one of a field', () => {
    const error = failure('email: not an email address', [
      { path: 'email', message: 'invalid' },
      { path: 'role', message: 'a manager cannot invite this role' },
    ]);
    expect(apiProblems(error)).toHaveLength(2);
    expect(fieldProblem(error, 'role')).toBe('a manager cannot invite this role');
    expect(fieldProblem(error, 'workforceId')).toBeNull();
  });
  it('give nothing for errors without details and for non-errors', () => {
    expect(apiProblems(new Error('boom'))).toEqual([]);
    expect(apiProblems(null)).toEqual([]);
    expect(apiProblems('boom')).toEqual([]);
    expect(apiProblems({ details: 'nope' })).toEqual([]);
    expect(apiProblems({ details: [{ path: 1, message: 'x' }, null] })).toEqual([]);
    expect(fieldProblem(undefined, 'name')).toBeNull();
  });
});

describe('errorMessage', () => {
  it("is an error's own message, or a generic one for anything else", () => {
    expect(errorMessage(new Error('The batch is finalized.'))).toBe('The batch is finalized.');
    expect(errorMessage(new Error(''))).toBe('Something went wrong. Try again.');
    expect(errorMessage('boom')).toBe('Something went wrong. Try again.');
  });
});

describe('summarizeFailure', () => {
  it('lists the field problems the message does not already say', () => {
    const summary = summarizeFailure(
      failure('name: is taken', [
        { path: 'name', message: 'is taken' },
        { path: 'priority', message: 'must be at most 100' },
      ]),
    );
    expect(summary).toEqual({
      message: 'name: is taken',
      listed: [{ path: 'priority', message: 'must be at most 100' }],
      more: 0,
    });
  });
  it(`lists at most ${MAX_LISTED_PROBLEMS} problems and counts the rest`, () => {
    const details = Array.from({ length: 23 }, (_, i) => ({ path: `rows.${i}`, message: `bad row ${i}` }));
    const summary = summarizeFailure(failure('23 rows are invalid', details));
    expect(summary.listed).toHaveLength(20);
    expect(summary.listed[19]).toEqual({ path: 'rows.19', message: 'bad row 19' });
    expect(summary.more).toBe(3);
  });
  it('has no details for a plain error', () => {
    expect(summarizeFailure(new Error('boom'))).toEqual({ message: 'boom', listed: [], more: 0 });
  });
});

describe('path issues', () => {
  const issues = [
    { path: 'name', message: 'is taken' },
    { path: 'params.categories.1', message: 'duplicate' },
    { path: 'params', message: 'bad' },
    { path: 'paramsX', message: 'other' },
    { path: 'params.categories.1', message: 'second' },
  ];

  it('keeps the issues under a prefix with the prefix taken off', () => {
    expect(issuesUnder(issues, 'params')).toEqual([
      { path: 'categories.1', message: 'duplicate' },
      { path: '', message: 'bad' },
      { path: 'categories.1', message: 'second' },
    ]);
    expect(issuesUnder(issues, '')).toHaveLength(5);
  });

  it('keeps the first message per path and finds issues at a key', () => {
    expect(messagesByPath(issuesUnder(issues, 'params'))).toEqual({ 'categories.1': 'duplicate', '': 'bad' });
    expect(issuesAt(issuesUnder(issues, 'params'), 'categories')).toHaveLength(2);
    expect(issuesAt(issues, 'params')).toHaveLength(3);
    expect(describeIssue({ path: '', message: 'bad' })).toBe('bad');
    expect(describeIssue({ path: 'a.b', message: 'bad' })).toBe('a.b: bad');
  });
});
