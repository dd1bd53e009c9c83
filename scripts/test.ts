/**
 * `npm test`: runs every test runner of the repository and ends with one line that sums them all,
 * `N passed, N failed` (what was skipped is said on the line before it). The exit code is non-zero when
 * anything failed, when a runner crashed, or when a runner ran no tests at all.
 *
 * Sections, in order:
 * - checks: `npm run typecheck`, `npm run lint` and, when scripts/check-generated.ts exists,
 *   `npm run db:check`; each counts as one test. Then `npm audit` of the production dependencies
 *   (`--omit=dev`), one more test, failed by any high or critical advisory. It needs the registry's
 *   advisory service: when that cannot be reached (a mirror without it, offline) it is reported as skipped,
 *   with the reason — never as passed.
 * - vitest (pglite): every `*.test.ts`, integration tests on in-memory PGlite.
 * - vitest (postgres): only `*.int.test.ts`, when TEST_DATABASE_URL names a PostgreSQL server.
 * - playwright: the browser suite in e2e/, when GROUNDWORK_E2E=1, or CI=true and Chromium is installed.
 *   On CI a missing Chromium is a failure, not a skip. GROUNDWORK_E2E=0 turns the suite off.
 *
 * The runners' own output is streamed as they run so failures can be read in place.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';

/** What one section contributed to the total. */
interface SectionResult {
  label: string;
  passed: number;
  failed: number;
  skipped: number;
  /** Why the section counted a failure that is not a failing test (a crash, no tests), or why it did not run. */
  notes: string[];
  /** False when the section was not run at all (it then counts nothing). */
  ran: boolean;
}

function section(label: string): SectionResult {
  return { label, passed: 0, failed: 0, skipped: 0, notes: [], ran: true };
}

let running: ChildProcess | null = null;
let interruptedBy: NodeJS.Signals | null = null;

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interruptedBy = signal;
    running?.kill(signal);
  });
}

/** Runs a command with inherited output; resolves with its exit code (1 when killed by a signal). */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  console.log(`\n\u25b6 ${[command, ...args].join(' ')}\n`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'inherit', 'inherit'] });
    running = child;
    child.once('error', (error) => {
      console.error(`could not start ${command}: ${error.message}`);
      running = null;
      resolve(127);
    });
    child.once('exit', (code, signal) => {
      running = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Turns what a runner reported into failures the total cannot miss: a runner that exited non-zero without
 * a failing test crashed, and one that ran nothing tested nothing.
 */
function settle(result: SectionResult, exitCode: number, reported: boolean): SectionResult {
  if (!reported) {
    result.failed += 1;
    result.notes.push(`no report was written (exit code ${exitCode})`);
    return result;
  }
  if (exitCode !== 0 && result.failed === 0) {
    result.failed += 1;
    result.notes.push(`exited with code ${exitCode} without a failing test`);
  }
  if (result.passed + result.failed + result.skipped === 0) {
    result.failed += 1;
    result.notes.push('ran no tests');
  }
  return result;
}

/** The parts of Vitest's JSON report (Jest's format) that the counts come from. */
interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { status: string; fullName?: string; failureMessages?: string[] }[];
  }[];
}

/** The first line of a failure message, short enough for the summary (the full text is in the log above). */
function firstLine(message: string | undefined): string {
  // Vitest and Playwright colour their messages; the summary is plain text.
  const plain = stripVTControlCharacters(message ?? '');
  const line = plain.split('\n').find((l) => l.trim() !== '') ?? 'no message';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line.trim();
}

