/**
 * Throwaway redis-server and PostgreSQL instances on free loopback ports, for `npm run lab`, the
 * code labs' tests and the Redis conformance suite. Nothing is persisted: Redis runs with
 * `--save '' --appendonly no`, PostgreSQL in a fresh `initdb` directory that `stop()` deletes.
 *
 * PostgreSQL refuses to run as root, so as root `initdb`, `pg_ctl` and the server run as the
 * `postgres` system user (created when missing) through `runuser`, in a directory it owns.
 *
 * Both servers run in their own process group, so a Ctrl+C meant for the caller does not stop
 * them behind its back: the caller stops them, in order, and `stopSync()` is there for `exit`
 * handlers that cannot wait. A process killed outright (SIGKILL) runs no handler at all, so each
 * server also gets a reaper: a small detached watcher that cleans up if this process dies first.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** A server program that is not installed: the message names the Debian package that has it. */
export class MissingServerError extends Error {
  constructor(
    readonly program: string,
    readonly debianPackage: string,
  ) {
    super(
      `${program} was not found. Install Debian's \`${debianPackage}\` package ` +
        `(\`sudo apt-get install ${debianPackage}\`, or run \`sudo bash scripts/ensure-system-deps.sh\`).`,
    );
    this.name = 'MissingServerError';
  }
}

export interface ThrowawayServer {
  port: number;
  /** A client URL: `redis://127.0.0.1:<port>` or `postgres://postgres@127.0.0.1:<port>/postgres`. */
  url: string;
  /** The server's version, as it reports it. */
  version: string;
  /** Stops the server gracefully and removes what it left on disk. Safe to call twice. */
  stop(): Promise<void>;
  /** The same, synchronously and bluntly, for `process.on('exit')`. */
  stopSync(): void;
}

export interface ThrowawayRedis extends ThrowawayServer {
  /** SIGKILL, as a crash would: whatever it held in memory is gone. */
  crash(): Promise<void>;
}

/**
 * Listens on a TCP port of 127.0.0.1 (0: one the system picks) and closes it again: the port it
 * got, or the listen error (EADDRINUSE when something listens there).
 */
function probePort(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(port, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return probePort(0);
}

/**
 * The first of `count` consecutive TCP ports on 127.0.0.1 that nothing listens on right now, for
 * a lab whose instances listen on a port each, one after the other.
 */
export async function freePortRun(count: number): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const first = await freePort();
    if (first + count - 1 > 65_535) continue;
    let free = true;
    for (let port = first + 1; free && port < first + count; port++)
      free = await probePort(port).then(
        () => true,
        () => false,
      );
    if (free) return first;
  }
  throw new Error(`found no ${count} free consecutive ports on 127.0.0.1`);
}

/** An executable on PATH, or null. */
function onPath(program: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, program);
    if (existsSync(candidate) && spawnSync(candidate, ['--version'], { stdio: 'ignore' }).status === 0)
      return candidate;
  }
  return null;
}

/** redis-server's path, or a MissingServerError naming `redis-server`. */
export function findRedisServer(): string {
  const found = onPath('redis-server');
  if (found === null) throw new MissingServerError('redis-server', 'redis-server');
  return found;
}

export interface PostgresBinaries {
  initdb: string;
  pgCtl: string;
}

/**
 * initdb and pg_ctl: from PATH when both are there, else from the newest Debian install under
 * /usr/lib/postgresql/<version>/bin, which Debian keeps off PATH. scripts/ensure-system-deps.sh
 * looks in the same places.
 */
export function findPostgresBinaries(root = '/usr/lib/postgresql'): PostgresBinaries {
  const initdb = onPath('initdb');
  const pgCtl = onPath('pg_ctl');
  if (initdb !== null && pgCtl !== null) return { initdb, pgCtl };
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+(\.\d+)?$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl')))
      return { initdb: join(bin, 'initdb'), pgCtl: join(bin, 'pg_ctl') };
  }
  throw new MissingServerError('PostgreSQL (initdb and pg_ctl)', 'postgresql');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Whether a Redis server answers PING on the port. */
function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

/**
 * The reaper, in plain JavaScript for `node -e`: every 250 ms it checks that the process that
 * started the server is alive; once it is not, it kills the server's process (only if that pid
 * is still the program named, never a stranger that reused it), runs the stop command, removes
 * the directory, and exits. A clean stop kills the reaper first.
 */
