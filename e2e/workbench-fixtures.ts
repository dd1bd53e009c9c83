/**
 * What the workbench specs need from the server: signed-in API contexts for the demo organization's
 * people, projects made for one test (so parallel tests never take each other's work), and sign-in in
 * the browser. Everything goes through the product's own HTTP API.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type APIRequestContext, expect, type Page, request as playwrightRequest } from '@playwright/test';

/** The password of every demo user (`groundwork serve --seed-demo-if-empty`). */
export const DEMO_PASSWORD = 'groundwork-demo';

/** A demo user's email. */
export function demoEmail(role: 'owner' | 'admin' | 'manager' | 'reviewer' | 'annotator' | 'viewer'): string {
  return `${role}@demo.groundwork.dev`;
}

/** The sample images the demo ships (public domain / CC0, see LICENSES.md there): in the repository, so a clean clone has them. */
export const SAMPLE_IMAGES = join(dirname(fileURLToPath(import.meta.url)), '../packages/cli/demo/images');

/** A signed-in API client: JSON calls with the session cookie and CSRF token. */
export interface SignedIn {
  context: APIRequestContext;
  csrf: string;
  userId: string;
  call<T = unknown>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<T>;
}

/** Signs in through `POST /api/auth/login` in a context of its own. */
export async function signIn(baseURL: string, email: string): Promise<SignedIn> {
  const context = await playwrightRequest.newContext({ baseURL });
  const login = await context.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const session = (await login.json()) as { csrfToken: string; user: { id: string } };
  const signedIn: SignedIn = {
    context,
    csrf: session.csrfToken,
    userId: session.user.id,
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await context.fetch(path, {
        method,
        headers: { 'x-csrf-token': session.csrfToken, origin: baseURL },
        ...(body === undefined ? {} : { data: body as object }),
      });
      const text = await response.text();
      expect(response.ok(), `${method} ${path} → ${response.status()} ${text}`).toBe(true);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
  return signedIn;
}

/** Uploads a sample image; returns its `groundwork://files/<id>` reference. */
export async function uploadImage(admin: SignedIn, baseURL: string, file: string): Promise<string> {
  const response = await admin.context.post('/api/files', {
    headers: { 'x-csrf-token': admin.csrf, origin: baseURL },
    multipart: {
      file: {
        name: file,
        mimeType: file.endsWith('.png') ? 'image/png' : 'image/jpeg',
        buffer: readFileSync(join(SAMPLE_IMAGES, file)),
      },
    },
  });
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as { attachmentUrl: string };
  return body.attachmentUrl;
}

/** A name no other test (or run) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

/** Creates a project and imports its tasks (task bodies as for `POST /v1/task/{type}`). */
export async function createProjectWithTasks(
  admin: SignedIn,
  baseURL: string,
  project: { type: string; name: string; instruction?: string; workflow?: unknown; params?: unknown },
  tasks: Array<Record<string, unknown>>,
): Promise<void> {
  await admin.call('POST', '/api/projects', project);
  const response = await admin.context.post(
    `/api/tasks/import?type=${project.type}&project=${encodeURIComponent(project.name)}`,
    {
      headers: { 'x-csrf-token': admin.csrf, origin: baseURL, 'content-type': 'application/x-ndjson' },
      data: tasks.map((task) => JSON.stringify(task)).join('\n'),
    },
  );
  expect(response.status(), await response.text()).toBe(200);
}

/** A task as the first-party API shows it. */
export interface ApiTask {
  id: string;
  status: string;
  response: unknown;
}

/** The tasks of a project, oldest first. */
export async function projectTasks(admin: SignedIn, project: string): Promise<ApiTask[]> {
  const { items } = await admin.call<{ items: ApiTask[] }>(
    'GET',
    `/api/tasks?project=${encodeURIComponent(project)}&limit=100`,
  );
  return items;
}

/** Signs in through the sign-in page. */
export async function signInPage(page: Page, email: string, next?: string): Promise<void> {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(next ? new RegExp(next.replace(/[?]/g, '\\?')) : /\/work$/);
}
