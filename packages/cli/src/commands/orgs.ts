/** `groundwork org|user|api-key create`: the administration of organizations, their members and keys. */
import { readFileSync } from 'node:fs';
import type { Role } from '@groundwork/server';
import { Command } from 'commander';
import {
  type CliIo,
  dataDirOption,
  loadServer,
  printResult,
  resolveConfig,
  withDatabase,
} from '../context.ts';
import { CliError, UsageError } from '../errors.ts';
import { orgDeleteCommand } from './keys.ts';

/** The `org` command group. */
export function orgCommand(io: CliIo): Command {
  const org = new Command('org').description('manage organizations');
  org
    .command('create')
    .description('create an organization; prints its slug')
    .argument('<slug>', 'lowercase letters, digits and hyphens')
    .option('--name <name>', 'display name (default: the slug)')
    .addOption(dataDirOption())
    .action(async (slug: string, opts: { name?: string; dataDir?: string }) => {
      const config = await resolveConfig(io, { dataDir: opts.dataDir });
      const { OrgService } = await loadServer();
      const created = await withDatabase(config, (db) =>
        new OrgService({ db }).createOrg({ slug, ...(opts.name ? { name: opts.name } : {}) }),
      );
      printResult(io, created.slug);
    });
  org.addCommand(orgDeleteCommand(io));
  return org;
}

/** The `user` command group. */
export function userCommand(io: CliIo): Command {
  const user = new Command('user').description('manage users');
  user
    .command('create')
    .description("create a user (or find one by email) and make them a member; prints the user's id")
    .requiredOption('--org <slug>', 'organization the user joins')
    .requiredOption('--email <email>', 'e-mail address, also the login')
    .requiredOption(
      '--role <role>',
      'role in the organization: owner, admin, manager, reviewer, annotator or viewer',
    )
    .option('--name <name>', 'display name (default: the part of the email before @)')
    .option(
      '--password <password>',
      'password for signing in (visible to other local users; prefer --password-file)',
    )
    .option('--password-file <file>', 'read the password from this file (first line)')
    .addOption(dataDirOption())
    .action(
      async (opts: {
        org: string;
        email: string;
        role: Role;
        name?: string;
        password?: string;
        passwordFile?: string;
        dataDir?: string;
      }) => {
        const { OrgService, ROLES } = await loadServer();
        if (!(ROLES as readonly string[]).includes(opts.role)) {
          throw new UsageError(
            `--role: expected one of ${ROLES.join(', ')}; got ${JSON.stringify(opts.role)}`,
          );
        }
        if (opts.password !== undefined && opts.passwordFile !== undefined) {
          throw new UsageError('give either --password or --password-file, not both');
        }
        const password =
          opts.passwordFile !== undefined ? readPasswordFile(opts.passwordFile) : opts.password;
        const config = await resolveConfig(io, { dataDir: opts.dataDir });
        const created = await withDatabase(config, async (db) => {
          const orgs = new OrgService({ db });
          const org = await orgs.requireOrg(opts.org);
          return orgs.addUser(org.id, {
            email: opts.email,
            role: opts.role,
            ...(opts.name ? { name: opts.name } : {}),
            password: password ?? null,
          });
        });
        printResult(io, created.id);
      },
    );
  return user;
}

/** The `api-key` command group. */
export function apiKeyCommand(io: CliIo): Command {
  const apiKey = new Command('api-key').description('manage API keys');
  apiKey
    .command('create')
    .description('create an API key; prints the key, which is shown only this once')
    .requiredOption('--org <slug>', 'organization the key acts for')
    .option('--test', 'a test key (test_…): sees only test data, tasks complete at once')
    .option('--name <name>', 'a name to recognise the key by')
    .addOption(dataDirOption())
    .action(async (opts: { org: string; test?: boolean; name?: string; dataDir?: string }) => {
      const config = await resolveConfig(io, { dataDir: opts.dataDir });
      const { OrgService } = await loadServer();
      const { key } = await withDatabase(config, async (db) => {
        const orgs = new OrgService({ db });
        const org = await orgs.requireOrg(opts.org);
        return orgs.createApiKey(org.id, {
          environment: opts.test ? 'test' : 'live',
          ...(opts.name ? { name: opts.name } : {}),
        });
      });
      printResult(io, key);
    });
  return apiKey;
}

function readPasswordFile(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read --password-file ${file}: ${(error as Error).message}`);
  }
  const password = text.split(/\r?\n/, 1)[0] ?? '';
  if (password === '') throw new CliError(`--password-file ${file} is empty`);
  return password;
}
