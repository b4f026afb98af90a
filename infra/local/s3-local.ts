// Local S3: s3rver in this process, reached with the real @aws-sdk/client-s3
// (path-style). It accepts only its built-in key pair S3RVER/S3RVER, so the
// stack hands those to every SDK client as the dummy credentials.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface S3Local {
  readonly endpoint: string;
  readonly port: number;
  readonly directory: string;
  stop(): Promise<void>;
}

export interface S3LocalOptions {
  /** 0 picks a free port. */
  port: number;
  /** Keep objects here across runs; a fresh temp dir (removed on stop) when absent. */
  directory?: string;
  quiet?: boolean;
}

export async function startS3Local(options: S3LocalOptions): Promise<S3Local> {
  const temporary = options.directory === undefined;
  const directory = options.directory ?? (await mkdtemp(path.join(tmpdir(), 'aftersales-s3-')));
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port,
    directory,
    silent: options.quiet ?? true,
    // The SDK signs with SigV4, which s3rver does not verify anyway.
    allowMismatchedSignatures: true,
    // Path-style only: virtual-host buckets would need DNS for *.localhost.
    vhostBuckets: false,
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    directory,
    stop: async () => {
      server.httpServer?.closeAllConnections();
      await server.close();
      if (temporary) await rm(directory, { recursive: true, force: true });
    },
  };
}
