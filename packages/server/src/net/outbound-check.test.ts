import { describe, expect, it } from 'vitest';
import { OutboundUrlCheck } from './outbound-check.ts';
import type { ResolveHost } from './safe-fetch.ts';

/** A resolver answering from a table, counting its lookups. */
function resolver(table: Record<string, string[] | 'hang' | 'fail'>) {
  const lookups: string[] = [];
  const resolveHost: ResolveHost = async (hostname) => {
    lookups.push(hostname);
    const answer = table[hostname];
    if (answer === 'hang') return new Promise<string[]>(() => {});
    if (answer === undefined || answer === 'fail') throw new Error(`ENOTFOUND ${hostname}`);
    return answer;
  };
  return { lookups, resolveHost };
}

describe('OutboundUrlCheck', () => {
  it('refuses a host that resolves to loopback, naming the address, the URL without its query', async () => {
    const { resolveHost } = resolver({ 'hooks.test': ['127.0.0.1'] });
    const check = new OutboundUrlCheck({ allowPrivate: false, resolveHost });
    expect(await check.check('http://user:pw@hooks.test:8080/cb?token=s3cret')).toEqual({
      allowed: false,
      url: 'http://hooks.test:8080/cb?…',
      address: '127.0.0.1',
      reason: 'address 127.0.0.1 is loopback',
    });
  });

  it('refuses literal private addresses without asking DNS', async () => {
    const { lookups, resolveHost } = resolver({});
    const check = new OutboundUrlCheck({ allowPrivate: false, resolveHost });
    expect(await check.check('http://10.0.0.1/')).toMatchObject({ allowed: false, address: '10.0.0.1' });
    expect(await check.check('http://[fd00::1]/')).toMatchObject({ allowed: false, address: 'fd00::1' });
    expect(await check.check('https://93.184.216.34/')).toEqual({ allowed: true });
    expect(lookups).toEqual([]);
  });

  it('refuses anything but http(s)', async () => {
    const check = new OutboundUrlCheck({ allowPrivate: true });
    expect(await check.check('file:///etc/passwd')).toMatchObject({ allowed: false, address: undefined });
    expect(await check.check('not a url')).toMatchObject({ allowed: false, reason: 'not a valid URL' });
  });

  it('lets private addresses through when allowed, and allowed ranges only', async () => {
    const { resolveHost } = resolver({ 'mirror.test': ['10.20.1.5'], 'other.test': ['10.30.0.1'] });
    const all = new OutboundUrlCheck({ allowPrivate: true, resolveHost });
    expect(await all.check('http://other.test/')).toEqual({ allowed: true });
    const some = new OutboundUrlCheck({ allowPrivate: false, allowCidrs: ['10.20.0.0/16'], resolveHost });
    expect(await some.check('http://mirror.test/')).toEqual({ allowed: true });
    expect(await some.check('http://other.test/')).toMatchObject({ allowed: false, address: '10.30.0.1' });
  });

  it('passes a host that does not resolve or does not answer in time: the fetch checks again', async () => {
    const { resolveHost } = resolver({ 'slow.test': 'hang', 'gone.test': 'fail' });
    const check = new OutboundUrlCheck({ allowPrivate: false, resolveHost }, { timeoutMs: 20 });
    expect(await check.check('http://slow.test/')).toEqual({ allowed: true });
    expect(await check.check('http://gone.test/')).toEqual({ allowed: true });
  });

  it('asks once per host while the answer is fresh, for every path and port', async () => {
    let now = 1_000_000;
    const { lookups, resolveHost } = resolver({ 'hooks.test': ['127.0.0.1'], 'gone.test': 'fail' });
    const check = new OutboundUrlCheck(
      { allowPrivate: false, resolveHost },
      { ttlMs: 60_000, unresolvedTtlMs: 10_000, now: () => now },
    );
    await check.check('http://hooks.test/a');
    await check.check('https://HOOKS.test:8443/b?x=1');
    await check.check('http://gone.test/');
    expect(lookups).toEqual(['hooks.test', 'gone.test']);
    now += 10_001;
    await check.check('http://hooks.test/c');
    await check.check('http://gone.test/');
    expect(lookups).toEqual(['hooks.test', 'gone.test', 'gone.test']);
    now += 50_000;
    const verdict = await check.check('http://hooks.test/d');
    expect(verdict).toMatchObject({ allowed: false, url: 'http://hooks.test/d' });
    expect(lookups).toEqual(['hooks.test', 'gone.test', 'gone.test', 'hooks.test']);
  });

  it('forgets every host when its memory is full', async () => {
    const { lookups, resolveHost } = resolver({ 'a.test': ['93.184.216.34'], 'b.test': ['93.184.216.34'] });
    const check = new OutboundUrlCheck({ allowPrivate: false, resolveHost }, { maxHosts: 1 });
    await check.check('http://a.test/');
    await check.check('http://b.test/');
    await check.check('http://a.test/');
    expect(lookups).toEqual(['a.test', 'b.test', 'a.test']);
  });
});
