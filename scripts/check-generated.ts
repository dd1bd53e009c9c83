/**
 * `npm run db:check`: fails when a committed generated file is stale —
 * (a) drizzle-kit would generate a new SQL migration from `packages/server/src/db/schema.ts`, or
 * (b) the OpenAPI document or the SDK types differ from what `npm run generate` writes now.
 * Nothing in the working tree is changed: drizzle-kit runs against a temporary copy of the migrations.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_FILES, renderGenerated } from './generate-sdk.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MIGRATIONS = join(ROOT, 'packages/server/drizzle');

/** Whether drizzle-kit would write a new migration; the name of the migration it wrote if so. */
function pendingMigration(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'gw-check-'));
  try {
    const out = join(dir, 'drizzle');
    cpSync(MIGRATIONS, out, { recursive: true });
    const before = new Set(readdirSync(out));
    const config = join(dir, 'drizzle.config.mjs');
    writeFileSync(
      config,
      `export default ${JSON.stringify({
        dialect: 'postgresql',
        schema: join(ROOT, 'packages/server/src/db/schema.ts'),
        out,
      })};\n`,
    );
    const result = spawnSync('npx', ['drizzle-kit', 'generate', '--config', config], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      throw new Error(`drizzle-kit generate failed:\n${result.stdout}${result.stderr}`);
    }
    return readdirSync(out).find((f) => f.endsWith('.sql') && !before.has(f)) ?? null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(join(ROOT, path), 'utf8');
  } catch {
    return '';
  }
}

const problems: string[] = [];
const migration = pendingMigration();
if (migration) {
  problems.push(
    `packages/server/src/db/schema.ts changed without a migration (drizzle-kit would write ${migration}); run \`npm run db:generate\` and commit the new migration`,
  );
}
const rendered = await renderGenerated();
for (const [key, path] of Object.entries(GENERATED_FILES)) {
  if (readOrEmpty(path) !== rendered[key as keyof typeof GENERATED_FILES]) {
    problems.push(`${path} is stale; run \`npm run generate\` and commit the result`);
  }
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`stale: ${problem}`);
  process.exit(1);
}
console.log('generated files are up to date');
