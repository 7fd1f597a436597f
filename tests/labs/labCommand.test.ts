/**
 * `npm run lab`: its arguments (usage errors exit 2 and name the argument), `--list`, the curl
 * lines it prints, the message when a server program is missing, and a real run: started, asked
 * over HTTP, stopped with SIGINT, and nothing left listening.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labListLines, parseLabArgs, tryItLines } from '../../scripts/lib/labCommand.ts';
import {
  findPostgresBinaries,
  findRedisServer,
  freePort,
  freePortRun,
  MissingServerError,
} from '../../scripts/lib/labServers.ts';
import { UsageError } from '../../scripts/lib/usageError.ts';
import { labs } from '../../src/labs/catalog.ts';
import { eventually } from './support/harness.ts';

const ROOT = join(import.meta.dirname, '../..');

function usageError(argv: string[]): string {
  try {
    parseLabArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

/**
 * Runs scripts/lab.ts as `npm run lab` does (`node --import tsx`, with this very node, so it needs
 * no PATH: one test empties it); `exited` settles when it exits.
 */
function runLab(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/lab.ts', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, ...output })),
  );
  return { child, output, exited };
}

/** Whether anything accepts a TCP connection on 127.0.0.1:`port`. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('npm run lab', () => {
  it('reads a lab id, --port and --list', () => {
    expect(parseLabArgs(['--list'])).toEqual({ kind: 'list' });
    expect(parseLabArgs(['stampede'])).toMatchObject({ kind: 'run', lab: { id: 'stampede' }, port: 3000 });
    expect(parseLabArgs(['outbox', '--port', '4100'])).toMatchObject({ lab: { id: 'outbox' }, port: 4100 });
    expect(parseLabArgs(['outbox', '--port=4100'])).toMatchObject({ port: 4100 });
  });

  it('names the argument at fault', () => {
    expect(usageError([])).toMatch(/no lab id given/);
    expect(usageError(['cache-asid'])).toMatch(/unknown lab "cache-asid"; known: cache-aside, /);
    expect(usageError(['cache-aside', '--port', 'http'])).toBe(
      '--port: "http" is not a port from 1 to 65534',
    );
    expect(usageError(['cache-aside', '--port', '70000'])).toMatch(/--port: "70000"/);
    expect(usageError(['cache-aside', '--verbose'])).toBe('unknown flag --verbose');
    expect(usageError(['cache-aside', 'outbox'])).toBe('unexpected argument "outbox"');
    expect(usageError(['--list', '--port', '1'])).toBe('--list takes no other flag');
  });

  it('exits 2 with the usage text on a bad argument', async () => {
    const { code, stderr } = await runLab(['nope']).exited;
    expect(code).toBe(2);
    expect(stderr).toMatch(/^lab: unknown lab "nope"/);
    expect(stderr).toContain('npm run lab -- <lab-id> [--port <port>]');
  });

  it('lists every lab', () => {
    const lines = labListLines();
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(labs.map((lab) => lab.id));
  });

  it('finds a run of free ports for a lab with several instances', async () => {
    const first = await freePortRun(3);
    const servers = [0, 1, 2].map(() => createServer());
    try {
      await Promise.all(
        servers.map(
          (server, i) =>
            new Promise<void>((resolve, reject) => {
              server.once('error', reject);
              server.listen(first + i, '127.0.0.1', resolve);
            }),
        ),
      );
      expect(servers.map((server) => server.listening)).toEqual([true, true, true]);
    } finally {
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    }
  });

  it("prints the header's curl lines with the lab's real URLs", () => {
    const source = [
      '// Try it (`npm run lab -- x`):',
      '//   curl http://127.0.0.1:3000/a   # A',
      '//   curl http://127.0.0.1:3001/b',
      'import x from "y";',
    ].join('\n');
    expect(tryItLines(source, ['http://127.0.0.1:4000', 'http://127.0.0.1:4001'])).toEqual([
      'curl http://127.0.0.1:4000/a   # A',
      'curl http://127.0.0.1:4001/b',
    ]);
    for (const lab of labs) {
      const source = readFileSync(join(ROOT, 'src/labs', lab.id, 'app.ts'), 'utf8');
      expect(tryItLines(source, ['u']).length, lab.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('names the Debian package to install when a server program is missing', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(() => findRedisServer()).toThrow(MissingServerError);
      expect(() => findRedisServer()).toThrow(/apt-get install redis-server/);
      expect(() => findPostgresBinaries('/nonexistent')).toThrow(/apt-get install postgresql/);
    } finally {
      process.env.PATH = path;
    }
    const { code, stderr } = await runLab(['cache-aside'], { ...process.env, PATH: '/nonexistent' }).exited;
    expect(code).toBe(1);
    expect(stderr).toMatch(/redis-server was not found\. Install Debian's `redis-server` package/);
  });

  it('finds PostgreSQL under /usr/lib/postgresql/<version>/bin when it is not on PATH', () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const { initdb, pgCtl } = findPostgresBinaries();
      expect(initdb).toMatch(/^\/usr\/lib\/postgresql\/\d+\/bin\/initdb$/);
      expect(pgCtl).toMatch(/^\/usr\/lib\/postgresql\/\d+\/bin\/pg_ctl$/);
    } finally {
      process.env.PATH = path;
    }
  });

  it('starts a lab with throwaway servers, serves it, and removes everything on SIGINT', async () => {
    const lab = await startedLab();
    try {
      expect(lab.stdout).toContain(`curl -i http://127.0.0.1:${lab.port}/users/1/email`);
      const first = await fetch(`http://127.0.0.1:${lab.port}/users/1/email`);
      expect(first.headers.get('x-cache')).toBe('miss');
      expect(await first.json()).toEqual({ id: 1, email: 'ada@example.com' });
      expect((await fetch(`http://127.0.0.1:${lab.port}/users/1/email`)).headers.get('x-cache')).toBe('hit');

      lab.child.kill('SIGINT');
      const { code, stderr } = await lab.exited;
      expect(code).toBe(0);
      expect(stderr).toContain('lab: stopped.');
      for (const port of [lab.port, lab.redisPort, lab.postgresPort])
        expect(await listening(port)).toBe(false);
    } finally {
      if (lab.child.exitCode === null) lab.child.kill('SIGKILL');
    }
  }, 90_000);

  it('leaves no server behind when the lab is killed outright (SIGKILL)', async () => {
    const lab = await startedLab();
    lab.child.kill('SIGKILL'); // no handler runs: the servers' reapers clean up
    await lab.exited;
    await eventually(
      async () => !(await listening(lab.redisPort)) && !(await listening(lab.postgresPort)),
      15_000,
    );
  }, 90_000);
});

/** scripts/lab.ts running cache-aside on a free port with throwaway servers, once it is ready. */
async function startedLab() {
  const port = await freePort();
  const env = { ...process.env, REDIS_URL: '', DATABASE_URL: '' };
  const { child, output, exited } = runLab(['cache-aside', '--port', String(port)], env);
  await eventually(() => output.stdout.includes('Ctrl+C stops the lab') || child.exitCode !== null, 60_000);
  const { stdout } = output;
  const redisPort = Number(/Redis: +redis:\/\/127\.0\.0\.1:(\d+)/.exec(stdout)?.[1]);
  const postgresPort = Number(/PostgreSQL: +postgres:\/\/postgres@127\.0\.0\.1:(\d+)/.exec(stdout)?.[1]);
  expect(await listening(redisPort), stdout + output.stderr).toBe(true);
  expect(await listening(postgresPort)).toBe(true);
  return { child, exited, stdout, port, redisPort, postgresPort };
}
