import { describe, expect, it } from 'vitest';
import { CliError, describeFailure, UsageError } from './errors.ts';

describe('describeFailure', () => {
  it('exits 2 for usage errors and 1 for failures', () => {
    expect(describeFailure(new UsageError('give --key'))).toEqual({
      lines: ['error: give --key'],
      exitCode: 2,
    });
    expect(describeFailure(new CliError('rejected', { details: ['line 2: bad'] }))).toEqual({
      lines: ['error: rejected', '  line 2: bad'],
      exitCode: 1,
    });
  });

  it('lists every configuration problem', () => {
    const error = Object.assign(new Error('invalid configuration'), {
      problems: ['GROUNDWORK_PORT: bad', 'GROUNDWORK_HOST: bad'],
    });
    expect(describeFailure(error)).toEqual({
      lines: ['error: invalid configuration', '  GROUNDWORK_PORT: bad', '  GROUNDWORK_HOST: bad'],
      exitCode: 1,
    });
  });

  it("shows a service error's message alone", () => {
    const error = Object.assign(new Error('An organization with slug "acme" already exists.'), {
      code: 'name_taken',
      status: 409,
    });
    expect(describeFailure(error)).toEqual({
      lines: ['error: An organization with slug "acme" already exists.'],
      exitCode: 1,
    });
  });

  it('reduces an unexpected error to its first line and its cause', () => {
    const error = new Error('Failed query: CREATE TABLE "x" (\n  "id" text\n);', {
      cause: new Error('relation "x" already exists'),
    });
    expect(describeFailure(error)).toEqual({
      lines: ['error: Failed query: CREATE TABLE "x" (: relation "x" already exists'],
      exitCode: 1,
    });
  });
});
