/**
 * The built package works where the sources cannot: installed from a tarball under `node_modules`, where
 * Node refuses to strip types. The test builds into a temporary folder with the real build script, packs
 * it with npm, installs the tarball into a scratch project offline (its dependencies linked from this
 * repository's `node_modules`), and imports it with plain `node` and plain `tsc`. It also checks that
 * inside the repository `@groundwork/domain` still resolves to the TypeScript sources.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(packageDir, '../..');
const require = createRequire(import.meta.url);

/** The environment without the parent npm's settings (a `-w` of `npm test` must not reach the child npm). */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

/** Runs a command and returns its standard output; a failure throws with everything the command printed. */
function run(command: string, args: readonly string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${[command, ...args].join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

/** Runs npm offline, with a cache (and its logs) inside the scratch folder. */
function npm(args: readonly string[], cwd: string, cache: string): string {
  return run(
    'npm',
    [...args, '--offline', '--cache', cache, '--no-audit', '--no-fund', '--loglevel=error'],
    cwd,
  );
}

/** A file of the packed tarball, as `npm pack --json` lists it. */
interface PackedFile {
  path: string;
}

describe('the built @groundwork/domain package', () => {
  let work: string;
  let consumer: string;
  let packedFiles: string[];

  beforeAll(() => {
    work = realpathSync(mkdtempSync(join(tmpdir(), 'groundwork-domain-package-')));
    const built = join(work, 'package');
    const cache = join(work, 'npm-cache');
    consumer = join(work, 'consumer');
    run(process.execPath, [join(packageDir, 'scripts/build-dist.ts'), built], packageDir);
    const [pack] = JSON.parse(npm(['pack', built, '--pack-destination', work, '--json'], work, cache)) as {
      filename: string;
      files: PackedFile[];
    }[];
    packedFiles = (pack?.files ?? []).map((file) => file.path);

    mkdirSync(consumer);
    // Every dependency of the package, linked from this repository's node_modules (npm runs offline).
    const { dependencies = {} } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    const linked = Object.fromEntries(
      Object.keys(dependencies).map((name) => [
        name,
        `file:${[join(packageDir, 'node_modules', name), join(repoRoot, 'node_modules', name)].find((dir) => existsSync(dir))}`,
      ]),
    );
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: linked }),
    );
    npm(['install', join(work, pack?.filename ?? 'missing.tgz'), '--ignore-scripts'], consumer, cache);
  }, 120_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('ships JavaScript and declarations, no TypeScript sources and no test code', () => {
    expect(packedFiles).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'index.js',
        'index.d.ts',
        'quality/agreement/krippendorff.js',
      ]),
    );
    const typescript = packedFiles.filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'));
    expect(typescript).toEqual([]);
    expect(packedFiles.filter((path) => /\.test\.|(^|\/)testing\//.test(path))).toEqual([]);
    const devImports = packedFiles.filter(
      (path) =>
        path.endsWith('.js') &&
        /from ["'](vitest|fast-check)["']/.test(readFileSync(join(work, 'package', path), 'utf8')),
    );
    expect(devImports).toEqual([]);
  });

  it('is imported by plain node from node_modules and computes', () => {
    const script = `
      import { dawidSkene, krippendorffAlpha } from '@groundwork/domain';
      const answers = [
        { worker: 'a', task: 't1', label: 'x' }, { worker: 'b', task: 't1', label: 'x' },
        { worker: 'a', task: 't2', label: 'y' }, { worker: 'b', task: 't2', label: 'y' },
      ];
      const ds = dawidSkene(answers, { maxIterations: 1, smoothing: 0.01 });
      console.log(JSON.stringify({
        resolved: import.meta.resolve('@groundwork/domain'),
        alpha: krippendorffAlpha([[1, 2, 3, 3], [1, 2, 3, 4]], 'nominal'),
        labels: ds.labels,
        t1: ds.probabilities.t1,
        priors: ds.priors,
      }));
    `;
    const output = JSON.parse(run(process.execPath, ['--input-type=module', '-e', script], consumer));
    expect(fileURLToPath(output.resolved)).toBe(
      join(consumer, 'node_modules', '@groundwork', 'domain', 'index.js'),
    );
    // Units (1,1) (2,2) (3,3) (3,4): n = 8, Σ o_ck δ² = 2, n² − Σ n_c² = 64 − 18 = 46; α = 1 − 7·2/46.
    expect(output.alpha).toBeCloseTo(1 - 14 / 46, 12);
    // One EM round from the majority-vote start: priors (1 + 0.01)/(2 + 0.02) each; both workers'
    // confusion rows (1.01, 0.01)/1.02; so P(t1 = x) = 1.01² / (1.01² + 0.01²).
    expect(output.labels).toEqual({ t1: 'x', t2: 'y' });
    expect(output.t1.x).toBeCloseTo(1.0201 / 1.0202, 12);
    expect(output.priors[0]).toBeCloseTo(0.5, 12);
  });

  it('type-checks a TypeScript consumer against the shipped declarations', () => {
    writeFileSync(
      join(consumer, 'check.ts'),
      [
        "import { type CategoricalAnswer, dawidSkene, krippendorffAlpha } from '@groundwork/domain';",
        "const answers: CategoricalAnswer[] = [{ worker: 'a', task: 't', label: 'x' }];",
        "const label: string | undefined = dawidSkene(answers).labels['t'];",
        "const alpha: number = krippendorffAlpha([[1, 2]], 'nominal');",
        "// @ts-expect-error: 'bogus' is not a level of measurement",
        "krippendorffAlpha([[1, 2]], 'bogus');",
        'export { alpha, label };',
        '',
      ].join('\n'),
    );
    // Strict, and the package's own declarations checked too (skipLibCheck off).
    const compilerOptions = { module: 'nodenext', target: 'es2024', strict: true, noEmit: true, types: [] };
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { ...compilerOptions, skipLibCheck: false }, files: ['check.ts'] }),
    );
    const tsc = require.resolve('typescript/bin/tsc', { paths: [repoRoot] });
    expect(run(process.execPath, [tsc, '-p', 'tsconfig.json'], consumer)).toBe('');
  });

  it('still resolves to the TypeScript sources inside the repository', () => {
    const resolved = run(
      process.execPath,
      ['--input-type=module', '-e', "console.log(import.meta.resolve('@groundwork/domain'))"],
      repoRoot,
    ).trim();
    expect(fileURLToPath(resolved)).toBe(join(packageDir, 'src', 'index.ts'));
  });
});
