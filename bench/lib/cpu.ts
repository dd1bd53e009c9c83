/**
 * CPU accounting from /proc (Linux): over a measured interval, how busy the whole machine was and how
 * much CPU the server process, the database (the postmaster and all its backends, including those
 * that exited) and this load-generating process (with the children it reaped, e.g. the CLI) used.
 * Elsewhere the figures read as zero.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

interface ProcStat {
  ppid: number;
  /** utime + stime, seconds. */
  own: number;
  /** cutime + cstime (reaped children), seconds. */
  reaped: number;
}

function readStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // Fields after the parenthesized command name start at field 3 (state): ppid is field 4, utime 14,
  // stime 15, cutime 16, cstime 17.
  const f = text
    .slice(text.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  const at = (field: number) => f[field - 3] ?? 0;
  return {
    ppid: at(4),
    own: (at(14) + at(15)) / TICKS_PER_SECOND,
    reaped: (at(16) + at(17)) / TICKS_PER_SECOND,
  };
}

/** Cumulative CPU seconds at one moment. */
export interface CpuSample {
  machineBusy: number;
  machineTotal: number;
  server: number | null;
  database: number | null;
  client: number;
}

/** What to account for besides the machine and this process. */
export interface CpuWatch {
  serverPid?: number | undefined;
  postmasterPid?: number | undefined;
}

/** Reads the counters now. */
export function sampleCpu(watch: CpuWatch): CpuSample {
  let machineBusy = 0;
  let machineTotal = 0;
  try {
    const fields =
      readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    // user nice system idle iowait irq softirq steal
    machineTotal = fields.slice(0, 8).reduce((a, b) => a + b, 0) / TICKS_PER_SECOND;
    machineBusy = machineTotal - ((fields[3] ?? 0) + (fields[4] ?? 0)) / TICKS_PER_SECOND;
  } catch {
    // Not Linux.
  }
  let database: number | null = null;
  if (watch.postmasterPid !== undefined) {
    const postmaster = readStat(watch.postmasterPid);
    if (postmaster) {
      database = postmaster.own + postmaster.reaped;
      for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        const stat = readStat(Number(entry));
        if (stat?.ppid === watch.postmasterPid) database += stat.own + stat.reaped;
      }
    }
  }
  const server = watch.serverPid !== undefined ? (readStat(watch.serverPid)?.own ?? null) : null;
  const self = readStat(process.pid);
  return { machineBusy, machineTotal, server, database, client: (self?.own ?? 0) + (self?.reaped ?? 0) };
}

/** CPU used between two samples: seconds per party and the busy share of the machine (0–1, all cores). */
export interface CpuUse {
  machineBusyShare: number;
  machineBusySeconds: number;
  server: number | null;
  database: number | null;
  client: number;
}

/** The difference of two samples. */
export function cpuBetween(before: CpuSample, after: CpuSample): CpuUse {
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
  const total = after.machineTotal - before.machineTotal;
  const busy = after.machineBusy - before.machineBusy;
  return {
    machineBusyShare: total > 0 ? busy / total : 0,
    machineBusySeconds: busy,
    server: diff(before.server, after.server),
    database: diff(before.database, after.database),
    client: after.client - before.client,
  };
}