const REAPER = `
const { spawnSync } = require('node:child_process');
const { readFileSync, rmSync } = require('node:fs');
const plan = JSON.parse(process.argv[1]);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const timer = setInterval(() => {
  if (alive(plan.parent)) return;
  clearInterval(timer);
  if (plan.kill) {
    let command = '';
    try { command = readFileSync('/proc/' + plan.kill.pid + '/cmdline', 'utf8'); } catch {}
    if (command.includes(plan.kill.program)) try { process.kill(plan.kill.pid, 'SIGKILL'); } catch {}
  }
  if (plan.run) spawnSync(plan.run[0], plan.run.slice(1), { stdio: 'ignore', timeout: 15000 });
  if (plan.remove) rmSync(plan.remove, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}, 250);
`;

interface ReaperPlan {
  kill?: { pid: number; program: string };
  run?: string[];
  remove?: string;
}

/** Starts a reaper for `plan`; the function returned dismisses it. */
function startReaper(plan: ReaperPlan): () => void {
  const reaper = spawn(process.execPath, ['-e', REAPER, JSON.stringify({ parent: process.pid, ...plan })], {
    detached: true,
    stdio: 'ignore',
    cwd: '/',
  });
  reaper.unref();
  return () => {
    if (reaper.exitCode === null && reaper.signalCode === null) reaper.kill('SIGKILL');
  };
}

/** A redis-server on a free loopback port, without persistence. */
export async function startRedisServer(): Promise<ThrowawayRedis> {
  const program = findRedisServer();
  const version = /v=(\S+)/.exec(spawnSync(program, ['--version'], { encoding: 'utf8' }).stdout)?.[1];
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child: ChildProcess = spawn(program, [...args, '--daemonize', 'no', '--loglevel', 'warning'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const dismissReaper =
    child.pid === undefined
      ? () => undefined
      : startReaper({ kill: { pid: child.pid, program: 'redis-server' } });
  const halt = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    dismissReaper();
  };
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await redisAnswers(port)) {
      return {
        port,
        url: `redis://127.0.0.1:${port}`,
        version: version ?? 'unknown',
        stop: () => halt('SIGTERM'),
        crash: () => halt('SIGKILL'),
        stopSync: () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          dismissReaper();
        },
      };
    }
    if (child.exitCode !== null || child.signalCode !== null) break;
    await sleep(25);
  }
  await halt('SIGKILL');
  throw new Error(`redis-server did not start on port ${port}: ${errors.trim() || 'no answer to PING'}`);
}

/** The user PostgreSQL runs as: ourselves, or as root an unprivileged system user. */
interface RunAs {
  user: string;
  uid: number;
  gid: number;
}

function unprivilegedUser(): RunAs | null {
  if (process.getuid?.() !== 0) return null;
  const lookup = (user: string) => {
    const uid = spawnSync('id', ['-u', user], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', user], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0
      ? { user, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) }
      : null;
  };
  // Debian's postgresql package creates `postgres`; binaries from elsewhere may not have.
  const existing = lookup('postgres');
  if (existing !== null) return existing;
  const created = spawnSync(
    'useradd',
    [
      '--system',
      '--user-group',
      '--no-create-home',
      '--home-dir',
      '/nonexistent',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ],
    { encoding: 'utf8' },
  );
  const user = lookup('postgres');
  if (user === null)
    throw new Error(
      `PostgreSQL cannot run as root and no \`postgres\` user could be created: ${created.stderr}`,
    );
  return user;
}

/** A command line, run as `runAs` when given (`runuser -u <user> -- …`). */
function asUser(runAs: RunAs | null, program: string, args: string[]): [string, string[]] {
  return runAs === null ? [program, args] : ['runuser', ['-u', runAs.user, '--', program, ...args]];
}

