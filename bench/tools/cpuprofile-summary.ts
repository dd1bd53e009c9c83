/**
 * Summarizes a V8 `.cpuprofile` (from `node --cpu-prof`, e.g. `npm run bench -- ingest --cpu-prof DIR`):
 * where the busy time went by package or file, and the functions with the most self and inclusive time.
 * Usage: `node bench/tools/cpuprofile-summary.ts <file.cpuprofile> [--top 25] [--match text]
 * [--callers text]`: `--match` filters the function lists, `--callers` attributes the time of the functions
 * matching `text` (self and below) to their nearest caller in a package.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const IDLE = new Set(['(idle)', '(program)']);

/** Where a frame's code lives: an npm package, a workspace package, node itself, or V8. */
function area(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  const workspace = /\/(packages\/[^/]+)\/src\/(?:([^/]+)\/)?/.exec(url);
  if (workspace) return workspace[2] ? `${workspace[1]}/${workspace[2]}` : (workspace[1] ?? url);
  if (url.startsWith('node:')) return 'node:internal';
  return url;
}

function frameKey(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(packages|bench)\//, '$1/');
  return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '25' },
    match: { type: 'string' },
    callers: { type: 'string' },
  },
});
const file = positionals[0];
if (!file) {
  process.stderr.write(
    'usage: node bench/tools/cpuprofile-summary.ts <file.cpuprofile> [--top N] [--match text]\n',
  );
  process.exit(2);
}
const top = Number(values.top);
// Piped into `head`: stop quietly when the reader goes away.
process.stdout.on('error', () => process.exit(0));
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const self = new Map<number, number>();
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

let total = 0;
let busy = 0;
const areaSelf = new Map<string, number>();
const fnSelf = new Map<string, number>();
const fnTotal = new Map<string, number>();
const callerTotal = new Map<string, number>();
for (const [id, micros] of self) {
  const node = byId.get(id);
  if (!node) continue;
  total += micros;
  if (IDLE.has(node.callFrame.functionName)) continue;
  busy += micros;
  const a = area(node.callFrame.url, node.callFrame.functionName);
  areaSelf.set(a, (areaSelf.get(a) ?? 0) + micros);
  const key = frameKey(node);
  fnSelf.set(key, (fnSelf.get(key) ?? 0) + micros);
  const seen = new Set<string>();
  let matched = false;
  let caller: string | undefined;
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const frame = byId.get(cur);
    if (!frame) break;
    const k = frameKey(frame);
    if (values.callers && !caller) {
      if (k.includes(values.callers)) matched = true;
      else if (matched && /node_modules|packages\//.test(frame.callFrame.url)) caller = k;
    }
    if (seen.has(k)) continue;
    seen.add(k);
    fnTotal.set(k, (fnTotal.get(k) ?? 0) + micros);
  }
  if (matched)
    callerTotal.set(
      caller ?? '(no package caller)',
      (callerTotal.get(caller ?? '(no package caller)') ?? 0) + micros,
    );
}

const pct = (micros: number) => `${((micros / busy) * 100).toFixed(1).padStart(5)}%`;
const print = (title: string, entries: Map<string, number>) => {
  process.stdout.write(`\n${title}\n`);
  const rows = [...entries]
    .filter(([k]) => !values.match || k.includes(values.match))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top);
  for (const [k, v] of rows)
    process.stdout.write(`${pct(v)}  ${(v / 1000).toFixed(0).padStart(7)} ms  ${k}\n`);
};
process.stdout.write(
  `${file}\nsampled ${(total / 1e6).toFixed(2)} s, busy ${(busy / 1e6).toFixed(2)} s (${((busy / total) * 100).toFixed(0)}%); shares below are of busy time\n`,
);
print('self time by package / server folder', areaSelf);
print('self time by function', fnSelf);
print('inclusive time by function', fnTotal);
if (values.callers) print(`time in ${values.callers} by nearest package caller`, callerTotal);