async function runVitest(label: string, filters: string[], env: NodeJS.ProcessEnv, workDir: string) {
  const reportFile = join(workDir, `${label.replace(/\W+/g, '-')}.json`);
  const exitCode = await run(
    'npx',
    [
      '--no',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${reportFile}`,
      ...filters,
    ],
    env,
  );
  const result = section(label);
  const report = readJson(reportFile) as VitestReport | undefined;
  if (report) {
    result.passed = report.numPassedTests;
    result.failed = report.numFailedTests;
    result.skipped = report.numPendingTests + report.numTodoTests;
    // A file that fails before its tests run (an import error, a failing beforeAll) has no failed test.
    for (const file of report.testResults) {
      const fileName = file.name.replace(`${repoRoot}/`, '');
      // Each failing test is named in the summary, so a log cut to its last lines still says what failed.
      for (const test of file.assertionResults) {
        if (test.status !== 'failed') continue;
        result.notes.push(
          `FAILED ${fileName} › ${test.fullName ?? '?'}: ${firstLine(test.failureMessages?.[0])}`,
        );
      }
      if (file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed')) {
        result.failed += 1;
        result.notes.push(`${fileName} failed outside its tests: ${firstLine(file.message)}`);
      }
    }
  }
  return settle(result, exitCode, report !== undefined);
}

/** The parts of Playwright's JSON report that the counts come from. */
interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors: { message?: string }[];
  suites?: PlaywrightSuite[];
}

interface PlaywrightSuite {
  title: string;
  suites?: PlaywrightSuite[];
  specs?: {
    title: string;
    file?: string;
    tests: { status: string; results: { error?: { message?: string } }[] }[];
  }[];
}

/** Every test Playwright reports as failed (after retries), as `file › suite › title: first line`. */
function failedPlaywrightTests(suites: PlaywrightSuite[] | undefined, path: string[] = []): string[] {
  const out: string[] = [];
  for (const suite of suites ?? []) {
    const here = [...path, suite.title].filter((t) => t !== '');
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status !== 'unexpected') continue;
        const message = test.results.at(-1)?.error?.message;
        out.push(`FAILED ${[...here, spec.title].join(' › ')}: ${firstLine(message)}`);
      }
    }
    out.push(...failedPlaywrightTests(suite.suites, here));
  }
  return out;
}

async function runPlaywright(workDir: string): Promise<SectionResult> {
  const result = section('playwright');
  const switchedOn = process.env.GROUNDWORK_E2E;
  const requested = switchedOn === '1' || (switchedOn !== '0' && process.env.CI === 'true');
  if (!requested) {
    result.ran = false;
    result.notes.push('not run (GROUNDWORK_E2E=1 runs it)');
    return result;
  }
  if (!existsSync(CHROMIUM)) {
    result.failed = 1;
    result.notes.push(`${CHROMIUM} is missing (apt-get install chromium)`);
    return result;
  }

  const reportFile = join(workDir, 'playwright.json');
  const exitCode = await run(
    'npx',
    ['--no', 'playwright', 'test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'],
    { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: reportFile },
  );
  const report = readJson(reportFile) as PlaywrightReport | undefined;
  if (report) {
    result.passed = report.stats.expected + report.stats.flaky;
    result.failed = report.stats.unexpected;
    result.skipped = report.stats.skipped;
    if (report.stats.flaky > 0) result.notes.push(`${report.stats.flaky} passed only on retry`);
    result.notes.push(...failedPlaywrightTests(report.suites));
    if (report.errors.length > 0 && result.failed === 0) {
      result.failed += 1;
      result.notes.push(`run error: ${(report.errors[0]?.message ?? 'unknown').split('\n')[0]}`);
    }
  }
  return settle(result, exitCode, report !== undefined);
}

/** The parts of `npm audit --json`'s report (npm 7 and later) that the check reads. */
interface AuditReport {
  vulnerabilities?: Record<string, { severity: string; fixAvailable?: unknown }>;
  metadata?: { vulnerabilities?: Record<string, number> };
  message?: string;
  error?: { summary?: string };
}

/** Runs a command with stdin closed and stderr inherited; resolves with its exit code and its stdout. */
function capture(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string }> {
  console.log(`\n\u25b6 ${[command, ...args].join(' ')}\n`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'inherit'] });
    running = child;
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.once('error', (error) => {
      running = null;
      resolve({ code: 127, out: error.message });
    });
    child.once('close', (code, signal) => {
      running = null;
      resolve({ code: code ?? (signal ? 1 : 0), out });
    });
  });
}

/**
 * `npm audit` of the production dependencies: passes with no high or critical advisory. Development
 * dependencies are left out: only test tooling uses them (s3rver, the S3 stand-in of the blob store
 * tests, pulls busboy 0.3 / dicer, whose advisory has no fixed release), and they never run in a
 * deployment.
 */
async function runAudit(result: SectionResult): Promise<void> {
  const { code, out } = await capture('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], {
    ...process.env,
    npm_config_audit: 'true',
    npm_config_update_notifier: 'false',
  });
  let report: AuditReport | undefined;
  try {
    report = JSON.parse(out) as AuditReport;
  } catch {
    report = undefined;
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    const why = report?.error?.summary || report?.message || `exit code ${code}`;
    const note = `npm audit could not read the advisories: ${why.split('\n')[0]}`;
    console.log(note);
    // Not a pass: the check is shown as skipped, with why, and is not counted in the summary line.
    result.skipped += 1;
    result.notes.push(`${note} (skipped: the registry's advisory service cannot be reached)`);
    return;
  }
  const serious = Object.entries(report?.vulnerabilities ?? {})
    .filter(([, v]) => v.severity === 'high' || v.severity === 'critical')
    .map(([name, v]) => `${name} (${v.severity})`);
  const summary = Object.entries(counts)
    .filter(([severity, n]) => severity !== 'total' && n > 0)
    .map(([severity, n]) => `${n} ${severity}`);
  console.log(
    `npm audit (production dependencies): ${summary.length > 0 ? summary.join(', ') : 'no advisories'}`,
  );
  if (serious.length === 0 && (counts.high ?? 0) + (counts.critical ?? 0) === 0) {
    result.passed += 1;
  } else {
    result.failed += 1;
    result.notes.push(
      `npm audit: high or critical advisories in ${serious.join(', ') || 'the dependencies'}`,
    );
  }
}

async function runChecks(): Promise<SectionResult> {
  const result = section('checks');
  const scripts = ['typecheck', 'lint'];
  if (existsSync(join(repoRoot, 'scripts/check-generated.ts'))) scripts.push('db:check');
  for (const script of scripts) {
    if (interruptedBy) break;
    const exitCode = await run('npm', ['run', '--silent', script]);
    if (exitCode === 0) {
      result.passed += 1;
    } else {
      result.failed += 1;
      result.notes.push(`npm run ${script} failed (exit code ${exitCode})`);
    }
  }
  if (!interruptedBy) await runAudit(result);
  return result;
}

function formatCounts(counts: { passed: number; failed: number; skipped: number }): string {
  const line = `${counts.passed} passed, ${counts.failed} failed`;
  return counts.skipped > 0 ? `${line}, ${counts.skipped} skipped` : line;
}

async function main(): Promise<number> {
  const workDir = mkdtempSync(join(tmpdir(), 'groundwork-test-'));
  const results: SectionResult[] = [];
  try {
    const { TEST_DATABASE_URL: databaseUrl, ...envWithoutDatabase } = process.env;
    const steps: (() => Promise<SectionResult>)[] = [
      runChecks,
      () => runVitest('vitest (pglite)', [], envWithoutDatabase, workDir),
    ];
    if (databaseUrl) {
      steps.push(() =>
        runVitest(
          'vitest (postgres)',
          ['.int.test.ts'],
          { ...process.env, TEST_DATABASE_URL: databaseUrl },
          workDir,
        ),
      );
    }
    steps.push(() => runPlaywright(workDir));

    for (const step of steps) {
      if (interruptedBy) break;
      results.push(await step());
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  const width = Math.max(...results.map((r) => r.label.length));
  console.log('\nSummary');
  for (const result of results) {
    const counts = result.ran ? formatCounts(result) : '-';
    console.log(`  ${result.label.padEnd(width)}  ${counts}`);
    for (const note of result.notes) console.log(`  ${' '.repeat(width)}    ${note}`);
  }
  if (interruptedBy) console.log(`  interrupted by ${interruptedBy}`);

  const total = results.reduce(
    (sum, r) => ({
      passed: sum.passed + r.passed,
      failed: sum.failed + r.failed,
      skipped: sum.skipped + r.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  if (interruptedBy) total.failed += 1;
  // The last line is exactly `N passed, N failed`; what was skipped is said on the line before it.
  if (total.skipped > 0) console.log(`(${total.skipped} skipped, not counted below: see the notes above)`);
  console.log(`${total.passed} passed, ${total.failed} failed`);
  return total.failed > 0 ? 1 : 0;
}

process.exitCode = await main();
