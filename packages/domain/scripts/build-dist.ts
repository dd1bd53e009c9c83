/**
 * `npm run build -w @groundwork/domain`: builds the package for plain Node, so scripts outside this
 * repository can `import { dawidSkene } from '@groundwork/domain'` without a TypeScript loader.
 *
 * Inside the repository nothing uses the build: `package.json` exports `./src/index.ts`, which Node 24 runs
 * directly (type stripping works outside `node_modules`), and Vitest, Vite and `tsc -b` read the sources.
 * An installed copy lives under `node_modules`, where Node refuses to strip types, so it needs JavaScript
 * and a manifest that points at it. npm packs the `package.json` it finds on disk (`publishConfig` cannot
 * override `exports` in npm), so the build writes a complete package into its own folder:
 *
 * - the JavaScript and declaration files of `src/index.ts` and what it imports, and nothing else (no tests,
 *   no test helpers), by `tsc -p tsconfig.build.json`, whose `rewriteRelativeImportExtensions` turns
 *   `./x.ts` into `./x.js`;
 * - a `package.json` with this package's name, version and dependencies whose exports point at them;
 * - `README.md`, a copy of `docs/quality.md`.
 *
 * Then `npm pack packages/domain/dist` makes the tarball to install elsewhere.
 *
 * Usage: `node scripts/build-dist.ts [out-dir]` (default `dist` beside this folder). The folder is emptied
 * first, so a file deleted from `src/` does not linger; a folder that holds anything other than an earlier
 * build is refused. When the sources do not type-check the build fails and leaves no folder behind.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The fields of `package.json` the build reads. */
interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  description?: string;
  license?: string;
  dependencies?: Record<string, string>;
}

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(process.argv[2] ?? join(packageDir, 'dist'));
const source = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Manifest;

/** Whether `dir` is missing, empty, or an earlier build of this package (its manifest names it). */
function isReplaceable(dir: string): boolean {
  if (!existsSync(dir) || readdirSync(dir).length === 0) return true;
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as Partial<Manifest>).name === source.name;
}

if (!isReplaceable(outDir)) {
  console.error(
    `build-dist: ${outDir} is not empty and not an earlier build of ${source.name}; not touching it.`,
  );
  process.exit(1);
}
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

// The manifest goes first so that a folder left by an interrupted build is still recognised as one.
const manifest = {
  name: source.name,
  version: source.version,
  ...(source.private === undefined ? {} : { private: source.private }),
  description: source.description,
  license: source.license,
  type: 'module',
  exports: { '.': { types: './index.d.ts', default: './index.js' } },
  dependencies: source.dependencies ?? {},
};
writeFileSync(join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
copyFileSync(join(packageDir, '../../docs/quality.md'), join(outDir, 'README.md'));

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', join(packageDir, 'tsconfig.build.json'), '--outDir', outDir], {
    stdio: 'inherit',
  });
} catch {
  // tsc emits even when the sources do not type-check; a half-right package is worse than none.
  rmSync(outDir, { recursive: true, force: true });
  console.error(`build-dist: tsc failed (errors above); removed ${outDir}.`);
  process.exit(1);
}
console.log(`build-dist: ${source.name}@${source.version} → ${outDir}`);
