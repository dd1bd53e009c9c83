/**
 * `groundwork audit verify`: walks each organization's audit chain (or one, with `--org`), recomputing
 * every hash, and prints `OK: N events, chain intact` or the first broken link. A broken chain exits 1
 * and is itself recorded as `audit.verify_failed` at the end of that organization's chain.
 */
import { Command } from 'commander';
import {
  type CliIo,
  dataDirOption,
  loadServer,
  printResult,
  resolveConfig,
  withDatabase,
} from '../context.ts';
import { CliError } from '../errors.ts';

/** The `audit` command group. */
export function auditCommand(io: CliIo): Command {
  const audit = new Command('audit').description('check the audit log');
  audit
    .command('verify')
    .description(
      "verify the audit chain of every organization (or one): prints 'OK: N events, chain intact' or the first broken link, and exits 1 when a chain is broken",
    )
    .option('--org <slug>', 'only this organization (default: all of them)')
    .addOption(dataDirOption())
    .action(async (opts: { org?: string; dataDir?: string }) => {
      const config = await resolveConfig(io, { dataDir: opts.dataDir });
      const { OrgService, auditedOrganizations, checkAuditChain, describeAuditChain } = await loadServer();
      const broken = await withDatabase(config, async (db) => {
        const orgs =
          opts.org !== undefined
            ? [await new OrgService({ db }).requireOrg(opts.org)]
            : await auditedOrganizations(db);
        const failed: string[] = [];
        for (const org of orgs) {
          const report = await checkAuditChain(db, org.id, { type: 'system', id: null });
          const line = describeAuditChain(report);
          printResult(io, opts.org !== undefined ? line : `${org.slug}: ${line}`);
          if (!report.intact) failed.push(org.slug);
        }
        return failed;
      });
      if (broken.length > 0) {
        throw new CliError(
          `the audit chain of ${broken.length === 1 ? 'organization' : 'organizations'} ${broken.join(', ')} is broken (recorded as audit.verify_failed)`,
        );
      }
    });
  return audit;
}
