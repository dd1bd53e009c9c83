/** `groundwork demo`: seeds the demo organization (idempotent). */
import { Command } from 'commander';
import {
  type CliIo,
  dataDirOption,
  loadServer,
  printNote,
  printResult,
  resolveConfig,
  withDatabase,
} from '../context.ts';
import type { DemoSummary } from '../demo/seed.ts';

/** The `demo` command. */
export function demoCommand(io: CliIo): Command {
  return new Command('demo')
    .description('create the "demo" organization with users, API keys, projects and tasks to try things out')
    .addOption(dataDirOption())
    .action(async (opts: { dataDir?: string }) => {
      const config = await resolveConfig(io, { dataDir: opts.dataDir });
      const { buildApp } = await loadServer();
      const { DEMO_ORG, readDemoCredentials, seedDemo } = await import('../demo/seed.ts');
      const summary = await withDatabase(config, async (db) => {
        const app = await buildApp(config, { db, logger: false });
        try {
          return await seedDemo(app.services, { dataDir: config.dataDir });
        } finally {
          await app.close();
        }
      });
      if (!summary) {
        printNote(io, `organization "${DEMO_ORG}" already exists; nothing to do`);
        const stored = readDemoCredentials(config.dataDir);
        if (stored) printNote(io, `its API keys are in ${config.dataDir}/demo-credentials.json`);
        return;
      }
      for (const line of describeDemo(summary)) printResult(io, line);
    });
}

/** A human-readable account of what the demo seed created. */
export function describeDemo(summary: DemoSummary): string[] {
  const { credentials } = summary;
  return [
    `created organization "${credentials.org}"`,
    '',
    `users (password: ${credentials.password})`,
    ...credentials.users.map((u) => `  ${u.role.padEnd(10)} ${u.email}`),
    '',
    'API keys',
    `  live  ${credentials.apiKeys.live}`,
    `  test  ${credentials.apiKeys.test}`,
    '',
    `projects (${summary.files} sample images uploaded)`,
    ...summary.projects.map(
      (p) => `  ${p.name.padEnd(28)} ${p.type.padEnd(20)} ${p.tasks} tasks in batch ${p.batch}`,
    ),
  ];
}
