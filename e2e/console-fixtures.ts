/**
 * What the console specs need beyond the workbench fixtures: signing a console member (manager, admin,
 * owner, viewer) in through the sign-in page, where they land on `/console`, and doing an annotator's work
 * through the API the workbench uses, so a spec about the console can make work happen without drawing.
 */
import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD, type SignedIn } from './workbench-fixtures.ts';

/** Signs a console member in through the sign-in page; they land on the projects list. */
export async function signInConsole(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/console$/);
}

/** A leased task as `POST /api/work/next` returns it (the parts the specs read). */
export interface LeasedTask {
  assignmentId: string;
  taskId: string;
  params: Record<string, unknown>;
}

/** Leases the next labeling task of `project` for the signed-in person; null when there is none. */
export async function leaseNext(person: SignedIn, project: string): Promise<LeasedTask | null> {
  const { lease } = await person.call<{
    lease: { assignment: { id: string }; task: { id: string; params: Record<string, unknown> } } | null;
  }>('POST', '/api/work/next', { project });
  return lease
    ? { assignmentId: lease.assignment.id, taskId: lease.task.id, params: lease.task.params }
    : null;
}

/** Submits an answer to a leased assignment; returns what became of the task (`completed`, `review`, …). */
export async function submitAnswer(
  person: SignedIn,
  assignmentId: string,
  response: unknown,
): Promise<string> {
  const { taskOutcome } = await person.call<{ taskOutcome: string }>(
    'POST',
    `/api/work/assignments/${assignmentId}/submit`,
    { response },
  );
  return taskOutcome;
}
