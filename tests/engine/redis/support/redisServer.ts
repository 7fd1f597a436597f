/**
 * Starts a throwaway redis-server for the conformance suite: loopback only, a free port, no
 * persistence. It never skips: without redis-server the suite fails and says how to install it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { RespClient } from './resp.ts';

export interface RunningRedis {
  port: number;
  version: string;
  stop(): Promise<void>;
}

const INSTALL_HINT =
  'The Redis conformance suite needs a real redis-server 7.x: install it with `apt-get install redis-server` ' +
  '(scripts/ensure-system-deps.sh does this when run as root).';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export async function startRedis(): Promise<RunningRedis> {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0)
    throw new Error(`redis-server cannot be started. ${INSTALL_HINT}`);
  const version = /v=(\S+)/.exec(probe.stdout)?.[1] ?? 'unknown';
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'no',
      '--loglevel',
      'warning',
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Wait until it answers PING.
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const client = await RespClient.open(port);
      client.send(['PING']);
      await client.read(500);
      client.close();
      return {
        port,
        version,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      };
    } catch {
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not start on port ${port}. ${INSTALL_HINT}`);
}
