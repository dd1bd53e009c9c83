/**
 * `npm run generate`: builds the server in-process (in-memory PGlite, nothing listens), takes its OpenAPI
 * document and writes the two committed artifacts derived from it: `packages/server/openapi.json` and the
 * SDK's types, `packages/sdk/src/schema.d.ts` (by openapi-typescript). `scripts/check-generated.ts` reuses
 * `renderGenerated` to fail when the committed files are stale.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, loadConfig, openDatabase } from '@groundwork/server';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The generated files, by path relative to the repository root. */
export const GENERATED_FILES = {
  openapi: 'packages/server/openapi.json',
  sdkSchema: 'packages/sdk/src/schema.d.ts',
} as const;

/** Sorts object keys recursively (arrays keep their order) so the document does not churn. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

/** The server's OpenAPI document, from an app built over a throwaway in-memory database. */
export async function buildOpenApiDocument(): Promise<OpenAPI3> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gw-generate-'));
  const db = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    await db.migrate();
    const config = loadConfig({ GROUNDWORK_DATA_DIR: dataDir, GROUNDWORK_LOG_LEVEL: 'silent' });
    const app = await buildApp(config, { db, logger: false });
    try {
      await app.ready();
      return sortKeys(app.swagger()) as OpenAPI3;
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The contents of every generated file, by key of GENERATED_FILES. */
export async function renderGenerated(): Promise<Record<keyof typeof GENERATED_FILES, string>> {
  const document = await buildOpenApiDocument();
  const ast = await openapiTS(document);
  return {
    openapi: `${JSON.stringify(document, null, 2)}\n`,
    sdkSchema: astToString(ast),
  };
}

/** Writes every generated file. */
export async function writeGenerated(): Promise<string[]> {
  const rendered = await renderGenerated();
  const written: string[] = [];
  for (const [key, path] of Object.entries(GENERATED_FILES)) {
    writeFileSync(join(ROOT, path), rendered[key as keyof typeof GENERATED_FILES]);
    written.push(path);
  }
  return written;
}

if (import.meta.main) {
  for (const path of await writeGenerated()) console.log(`wrote ${path}`);
}
