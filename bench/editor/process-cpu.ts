/**
 * Who used the CPU during a gesture (Linux /proc): this benchmark's process tree (the Node process, the
 * browser with its renderer and GPU processes, the server) against the whole machine. Other sessions on
 * the same machine then show as the rest, and a run they disturbed can be flagged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

const TICKS_PER_SECOND = 100;

/** Cumulative CPU seconds: the machine's busy and total time, and this process tree's own. */
export interface TreeSample {
  machineBusy: number;
  machineTotal: number;
  tree: number;
}

function ownSeconds(stat: string): { ppid: number; seconds: number } {
  // After the parenthesized command name: field 3 is the state, 4 the ppid, 14 utime, 15 stime.
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  const at = (field: number) => fields[field - 3] ?? 0;
  return { ppid: at(4), seconds: (at(14) + at(15)) / TICKS_PER_SECOND };
}

/** Reads the counters now (zeros where /proc is missing). */
export function sampleTree(root: number = process.pid): TreeSample {
  let machineBusy = 0;
  let machineTotal = 0;
  const byPid = new Map<number, { ppid: number; seconds: number }>();
  try {
    const fields =
      readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    // user nice system idle iowait irq softirq steal
    machineTotal = fields.slice(0, 8).reduce((a, b) => a + b, 0) / TICKS_PER_SECOND;
    machineBusy = machineTotal - ((fields[3] ?? 0) + (fields[4] ?? 0)) / TICKS_PER_SECOND;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        byPid.set(Number(entry), ownSeconds(readFileSync(`/proc/${entry}/stat`, 'utf8')));
      } catch {
        // The process ended meanwhile.
      }
    }
  } catch {
    return { machineBusy: 0, machineTotal: 0, tree: 0 };
  }
  return { machineBusy, machineTotal, tree: treeSeconds(byPid, root) };
}

/** The CPU seconds of `root` and all its descendants in a pid → (ppid, seconds) table. */
export function treeSeconds(
  byPid: ReadonlyMap<number, { ppid: number; seconds: number }>,
  root: number,
): number {
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of byPid) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  let total = 0;
  const stack = [root];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += byPid.get(pid)?.seconds ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** CPU use between two samples, in cores (1 = one core fully busy for the whole interval). */
export interface TreeUse {
  /** This benchmark: browser, server and the Node process. */
  ours: number;
  /** Everything else on the machine (other sessions, the kernel's unattributed work). */
  others: number;
  /** The machine's cores. */
  cores: number;
}

/** The difference of two samples. */
export function treeUseBetween(before: TreeSample, after: TreeSample): TreeUse {
  const cores = cpus().length;
  const wall = (after.machineTotal - before.machineTotal) / cores;
  if (wall <= 0) return { ours: 0, others: 0, cores };
  const busy = (after.machineBusy - before.machineBusy) / wall;
  const ours = (after.tree - before.tree) / wall;
  return { ours, others: Math.max(0, busy - ours), cores };
}