function run(
  runAs: RunAs | null,
  program: string,
  args: string[],
  cwd: string,
): Promise<{ code: number | null; output: string }> {
  const [command, argv] = asUser(runAs, program, args);
  return new Promise((resolve, reject) => {
    // Its own process group: the server pg_ctl leaves behind must not see the caller's Ctrl+C.
    const child = spawn(command, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    // `exit`, not `close`: had pg_ctl no log file, the server would hold the pipes open.
    child.once('exit', (code) => resolve({ code, output }));
  });
}

const DIR_PREFIX = 'cachescope-pg-';

/**
 * Removes the directories of throwaway servers whose process was killed before it could remove
 * them (SIGKILL gives no chance to clean up): older than ten minutes, so none is still starting,
 * and with no live postmaster, so none is in use.
 */
function sweepAbandoned(base: string): void {
  let names: string[];
  try {
    names = readdirSync(base).filter((name) => name.startsWith(DIR_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const dir = join(base, name);
    try {
      if (Date.now() - statSync(dir).mtimeMs < 10 * 60_000) continue;
      const pidFile = join(dir, 'data', 'postmaster.pid');
      if (existsSync(pidFile) && isAlive(Number(readFileSync(pidFile, 'utf8').split('\n')[0]))) continue;
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Someone else's, or gone already: not ours to worry about.
    }
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A temporary directory the server's user can write: under the system's temporary directory, or
 * under /tmp when that one is closed to it (a TMPDIR inside /root, say).
 */
function serverDirectory(runAs: RunAs | null): string {
  const make = (base: string) => {
    sweepAbandoned(base);
    const dir = mkdtempSync(join(base, DIR_PREFIX));
    if (runAs !== null) chownSync(dir, runAs.uid, runAs.gid);
    return dir;
  };
  const dir = make(tmpdir());
  if (runAs === null) return dir;
  const [command, argv] = asUser(runAs, 'test', ['-w', dir]);
  if (spawnSync(command, argv, { cwd: dir }).status === 0) return dir;
  rmSync(dir, { recursive: true, force: true });
  return make('/tmp');
}

/**
 * A PostgreSQL server on a free loopback port, in a fresh temporary cluster with trust
 * authentication for the `postgres` superuser. Durability is switched off: it is thrown away.
 */
export async function startPostgresServer(): Promise<ThrowawayServer> {
  const { initdb, pgCtl } = findPostgresBinaries();
  const runAs = unprivilegedUser();
  const dir = serverDirectory(runAs);
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  const port = await freePort();
  // `stopSync` may run while `stop` is under way (an exit during the teardown): it then finishes
  // the job, bluntly, rather than leave the directory behind.
  let state: 'running' | 'stopping' | 'stopped' = 'running';
  const [stopCommand, stopArgs] = asUser(runAs, pgCtl, ['-D', data, 'stop', '-m', 'immediate', '-w']);
  const dismissReaper = startReaper({ run: [stopCommand, ...stopArgs], remove: dir });
  const removeDir = () => {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    dismissReaper();
  };
  const stopSync = () => {
    if (state === 'stopped') return;
    state = 'stopped';
    const result = spawnSync(stopCommand, stopArgs, { cwd: dir, stdio: 'ignore', timeout: 15_000 });
    if (result.status !== 0) killPostmaster(data);
    removeDir();
  };
  const stop = async () => {
    if (state !== 'running') return;
    state = 'stopping';
    const result = await run(runAs, pgCtl, ['-D', data, 'stop', '-m', 'immediate', '-w'], dir);
    if (state !== 'stopping') return;
    if (result.code !== 0) killPostmaster(data);
    removeDir();
    state = 'stopped';
  };
  try {
    const init = await run(
      runAs,
      initdb,
      ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
      dir,
    );
    if (init.code !== 0) throw new Error(`initdb failed:\n${init.output.trim()}`);
    const options = [
      `-p ${port}`,
      `-k '${dir}'`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
    ].join(' ');
    const start = await run(
      runAs,
      pgCtl,
      ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start'],
      dir,
    );
    if (start.code !== 0) {
      const serverLog = existsSync(log) ? readFileSync(log, 'utf8').trim() : '';
      throw new Error(`PostgreSQL did not start on port ${port}:\n${start.output.trim()}\n${serverLog}`);
    }
    const version = /(\d+(\.\d+)?)/.exec(spawnSync(pgCtl, ['--version'], { encoding: 'utf8' }).stdout)?.[1];
    return {
      port,
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      version: version ?? 'unknown',
      stop,
      stopSync,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The last resort when pg_ctl cannot stop the server: SIGKILL the postmaster named in its pid file. */
function killPostmaster(data: string): void {
  const pidFile = join(data, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
