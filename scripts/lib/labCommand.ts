/**
 * `npm run lab -- <lab-id>`: one code lab (src/labs/<id>/app.ts) on 127.0.0.1, against the Redis
 * and PostgreSQL named by REDIS_URL and DATABASE_URL, or against throwaway servers started here
 * (scripts/lib/labServers.ts) and removed when the lab stops. `npm run lab -- --list` lists them.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import pg from 'pg';
import { getLab, labs, type LabEntry } from '../../src/labs/catalog.ts';
import { parseFlags } from './flags.ts';
import { startPostgresServer, startRedisServer, type ThrowawayServer } from './labServers.ts';
import { UsageError } from './usageError.ts';

export const LABS_DIR = join(import.meta.dirname, '../../src/labs');
export const DEFAULT_PORT = 3000;

export const LAB_USAGE = `usage:
  npm run lab -- --list
      list the code labs
  npm run lab -- <lab-id> [--port <port>]
      start the lab on http://127.0.0.1:<port> (default ${DEFAULT_PORT}; a lab with two app instances
      also uses <port>+1), seed its tables, and print a few curl lines to try; Ctrl+C stops it.
      It uses the Redis at REDIS_URL and the PostgreSQL at DATABASE_URL when they are set, and
      otherwise starts a throwaway redis-server and PostgreSQL, removed when the lab stops.`;

export type LabCommand = { kind: 'list' } | { kind: 'run'; lab: LabEntry; port: number };

/** The command line after `lab`; throws UsageError naming the argument at fault. */
export function parseLabArgs(argv: readonly string[]): LabCommand {
  const [first, ...rest] = argv;
  const id = first !== undefined && !first.startsWith('--') ? first : undefined;
  const flags = parseFlags(id === undefined ? argv : rest, { values: ['port'], switches: ['list'] });
  if (flags.switches.has('list')) {
    if (id !== undefined) throw new UsageError(`--list takes no lab id, got "${id}"`);
    if (flags.values.size > 0) throw new UsageError('--list takes no other flag');
    return { kind: 'list' };
  }
  if (id === undefined) throw new UsageError('no lab id given (`npm run lab -- --list` lists them)');
  const lab = getLab(id);
  if (lab === undefined)
    throw new UsageError(`unknown lab "${id}"; known: ${labs.map((entry) => entry.id).join(', ')}`);
  const text = flags.values.get('port');
  const port = text === undefined ? DEFAULT_PORT : Number(text);
  if (!/^\d+$/.test(text ?? String(DEFAULT_PORT)) || port < 1 || port > 65534)
    throw new UsageError(`--port: "${text}" is not a port from 1 to 65534`);
  return { kind: 'run', lab, port };
}

/** `--list`: one lab a line, its id, title and what it shows. */
export function labListLines(): string[] {
  const width = Math.max(...labs.map((lab) => lab.id.length));
  return labs.map((lab) => `${lab.id.padEnd(width)}  ${lab.title}: ${lab.summary}`);
}

/**
 * The lines under "Try it" in the lab's header comment, with the URLs the lab really got in place
 * of the header's 127.0.0.1:3000 (and :3001 for a second instance).
 */
export function tryItLines(source: string, urls: readonly string[]): string[] {
  const header = source.split('\n');
  const start = header.findIndex((line) => /^\/\/ Try it\b/.test(line));
  if (start === -1) return [];
  const lines: string[] = [];
  for (const line of header.slice(start + 1)) {
    const match = /^\/\/ {3}(.*)$/.exec(line);
    if (match === null) break;
    lines.push(
      (match[1] as string).replace(/http:\/\/127\.0\.0\.1:300(\d)/g, (whole, index: string) => {
        return urls[Number(index)] ?? whole;
      }),
    );
  }
  return lines;
}

