/** Starts a real S3-compatible server (s3rver) on loopback for tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}) => S3rverInstance;

/** A running s3rver with one bucket, and the GROUNDWORK_* settings that point the server at it. */
export async function startS3(
  bucket = 'groundwork-test',
): Promise<{ endpoint: string; bucket: string; env: Record<string, string>; stop: () => Promise<void> }> {
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverConstructor;
  const directory = mkdtempSync(join(tmpdir(), 'gw-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: {
      GROUNDWORK_BLOB_STORE: 's3',
      GROUNDWORK_S3_BUCKET: bucket,
      GROUNDWORK_S3_ENDPOINT: endpoint,
      GROUNDWORK_S3_FORCE_PATH_STYLE: 'true',
      GROUNDWORK_S3_ACCESS_KEY_ID: 'S3RVER',
      GROUNDWORK_S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    stop: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
