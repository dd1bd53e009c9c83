/**
 * Seeds the demo organization through the server's services, acting as the organization's own live API
 * key, so every project and task is validated exactly like API input. Idempotent: an existing `demo`
 * organization is left alone.
 */
import { chmodSync, createReadStream, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectWorkflowSchema } from '@groundwork/domain';
import { type Database, ROLES, type Role, type Services } from '@groundwork/server';
import { rowsOf } from '../context.ts';
import { DEMO_IMAGES, DEMO_PROJECTS } from './content.ts';

/** Slug of the demo organization. */
export const DEMO_ORG = 'demo';
/** The one password of every demo user. */
export const DEMO_PASSWORD = 'groundwork-demo';
/** Where, under the data directory, the demo's keys are kept so later starts can show them again. */
export const DEMO_CREDENTIALS_FILE = 'demo-credentials.json';

const IMAGES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../demo/images');

/** The demo's sign-ins and keys, as stored in `<dataDir>/demo-credentials.json` (mode 0600). */
export interface DemoCredentials {
  org: string;
  password: string;
  users: Array<{ email: string; role: Role }>;
  apiKeys: { live: string; test: string };
  createdAt: string;
}

/** What the seed created. */
export interface DemoSummary {
  credentials: DemoCredentials;
  projects: Array<{ name: string; type: string; batch: string; tasks: number }>;
  files: number;
}

/** The e-mail address of the demo user with `role`. */
export function demoEmail(role: Role): string {
  return `${role}@demo.groundwork.dev`;
}

/** Whether any organization exists yet (the database is "empty" otherwise). */
export async function hasAnyOrganization(db: Database): Promise<boolean> {
  // OrgService has no such query yet; this is the only SQL in the CLI.
  const result = await db.system.execute('SELECT EXISTS (SELECT 1 FROM organizations) AS found');
  return rowsOf<{ found: boolean }>(result)[0]?.found === true;
}

/** Whether the demo organization exists. */
export async function demoExists(services: Services): Promise<boolean> {
  try {
    await services.orgs.requireOrg(DEMO_ORG);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'not_found') return false;
    throw error;
  }
}

/**
 * Creates the demo organization with a user per role, a live and a test key, the sample images as
 * files, and projects of several task types with their tasks; stores the credentials under `dataDir`.
 * Returns null (and changes nothing) when the organization already exists.
 */
export async function seedDemo(
  services: Services,
  options: { dataDir: string },
): Promise<DemoSummary | null> {
  if (await demoExists(services)) return null;
  let org: { id: string };
  try {
    org = await services.orgs.createOrg({ slug: DEMO_ORG, name: 'Groundwork demo' });
  } catch (error) {
    // Another process seeded it between the check and the insert.
    if ((error as { code?: unknown }).code === 'name_taken') return null;
    throw error;
  }
  const users = ROLES.map((role) => ({ email: demoEmail(role), role }));
  await Promise.all(
    users.map((u) =>
      services.orgs.addUser(org.id, {
        email: u.email,
        role: u.role,
        name: `Demo ${u.role}`,
        password: DEMO_PASSWORD,
      }),
    ),
  );
  const live = await services.orgs.createApiKey(org.id, { environment: 'live', name: 'demo live key' });
  const test = await services.orgs.createApiKey(org.id, { environment: 'test', name: 'demo test key' });
  const credentials: DemoCredentials = {
    org: DEMO_ORG,
    password: DEMO_PASSWORD,
    users,
    apiKeys: { live: live.key, test: test.key },
    createdAt: new Date().toISOString(),
  };
  // Written before the projects so the keys are never lost if a later step fails.
  writeDemoCredentials(options.dataDir, credentials);

  const principal = await services.auth.authenticate(`Bearer ${live.key}`);
  const fileIds = new Map<string, string>();
  for (const image of DEMO_IMAGES) {
    const { row } = await services.files.upload(principal, {
      body: createReadStream(join(IMAGES_DIR, image.file)),
      mimeType: image.mimeType,
      filename: image.file,
      fields: {
        displayName: image.file,
        referenceId: `demo-${image.file}`,
        metadata: { subject: image.subject },
      },
    });
    fileIds.set(image.file, row.id);
  }
  const fileOf = (file: string): string => {
    const id = fileIds.get(file);
    if (!id) throw new Error(`demo image ${file} was not uploaded`);
    return `groundwork://files/${id}`;
  };

  const projects: DemoSummary['projects'] = [];
  for (const project of DEMO_PROJECTS) {
    await services.projects.create(principal, {
      type: project.type,
      name: project.name,
      params: project.params,
      instruction: project.instruction,
      ...(project.workflow ? { workflow: projectWorkflowSchema.parse(project.workflow) } : {}),
    });
    await services.batches.create(principal, { project: project.name, name: project.batch });
    const tasks = project.tasks(fileOf);
    for (const task of tasks) {
      await services.tasks.create(principal, project.type, {
        ...task,
        project: project.name,
        batch: project.batch,
      });
    }
    projects.push({ name: project.name, type: project.type, batch: project.batch, tasks: tasks.length });
  }
  return { credentials, projects, files: fileIds.size };
}

/** Stores the demo credentials readable by the owner only. */
export function writeDemoCredentials(dataDir: string, credentials: DemoCredentials): void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, DEMO_CREDENTIALS_FILE);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}

/** The stored demo credentials, or null when the demo was never seeded into this data directory. */
export function readDemoCredentials(dataDir: string): DemoCredentials | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, DEMO_CREDENTIALS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return JSON.parse(text) as DemoCredentials;
}