/** Throws when something already listens on one of the lab's ports, before anything starts. */
export async function assertPortsFree(lab: LabEntry, port: number): Promise<void> {
  for (let index = 0; index < lab.instances; index++) {
    const candidate = port + index;
    await new Promise<void>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', () =>
        reject(new Error(`port ${candidate} is in use: choose other ports with --port <port>`)),
      );
      probe.listen(candidate, '127.0.0.1', () => probe.close(() => resolve()));
    });
  }
}

export interface LabSession {
  /** What to print: where everything runs, and what to try. */
  lines: string[];
  /** Stops the lab, then the servers it started. */
  stop(): Promise<void>;
  /** The servers only, bluntly, for an `exit` handler. */
  stopSync(): void;
}

/** Starts the servers (unless given), seeds the lab's tables, and starts the lab. */
export async function startLabSession(
  lab: LabEntry,
  port: number,
  env: { REDIS_URL?: string | undefined; DATABASE_URL?: string | undefined },
  progress: (text: string) => void,
): Promise<LabSession> {
  await assertPortsFree(lab, port);
  const started: ThrowawayServer[] = [];
  // A server leaves `started` only once it has stopped: an exit meanwhile still stops it (stopSync).
  const stopServers = async () => {
    for (const server of [...started].reverse()) {
      await server.stop();
      started.splice(started.indexOf(server), 1);
    }
  };
  try {
    let redisUrl = env.REDIS_URL;
    let redisNote = 'from REDIS_URL';
    if (redisUrl === undefined || redisUrl === '') {
      progress('starting a throwaway redis-server…');
      const redis = await startRedisServer();
      started.push(redis);
      redisUrl = redis.url;
      redisNote = `throwaway redis-server ${redis.version}, removed on exit`;
    }
    let databaseUrl = env.DATABASE_URL;
    let databaseNote = 'from DATABASE_URL';
    if (databaseUrl === undefined || databaseUrl === '') {
      progress('starting a throwaway PostgreSQL (initdb takes a few seconds)…');
      const postgres = await startPostgresServer();
      started.push(postgres);
      databaseUrl = postgres.url;
      databaseNote = `throwaway PostgreSQL ${postgres.version}, removed on exit`;
    }

    const schemaFile = join(LABS_DIR, lab.id, 'schema.sql');
    const seeder = new pg.Client({ connectionString: databaseUrl });
    await seeder.connect();
    try {
      await seeder.query(readFileSync(schemaFile, 'utf8'));
    } finally {
      await seeder.end();
    }

    const running = await (await lab.load()).main({ redisUrl, databaseUrl, port });
    const appFile = relative(process.cwd(), join(LABS_DIR, lab.id, 'app.ts'));
    const names = lab.instances > 1 ? ['App A', 'App B'] : ['App'];
    const lines = [
      `Code lab ${lab.id}: ${lab.title}`,
      '',
      `  Redis:       ${redisUrl}  (${redisNote})`,
      `  PostgreSQL:  ${databaseUrl}  (${databaseNote}; seeded from ${relative(process.cwd(), schemaFile)})`,
      ...running.urls.map((url, i) => `  ${`${names[i] ?? `App ${i + 1}`}:`.padEnd(13)}${url}`),
      '',
      'Try it:',
      ...tryItLines(readFileSync(join(LABS_DIR, lab.id, 'app.ts'), 'utf8'), running.urls).map(
        (line) => `  ${line}`,
      ),
      '',
      'For redis-cli and psql in another terminal:',
      `  export REDIS_URL='${redisUrl}' DATABASE_URL='${databaseUrl}'`,
      '',
      `The code is ${appFile}. Ctrl+C stops the lab${started.length > 0 ? ' and the servers it started' : ''}.`,
    ];
    return {
      lines,
      stop: async () => {
        await running.stop();
        await stopServers();
      },
      stopSync: () => started.splice(0).forEach((server) => server.stopSync()),
    };
  } catch (error) {
    await stopServers();
    throw error;
  }
}
