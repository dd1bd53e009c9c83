import { describe, expect, it } from 'vitest';
import { WORKER_NODE_FLAGS, workerExecArgs, workerNodeFlags } from './worker-flags.ts';

const proc = (execArgv: string[] = []) => ({
  execPath: '/usr/bin/node',
  execArgv,
  argv: ['/usr/bin/node', '/app/bin.ts', 'worker', '--data-dir', 'd'],
});

describe('workerNodeFlags', () => {
  it('is the defaults without the variable, the variable split at spaces with it, none when it is empty', () => {
    expect(workerNodeFlags({})).toEqual([...WORKER_NODE_FLAGS]);
    expect(
      workerNodeFlags({ GROUNDWORK_WORKER_NODE_FLAGS: ' --max-semi-space-size=4   --optimize-for-size ' }),
    ).toEqual(['--max-semi-space-size=4', '--optimize-for-size']);
    expect(workerNodeFlags({ GROUNDWORK_WORKER_NODE_FLAGS: '' })).toEqual([]);
  });
});

describe('workerExecArgs', () => {
  it('puts the flags before the script and keeps the process’s own flags and arguments', () => {
    expect(workerExecArgs(['--max-semi-space-size=8'], proc(['--enable-source-maps']))).toEqual([
      '/usr/bin/node',
      '--max-semi-space-size=8',
      '--enable-source-maps',
      '/app/bin.ts',
      'worker',
      '--data-dir',
      'd',
    ]);
  });

  it('does nothing once the flags are there (no loop), or when there are none', () => {
    const flags = ['--max-semi-space-size=8', '--heap-growing-percent=50'];
    expect(workerExecArgs(flags, proc(flags))).toBeUndefined();
    expect(workerExecArgs([], proc())).toBeUndefined();
  });

  it('leaves out a flag the person gave a value of their own, on the command line or in NODE_OPTIONS', () => {
    const flags = ['--max-semi-space-size=8', '--heap-growing-percent=50'];
    expect(workerExecArgs(flags, proc(['--max_semi_space_size=2']))?.slice(1, 3)).toEqual([
      '--heap-growing-percent=50',
      '--max_semi_space_size=2',
    ]);
    expect(
      workerExecArgs(flags, proc(), '--heap-growing-percent=20 --max-semi-space-size=16'),
    ).toBeUndefined();
  });
});
