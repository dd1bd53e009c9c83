/**
 * `groundwork keys status|rotate|rewrap` and `groundwork org delete`: the operator's side of encryption
 * at rest. Every command first checks that the master key opens the key store (a wrong key is refused
 * and recorded in every organization's audit chain).
 */
import type { Config, Database, DataKeys, EncryptedBlobStore } from '@groundwork/server';
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
import { UsageError } from '../errors.ts';

/** Opens the database with the data keys and the encrypting blob store, after checking the master key. */
async function withKeys<T>(
  io: CliIo,
  config: Config,
  fn: (deps: { db: Database; keys: DataKeys; blobs: EncryptedBlobStore }) => Promise<T>,
): Promise<T> {
  const { createDataKeys, createEncryptedBlobs, masterKeyLoader, verifyMasterKey } = await loadServer();
  return withDatabase(config, async (db) => {
    const keys = createDataKeys(
      config,
      masterKeyLoader(config, (message) => printNote(io, `warning: ${message}`)),
    );
    await verifyMasterKey(db, keys);
    return fn({ db, keys, blobs: createEncryptedBlobs(config, keys) });
  });
}

/** The `keys` command group. */
export function keysCommand(io: CliIo): Command {
  const keys = new Command('keys').description("manage the organizations' data keys (encryption at rest)");
  keys
    .command('status')
    .description("print each organization's data key versions")
    .option('--org <slug>', 'only this organization (default: all of them)')
    .addOption(dataDirOption())
    .action(async (opts: { org?: string; dataDir?: string }) => {
      const config = await resolveConfig(io, { dataDir: opts.dataDir });
      const { OrgService } = await loadServer();
      await withKeys(io, config, async ({ db, keys }) => {
        const orgs = new OrgService({ db });
        const list = opts.org !== undefined ? [await orgs.requireOrg(opts.org)] : await orgs.listOrgs();
        for (const org of list) {
          const ring = await keys.versions(org.id);
          printResult(
            io,
            ring
              ? `${org.slug}: current version ${ring.current} (versions kept: ${ring.versions.join(', ')})`
              : `${org.slug}: no data key yet (made when it is first used)`,
          );
        }
      });
    });
  keys
    .command('rotate')
    .description(
      'give an organization a new data key and re-encrypt its files and the task content in the database under it while the server keeps serving; older versions are retired at the end (data stored before encryption is encrypted too)',
    )
    .requiredOption('--org <slug>', 'the organization')
    .option(
      '--settle-seconds <n>',
      'wait this long after adding the key (so every running process can read it) before making it current, and as long again before re-encrypting (default 65)',
      '65',
    )
    .addOption(dataDirOption())
    .action(async (opts: { org: string; settleSeconds: string; dataDir?: string }) => {
      const settle = Number(opts.settleSeconds);
      if (!Number.isInteger(settle) || settle < 0 || settle > 3600) {
        throw new UsageError(
          `--settle-seconds: expected a whole number from 0 to 3600; got ${opts.settleSeconds}`,
        );
      }
      const config = await resolveConfig(io, { dataDir: opts.dataDir });
      const { OrgService, rotateOrgDataKey } = await loadServer();
      const report = await withKeys(io, config, async (deps) => {
        const org = await new OrgService({ db: deps.db }).requireOrg(opts.org);
        if (settle > 0) {
          printNote(
            io,
            `new key added; waiting ${settle} s for running processes to read it, then ${settle} s more once it is current`,
          );
        }
        return rotateOrgDataKey(deps, org.id, {
          settleMs: settle * 1000,
          onProgress: (p) => printNote(io, `checked ${p.checked} files, re-encrypted ${p.reencrypted}`),
        });
      });
      printResult(
        io,
        `${opts.org}: data key version ${report.version}; ${report.reencrypted} of ${report.checked} files re-encrypted; ${Object.values(report.rows).reduce((a, b) => a + b, 0)} values in the database re-encrypted` +
          (report.missing > 0 ? `, ${report.missing} listed but missing from the blob store` : '') +
          (report.retired.length > 0 ? `; retired version ${report.retired.join(', ')}` : ''),
      );
    });
  keys
    .command('rewrap')
    .description(
      'after changing the master key (old one in GROUNDWORK_MASTER_KEY_PREVIOUS), wrap every data key and seal every stored secret (webhook, SSO, TOTP) with the new one',
    )
    .addOption(dataDirOption())
    .action(async (opts: { dataDir?: string }) => {
      const config = await resolveConfig(io, { dataDir: opts.dataDir });
      const { OrgService, masterKeyLoader, resealSecrets } = await loadServer();
      await withKeys(io, config, async ({ db, keys }) => {
        let total = 0;
        for (const org of await new OrgService({ db }).listOrgs()) {
          const count = await keys.rewrap(org.id);
          total += count;
          if (count > 0) printNote(io, `${org.slug}: ${count} key version(s) re-wrapped`);
        }
        // The secrets kept in the database under the master key follow it too.
        const master = masterKeyLoader(config, (message) => printNote(io, `warning: ${message}`))();
        const report = await resealSecrets(db, master, config.previousMasterKey);
        const resealed = Object.values(report).reduce((sum, r) => sum + r.resealed, 0);
        printResult(
          io,
          `${total} data key version(s) re-wrapped and ${resealed} stored secret(s) sealed again with the current master key`,
        );
      });
    });
  return keys;
}

/** `groundwork org delete <slug> --confirm <slug>`: deletes an organization and destroys its key. */
export function orgDeleteCommand(io: CliIo): Command {
  return new Command('delete')
    .description(
      'delete an organization for good: its data key is destroyed first (its encrypted files become unreadable everywhere, backups included), then its rows and files',
    )
    .argument('<slug>', 'the organization')
    .requiredOption('--confirm <slug>', 'the slug again, to confirm')
    .addOption(dataDirOption())
    .action(async (slug: string, opts: { confirm: string; dataDir?: string }) => {
      if (opts.confirm !== slug) {
        throw new UsageError(`--confirm: must repeat the organization's slug (${slug}); got ${opts.confirm}`);
      }
      const config = await resolveConfig(io, { dataDir: opts.dataDir });
      const { OrgService, deleteOrganization } = await loadServer();
      const report = await withKeys(io, config, async (deps) => {
        const org = await new OrgService({ db: deps.db }).requireOrg(slug);
        return deleteOrganization(deps, org.id);
      });
      const rows = Object.values(report.rows).reduce((a, b) => a + b, 0);
      printResult(
        io,
        `deleted ${slug}: data key destroyed, ${rows} rows, ${report.blobsDeleted} files, ${report.usersDeleted} users without another organization`,
      );
    });
}
