/**
 * The keyspace answers like real Redis: every command in corpus/*.txt runs against the engine's
 * keyspace and against a throwaway redis-server, and the replies must be identical — same RESP
 * type, same text, same digits — except TTL-style numbers, which may differ by the time that
 * passed between the two. `@advance` really waits for the server.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReplyInline, type Reply } from '../../../src/engine/redis/reply.ts';
import { RedisSession } from '../../../src/engine/redis/session.ts';
import { readCorpus } from './support/corpus.ts';
import { startRedis, type RunningRedis } from './support/redisServer.ts';
import { RespClient } from './support/resp.ts';

const CORPUS = join(import.meta.dirname, 'corpus');
const files = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort();

let redis: RunningRedis | undefined;
let startError: unknown;

beforeAll(async () => {
  try {
    redis = await startRedis();
  } catch (error) {
    startError = error;
  }
}, 20_000);

afterAll(async () => {
  await redis?.stop();
});

/** Integers that count time may differ by the milliseconds between the two runs. */
const TIME_TOLERANCE: Record<string, number> = { TTL: 1, PTTL: 100, EXPIRETIME: 1, PEXPIRETIME: 100 };
/** Replies whose order is the hash table's (KEYS, SCAN; CONFIG GET by pairs) compare as sets. */
const UNORDERED = new Set(['KEYS', 'SCAN']);

function normalise(command: string, reply: Reply): Reply {
  if (command === 'CONFIG' && reply.type === 'array') {
    // CONFIG GET lists name/value pairs in the server's dict order: compare them as a set of pairs.
    const pairs: Reply[][] = [];
    for (let i = 0; i < reply.value.length; i += 2) pairs.push(reply.value.slice(i, i + 2));
    pairs.sort((a, b) => byText(a[0] as Reply, b[0] as Reply));
    return { type: 'array', value: pairs.flat() };
  }
  if (!UNORDERED.has(command) || reply.type !== 'array') return reply;
  if (command === 'KEYS') return { type: 'array', value: [...reply.value].sort(byText) };
  const [cursor, keys] = reply.value;
  if (keys?.type !== 'array' || cursor === undefined) return reply;
  return { type: 'array', value: [cursor, { type: 'array', value: [...keys.value].sort(byText) }] };
}

function byText(a: Reply, b: Reply): number {
  const x = formatReplyInline(a);
  const y = formatReplyInline(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function withinTolerance(command: string, ours: Reply, theirs: Reply): boolean {
  const slack = TIME_TOLERANCE[command];
  if (slack === undefined || ours.type !== 'integer' || theirs.type !== 'integer') return false;
  const a = BigInt(ours.value);
  const b = BigInt(theirs.value);
  return a >= 0n && b >= 0n && (a > b ? a - b : b - a) <= BigInt(slack);
}

describe('conformance with redis-server', () => {
  it('has redis-server to compare with', () => {
    if (startError !== undefined) throw startError;
    expect(redis?.version).toMatch(/^7\./);
  });

  it('the corpus holds at least 200 commands', () => {
    const total = files.reduce(
      (n, f) => n + readCorpus(join(CORPUS, f)).filter((s) => s.kind === 'command').length,
      0,
    );
    expect(total).toBeGreaterThanOrEqual(200);
  });

  it.each(files)(
    '%s: every reply is identical',
    async (file) => {
      if (redis === undefined) throw startError ?? new Error('redis-server did not start');
      const client = await RespClient.open(redis.port);
      try {
        client.send(['FLUSHALL']);
        await client.read();
        client.send([
          'CONFIG',
          'SET',
          'maxmemory',
          '0',
          'maxmemory-policy',
          'noeviction',
          'maxmemory-samples',
          '5',
        ]);
        await client.read();
        // The keyspace's clock follows the wall clock, so both sides see the same time.
        const session = new RedisSession({ startMs: Date.now() });
        const mismatches: string[] = [];
        for (const step of readCorpus(join(CORPUS, file))) {
          if (step.kind === 'advance') {
            await new Promise((r) => setTimeout(r, step.ms));
            continue;
          }
          session.advanceTo(Date.now());
          const ours = session.run(step.argv);
          client.send(step.argv);
          const theirs: Reply[] = [];
          for (let i = 0; i < ours.length; i++) theirs.push(await client.read());
          const command = (step.argv[0] ?? '').toUpperCase();
          const same =
            ours.length === theirs.length &&
            ours.every((reply, i) => {
              const a = normalise(command, reply);
              const b = normalise(command, theirs[i] as Reply);
              return JSON.stringify(a) === JSON.stringify(b) || withinTolerance(command, a, b);
            });
          if (!same) {
            mismatches.push(
              `${file}:${step.line} ${step.text}\n    ours:  ${ours.map(formatReplyInline).join(' | ')}\n    redis: ${theirs.map(formatReplyInline).join(' | ')}`,
            );
          }
        }
        // Nothing may be left unread: the server sent exactly as many replies as we did.
        await new Promise((r) => setTimeout(r, 20));
        expect(client.unread).toBe('');
        expect(mismatches.join('\n')).toBe('');
      } finally {
        client.close();
      }
    },
    30_000,
  );
});
